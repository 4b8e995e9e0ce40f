// Marketers edit copy, never prices, SKUs, stock settings or costs: the column limit refuses the
// rest with 403 and says what a marketer may change. A shop's marketer edits that shop's listings.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import { createWorld, insertRow, type World } from '../world.ts';
import { makeListing, makeProduct, makeVariant } from './builders.ts';
import { as, assertRefused, shopMarketerToken } from './helpers.ts';

let world: World;
let product: Record<string, any>;
let variant: Record<string, any>;
before(async () => {
  world = await createWorld();
  product = await makeProduct(world);
  variant = await makeVariant(world, product.id, { price_cents: 2500 });
});

const stored = async (table: string, id: string) => (await sql(`select * from public.${table} where id = $1`, [id]))[0];

describe('in the shared catalogue, a marketer', () => {
  test('renames a product and rewrites its description and tags', async () => {
    const reply = await as(world, 'marketer').from('products').update({ name: 'Le beau pull', description: 'Tout doux', tags: ['hiver'] }).eq('id', product.id);
    assert.equal(reply.status, 204, JSON.stringify(reply.error));
    const row = await stored('products', product.id);
    assert.deepEqual([row.name, row.description, row.tags], ['Le beau pull', 'Tout doux', ['hiver']]);
  });

  test('cannot change a variant’s price', async () => {
    const reply = await as(world, 'marketer').from('product_variants').update({ price_cents: 1 }).eq('id', variant.id);
    assertRefused(reply, 403, '42501', 'a marketer may not change price_cents of product_variants', 'A marketer may change only: position.');
    assert.equal((await stored('product_variants', variant.id)).price_cents, '2500');
  });

  test('cannot change a product’s SKU or status', async () => {
    const reply = await as(world, 'marketer').from('products').update({ sku: `HACK-${world.tag}`, status: 'archived', name: 'x' }).eq('id', product.id);
    assertRefused(reply, 403, '42501', 'a marketer may not change sku, status of products', 'A marketer may change only: name, description, tags.');
    assert.equal((await stored('products', product.id)).sku, product.sku);
  });

  test('cannot change stock settings of a variant', async () => {
    const reply = await as(world, 'marketer').from('product_variants').update({ allow_backorder: true, low_stock_threshold: 5 }).eq('id', variant.id);
    assertRefused(reply, 403, '42501', 'a marketer may not change allow_backorder, low_stock_threshold of product_variants');
    assert.equal((await stored('product_variants', variant.id)).allow_backorder, false);
  });

  test('never reads costs, and cannot write them', async () => {
    const cost = await insertRow('variant_costs', { variant_id: variant.id, cost_cents: 900 });
    const read = await as(world, 'marketer').from('variant_costs').select('cost_cents').eq('id', cost.id);
    assert.deepEqual(read.data, []);
    const write = await as(world, 'marketer').from('variant_costs').update({ cost_cents: 1 }).eq('id', cost.id);
    assert.equal(write.status, 204);
    assert.equal((await stored('variant_costs', cost.id)).cost_cents, '900');
  });
});

describe('in a shop, its marketer', () => {
  let token: string;
  let listingA: Record<string, any>;
  let listingB: Record<string, any>;
  before(async () => {
    token = await shopMarketerToken(world.shopA);
    listingA = await makeListing(world, product.id, world.shopA, { price_cents: 3000 });
    listingB = await makeListing(world, product.id, world.shopB, { title: 'Shop B copy' });
  });

  test('edits the copy and visibility of the shop’s listing', async () => {
    const reply = await anonClient(token).from('product_listings').update({ title: 'Pull en laine', description: 'Chaud', visible: false, position: 3 }).eq('id', listingA.id);
    assert.equal(reply.status, 204, JSON.stringify(reply.error));
    const row = await stored('product_listings', listingA.id);
    assert.deepEqual([row.title, row.description, row.visible, row.position], ['Pull en laine', 'Chaud', false, 3]);
  });

  test('cannot change the listing’s price', async () => {
    const reply = await anonClient(token).from('product_listings').update({ price_cents: 100 }).eq('id', listingA.id);
    assertRefused(reply, 403, '42501', 'a marketer may not change price_cents of product_listings', 'A marketer may change only: title, description, visible, position.');
    assert.equal((await stored('product_listings', listingA.id)).price_cents, '3000');
  });

  test('cannot set price breaks on the listing', async () => {
    const reply = await anonClient(token).from('price_breaks').insert({ listing_id: listingA.id, min_quantity: 5, price_cents: 10 });
    assertRefused(reply, 403, '42501', 'new row violates row-level security policy for table "price_breaks"');
    assert.equal((await sql(`select count(*)::int as n from public.price_breaks where listing_id = $1`, [listingA.id]))[0].n, 0);
  });

  test('neither sees nor edits another shop’s listing', async () => {
    const read = await anonClient(token).from('product_listings').select('id').eq('id', listingB.id);
    assert.deepEqual(read.data, []);
    const reply = await anonClient(token).from('product_listings').update({ title: 'Not mine' }).eq('id', listingB.id);
    assert.equal(reply.status, 204);
    assert.equal((await stored('product_listings', listingB.id)).title, 'Shop B copy');
  });
});
