// Filter values (`eq.1`, `not.in.(a,b)`, `fts(english).cat`) and logic trees (`or=(a.eq.1,and(b.gt.2,c.is.null))`).
import type { Filter, FtsOperator, IsValue, LogicTree, Operation, QuantOperator, SimpleOperator } from './types.ts';
import { Cursor, isIdentChar, mismatchAt, QueryParseError, readQuoted } from './cursor.ts';
import { readField } from './field-parser.ts';

const SIMPLE: SimpleOperator[] = ['neq', 'cs', 'cd', 'ov', 'sl', 'sr', 'nxr', 'nxl', 'adj'];
const QUANT: QuantOperator[] = ['eq', 'gte', 'gt', 'lte', 'lt', 'like', 'ilike', 'match', 'imatch'];
const FTS: FtsOperator[] = ['fts', 'plfts', 'phfts', 'wfts'];
const IS_VALUES: IsValue[] = ['null', 'not_null', 'true', 'false', 'unknown'];
const OPERATOR_LABEL = 'operator (eq, gt, ...)';

type ValueReader = (c: Cursor) => string;

/** The rest of the text: a filter value at the top level. */
export const readRestValue: ValueReader = (c) => {
  const v = c.text.slice(c.pos);
  c.pos = c.text.length;
  return v;
};

/** A value inside or=(…): quoted, a {pg,array}, or up to the next ',' or ')'. */
export const readLogicValue: ValueReader = (c) => {
  if (c.peek() === '"') {
    const save = c.pos;
    const v = readQuoted(c);
    if (c.done || c.peek() === ',' || c.peek() === ')') return v;
    c.pos = save;
  }
  if (c.peek() === '{') {
    const end = c.text.indexOf('}', c.pos);
    const inner = end < 0 ? '' : c.text.slice(c.pos + 1, end);
    if (end >= 0 && !inner.includes('{')) {
      const v = c.text.slice(c.pos, end + 1);
      c.pos = end + 1;
      return v;
    }
  }
  let v = '';
  while (!c.done && c.peek() !== ',' && c.peek() !== ')') v += c.text[c.pos++];
  return v;
};

function readListElement(c: Cursor): string {
  if (c.peek() === '"') {
    const save = c.pos;
    const v = readQuoted(c);
    if (c.done || c.peek() === ',' || c.peek() === ')') return v;
    c.pos = save;
  }
  let v = '';
  while (!c.done && c.peek() !== ',' && c.peek() !== ')') v += c.text[c.pos++];
  return v;
}

function readList(c: Cursor): string[] {
  c.skipSpaces();
  c.expect('(');
  c.skipSpaces();
  const values = [readListElement(c)];
  while (c.eat(',')) values.push(readListElement(c));
  c.skipSpaces();
  c.expect(')', '")"');
  c.skipSpaces();
  return values;
}

function matchWord<T extends string>(c: Cursor, words: readonly T[]): T | undefined {
  // Longest first so that `gte` wins over `gt`.
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return sorted.find((w) => c.startsWith(w));
}

function delimiter(c: Cursor): void {
  if (!c.eat('.')) c.fail(['delimiter (.)']);
}

export function readOpExpr(c: Cursor, readValue: ValueReader): { negated: boolean; operation: Operation } {
  let negated = false;
  if (c.startsWith('not.')) {
    c.pos += 4;
    negated = true;
  }
  return { negated, operation: readOperation(c, readValue) };
}

