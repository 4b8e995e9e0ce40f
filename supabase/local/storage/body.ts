// The file of an upload request, as storage-js sends it: multipart/form-data (a Blob or File, with
// `cacheControl`, `metadata` and optionally `contentType` fields) or a raw body (Content-Type,
// Cache-Control and base64 JSON `x-metadata` headers). Bytes go to a staged file under the limit.
import type { IncomingMessage } from 'node:http';
import { ERRORS } from './errors.ts';
import type { Disk, StagedFile } from './disk.ts';
import { isEmptyFolder, mustBeAllowedMimeType } from './keys.ts';

export interface UploadFile {
  staged: StagedFile;
  mimeType: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
}

export interface UploadRules {
  key: string;
  /** Bytes allowed: the smaller of the global and the bucket's limits. */
  limit: number;
  allowedMimeTypes: string[] | null;
}

/** Room for the multipart envelope and metadata fields around the file itself. */
const MULTIPART_OVERHEAD = 1024 * 1024;

export async function readUpload(req: IncomingMessage, disk: Disk, rules: UploadRules): Promise<UploadFile> {
  const limit = isEmptyFolder(rules.key) ? 0 : rules.limit;
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return readMultipart(req, disk, rules, limit);

  const mimeType = contentType || 'application/octet-stream';
  if (!isEmptyFolder(rules.key)) mustBeAllowedMimeType(mimeType, rules.allowedMimeTypes);
  const userMetadata = parseMetadataHeader(req.headers['x-metadata']);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw ERRORS.entityTooLarge();
  }
  const staged = await disk.stage(req, limit).catch((error) => {
    req.resume();
    throw error;
  });
  const cacheControl = headerValue(req.headers['cache-control']) ?? 'no-cache';
  return { staged, mimeType, cacheControl, userMetadata };
}

async function readMultipart(req: IncomingMessage, disk: Disk, rules: UploadRules, limit: number): Promise<UploadFile> {
  const body = await readCapped(req, limit + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type']! } }).formData();
  } catch {
    throw ERRORS.noContent();
  }
  let file: File | undefined;
  for (const [, value] of form.entries()) {
    if (typeof value !== 'string') {
      file = value as File;
      break;
    }
  }
  if (!file) throw ERRORS.noContent();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const mimeType = field('contentType') || file.type || 'application/octet-stream';
  if (!isEmptyFolder(rules.key)) mustBeAllowedMimeType(mimeType, rules.allowedMimeTypes);
  const cacheTime = field('cacheControl');
  let userMetadata: Record<string, unknown> | null = null;
  const rawMetadata = field('metadata') ?? field('userMetadata');
  if (rawMetadata !== undefined) {
    try {
      const parsed = JSON.parse(rawMetadata);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) userMetadata = parsed;
    } catch {
      // storage-api ignores metadata it cannot parse in a form
    }
  }
  if (file.size > limit) throw ERRORS.entityTooLarge();
  const staged = await disk.stage(Buffer.from(await file.arrayBuffer()), limit);
  return { staged, mimeType, cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache', userMetadata };
}

async function readCapped(req: IncomingMessage, cap: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) {
    req.resume();
    throw ERRORS.entityTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > cap) {
      req.resume();
      throw ERRORS.entityTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseMetadataHeader(value: string | string[] | undefined): Record<string, unknown> | null {
  const text = headerValue(value);
  if (text === undefined) return null;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // fall through
  }
  throw ERRORS.invalidParameter('metadata', 'Invalid metadata header');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A small JSON body (bucket and object commands). */
export async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  const body = await readCapped(req, 1024 * 1024);
  if (body.length === 0) return {};
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    throw ERRORS.invalidParameter('body', 'Body is not valid JSON');
  }
}
