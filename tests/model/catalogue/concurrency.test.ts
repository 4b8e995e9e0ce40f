// The catalogue's rules hold when two transactions race: the second writer waits for the first
// (the triggers take row locks) and is then judged on what the first committed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { race } from '../race.ts';
import { createWorld, type World } from '../world.ts';
import { makeAttribute, makeCategory, makeProduct, makeVariant } from './builders.ts';

let world: World;
before(async () => {
  world = await createWorld();
});

test('a required attribute defined while a variant without it is written is refused', async () => {
  const category = await makeCategory(world);
  const product = await makeProduct(world, { category_id: category.id });
  const sku = `RACE1-${world.tag}`;
  const refused = await race(
    [`insert into public.product_variants (product_id, sku, price_cents) values ($1, $2, 100)`, [product.id, sku]],
    [`insert into public.attribute_definitions (category_id, code, label_fr, label_en, kind, required) values ($1, 'size', 'Taille', 'Size', 'text', true)`, [category.id]],
  );
  assert.equal(refused, `variant ${sku}: attribute "size" is required`);
  assert.equal((await sql(`select count(*)::int as n from public.attribute_definitions where category_id = $1`, [category.id]))[0].n, 0);
});

test('a variant written while a required attribute is being defined is refused', async () => {
  const category = await makeCategory(world);
  const product = await makeProduct(world, { category_id: category.id });
  const sku = `RACE2-${world.tag}`;
  const refused = await race(
    [`insert into public.attribute_definitions (category_id, code, label_fr, label_en, kind, required) values ($1, 'size', 'Taille', 'Size', 'text', true)`, [category.id]],
    [`insert into public.product_variants (product_id, sku, price_cents) values ($1, $2, 100)`, [product.id, sku]],
  );
  assert.equal(refused, `variant ${sku}: attribute "size" is required`);
  assert.equal((await sql(`select count(*)::int as n from public.product_variants where sku = $1`, [sku]))[0].n, 0);
});

test('a product that changes category while a variant is written keeps only fitting variants', async () => {
  const from = await makeCategory(world);
  const to = await makeCategory(world);
  await makeAttribute(world, from.id, { code: 'size' });
  const product = await makeProduct(world, { category_id: from.id });
  const sku = `RACE3-${world.tag}`;
  const refused = await race(
    [`insert into public.product_variants (product_id, sku, price_cents, attributes) values ($1, $2, 100, '{"size": "M"}')`, [product.id, sku]],
    [`update public.products set category_id = $1 where id = $2`, [to.id, product.id]],
  );
  assert.equal(refused, `variant ${sku}: attribute "size" is not defined for its category`);
  assert.equal((await sql(`select category_id from public.products where id = $1`, [product.id]))[0].category_id, from.id);
});

test('a product cannot stop being a bundle while a component is added', async () => {
  const bundle = await makeProduct(world, { is_bundle: true });
  const component = await makeVariant(world, (await makeProduct(world)).id);
  const refused = await race(
    [`insert into public.product_bundle_items (bundle_product_id, component_variant_id) values ($1, $2)`, [bundle.id, component.id]],
    [`update public.products set is_bundle = false where id = $1`, [bundle.id]],
  );
  assert.equal(refused, `product ${bundle.sku} has bundle components: remove them before it stops being a bundle`);
});

test('a component cannot be added while its bundle stops being one', async () => {
  const bundle = await makeProduct(world, { is_bundle: true });
  const component = await makeVariant(world, (await makeProduct(world)).id);
  const refused = await race(
    [`update public.products set is_bundle = false where id = $1`, [bundle.id]],
    [`insert into public.product_bundle_items (bundle_product_id, component_variant_id) values ($1, $2)`, [bundle.id, component.id]],
  );
  assert.equal(refused, `product ${bundle.sku} is not a bundle: only bundles have components`);
  assert.equal((await sql(`select count(*)::int as n from public.product_bundle_items where bundle_product_id = $1`, [bundle.id]))[0].n, 0);
});
