// `response.status` and `response.headers` set by SQL during the request override the response.
import { ApiError } from './errors.ts';
import type { RestResponse } from './context.ts';

export function applyResponseGucs(response: RestResponse): RestResponse {
  const { gucHeaders, gucStatus } = response;
  if (gucHeaders) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(gucHeaders);
    } catch {
      parsed = undefined;
    }
    const valid =
      Array.isArray(parsed) &&
      parsed.every((h) => h && typeof h === 'object' && !Array.isArray(h) && Object.keys(h).length === 1 && typeof Object.values(h)[0] === 'string');
    if (!valid) {
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
