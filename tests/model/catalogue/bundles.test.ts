// Bundles are made of variants of other, non-bundle products; media and price breaks name variants
// of their own product. Refusals leave nothing behind.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, insertRow, type World } from '../world.ts';
import { makeListing, makeProduct, makeVariant } from './builders.ts';
import { as, assertRuleRefused } from './helpers.ts';

let world: World;
before(async () => {
  world = await createWorld();
});

const componentsOf = async (bundleId: string) =>
  (await sql(`select count(*)::int as n from public.product_bundle_items where bundle_product_id = $1`, [bundleId]))[0].n;

describe('a bundle', () => {
  test('is made of variants of other products', async () => {
    const bundle = await makeProduct(world, { is_bundle: true });
    const component = await makeVariant(world, (await makeProduct(world)).id);
    const reply = await as(world, 'staffA').from('product_bundle_items').insert({ bundle_product_id: bundle.id, component_variant_id: component.id, quantity: 2 });
    assert.equal(reply.status, 201, JSON.stringify(reply.error));
    assert.equal(await componentsOf(bundle.id), 1);
  });

  test('only a bundle product has components', async () => {
    const product = await makeProduct(world);
    const component = await makeVariant(world, (await makeProduct(world)).id);
    const reply = await as(world, 'staffA').from('product_bundle_items').insert({ bundle_product_id: product.id, component_variant_id: component.id });
    assertRuleRefused(reply, `product ${product.sku} is not a bundle: only bundles have components`);
    assert.equal(await componentsOf(product.id), 0);
  });

  test('cannot contain its own variants', async () => {
    const bundle = await makeProduct(world, { is_bundle: true });
    const own = await makeVariant(world, bundle.id);
    const reply = await as(world, 'admin').from('product_bundle_items').insert({ bundle_product_id: bundle.id, component_variant_id: own.id });
    assertRuleRefused(reply, `bundle ${bundle.sku} cannot contain its own variant ${own.sku}`);
    assert.equal(await componentsOf(bundle.id), 0);
  });

  test('cannot contain another bundle', async () => {
    const bundle = await makeProduct(world, { is_bundle: true });
    const inner = await makeProduct(world, { is_bundle: true });
    const innerVariant = await makeVariant(world, inner.id);
    const reply = await as(world, 'staffB').from('product_bundle_items').insert({ bundle_product_id: bundle.id, component_variant_id: innerVariant.id });
    assertRuleRefused(reply, `bundle ${bundle.sku} cannot contain ${innerVariant.sku} of bundle ${inner.sku}: bundles do not nest`);
    assert.equal(await componentsOf(bundle.id), 0);
  });

  test('holds a positive quantity of each component', async () => {
    const bundle = await makeProduct(world, { is_bundle: true });
    const component = await makeVariant(world, (await makeProduct(world)).id);
    const reply = await as(world, 'staffA').from('product_bundle_items').insert({ bundle_product_id: bundle.id, component_variant_id: component.id, quantity: 0 });
    assert.equal(reply.status, 400);
    assert.equal(reply.error?.code, '23514');
    assert.equal(reply.error?.message, 'new row for relation "product_bundle_items" violates check constraint "product_bundle_items_quantity_check"');
    assert.equal(await componentsOf(bundle.id), 0);
  });

  test('stops being a bundle only once its components are gone', async () => {
    const bundle = await makeProduct(world, { is_bundle: true });
    const component = await makeVariant(world, (await makeProduct(world)).id);
    await insertRow('product_bundle_items', { bundle_product_id: bundle.id, component_variant_id: component.id });
    const reply = await as(world, 'staffA').from('products').update({ is_bundle: false }).eq('id', bundle.id);
    assertRuleRefused(reply, `product ${bundle.sku} has bundle components: remove them before it stops being a bundle`);
    assert.equal((await sql(`select is_bundle from public.products where id = $1`, [bundle.id]))[0].is_bundle, true);
  });

  test('cannot be what a product whose variants are components becomes', async () => {
    const bundle = await makeProduct(world, { is_bundle: true });
    const part = await makeProduct(world);
    await insertRow('product_bundle_items', { bundle_product_id: bundle.id, component_variant_id: (await makeVariant(world, part.id)).id });
    const reply = await as(world, 'staffA').from('products').update({ is_bundle: true }).eq('id', part.id);
    assertRuleRefused(reply, `product ${part.sku} cannot become a bundle: its variants are components of other bundles`);
    assert.equal((await sql(`select is_bundle from public.products where id = $1`, [part.id]))[0].is_bundle, false);
  });
});

describe('a variant named by', () => {
  test('a media item belongs to the media’s product', async () => {
    const product = await makeProduct(world);
    const stranger = await makeVariant(world, (await makeProduct(world)).id);
    const reply = await as(world, 'staffA').from('product_media').insert({ product_id: product.id, variant_id: stranger.id, storage_path: `p/${world.tag}/x.jpg` });
    assertRuleRefused(reply, `variant ${stranger.sku} is not a variant of product ${product.sku}`);
    assert.equal((await sql(`select count(*)::int as n from public.product_media where product_id = $1`, [product.id]))[0].n, 0);
  });

  test('a price break belongs to the listed product', async () => {
    const product = await makeProduct(world);
    const listing = await makeListing(world, product.id, world.shopA);
    const stranger = await makeVariant(world, (await makeProduct(world)).id);
    const reply = await as(world, 'staffA').from('price_breaks').insert({ listing_id: listing.id, variant_id: stranger.id, min_quantity: 5, price_cents: 10 });
    assertRuleRefused(reply, `variant ${stranger.sku} is not a variant of the listed product ${product.sku}`);
    assert.equal((await sql(`select count(*)::int as n from public.price_breaks where listing_id = $1`, [listing.id]))[0].n, 0);
  });
});
