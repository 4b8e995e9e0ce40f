// Variant attributes fit the attribute definitions of their product's category and its parents,
// whoever writes them and whatever changes: the variant, the product's category, the tree or the
// definitions. Every refusal names the attribute and the variant's SKU, and leaves nothing behind.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeAttribute, makeCategory, makeProduct, makeVariant } from './builders.ts';
import { as, assertRuleRefused, countWhere } from './helpers.ts';

let world: World;
let clothing: Record<string, any>;
let tshirts: Record<string, any>;
let shoes: Record<string, any>;
let tshirt: Record<string, any>;
let n = 0;

before(async () => {
  world = await createWorld();
  clothing = await makeCategory(world);
  tshirts = await makeCategory(world, { parent_id: clothing.id });
  shoes = await makeCategory(world);
  await makeAttribute(world, clothing.id, { code: 'size', kind: 'enum', allowed_values: ['S', 'M', 'L'], required: true });
  await makeAttribute(world, tshirts.id, { code: 'fabric', kind: 'text' });
  await makeAttribute(world, tshirts.id, { code: 'weight', kind: 'number' });
  await makeAttribute(world, tshirts.id, { code: 'organic', kind: 'boolean' });
  await makeAttribute(world, tshirts.id, { code: 'colour', kind: 'colour' });
  tshirt = await makeProduct(world, { category_id: tshirts.id });
});

const sku = () => `TS-${world.tag}-${++n}`;
const insertVariant = (attributes: unknown, variantSku = sku()) =>
  as(world, 'staffA').from('product_variants').insert({ product_id: tshirt.id, sku: variantSku, price_cents: 1500, attributes });

describe('a new variant', () => {
  test('carries its category’s attributes and those it inherits', async () => {
    const variantSku = sku();
    const reply = await insertVariant({ size: 'M', fabric: 'cotton', weight: 180, organic: true, colour: '#1A2B3C' }, variantSku);
    assert.equal(reply.status, 201, JSON.stringify(reply.error));
    assert.equal(await countWhere('product_variants', 'sku', variantSku), 1);
  });

  const refusals: Array<[string, Record<string, unknown> | unknown[], string]> = [
    ['an unknown attribute', { size: 'M', sleeve: 'long' }, 'attribute "sleeve" is not defined for its category'],
    ['a number that is not one', { size: 'M', weight: 'heavy' }, 'attribute "weight" must be a number'],
    ['text that is not text', { size: 'M', fabric: 12 }, 'attribute "fabric" must be text'],
    ['a boolean that is not one', { size: 'M', organic: 'yes' }, 'attribute "organic" must be true or false'],
    ['a colour that is not #RRGGBB', { size: 'M', colour: 'red' }, 'attribute "colour" must be a colour written #RRGGBB'],
    ['an enum value not allowed', { size: 'XXL' }, 'attribute "size" must be one of: S, M, L'],
    ['a required attribute missing', { fabric: 'linen' }, 'attribute "size" is required'],
    ['a required attribute set to null', { size: null }, 'attribute "size" is required'],
  ];
  for (const [what, attributes, problem] of refusals) {
    test(`is refused with ${what}`, async () => {
      const variantSku = sku();
      assertRuleRefused(await insertVariant(attributes, variantSku), `variant ${variantSku}: ${problem}`);
      assert.equal(await countWhere('product_variants', 'sku', variantSku), 0, 'nothing was written');
    });
  }

  test('of a product without category carries no attributes', async () => {
    const bare = await makeProduct(world);
    const variantSku = sku();
    const reply = await as(world, 'admin').from('product_variants').insert({ product_id: bare.id, sku: variantSku, price_cents: 100, attributes: { size: 'M' } });
    assertRuleRefused(reply, `variant ${variantSku}: attribute "size" is not defined for its category`);
    assert.equal(await countWhere('product_variants', 'sku', variantSku), 0);
  });

  test('whose attributes are not an object is refused', async () => {
    const variantSku = sku();
    assertRuleRefused(await insertVariant(['S'], variantSku), `variant ${variantSku}: attributes must be a JSON object`);
    assert.equal(await countWhere('product_variants', 'sku', variantSku), 0);
  });
});

describe('an existing variant', () => {
  test('cannot be changed to attributes that do not fit', async () => {
    const variant = await makeVariant(world, tshirt.id, { attributes: { size: 'S' } });
    const reply = await as(world, 'staffB').from('product_variants').update({ attributes: { size: 'S', weight: '200g' } }).eq('id', variant.id);
    assertRuleRefused(reply, `variant ${variant.sku}: attribute "weight" must be a number`);
    const [stored] = await sql(`select attributes from public.product_variants where id = $1`, [variant.id]);
    assert.deepEqual(stored.attributes, { size: 'S' });
  });

  test('cannot move to another product', async () => {
    const variant = await makeVariant(world, tshirt.id, { attributes: { size: 'S' } });
    const other = await makeProduct(world, { category_id: tshirts.id });
    const reply = await as(world, 'admin').from('product_variants').update({ product_id: other.id }).eq('id', variant.id);
    assertRuleRefused(reply, `variant ${variant.sku} cannot move to another product`);
    assert.equal((await sql(`select product_id from public.product_variants where id = $1`, [variant.id]))[0].product_id, tshirt.id);
  });
});

