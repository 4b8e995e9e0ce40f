// Where a request under /rest/v1 goes: the OpenAPI root, a relation, or a function.
import { ApiError } from './errors.ts';

export type Route = { kind: 'root' } | { kind: 'relation'; name: string } | { kind: 'rpc'; name: string };

export function routeFor(path: string): Route {
  const parts = path.split('/').filter((p) => p !== '');
  const names = parts.map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (names.length === 0) return { kind: 'root' };
  if (names.length === 1) return { kind: 'relation', name: names[0] };
  if (names.length === 2 && names[0] === 'rpc') return { kind: 'rpc', name: names[1] };
  throw new ApiError(404, 'PGRST125', 'Invalid path specified in request URL');
}
