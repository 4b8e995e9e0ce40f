// The arguments of a function call, as PostgREST reads them: the keys of a POST body's JSON object
// (the first object of an array; only those named by `columns=` if given), the fields of an HTML
// form or the operator-less parameters of a GET query string (repeated for a variadic parameter,
// else the last one wins), or the raw body for a single unnamed json/text parameter.
import { ApiError } from '../errors.ts';
import type { RestRequest } from '../context.ts';

export type CallArguments =
  /** JSON object of named arguments; `whole` is the body as sent (for a single json parameter). */
  | { kind: 'body'; keys: string[]; json: string; whole: string }
  /** Text values by name (query string, HTML form). */
  | { kind: 'query'; keys: string[]; values: Map<string, string[]> }
  /** A text/plain body, for a function with a single unnamed text parameter. */
  | { kind: 'text'; keys: string[]; text: string };

function contentType(req: RestRequest): string {
  const header = req.headers['content-type'];
  return (Array.isArray(header) ? header[0] : header ?? '').split(';')[0].trim().toLowerCase();
}

function textArguments(pairs: Iterable<[string, string]>, only?: string[]): CallArguments {
  const values = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    if (only && !only.includes(name)) continue;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { kind: 'query', keys: [...values.keys()].sort(), values };
}

/** The arguments of POST /rpc/fn, by Content-Type. */
export function bodyArguments(req: RestRequest): CallArguments {
  const text = req.body ? req.body.toString('utf8') : '';
  const type = contentType(req);
  const only = req.query().columns;
  if (type === 'text/plain') return { kind: 'text', keys: [], text };
  if (type === 'application/x-www-form-urlencoded') return textArguments(new URLSearchParams(text), only);
  if (text.trim() === '') return { kind: 'body', keys: [], json: '{}', whole: '{}' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'PGRST102', 'Empty or invalid json');
  }
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return { kind: 'body', keys: [], json: '{}', whole: text };
  const keys = Object.keys(first).filter((k) => !only || only.includes(k)).sort();
  return { kind: 'body', keys, json: first === value ? text : JSON.stringify(first), whole: text };
}

/** GET /rpc/fn?a=1&b=2 (`?v=1&v=2` for a variadic parameter). */
export function queryArguments(req: RestRequest): CallArguments {
  return textArguments(req.query({ rpcRead: true }).rpcParams);
}

/** Prefer: params=single-object — the arguments as one JSON object (text values for a form or query string). */
export function singleObjectJson(args: CallArguments): string {
  if (args.kind === 'body') return args.whole;
  if (args.kind === 'text') return JSON.stringify(args.text);
  const object: Record<string, string> = {};
  for (const [name, values] of args.values) object[name] = values[values.length - 1];
  return JSON.stringify(object);
}