describe('what variants depend on', () => {
  test('a product cannot move to a category where its variants do not fit', async () => {
    const product = await makeProduct(world, { category_id: tshirts.id });
    const variant = await makeVariant(world, product.id, { attributes: { size: 'L', weight: 150 } });
    const reply = await as(world, 'staffA').from('products').update({ category_id: shoes.id }).eq('id', product.id);
    assertRuleRefused(reply, `variant ${variant.sku}: attribute "size" is not defined for its category`);
    assert.equal((await sql(`select category_id from public.products where id = $1`, [product.id]))[0].category_id, tshirts.id);
  });

  test('a product moves to a category where its variants fit', async () => {
    const product = await makeProduct(world, { category_id: tshirts.id });
    await makeVariant(world, product.id, { attributes: { size: 'L' } });
    const reply = await as(world, 'staffA').from('products').update({ category_id: clothing.id }).eq('id', product.id);
    assert.equal(reply.status, 204, JSON.stringify(reply.error));
  });

  test('a category cannot move where its products’ variants lose their attributes', async () => {
    const [variant] = await sql(`select sku from public.product_variants where product_id = $1 order by sku limit 1`, [tshirt.id]);
    const reply = await as(world, 'staffA').from('categories').update({ parent_id: shoes.id }).eq('id', tshirts.id);
    assertRuleRefused(reply, `variant ${variant.sku}: attribute "size" is not defined for its category`);
    assert.equal((await sql(`select parent_id from public.categories where id = $1`, [tshirts.id]))[0].parent_id, clothing.id);
  });

  test('a required attribute cannot be defined while variants lack it', async () => {
    await makeVariant(world, tshirt.id, { sku: `AAA-${world.tag}`, attributes: { size: 'M' } });
    const reply = await as(world, 'staffA').from('attribute_definitions')
      .insert({ category_id: clothing.id, code: 'gender', label_fr: 'Genre', label_en: 'Gender', kind: 'text', required: true });
    assertRuleRefused(reply, `variant AAA-${world.tag}: attribute "gender" is required`);
    assert.equal((await sql(`select count(*)::int as n from public.attribute_definitions where category_id = $1 and code = 'gender'`, [clothing.id]))[0].n, 0);
  });

  test('an enum cannot lose a value that variants use', async () => {
    const product = await makeProduct(world, { category_id: tshirts.id });
    const variant = await makeVariant(world, product.id, { sku: `AAB-${world.tag}`, attributes: { size: 'L' } });
    const reply = await as(world, 'staffB').from('attribute_definitions').update({ allowed_values: ['S', 'M'] }).eq('category_id', clothing.id).eq('code', 'size');
    assertRuleRefused(reply, `variant ${variant.sku}: attribute "size" must be one of: S, M`);
    const [size] = await sql(`select allowed_values from public.attribute_definitions where category_id = $1 and code = 'size'`, [clothing.id]);
    assert.deepEqual(size.allowed_values, ['S', 'M', 'L']);
  });

  test('a definition that variants use cannot be removed', async () => {
    const product = await makeProduct(world, { category_id: tshirts.id });
    const variant = await makeVariant(world, product.id, { sku: `AAC-${world.tag}`, attributes: { size: 'S', fabric: 'wool' } });
    const reply = await as(world, 'admin').from('attribute_definitions').delete().eq('category_id', tshirts.id).eq('code', 'fabric');
    assertRuleRefused(reply, `variant ${variant.sku}: attribute "fabric" is not defined for its category`);
    assert.equal((await sql(`select count(*)::int as n from public.attribute_definitions where category_id = $1 and code = 'fabric'`, [tshirts.id]))[0].n, 1);
  });

  test('after a bulk load, app.catalogue_attribute_problems() lists the variants that do not fit', async () => {
    const variant = await makeVariant(world, tshirt.id, { attributes: { size: 'S' } });
    await sql(`set session_replication_role = replica; update public.product_variants set attributes = '{"size": "XL"}' where id = '${variant.id}'; reset session_replication_role`);
    const problems = await sql(`select sku, problem from app.catalogue_attribute_problems() where variant_id = $1`, [variant.id]);
    assert.deepEqual(problems, [{ sku: variant.sku, problem: 'attribute "size" must be one of: S, M, L' }]);
    await sql(`delete from public.product_variants where id = $1`, [variant.id]);
  });
});
