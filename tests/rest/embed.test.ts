// Embedded resources: many-to-one, one-to-many, one-to-one, many-to-many, self references,
// views, hints, !inner, spreads, nesting, and PGRST200/PGRST201.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';

test('many-to-one embeds an object', async () => {
  const r = await get('/fx_products?select=name,fx_suppliers(name)&id=in.(1,4)&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { name: 'Linen shirt', fx_suppliers: { name: 'Atelier Nord' } },
    { name: 'Gift card', fx_suppliers: null },
  ]);
});

test('one-to-many embeds an array (empty when nothing matches)', async () => {
  const r = await get('/fx_suppliers?select=name,fx_products(name)&order=id&fx_products.order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { name: 'Atelier Nord', fx_products: [{ name: 'Linen shirt' }, { name: 'Wool scarf' }] },
    { name: 'Bodega Sur', fx_products: [{ name: 'Espadrilles' }] },
    { name: 'Casa Vide', fx_products: [] },
  ]);
});

test('one-to-one embeds an object both ways', async () => {
  const a = await get('/fx_products?select=id,fx_product_details(notes)&id=in.(1,2)&order=id');
  assert.equal(a.status, 200);
  assert.deepEqual(a.body, [
    { id: 1, fx_product_details: { notes: 'Made in Normandy' } },
    { id: 2, fx_product_details: null },
  ]);
  const b = await get('/fx_product_details?select=notes,fx_products(name)&order=product_id');
  assert.equal(b.status, 200);
  assert.deepEqual(b.body, [
    { notes: 'Made in Normandy', fx_products: { name: 'Linen shirt' } },
    { notes: 'Jute sole', fx_products: { name: 'Espadrilles' } },
  ]);
});

test('many-to-many through a junction table', async () => {
  const r = await get('/fx_products?select=name,fx_categories(name)&id=eq.1&fx_categories.order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ name: 'Linen shirt', fx_categories: [{ name: 'Clothing' }, { name: 'Tops' }] }]);
  const back = await get('/fx_categories?select=name,fx_products(id)&id=eq.4');
  assert.deepEqual(back.body, [{ name: 'Shoes', fx_products: [{ id: 3 }] }]);
});

test('aliases rename embeds, and the same table can be embedded twice with hints', async () => {
  const r = await get('/fx_shipments?select=id,from:fx_suppliers!shipments_from_fkey(name),to:fx_suppliers!to_supplier_id(name)&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { id: 1, from: { name: 'Atelier Nord' }, to: { name: 'Bodega Sur' } },
    { id: 2, from: { name: 'Bodega Sur' }, to: { name: 'Atelier Nord' } },
  ]);
});

test('embedding by the foreign key column name', async () => {
  const r = await get('/fx_products?select=id,supplier_id(name)&id=eq.3');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 3, supplier_id: { name: 'Bodega Sur' } }]);
});

test('self reference: the column gives the parent, the table name the children', async () => {
  const r = await get('/fx_categories?select=name,parent:parent_id(name),children:fx_categories(name)&id=in.(1,2)&order=id&children.order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { name: 'Clothing', parent: null, children: [{ name: 'Tops' }, { name: 'Accessories' }] },
    { name: 'Tops', parent: { name: 'Clothing' }, children: [] },
  ]);
});

test('nested embeds', async () => {
  const r = await get('/fx_shipments?select=id,to:fx_suppliers!shipments_to_fkey(name,fx_products(name))&id=eq.2&to.fx_products.order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 2, to: { name: 'Atelier Nord', fx_products: [{ name: 'Linen shirt' }, { name: 'Wool scarf' }] } }]);
});

test('embedding through a view uses the base table keys', async () => {
  const r = await get('/fx_product_summaries?select=name,fx_suppliers(name)&id=eq.3');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ name: 'Espadrilles', fx_suppliers: { name: 'Bodega Sur' } }]);
  const back = await get('/fx_suppliers?select=id,fx_product_summaries(name)&id=eq.2');
  assert.deepEqual(back.body, [{ id: 2, fx_product_summaries: [{ name: 'Espadrilles' }] }]);
});

test('!inner keeps only parents with a matching embed', async () => {
  const r = await get('/fx_products?select=id,fx_suppliers!inner(country)&fx_suppliers.country=eq.ES');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 3, fx_suppliers: { country: 'ES' } }]);
});

test('without !inner, a filter on the embed only empties the embed', async () => {
  const r = await get('/fx_products?select=id,fx_suppliers(country)&fx_suppliers.country=eq.ES&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { id: 1, fx_suppliers: null },
    { id: 2, fx_suppliers: null },
    { id: 3, fx_suppliers: { country: 'ES' } },
    { id: 4, fx_suppliers: null },
  ]);
});

