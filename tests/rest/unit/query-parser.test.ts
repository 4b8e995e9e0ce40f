// The query-string parsers as pure functions (no stack needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelect } from '../../../supabase/local/rest/query/select-parser.ts';
import { parseFilterValue, parseLogicTree } from '../../../supabase/local/rest/query/filter-parser.ts';
import { parseOrder } from '../../../supabase/local/rest/query/order-parser.ts';
import { parseQueryParams } from '../../../supabase/local/rest/query/params.ts';
import { ApiError } from '../../../supabase/local/rest/errors.ts';

const field = (name: string, json: Array<[string, string, boolean]> = []) => ({ name, json: json.map(([arrow, key, index]) => ({ arrow, key, index })) });

test('select: fields, aliases, casts, JSON paths', () => {
  assert.deepEqual(parseSelect('id,alias:name::text,data->a->>0'), [
    { kind: 'field', field: field('id'), alias: undefined, cast: undefined, aggregate: undefined, aggregateCast: undefined },
    { kind: 'field', field: field('name'), alias: 'alias', cast: 'text', aggregate: undefined, aggregateCast: undefined },
    { kind: 'field', field: field('data', [['->', 'a', false], ['->>', '0', true]]), alias: undefined, cast: undefined, aggregate: undefined, aggregateCast: undefined },
  ]);
});

test('select: embeds with alias, hint, join type, spread and nesting', () => {
  const [rel] = parseSelect('c:clients!fk!inner(*,...owner(name))');
  assert.equal(rel.kind, 'relation');
  if (rel.kind !== 'relation') return;
  assert.equal(rel.alias, 'c');
  assert.equal(rel.name, 'clients');
  assert.equal(rel.hint, 'fk');
  assert.equal(rel.join, 'inner');
  assert.equal(rel.spread, false);
  assert.equal(rel.children.length, 2);
  const spread = rel.children[1];
  assert.equal(spread.kind === 'relation' && spread.spread && spread.name, 'owner');
});

test('select: quoted names and names with dashes and spaces', () => {
  const items = parseSelect('"a,b",first-name, spaced name ');
  assert.deepEqual(items.map((i) => i.kind === 'field' && i.field.name), ['a,b', 'first-name', 'spaced name']);
});

test('select: aggregates parse (the plan refuses them when disabled)', () => {
  const [a, b] = parseSelect('total:amount.sum()::int,count()');
  assert.equal(a.kind === 'field' && a.aggregate, 'sum');
  assert.equal(a.kind === 'field' && a.aggregateCast, 'int');
  assert.equal(b.kind === 'field' && b.aggregate, 'count');
});

test('filters: operators, negation, quantifiers, lists, fts language', () => {
  assert.deepEqual(parseFilterValue('eq.1'), { negated: false, operation: { kind: 'quant', op: 'eq', quantifier: undefined, value: '1' } });
  assert.deepEqual(parseFilterValue('not.gte.2.5'), { negated: true, operation: { kind: 'quant', op: 'gte', quantifier: undefined, value: '2.5' } });
  assert.deepEqual(parseFilterValue('like(any).{a*,b*}'), { negated: false, operation: { kind: 'quant', op: 'like', quantifier: 'any', value: '{a*,b*}' } });
  assert.deepEqual(parseFilterValue('in.(1,"a,b","c\\"d")'), { negated: false, operation: { kind: 'in', values: ['1', 'a,b', 'c"d'] } });
  assert.deepEqual(parseFilterValue('is.NULL'), { negated: false, operation: { kind: 'is', value: 'null' } });
  assert.deepEqual(parseFilterValue('fts(french).chat'), { negated: false, operation: { kind: 'fts', op: 'fts', language: 'french', value: 'chat' } });
  assert.deepEqual(parseFilterValue('cs.{1,2}'), { negated: false, operation: { kind: 'simple', op: 'cs', value: '{1,2}' } });
});

