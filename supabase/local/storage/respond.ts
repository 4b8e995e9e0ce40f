// Sends an object's bytes with storage-api's headers: Content-Type, Content-Length, ETag,
// Last-Modified, Cache-Control (or Expires for signed URLs), Accept-Ranges / Content-Range,
// Content-Disposition for `?download`, and 304 on a matching If-None-Match / If-Modified-Since.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { StorageContext } from './context.ts';
import { ERRORS } from './errors.ts';
import type { ObjectRow } from './sql.ts';

export interface SendOptions {
  /** `download` query parameter: '' for the stored name, or a file name. */
  download?: string | null;
  /** Signed URLs answer with Expires instead of Cache-Control. */
  expires?: string;
  head?: boolean;
  /** Replaces the stored bytes (image transformation). */
  body?: { data: Buffer; mimeType: string };
}

/** `text/html` is served as text/plain, as storage-api does, so stored HTML never runs on the API origin. */
function safeContentType(mime: string | undefined): string {
  if (!mime) return 'application/octet-stream';
  return mime.includes('text/html') ? 'text/plain' : mime;
}

export function contentDisposition(download: string | null | undefined): string | undefined {
  if (download === null || download === undefined) return undefined;
  if (download === '') return 'attachment;';
  const name = encodeURIComponent(download);
  return `attachment; filename=${name}; filename*=UTF-8''${name};`;
}

export async function sendObject(
  ctx: StorageContext,
  req: IncomingMessage,
  res: ServerResponse,
  object: ObjectRow,
  options: SendOptions = {},
): Promise<void> {
  const meta = object.metadata ?? ({} as NonNullable<ObjectRow['metadata']>);
  const path = ctx.disk.pathOf(object.bucket_id, object.name, object.version);
  const size = options.body ? options.body.data.length : await ctx.disk.size(path);
  if (size === null) {
    // A row whose bytes are gone: storage-api's renderer answer for a backend 404.
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: 'Not found', message: 'The resource was not found', statusCode: '404' }));
    return;
  }
  const lastModified = new Date(meta.lastModified ?? object.updated_at).toUTCString();
  const headers: Record<string, string> = {
    'accept-ranges': 'bytes',
    'content-type': safeContentType(options.body?.mimeType ?? meta.mimetype),
    'last-modified': lastModified,
  };
  if (meta.eTag && !options.body) headers.etag = meta.eTag;
  if (options.expires) headers.expires = options.expires;
  else headers['cache-control'] = meta.cacheControl ?? 'no-cache';
  const disposition = contentDisposition(options.download);
  if (disposition) headers['content-disposition'] = disposition;

  if (notModified(req, meta.eTag, lastModified)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }

  const range = options.body ? undefined : parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') throw ERRORS.invalidRange();
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    res.writeHead(206, headers);
  } else {
    headers['content-length'] = String(size);
    res.writeHead(200, headers);
  }
  if (options.head || req.method === 'HEAD') {
    res.end();
    return;
  }
  if (options.body) {
    res.end(options.body.data);
    return;
  }
  await pipeline(ctx.disk.read(path, range ?? undefined), res);
}

function notModified(req: IncomingMessage, eTag: string | undefined, lastModified: string): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return eTag !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === eTag || t.trim() === '*');
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && Date.parse(lastModified) <= since;
  }
  return false;
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; other forms are ignored (whole body). */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}
