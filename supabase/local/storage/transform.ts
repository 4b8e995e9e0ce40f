// Image transformation (Supabase's /render/image, imgproxy on hosted) with sharp: width, height,
// resize cover|contain|fill, quality 20–100, format origin|avif|webp (webp when omitted and the
// client accepts it, as hosted Supabase's automatic optimisation does).
import sharp, { type FormatEnum, type Metadata } from 'sharp';
import { ERRORS, ValidationError } from './errors.ts';

export interface TransformOptions {
  width?: number;
  height?: number;
  resize?: 'cover' | 'contain' | 'fill';
  quality?: number;
  format?: 'origin' | 'avif' | 'webp';
}

const RESIZE = new Set(['cover', 'contain', 'fill']);
const FORMATS = new Set(['origin', 'avif', 'webp']);

/** From a query string (`?width=…`) or a signed-URL request body (`transform: {…}`). */
export function parseTransform(source: URLSearchParams | Record<string, unknown>, where = 'querystring'): TransformOptions {
  const get = (name: string): unknown => (source instanceof URLSearchParams ? source.get(name) ?? undefined : source[name]);
  const int = (name: string, min: number, max?: number): number | undefined => {
    const raw = get(name);
    if (raw === undefined || raw === null || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new ValidationError(`${where}/${name} must be integer`);
    if (value < min) throw new ValidationError(`${where}/${name} must be >= ${min}`);
    if (max !== undefined && value > max) throw new ValidationError(`${where}/${name} must be <= ${max}`);
    return value;
  };
  const choice = <T extends string>(name: string, allowed: Set<string>): T | undefined => {
    const raw = get(name);
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw !== 'string' || !allowed.has(raw)) {
      throw new ValidationError(`${where}/${name} must be equal to one of the allowed values`);
    }
    return raw as T;
  };
  return {
    width: int('width', 0) || undefined,
    height: int('height', 0) || undefined,
    resize: choice('resize', RESIZE),
    quality: int('quality', 20, 100),
    format: choice('format', FORMATS),
  };
}

/** What a signed render URL's token carries: "width:100,height:50,resize:cover,quality:80,format:webp". */
export function transformationsOf(t: TransformOptions): string {
  return Object.entries(t)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
}

export function fromTransformations(text: string): TransformOptions {
  const entries = Object.fromEntries(text.split(',').filter(Boolean).map((part) => part.split(':') as [string, string]));
  return parseTransform(entries);
}

const FIT = { cover: 'cover', contain: 'inside', fill: 'fill' } as const;

export async function renderImage(input: Buffer, t: TransformOptions, accept: string | undefined): Promise<{ data: Buffer; mimeType: string }> {
  let image = sharp(input, { failOn: 'error' });
  let meta: Metadata;
  try {
    meta = await image.metadata();
  } catch {
    throw ERRORS.imageProcessing('The source file is not an image that can be transformed');
  }
  if (t.width || t.height) {
    image = image.resize({ width: t.width, height: t.height, fit: FIT[t.resize ?? 'cover'] });
  }
  const quality = t.quality ?? 80;
  const format = t.format ?? (accept?.includes('image/webp') ? 'webp' : 'origin');
  try {
    if (format === 'webp') return { data: await image.webp({ quality }).toBuffer(), mimeType: 'image/webp' };
    if (format === 'avif') return { data: await image.avif({ quality }).toBuffer(), mimeType: 'image/avif' };
    const origin: string = meta.format ?? 'png';
    const kept = ['jpeg', 'png', 'webp', 'tiff', 'gif'].includes(origin) ? origin : 'png';
    const out = image.toFormat(kept as keyof FormatEnum, { quality });
    const mimeType = `image/${kept}`;
    return { data: await out.toBuffer(), mimeType };
  } catch (error) {
    throw ERRORS.imageProcessing((error as Error).message);
  }
}
