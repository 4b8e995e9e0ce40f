// The comment convention (admin/src/catalog/comments.ts): what a table or column comment may say,
// and how a broken one is reported without stopping the admin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commentProblems, parseComment, validateCommentMeta } from '../../admin/src/catalog/comments.ts';
import type { Catalog, CatalogColumn } from '../../admin/src/catalog/types.ts';

test('a JSON object comment becomes meta, every documented key kept', () => {
  const text = JSON.stringify({
    label: { fr: 'Produits', en: 'Products' }, hidden: false, order: 3, widget: 'money', title: 'name', group: 'catalogue',
    list: ['name', 'sku'], currency: 'currency', bucket: 'product-media', help: { fr: 'Aide', en: 'Help' },
  });
  const parsed = parseComment(text);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.description, null);
  assert.deepEqual(parsed.meta, JSON.parse(text));
});

test('plain text is a description, not meta; empty and null are nothing', () => {
  assert.deepEqual(parseComment('A product of the shared catalogue'), { meta: null, description: 'A product of the shared catalogue', problems: [] });
  assert.deepEqual(parseComment(null), { meta: null, description: null, problems: [] });
  assert.deepEqual(parseComment('   '), { meta: null, description: null, problems: [] });
});

test('broken JSON stays readable as a description and is reported', () => {
  const parsed = parseComment('{"label": {"fr": "Produits"');
  assert.equal(parsed.meta, null);
  assert.equal(parsed.description, '{"label": {"fr": "Produits"');
  assert.equal(parsed.problems.length, 1);
  assert.match(parsed.problems[0], /^the comment starts with "\{" but is not valid JSON: /);
});

test('a JSON value that is not an object is reported', () => {
  assert.deepEqual(validateCommentMeta(['label']), { meta: null, problems: ['the comment is JSON but not an object'] });
  assert.deepEqual(validateCommentMeta('text'), { meta: null, problems: ['the comment is JSON but not an object'] });
});

test('unknown keys are reported and dropped, the good keys kept', () => {
  const { meta, problems } = validateCommentMeta({ lable: { fr: 'Produits' }, title: 'name' });
  assert.deepEqual(meta, { title: 'name' });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^unknown key "lable" \(known: label, help, hidden, order, widget, title, group, currency, bucket, list\)$/);
});

test('each key refuses a value of the wrong type, with what it expected', () => {
  const cases: Array<[string, unknown, string]> = [
    ['hidden', 'yes', '"hidden" should be true or false, not "yes"'],
    ['order', '3', '"order" should be a number, not "3"'],
    ['order', null, '"order" should be a number, not null'],
    ['widget', 'slider', '"widget" should be one of text, textarea, number, money, boolean, enum, date, datetime, time, json, array, image, uuid, email, url, color, readonly, not "slider"'],
    ['title', '', '"title" should be a non-empty string, not ""'],
    ['group', 4, '"group" should be a non-empty string, not 4'],
    ['currency', ['EUR'], '"currency" should be a non-empty string, not ["EUR"]'],
    ['bucket', true, '"bucket" should be a non-empty string, not true'],
    ['list', 'name,sku', '"list" should be a non-empty list of column names, not "name,sku"'],
    ['list', [], '"list" should be a non-empty list of column names, not []'],
    ['list', ['name', 3], '"list" should be a non-empty list of column names, not ["name",3]'],
    ['label', 'Produits', '"label" should be an object like {"fr": "…", "en": "…"}, not "Produits"'],
    ['label', { de: 'Produkte' }, '"label" should be an object like {"fr": "…", "en": "…"}, not {"de":"Produkte"}'],
    ['label', { fr: 1 }, '"label" should be an object like {"fr": "…", "en": "…"}, not {"fr":1}'],
    ['help', {}, '"help" should be an object like {"fr": "…", "en": "…"}, not {}'],
  ];
  for (const [key, value, message] of cases) {
    const valid = key === 'title' ? { group: 'kept' } : { title: 'kept' };
    const { meta, problems } = validateCommentMeta({ ...valid, [key]: value });
    assert.deepEqual(problems, [message], `${key} = ${JSON.stringify(value)}`);
    assert.deepEqual(meta, valid, `${key} is dropped, the rest kept`);
  }
});

test('one locale is enough for a label', () => {
  assert.deepEqual(validateCommentMeta({ label: { en: 'Products' } }), { meta: { label: { en: 'Products' } }, problems: [] });
});

function column(name: string, comment: CatalogColumn['comment'], description: string | null = null): CatalogColumn {
  return {
    name, type: 'text', category: 'S', element_type: null, enum: null, nullable: true, default: null, generated: false,
    identity: false, max_length: null, insertable: true, updatable: true, references: null, position: 1, comment, description,
  };
}

test('commentProblems names the table or column, and checks title and list against the columns', () => {
  const catalog: Catalog = {
    user: { id: 'u', email: null, display_name: null, locale: 'fr', roles: ['admin'], shop_ids: [], supplier_ids: [] },
    resources: [{
      schema: 'public', name: 'things', kind: 'table', primary_key: ['id'], estimated_rows: 0,
      can: { select: true, insert: true, update: true, delete: true }, search: null,
      comment: { title: 'nom', list: ['name', 'colour'] } as never, description: null,
      columns: [
        column('id', null),
        column('name', { hidden: 'no' } as never),
        column('notes', null, '{"widget": "textarea"'),
        column('memo', null, 'A plain description'),
      ],
    }],
  };
  assert.deepEqual(commentProblems(catalog), [
    'things: "title" names no column: nom',
    'things: "list" names no column: colour',
    'things.name: "hidden" should be true or false, not "no"',
    `things.notes: the comment starts with "{" but is not valid JSON: ${jsonError('{"widget": "textarea"')}`,
  ]);
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}