function readOperation(c: Cursor, readValue: ValueReader): Operation {
  const start = c.pos;
  if (c.startsWith('in.')) {
    c.pos += 3;
    return { kind: 'in', values: readList(c) };
  }
  if (c.startsWith('isdistinct.')) {
    c.pos += 11;
    return { kind: 'isdistinct', value: readValue(c) };
  }
  if (c.startsWith('is.')) {
    c.pos += 3;
    const rest = c.text.slice(c.pos).toLowerCase();
    const value = [...IS_VALUES].sort((a, b) => b.length - a.length).find((v) => rest.startsWith(v));
    if (!value) c.fail(['isVal: (null, not_null, true, false, unknown)']);
    c.pos += value.length;
    return { kind: 'is', value };
  }
  const fts = matchWord(c, FTS);
  if (fts) {
    c.pos += fts.length;
    let language: string | undefined;
    if (c.peek() === '(') {
      const close = c.text.indexOf(')', c.pos);
      const lang = close < 0 ? '' : c.text.slice(c.pos + 1, close);
      if (lang && [...lang].every(isIdentChar)) {
        language = lang.trim();
        c.pos = close + 1;
      }
    }
    if (c.peek() !== '.') c.fail([OPERATOR_LABEL], start);
    c.pos++;
    return { kind: 'fts', op: fts, language, value: readValue(c) };
  }
  const simple = matchWord(c, SIMPLE);
  if (simple && c.text[c.pos + simple.length] === '.') {
    c.pos += simple.length + 1;
    return { kind: 'simple', op: simple, value: readValue(c) };
  }
  const quant = matchWord(c, QUANT);
  if (quant) {
    c.pos += quant.length;
    let quantifier: 'any' | 'all' | undefined;
    if (c.startsWith('(any)')) quantifier = 'any';
    else if (c.startsWith('(all)')) quantifier = 'all';
    if (quantifier) c.pos += 5;
    if (c.peek() === '.') {
      c.pos++;
      return { kind: 'quant', op: quant, quantifier, value: readValue(c) };
    }
    // `eqx.1`: the operator was read, what follows it is wrong.
    c.fail(quantifier ? ['delimiter (.)'] : ['"("', 'delimiter (.)']);
  }
  if (simple) {
    c.pos += simple.length;
    c.fail(['delimiter (.)']);
  }
  c.pos = start;
  // As Parsec reports it: the offending character of the first alternative tried ("not").
  if (start === 0 || !c.text.slice(0, start).endsWith('not.')) c.fail(['"not"', OPERATOR_LABEL], start, mismatchAt(c.text, start, 'not'));
  c.fail([OPERATOR_LABEL], start);
}

/** `eq.1` etc.: the value of a filter query parameter. */
export function parseFilterValue(value: string): { negated: boolean; operation: Operation } {
  const c = new Cursor(value, `failed to parse filter (${value})`);
  return readOpExpr(c, readRestValue);
}

/** `(a.eq.1,b.gt.2)` for the key `or` (or `not.and` …). */
export function parseLogicTree(operator: string, value: string): LogicTree {
  const c = new Cursor(operator + value, `failed to parse logic tree (${value})`);
  const tree = readLogicTree(c);
  if (!c.done) c.fail(['end of input']);
  return tree;
}

function readLogicTree(c: Cursor): LogicTree {
  const save = c.pos;
  const asFilter = tryReadLogicFilter(c);
  if (!(asFilter instanceof QueryParseError) && asFilter) return { kind: 'filter', filter: asFilter };
  c.pos = save;
  try {
    return readLogicExpr(c);
  } catch (error) {
    // Like Parsec merging the two alternatives: the error that got further wins.
    if (asFilter instanceof QueryParseError && error instanceof QueryParseError && asFilter.column > error.column) throw asFilter;
    throw error;
  }
}

function readLogicExpr(c: Cursor): LogicTree {
  let negated = false;
  if (c.startsWith('not.')) {
    c.pos += 4;
    negated = true;
  }
  let operator: 'and' | 'or';
  if (c.eat('and')) operator = 'and';
  else if (c.eat('or')) operator = 'or';
  else c.fail(negated ? ['logic operator (and, or)'] : ['field name (* or [a..z0..9_$])', 'negation operator (not)', 'logic operator (and, or)']);
  c.skipSpaces();
  c.expect('(');
  c.skipSpaces();
  const children = [readLogicTree(c)];
  c.skipSpaces();
  while (c.eat(',')) {
    c.skipSpaces();
    children.push(readLogicTree(c));
    c.skipSpaces();
  }
  c.expect(')', '")"');
  c.skipSpaces();
  return { kind: 'expr', negated, operator, children };
}

/** A filter, undefined when this is not a filter at all, or the error of a filter gone wrong. */
function tryReadLogicFilter(c: Cursor): Filter | QueryParseError | undefined {
  try {
    const field = readField(c);
    if (!c.eat('.')) return undefined;
    const { negated, operation } = readOpExpr(c, readLogicValue);
    return { field, negated, operation };
  } catch (error) {
    if (error instanceof QueryParseError) return error;
    throw error;
  }
}
