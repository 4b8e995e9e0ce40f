// The arguments of a function call: the keys of a POST body's JSON object, or the operator-less
// parameters of a GET query string (repeated for a variadic parameter).
import { ApiError } from '../errors.ts';
import type { RestRequest } from '../context.ts';

export type CallArguments =
  | { kind: 'body'; keys: string[]; json: string; isObject: boolean }
  /** A text/plain body, for a function with a single unnamed text parameter. */
  | { kind: 'text'; keys: string[]; text: string }
  | { kind: 'query'; keys: string[]; values: Map<string, string[]> };

/** POST body: a JSON object (keys are argument names), anything else only fits a single json parameter. */
export function bodyArguments(req: RestRequest): CallArguments {
  const text = req.body ? req.body.toString('utf8') : '';
  const header = req.headers['content-type'];
  const type = (Array.isArray(header) ? header[0] : header ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/plain') return { kind: 'text', keys: [], text };
  if (type === 'application/x-www-form-urlencoded') {
    const form: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(text)) form[key] = value;
    return { kind: 'body', keys: Object.keys(form).sort(), json: JSON.stringify(form), isObject: true };
  }
  if (text.trim() === '') return { kind: 'body', keys: [], json: '{}', isObject: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'PGRST102', 'Empty or invalid json');
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const keys = isObject ? Object.keys(value as object).sort() : [];
  return { kind: 'body', keys, json: text, isObject };
}

/** GET query string: `?a=1&b=2`, `?nums=1&nums=2` for a variadic parameter. */
export function queryArguments(req: RestRequest): CallArguments {
  const values = new Map<string, string[]>();
  for (const [name, value] of req.query({ rpcRead: true }).rpcParams) {
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { kind: 'query', keys: [...values.keys()].sort(), values };
}