test('!inner on a to-many embed', async () => {
  const r = await get('/fx_suppliers?select=id,fx_products!inner(id)&fx_products.price_cents=gt.4000');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, fx_products: [{ id: 1 }] }]);
});

test('is.null / not.is.null on an embed filter the parents', async () => {
  const none = await get('/fx_suppliers?select=id,fx_products(id)&fx_products=is.null');
  assert.equal(none.status, 200);
  assert.deepEqual(none.body, [{ id: 3, fx_products: [] }]);
  const some = await get('/fx_products?select=id,fx_product_details(notes)&fx_product_details=not.is.null&order=id');
  assert.deepEqual(some.body, [
    { id: 1, fx_product_details: { notes: 'Made in Normandy' } },
    { id: 3, fx_product_details: { notes: 'Jute sole' } },
  ]);
});

test('limit, offset and order inside a to-many embed', async () => {
  const r = await get('/fx_suppliers?select=id,fx_products(id)&id=eq.1&fx_products.order=id.desc&fx_products.limit=1&fx_products.offset=1');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, fx_products: [{ id: 1 }] }]);
});

test('or= inside an embed', async () => {
  const r = await get('/fx_suppliers?select=id,fx_products(id)&id=eq.1&fx_products.or=(id.eq.2,price_cents.gt.9999)');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, fx_products: [{ id: 2 }] }]);
});

test('a to-one spread puts the embed columns in the parent', async () => {
  const r = await get('/fx_products?select=id,...fx_suppliers(supplier:name,country)&id=in.(1,4)&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { id: 1, supplier: 'Atelier Nord', country: 'FR' },
    { id: 4, supplier: null, country: null },
  ]);
});

test('a to-many spread gives arrays of values', async () => {
  const r = await get('/fx_suppliers?select=id,...fx_products(product:name)&id=eq.1&fx_products.order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, product: ['Linen shirt', 'Wool scarf'] }]);
});

test('an unknown embed is a 400 PGRST200', async () => {
  const r = await get('/fx_products?select=*,xyz(*)');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST200',
    details: "Searched for a foreign key relationship between 'fx_products' and 'xyz' in the schema 'public', but no matches were found.",
    hint: null,
    message: "Could not find a relationship between 'fx_products' and 'xyz' in the schema cache",
  });
});

test('an unknown embed close to a known one gets a hint', async () => {
  const r = await get('/fx_products?select=*,fx_supplier(*)');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST200',
    details: "Searched for a foreign key relationship between 'fx_products' and 'fx_supplier' in the schema 'public', but no matches were found.",
    hint: "Perhaps you meant 'fx_suppliers' instead of 'fx_supplier'.",
    message: "Could not find a relationship between 'fx_products' and 'fx_supplier' in the schema cache",
  });
});

test('an embed with a hint that matches nothing names the hint', async () => {
  const r = await get('/fx_products?select=*,fx_suppliers!nope(*)');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST200',
    details: "Searched for a foreign key relationship between 'fx_products' and 'fx_suppliers' using the hint 'nope' in the schema 'public', but no matches were found.",
    hint: null,
    message: "Could not find a relationship between 'fx_products' and 'fx_suppliers' in the schema cache",
  });
});

test('an ambiguous embed is a 300 PGRST201 listing the candidates', async () => {
  const r = await get('/fx_shipments?select=*,fx_suppliers(*)');
  assert.equal(r.status, 300);
  assert.deepEqual(r.body, {
    code: 'PGRST201',
    details: [
      { cardinality: 'many-to-one', embedding: 'fx_shipments with fx_suppliers', relationship: 'shipments_from_fkey using fx_shipments(from_supplier_id) and fx_suppliers(id)' },
      { cardinality: 'many-to-one', embedding: 'fx_shipments with fx_suppliers', relationship: 'shipments_to_fkey using fx_shipments(to_supplier_id) and fx_suppliers(id)' },
    ],
    hint: "Try changing 'fx_suppliers' to one of the following: 'fx_suppliers!shipments_from_fkey', 'fx_suppliers!shipments_to_fkey'. Find the desired relationship in the 'details' key.",
    message: "Could not embed because more than one relationship was found for 'fx_shipments' and 'fx_suppliers'",
  });
});

test('a filter on a resource that is not embedded is a 400 PGRST108', async () => {
  const r = await get('/fx_products?select=id&fx_suppliers.name=eq.x');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST108',
    details: null,
    hint: "Verify that 'fx_suppliers' is included in the 'select' query parameter.",
    message: "'fx_suppliers' is not an embedded resource in this request",
  });
});

test('operators other than is.null on an embed are a 400 PGRST120', async () => {
  const r = await get('/fx_products?select=id,fx_suppliers(name)&fx_suppliers=eq.1');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST120',
    details: 'Only is null or not is null filters are allowed on embedded resources',
    hint: null,
    message: "Bad operator on the 'fx_suppliers' embedded resource",
  });
});

