// What storage-api accepts as a bucket name, an object key, a MIME type and a size limit.
import { ERRORS } from './errors.ts';

// S3-safe ASCII characters, as storage-api allows them, and (since its unicode-object-names
// migration) any non-ASCII character but the noncharacters U+FFFE / U+FFFF and lone surrogates.
const KEY_CHARS = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?|[^\x00-\x7F])*$/;
const NONCHARACTERS = /[\uFFFE\uFFFF]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BUCKET_CHARS = /^(\w|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

/**
 * An object key: storage-api's character set, and (because keys are also paths on the local disk)
 * no absolute path, no `.` or `..` segment and no empty segment.
 */
export function mustBeValidKey(key: string | undefined): asserts key is string {
  if (!key || !KEY_CHARS.test(key) || NONCHARACTERS.test(key) || LONE_SURROGATE.test(key)) throw ERRORS.invalidKey(key ?? '');
  const segments = key.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw ERRORS.invalidKey(key);
}

export function mustBeValidBucketName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length >= 64 || !BUCKET_CHARS.test(name)) {
    throw ERRORS.invalidBucketName();
  }
}

/** `.emptyFolderPlaceholder` objects (the dashboard's empty folders) skip the MIME check and must be empty. */
export function isEmptyFolder(key: string): boolean {
  return key.endsWith('.emptyFolderPlaceholder');
}

const MIME = /^[\w.+-]+\/[\w.+*-]+$/;

/** Refuses a MIME type outside the bucket's list; entries may end in `/*` (`image/*`). */
export function mustBeAllowedMimeType(mimeType: string, allowed: string[] | null): void {
  if (!allowed || allowed.length === 0) return;
  const base = mimeType.split(';')[0].trim().toLowerCase();
  if (!MIME.test(base)) throw ERRORS.invalidMimeType(mimeType);
  const [type] = base.split('/');
  const ok = allowed.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted === base || wanted === `${type}/*` || wanted === '*/*';
  });
  if (!ok) throw ERRORS.invalidMimeType(mimeType);
}

/** A bucket's `file_size_limit`: a number of bytes, or "20GB" / "20MB" / "30KB" / "3B" (decimal units). */
export function parseBucketSizeLimit(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw ERRORS.invalidFileSizeLimit();
    return Math.floor(value);
  }
  if (typeof value !== 'string') throw ERRORS.invalidFileSizeLimit();
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value);
  if (!match) throw ERRORS.invalidFileSizeLimit();
  const amount = Number(Number.parseFloat(match[1]).toPrecision(3));
  const unit = { GB: 1e9, MB: 1e6, KB: 1e3, B: 1 }[match[2].toUpperCase() as 'GB' | 'MB' | 'KB' | 'B'];
  return Math.round(amount * unit);
}

export function parseMimeTypes(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw ERRORS.invalidParameter('allowed_mime_types');
  }
  for (const entry of value) {
    if (!MIME.test(entry.split(';')[0].trim())) throw ERRORS.invalidMimeType(entry);
  }
  return value;
}

/** The wildcard part of a route (`/object/<bucket>/<key>`) split into bucket and decoded key. */
export function splitBucketPath(rest: string): { bucket: string; key: string } {
  const slash = rest.indexOf('/');
  const rawBucket = slash === -1 ? rest : rest.slice(0, slash);
  const rawKey = slash === -1 ? '' : rest.slice(slash + 1);
  return { bucket: decode(rawBucket), key: decode(rawKey) };
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw ERRORS.invalidKey(part);
  }
}
