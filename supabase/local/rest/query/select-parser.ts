// `select=` → a forest of fields and embedded resources, as PostgREST's pFieldForest parses it.
import type { AggregateName, SelectField, SelectItem, SelectRelation } from './types.ts';
import { Cursor, isIdentChar, mismatchAt, QueryParseError, readFieldName } from './cursor.ts';
import { readField } from './field-parser.ts';

export function parseSelect(text: string): SelectItem[] {
  const c = new Cursor(text, `failed to parse select parameter (${text})`);
  // Like PostgREST (Parsec without eof), whatever follows a complete forest is ignored: `id,name)`.
  return readForest(c, false);
}

function readForest(c: Cursor, nested: boolean): SelectItem[] {
  const items: SelectItem[] = [];
  c.skipSpaces();
  if (c.done || (nested && c.peek() === ')')) return items;
  for (;;) {
    items.push(readTree(c));
    c.skipSpaces();
    if (c.eat(',')) {
      c.skipSpaces();
      continue;
    }
    return items;
  }
}

function attempt<T>(c: Cursor, fn: () => T): T | undefined {
  const save = c.pos;
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof QueryParseError)) throw error;
    c.pos = save;
    return undefined;
  }
}

/** Without parsing (nor throwing): does an embed `name(…)` start here (not `count()`/`col.sum()`)? */
function looksLikeRelation(c: Cursor): boolean {
  const t = c.text;
  for (let i = c.pos; i < t.length; i++) {
    const ch = t[i];
    if (ch === '"') {
      for (i++; i < t.length && t[i] !== '"'; i++) if (t[i] === '\\') i++;
    } else if (ch === ',' || ch === ')') return false;
    else if (ch === '(') {
      if (t[i + 1] !== ')') return true;
      return !/(^|:)\s*count\s*$|\.(sum|avg|count|max|min)$/.test(t.slice(c.pos, i));
    }
  }
  return false;
}

function readTree(c: Cursor): SelectItem {
  const relation = looksLikeRelation(c) ? attempt(c, () => readRelationHead(c)) : undefined;
  if (relation) {
    c.expect('(');
    relation.children = readForest(c, true);
    c.skipSpaces();
    c.expect(')', '")"');
    return relation;
  }
  return readFieldSelect(c);
}

function readEmbedParams(c: Cursor): Pick<SelectRelation, 'hint' | 'join'> {
  const out: Pick<SelectRelation, 'hint' | 'join'> = {};
  for (let i = 0; i < 2 && c.peek() === '!'; i++) {
    c.pos++;
    if (c.eat('left')) out.join ??= 'left';
    else if (c.eat('inner')) out.join ??= 'inner';
    else out.hint ??= readFieldName(c);
  }
  return out;
}

const ALIAS_AHEAD = /^[ \t]*("(?:[^"\\]|\\.)*"|[\p{L}\p{N}_ $]+(?:-(?!>)[\p{L}\p{N}_ $]+)*):(?!:)/u;

function readAlias(c: Cursor): string | undefined {
  if (!ALIAS_AHEAD.test(c.text.slice(c.pos))) return undefined;
  return attempt(c, () => {
    const name = readFieldName(c);
    if (c.peek() !== ':' || c.peek(1) === ':') c.fail(['":"']);
    c.pos++;
    return name;
  });
}

function readRelationHead(c: Cursor): SelectRelation {
  c.skipSpaces();
  if (c.eat('...')) {
    const name = readFieldName(c);
    const params = readEmbedParams(c);
    if (c.peek() !== '(') c.fail(['"("']);
    return { kind: 'relation', name, spread: true, children: [], ...params };
  }
  const alias = readAlias(c);
  const name = readFieldName(c);
  if (name === 'count') c.fail(['"("']);
  const params = readEmbedParams(c);
  if (c.peek() !== '(') c.fail(['"("']);
  return { kind: 'relation', name, alias, spread: false, children: [], ...params };
}

function readIdentifier(c: Cursor): string {
  let out = '';
  while (isIdentChar(c.peek())) out += c.text[c.pos++];
  if (!out.trim()) c.fail(['letter or digit']);
  return out.trim();
}

function readFieldEnd(c: Cursor, expecting: string[]): void {
  c.skipSpaces();
  if (c.done || c.peek() === ')' || c.peek() === ',') return;
  c.fail([...expecting, '")"', '","', 'end of input']);
}

const AGGREGATES: AggregateName[] = ['sum', 'avg', 'count', 'max', 'min'];

function readFieldSelect(c: Cursor): SelectField {
  c.skipSpaces();
  if (c.peek() === '*') {
    c.pos++;
    readFieldEnd(c, []);
    return { kind: 'field', field: { name: '*', json: [] } };
  }
  const alias = readAlias(c);
  if (c.eat('count()')) {
    const aggregateCast = c.eat('::') ? readIdentifier(c) : undefined;
    readFieldEnd(c, ['"::"']);
    return { kind: 'field', field: { name: '*', json: [] }, aggregate: 'count', aggregateCast, alias };
  }
  const field = readField(c);
  const cast = c.eat('::') ? readIdentifier(c) : undefined;
  let aggregate: AggregateName | undefined;
  if (c.peek() === '.') {
    const dot = c.pos;
    c.pos++;
    aggregate = AGGREGATES.find((a) => c.startsWith(`${a}()`));
    if (aggregate) c.pos += aggregate.length + 2;
    // `prt.*`, `auth.users(...)`: after a dot only an aggregate may follow (Parsec's furthest error).
    else c.fail(AGGREGATES.map((a) => `"${a}"`), dot + 1, mismatchAt(c.text, dot + 1, 'sum'));
  }
  const aggregateCast = aggregate && c.eat('::') ? readIdentifier(c) : undefined;
  const expecting = field.json.length ? ['"->"', '"::"', '"."'] : ['letter', 'digit', '"-"', '"->>"', '"->"', '"::"', '"."'];
  readFieldEnd(c, expecting);
  return { kind: 'field', field, alias, cast, aggregate, aggregateCast };
}