test('an embed with nothing selected only filters and is left out of the output', async () => {
  const r = await get('/fx_products?select=id,fx_suppliers!inner()&fx_suppliers.country=eq.FR&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1 }, { id: 2 }]);
});

test('an unknown column in an embed names the embed as PostgREST aliases it', async () => {
  const r = await get('/fx_products?select=id,fx_suppliers(qwertyuiop)');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: '42703', details: null, hint: null, message: 'column fx_suppliers_1.qwertyuiop does not exist' });
});

test('a computed relationship returning a set embeds an array', async () => {
  const r = await get('/cf_person?select=name,cf_sent(body)&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { name: 'Ann', cf_sent: [{ body: 'Hello Bob' }] },
    { name: 'Bob', cf_sent: [{ body: 'Hi Ann' }] },
  ]);
});

test('a computed relationship declared ROWS 1 embeds an object, and works with !inner, filters and spreads', async () => {
  const one = await get('/cf_message?select=body,cf_author(name)&order=id');
  assert.deepEqual(one.body, [
    { body: 'Hello Bob', cf_author: { name: 'Ann' } },
    { body: 'Hi Ann', cf_author: { name: 'Bob' } },
  ]);
  const inner = await get('/cf_message?select=body,cf_author!inner(name)&cf_author.name=eq.Bob');
  assert.deepEqual(inner.body, [{ body: 'Hi Ann', cf_author: { name: 'Bob' } }]);
  const spread = await get('/cf_message?select=body,...cf_author(author:name)&order=id');
  assert.deepEqual(spread.body, [{ body: 'Hello Bob', author: 'Ann' }, { body: 'Hi Ann', author: 'Bob' }]);
});

test('a computed relationship embeds from the rows of a function, aliased and filtered', async () => {
  const r = await get('/rpc/cf_people?select=name,sent:cf_sent(body)&sent.body=eq.Hi%20Ann&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ name: 'Ann', sent: [] }, { name: 'Bob', sent: [{ body: 'Hi Ann' }] }]);
});

test('two foreign keys to the same table: a 300 PGRST201 naming both, and embeds by FK column hint', async () => {
  const r = await get('/cf_person?select=name,cf_message(body)');
  assert.equal(r.status, 300);
  assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.deepEqual(r.body, {
    code: 'PGRST201',
    details: [
      { cardinality: 'one-to-many', embedding: 'cf_person with cf_message', relationship: 'cf_message_recipient_fkey using cf_person(id) and cf_message(recipient)' },
      { cardinality: 'one-to-many', embedding: 'cf_person with cf_message', relationship: 'cf_message_sender_fkey using cf_person(id) and cf_message(sender)' },
    ],
    hint: "Try changing 'cf_message' to one of the following: 'cf_message!cf_message_recipient_fkey', 'cf_message!cf_message_sender_fkey'. Find the desired relationship in the 'details' key.",
    message: "Could not embed because more than one relationship was found for 'cf_person' and 'cf_message'",
  });
  const hinted = await get('/cf_message?select=id,sender:cf_person!sender(name),recipient:cf_person!recipient(name)&order=id');
  assert.deepEqual(hinted.body, [
    { id: 1, sender: { name: 'Ann' }, recipient: { name: 'Bob' } },
    { id: 2, sender: { name: 'Bob' }, recipient: { name: 'Ann' } },
  ]);
});

test('an unknown FK hint is a 400 PGRST200 naming the hint', async () => {
  const r = await get('/cf_message?select=id,sender:cf_person!space(name)&id=lt.4');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST200',
    details: "Searched for a foreign key relationship between 'cf_message' and 'cf_person' using the hint 'space' in the schema 'public', but no matches were found.",
    hint: null,
    message: "Could not find a relationship between 'cf_message' and 'cf_person' in the schema cache",
  });
});

test('an ambiguous embed lists the candidates in PostgREST order: one-to-many before many-to-one', async () => {
  const r = await get('/cf_agents?select=*,cf_departments(*)');
  assert.equal(r.status, 300);
  assert.deepEqual(r.body, {
    code: 'PGRST201',
    details: [
      { cardinality: 'one-to-many', embedding: 'cf_agents with cf_departments', relationship: 'cf_departments_head_id_fkey using cf_agents(id) and cf_departments(head_id)' },
      { cardinality: 'many-to-one', embedding: 'cf_agents with cf_departments', relationship: 'cf_agents_department_id_fkey using cf_agents(department_id) and cf_departments(id)' },
    ],
    hint: "Try changing 'cf_departments' to one of the following: 'cf_departments!cf_departments_head_id_fkey', 'cf_departments!cf_agents_department_id_fkey'. Find the desired relationship in the 'details' key.",
    message: "Could not embed because more than one relationship was found for 'cf_agents' and 'cf_departments'",
  });
});
