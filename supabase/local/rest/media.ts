// Content negotiation on the Accept header: which representation a response is sent in.
import { ApiError } from './errors.ts';

export type MediaKind = 'json' | 'object' | 'csv' | 'openapi';

export interface Media {
  kind: MediaKind;
  /** `;nulls=stripped` on the array or object media types. */
  stripNulls: boolean;
}

export const CONTENT_TYPES: Record<MediaKind, string> = {
  json: 'application/json; charset=utf-8',
  object: 'application/vnd.pgrst.object+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  openapi: 'application/openapi+json; charset=utf-8',
};

/** The Content-Type of a response in `media`: PostgREST echoes `;nulls=stripped` of the vendor types. */
export function contentType(media: Media): string {
  if (!media.stripNulls) return CONTENT_TYPES[media.kind];
  const vendor = media.kind === 'object' ? 'object' : 'array';
  return `application/vnd.pgrst.${vendor}+json;nulls=stripped; charset=utf-8`;
}

interface AcceptItem {
  type: string;
  params: Map<string, string>;
  q: number;
  raw: string;
}

function parseAccept(header: string): AcceptItem[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((raw) => {
      const [type, ...rest] = raw.split(';').map((s) => s.trim());
      const params = new Map<string, string>();
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim());
      }
      const q = params.has('q') ? Number(params.get('q')) : 1;
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 1, raw: type };
    })
    .sort((a, b) => b.q - a.q);
}

function kindOf(item: AcceptItem, offered: MediaKind[]): MediaKind | undefined {
  const t = item.type;
  if (t === '*/*' || t === 'application/*') return offered[0];
  if (t === 'application/json' && offered.includes('json')) return 'json';
  if (t === 'application/vnd.pgrst.array+json' || t === 'application/vnd.pgrst.array') return offered.includes('json') ? 'json' : undefined;
  if ((t === 'application/vnd.pgrst.object+json' || t === 'application/vnd.pgrst.object') && offered.includes('object')) return 'object';
  if (t === 'text/csv' && offered.includes('csv')) return 'csv';
  if (t === 'application/openapi+json' && offered.includes('openapi')) return 'openapi';
  return undefined;
}

/** The first acceptable media type among `offered` (first = default), or 406 PGRST107. */
export function negotiate(accept: string | undefined, offered: MediaKind[]): Media {
  if (!accept || !accept.trim()) return { kind: offered[0], stripNulls: false };
  const items = parseAccept(accept);
  for (const item of items) {
    if (item.q <= 0) continue;
    const kind = kindOf(item, offered);
    // Only the vendor types take `nulls=stripped` (application/json;nulls=stripped is plain JSON).
    const vendor = item.type.startsWith('application/vnd.pgrst.');
    if (kind) return { kind, stripNulls: vendor && (kind === 'json' || kind === 'object') && item.params.get('nulls') === 'stripped' };
  }
  throw new ApiError(406, 'PGRST107', `None of these media types are available: ${items.map((i) => i.raw).join(', ')}`);
}
