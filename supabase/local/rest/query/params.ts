// Splits a query string into PostgREST's parameter kinds (select, filters, logic, order, ranges …)
// and parses each. Pure: nothing here knows the schema.
import type { EmbedPath, Filter, QueryParams, RangeParam } from './types.ts';
import { Cursor, QueryParseError, readFieldName } from './cursor.ts';
import { readJsonPath } from './field-parser.ts';
import { parseSelect } from './select-parser.ts';
import { parseFilterValue, parseLogicTree } from './filter-parser.ts';
import { parseOrder } from './order-parser.ts';
import { ApiError } from '../errors.ts';

const RESERVED = new Set(['select', 'columns', 'on_conflict']);
const RESERVED_EMBEDDABLE = new Set(['order', 'limit', 'offset', 'and', 'or']);

/** Decodes `a=1&b=2` like PostgREST (`+` is a space). Empty keys are dropped. */
export function decodeQuery(search: string): Array<[string, string]> {
  const text = search.startsWith('?') ? search.slice(1) : search;
  const out: Array<[string, string]> = [];
  if (!text) return out;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    out.push([key, value]);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function lastWord(key: string): string {
  const i = key.lastIndexOf('.');
  return i < 0 ? key : key.slice(i + 1);
}

/** `clients.projects.name` → path ['clients','projects'], field 'name' with JSON path. */
function parseTreePath(key: string) {
  const c = new Cursor(key, `failed to parse tree path (${key})`);
  const names = [readFieldName(c)];
  while (c.eat('.')) names.push(readFieldName(c));
  const json = readJsonPath(c);
  if (!c.done) c.fail(['delimiter (.)', 'end of input']);
  return { path: names.slice(0, -1), field: { name: names[names.length - 1], json } };
}

function parseLogicKey(key: string): { path: EmbedPath; operator: string } {
  const c = new Cursor(key, `failed to parse logic path (${key})`);
  const names = [readFieldName(c)];
  while (c.eat('.')) names.push(readFieldName(c));
  const op = names[names.length - 1];
  const negated = names.slice(0, -1).includes('not');
  return { path: names.slice(0, -1).filter((n) => n !== 'not'), operator: negated ? `not.${op}` : op };
}

function parseColumns(text: string, what: string): string[] {
  const c = new Cursor(text, `failed to parse ${what} parameter (${text})`);
  const cols = [readFieldName(c)];
  for (;;) {
    c.skipSpaces();
    if (!c.eat(',')) break;
    cols.push(readFieldName(c));
  }
  if (!c.done) c.fail(['","', 'end of input']);
  return cols;
}

function parseInteger(value: string): number | undefined {
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

export interface ParseOptions {
  /** GET /rpc/fn: parameters without an operator are function arguments, not errors. */
  rpcRead?: boolean;
}

/** Parses a query string; throws ApiError 400 PGRST100 on a syntax error. */
export function parseQueryParams(search: string, options: ParseOptions = {}): QueryParams {
  try {
    return parseQueryParamsUnsafe(decodeQuery(search), options);
  } catch (error) {
    if (error instanceof QueryParseError) throw error.toApiError();
    throw error;
  }
}

function parseQueryParamsUnsafe(raw: Array<[string, string]>, options: ParseOptions): QueryParams {
  const params: QueryParams = { select: [], filters: [], logic: [], order: [], ranges: new Map(), rpcParams: [], raw };
  let select = '*';
  const limits = new Map<string, number | undefined>();
  const offsets = new Map<string, number | undefined>();
  for (const [key, value] of raw) {
    if (key === 'select') select = value;
    else if (key === 'columns') params.columns = parseColumns(value, 'columns');
    else if (key === 'on_conflict') params.onConflict = parseColumns(value, 'on_conflict');
    else if (value === '') continue;
    else if (RESERVED_EMBEDDABLE.has(lastWord(key))) {
      const word = lastWord(key);
      if (word === 'order') {
        const { path } = parseTreePath(key);
        params.order.push({ path, terms: parseOrder(value) });
      } else if (word === 'limit' || word === 'offset') {
        const { path } = parseTreePath(key);
        (word === 'limit' ? limits : offsets).set(path.join('.'), parseInteger(value));
      } else {
        const { path, operator } = parseLogicKey(key);
        params.logic.push({ path, tree: parseLogicTree(operator, value) });
      }
    } else if (!RESERVED.has(key)) {
      const { path, field } = parseTreePath(key);
      if (options.rpcRead && path.length === 0 && !looksLikeFilter(value)) {
        params.rpcParams.push([key, value]);
        continue;
      }
      const { negated, operation } = parseFilterValue(value);
      const filter: Filter = { field, negated, operation };
      params.filters.push({ path, filter });
    }
  }
  params.select = parseSelect(select);
  for (const key of new Set([...limits.keys(), ...offsets.keys()])) {
    const limit = limits.get(key);
    const offset = offsets.get(key) ?? 0;
    if (limit !== undefined && limit < 0) {
      throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable', 'Limit should be greater than or equal to zero.');
    }
    const range: RangeParam = { offset: Math.max(0, offset), limit };
    params.ranges.set(key, range);
  }
  return params;
}

function looksLikeFilter(value: string): boolean {
  try {
    parseFilterValue(value);
    return true;
  } catch {
    return false;
  }
}