test('filters: parse errors say where and what was expected', () => {
  assert.throws(() => parseFilterValue('noop.1'), (e: Error) => {
    assert.equal(e.message, '"failed to parse filter (noop.1)" (line 1, column 1)');
    assert.equal((e as any).details, 'unexpected "o" expecting "not" or operator (eq, gt, ...)');
    return true;
  });
});

test('logic trees', () => {
  const tree = parseLogicTree('or', '(a.eq.1,not.and(b.gt.2,c.in.(x,y)))');
  assert.equal(tree.kind, 'expr');
  if (tree.kind !== 'expr') return;
  assert.equal(tree.operator, 'or');
  assert.equal(tree.children[1].kind, 'expr');
  const inner = tree.children[1];
  if (inner.kind !== 'expr') return;
  assert.equal(inner.negated, true);
  assert.equal(inner.operator, 'and');
  assert.deepEqual(inner.children[1], { kind: 'filter', filter: { field: field('c'), negated: false, operation: { kind: 'in', values: ['x', 'y'] } } });
});

test('logic trees keep quoted values and {arrays} whole', () => {
  const tree = parseLogicTree('or', '(a.eq."x,y",b.cs.{1,2})');
  assert.deepEqual(tree, {
    kind: 'expr', negated: false, operator: 'or', children: [
      { kind: 'filter', filter: { field: field('a'), negated: false, operation: { kind: 'quant', op: 'eq', quantifier: undefined, value: 'x,y' } } },
      { kind: 'filter', filter: { field: field('b'), negated: false, operation: { kind: 'simple', op: 'cs', value: '{1,2}' } } },
    ],
  });
});

test('order terms', () => {
  assert.deepEqual(parseOrder('a.desc.nullslast,b,c(d).asc,e->f.nullsfirst'), [
    { field: field('a'), direction: 'desc', nulls: 'nullslast' },
    { field: field('b') },
    { relation: 'c', field: field('d'), direction: 'asc' },
    { field: field('e', [['->', 'f', false]]), nulls: 'nullsfirst' },
  ]);
});

test('query params: embed paths for filters, order, limits; reserved words', () => {
  const q = parseQueryParams('?select=id,rel(x)&id=eq.1&rel.x=gt.2&rel.order=x.desc&rel.limit=3&limit=10&offset=5&or=(id.eq.1,id.eq.2)&columns=a,b&on_conflict=id');
  assert.deepEqual(q.filters.map((f) => [f.path, f.filter.field.name]), [[[], 'id'], [['rel'], 'x']]);
  assert.deepEqual(q.order.map((o) => o.path), [['rel']]);
  assert.deepEqual(q.ranges.get(''), { offset: 5, limit: 10 });
  assert.deepEqual(q.ranges.get('rel'), { offset: 0, limit: 3 });
  assert.equal(q.logic.length, 1);
  assert.deepEqual(q.columns, ['a', 'b']);
  assert.deepEqual(q.onConflict, ['id']);
});

test('query params: rpc reads keep operator-less params as arguments', () => {
  const q = parseQueryParams('a=1&b=eq.2', { rpcRead: true });
  assert.deepEqual(q.rpcParams, [['a', '1']]);
  assert.equal(q.filters.length, 1);
  assert.throws(() => parseQueryParams('a=1'), (e: unknown) => e instanceof ApiError && e.code === 'PGRST100');
});

test('query params: + is a space and percent-escapes decode', () => {
  const q = parseQueryParams('name=eq.a+b%2Cc');
  const op = q.filters[0].filter.operation;
  assert.equal(op.kind === 'quant' && op.value, 'a b,c');
});

function parseError(fn: () => unknown): { message: string; details: string } {
  try {
    fn();
  } catch (error) {
    return { message: (error as Error).message, details: (error as { details: string }).details };
  }
  throw new Error('expected a parse error');
}

