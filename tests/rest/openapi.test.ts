// GET /rest/v1/: the Swagger 2.0 document PostgREST produces, per profile and per role.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';
import { signJwt } from '../helpers/env.ts';

test('the root is a Swagger 2.0 document describing the schema', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/openapi+json; charset=utf-8');
  assert.equal(r.headers.get('content-profile'), 'public');
  assert.equal(r.body.swagger, '2.0');
  assert.deepEqual(r.body.info, { description: 'Tables used by the REST conformance tests.', title: 'Comptoir REST fixture', version: '13.0.5' });
  assert.equal(r.body.basePath, '/');
  assert.deepEqual(r.body.externalDocs, { description: 'PostgREST Documentation', url: 'https://postgrest.org/en/v13/references/api.html' });
  assert.deepEqual(r.body.consumes, ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json', 'text/csv']);
  assert.deepEqual(r.body.paths['/'], {
    get: { produces: ['application/openapi+json', 'application/json'], responses: { '200': { description: 'OK' } }, summary: 'OpenAPI description (this document)', tags: ['Introspection'] },
  });
});

test('a table definition: types, formats, required columns, keys, comments, enums, defaults', async () => {
  const { body } = await get('/');
  assert.deepEqual(body.definitions.fx_suppliers, {
    description: 'Companies that supply products',
    properties: {
      id: { description: 'Note:\nThis is a Primary Key.<pk/>', format: 'integer', type: 'integer' },
      name: { description: 'Trading name', format: 'text', type: 'string' },
      country: { format: 'text', type: 'string' },
    },
    required: ['id', 'name'],
    type: 'object',
  });
  const products = body.definitions.fx_products.properties;
  assert.deepEqual(products.supplier_id, {
    description: "Note:\nThis is a Foreign Key to `fx_suppliers.id`.<fk table='fx_suppliers' column='id'/>",
    format: 'integer',
    type: 'integer',
  });
  assert.deepEqual(products.sku, { format: 'character varying', maxLength: 32, type: 'string' });
  assert.deepEqual(products.status, { default: 'draft', enum: ['draft', 'active', 'archived'], format: 'fx_product_status', type: 'string' });
  assert.deepEqual(products.price_cents, { default: 0, format: 'bigint', type: 'integer' });
  assert.deepEqual(products.tags, { format: 'text[]', type: 'array', items: { type: 'string' } });
  assert.deepEqual(products.created_at, { default: '2024-01-01 00:00:00+00', format: 'timestamp with time zone', type: 'string' });
  assert.deepEqual(products.attrs, { format: 'jsonb' });
  assert.deepEqual(body.definitions.fx_products.required, ['id', 'name', 'price_cents', 'status', 'tags', 'created_at']);
  assert.deepEqual(body.definitions.fx_product_details.properties.product_id, {
    description: "Note:\nThis is a Primary Key.<pk/>\nThis is a Foreign Key to `fx_products.id`.<fk table='fx_products' column='id'/>",
    format: 'integer',
    type: 'integer',
  });
});

test('table paths with row filters and the shared parameters', async () => {
  const { body } = await get('/');
  const path = body.paths['/fx_suppliers'];
  assert.deepEqual(Object.keys(path), ['get', 'post', 'delete', 'patch']);
  assert.deepEqual(path.get.parameters, [
    { $ref: '#/parameters/rowFilter.fx_suppliers.id' },
    { $ref: '#/parameters/rowFilter.fx_suppliers.name' },
    { $ref: '#/parameters/rowFilter.fx_suppliers.country' },
    { $ref: '#/parameters/select' },
    { $ref: '#/parameters/order' },
    { $ref: '#/parameters/range' },
    { $ref: '#/parameters/rangeUnit' },
    { $ref: '#/parameters/offset' },
    { $ref: '#/parameters/limit' },
    { $ref: '#/parameters/preferCount' },
  ]);
  assert.deepEqual(path.get.responses['200'], { description: 'OK', schema: { items: { $ref: '#/definitions/fx_suppliers' }, type: 'array' } });
  assert.deepEqual(body.parameters['rowFilter.fx_suppliers.name'], { name: 'name', description: 'Trading name', required: false, in: 'query', type: 'string' });
  assert.deepEqual(body.parameters['body.fx_suppliers'], { name: 'fx_suppliers', description: 'fx_suppliers', required: false, in: 'body', schema: { $ref: '#/definitions/fx_suppliers' } });
  assert.deepEqual(body.parameters.limit, { name: 'limit', description: 'Limiting and Pagination', required: false, in: 'query', type: 'string' });
  // PostgREST 13 has no params=single-object any more: the empty enum is left out.
  assert.deepEqual(body.parameters.preferParams, { name: 'Prefer', description: 'Preference', required: false, in: 'header', type: 'string' });
  assert.deepEqual(body.parameters.preferCount, { name: 'Prefer', description: 'Preference', required: false, enum: ['count=none'], in: 'header', type: 'string' });
});

test('views are described, with only the methods they support', async () => {
  const { body } = await get('/');
  assert.deepEqual(body.definitions.fx_product_summaries.description, 'Products, briefly');
  assert.deepEqual(body.definitions.fx_product_summaries.properties.id, { description: 'Note:\nThis is a Primary Key.<pk/>', format: 'integer', type: 'integer' });
  assert.deepEqual(Object.keys(body.paths['/fx_supplier_stats']), ['get']);
});

test('functions are described under /rpc, with GET only when not volatile', async () => {
  const { body } = await get('/');
  assert.deepEqual(body.paths['/rpc/fx_label'], {
    get: {
      tags: ['(rpc) fx_label'],
      produces: ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json'],
      responses: { '200': { description: 'OK' } },
      parameters: [],
    },
    post: {
      tags: ['(rpc) fx_label'],
      produces: ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json'],
      responses: { '200': { description: 'OK' } },
      parameters: [{ name: 'args', required: true, in: 'body', schema: { properties: {}, type: 'object' } }, { $ref: '#/parameters/preferParams' }],
    },
  });
});

test('only what the role may use: anon does not see secrets, the service role does', async () => {
  const anon = await get('/');
  assert.equal(anon.body.paths['/fx_secrets'], undefined);
  assert.equal(anon.body.definitions.fx_secrets, undefined);
  const token = await signJwt({ role: 'service_role' });
  const service = await get('/', { Authorization: `Bearer ${token}` });
  assert.deepEqual(Object.keys(service.body.paths['/fx_secrets']), ['get', 'post', 'delete', 'patch']);
});

test('Accept-Profile describes another schema', async () => {
  const r = await get('/', { 'Accept-Profile': 'fixture_alt' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-profile'), 'fixture_alt');
  assert.deepEqual(Object.keys(r.body.paths).sort(), ['/', '/fx_suppliers', '/widgets']);
  assert.deepEqual(r.body.info, { description: 'This is a dynamic API generated by PostgREST', title: 'PostgREST API', version: '13.0.5' });
});

test('Accept: application/json also gets the document; other types are a 406', async () => {
  const json = await get('/', { Accept: 'application/json' });
  assert.equal(json.status, 200);
  assert.equal(json.headers.get('content-type'), 'application/openapi+json; charset=utf-8');
  assert.equal(json.body.swagger, '2.0');
  const csv = await get('/', { Accept: 'text/csv' });
  assert.equal(csv.status, 406);
  assert.deepEqual(csv.body, { code: 'PGRST107', details: null, hint: null, message: 'None of these media types are available: text/csv' });
});
