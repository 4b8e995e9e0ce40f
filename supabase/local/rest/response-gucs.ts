// `response.status` and `response.headers` set by SQL during the request override the response.
import { ApiError } from './errors.ts';
import type { RestResponse } from './context.ts';

// What HTTP allows in a header name (RFC 9110 token) and value (no line breaks or other controls).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;

function isHeaderObject(h: unknown): boolean {
  if (!h || typeof h !== 'object' || Array.isArray(h)) return false;
  const entries = Object.entries(h);
  return entries.length === 1 && HEADER_NAME.test(entries[0][0]) && typeof entries[0][1] === 'string' && HEADER_VALUE.test(entries[0][1]);
}

export function applyResponseGucs(response: RestResponse): RestResponse {
  const { gucHeaders, gucStatus } = response;
  if (gucHeaders) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(gucHeaders);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every(isHeaderObject)) {
      throw new ApiError(500, 'PGRST111', 'response.headers guc must be a JSON array composed of objects with a single key and a string value');
    }
    // The first value of a name replaces the one the response had; later values are added to it.
    const seen = new Set<string>();
    for (const h of parsed as Array<Record<string, string>>) {
      const [name, value] = Object.entries(h)[0];
      const key = name.toLowerCase();
      if (seen.has(key)) (response.repeatedHeaders ??= []).push([key, value]);
      else {
        seen.add(key);
        response.headers[key] = value;
      }
    }
  }
  if (gucStatus) {
    const status = Number(gucStatus);
    if (!/^\d+$/.test(gucStatus.trim()) || status < 100 || status > 599) {
      throw new ApiError(500, 'PGRST112', 'response.status guc must be a valid status code');
    }
    response.status = status;
  }
  return response;
}