test('parse errors as PostgREST reports them (its own doctest cases)', () => {
  assert.deepEqual(parseError(() => parseFilterValue('noop.0')), {
    message: '"failed to parse filter (noop.0)" (line 1, column 1)',
    details: 'unexpected "o" expecting "not" or operator (eq, gt, ...)',
  });
  assert.deepEqual(parseError(() => parseFilterValue('val')), {
    message: '"failed to parse filter (val)" (line 1, column 1)',
    details: 'unexpected "v" expecting "not" or operator (eq, gt, ...)',
  });
  const logic = (v: string) => parseError(() => parseLogicTree(v.slice(0, v.indexOf('(')), v.slice(v.indexOf('('))));
  assert.equal(logic('or()').details, 'unexpected ")" expecting field name (* or [a..z0..9_$]), negation operator (not) or logic operator (and, or)');
  assert.match(logic('or()').message, /\(line 1, column 4\)$/);
  assert.equal(logic('or(id.in.1,2,id.eq.3)').details, 'unexpected "1" expecting "("');
  assert.match(logic('or(id.in.1,2,id.eq.3)').message, /\(line 1, column 10\)$/);
  assert.equal(logic('and(ord(id.eq.1,id.eq.1),id.eq.2)').details, 'unexpected "d" expecting "("');
  assert.match(logic('and(ord(id.eq.1,id.eq.1),id.eq.2)').message, /\(line 1, column 7\)$/);
  assert.equal(logic('or(id.eq.1,not.xor(id.eq.2,id.eq.3))').details, 'unexpected "x" expecting logic operator (and, or)');
  assert.match(logic('or(id.eq.1,not.xor(id.eq.2,id.eq.3))').message, /\(line 1, column 16\)$/);
  const order = (v: string) => parseError(() => parseOrder(v));
  assert.deepEqual(order('id.ac'), { message: '"failed to parse order (id.ac)" (line 1, column 4)', details: 'unexpected "c" expecting "asc", "desc", "nullsfirst" or "nullslast"' });
  assert.deepEqual(order('id.nulsfist'), { message: '"failed to parse order (id.nulsfist)" (line 1, column 4)', details: 'unexpected "n" expecting "asc", "desc", "nullsfirst" or "nullslast"' });
  assert.deepEqual(order('id.asc.nlsfst'), { message: '"failed to parse order (id.asc.nlsfst)" (line 1, column 8)', details: 'unexpected "l" expecting "nullsfirst" or "nullslast"' });
  assert.deepEqual(order('id.descc'), { message: '"failed to parse order (id.descc)" (line 1, column 8)', details: "unexpected 'c' expecting delimiter (.), \",\" or end of input" });
  const select = (v: string) => parseError(() => parseSelect(v));
  assert.deepEqual(select('id,clients(name[])'), {
    message: '"failed to parse select parameter (id,clients(name[]))" (line 1, column 16)',
    details: "unexpected '[' expecting letter, digit, \"-\", \"->>\", \"->\", \"::\", \".\", \")\", \",\" or end of input",
  });
  assert.deepEqual(select('*!hint'), { message: '"failed to parse select parameter (*!hint)" (line 1, column 2)', details: "unexpected '!' expecting \")\", \",\" or end of input" });
  assert.deepEqual(select('name::'), { message: '"failed to parse select parameter (name::)" (line 1, column 7)', details: 'unexpected end of input expecting letter or digit' });
});

test('after a dot in select only an aggregate may follow, as PostgREST reports', () => {
  assert.deepEqual(parseError(() => parseSelect('prt.*,u.email')), {
    message: '"failed to parse select parameter (prt.*,u.email)" (line 1, column 5)',
    details: 'unexpected "*" expecting "sum", "avg", "count", "max" or "min"',
  });
  assert.match(parseError(() => parseSelect('*,created_by:auth.users!fk(id,email)')).message, /\(line 1, column 19\)$/);
  assert.match(parseError(() => parseSelect('id,title,')).message, /\(line 1, column 10\)$/);
});
