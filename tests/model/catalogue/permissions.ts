// Who may read and change the catalogue: the shared catalogue (read by admins, staff and
// marketers; written by admins and staff, marketers editing copy only), variant costs (admins and
// staff only), and what belongs to a shop (listings, price breaks, shop group prices).
// Suppliers see only the products and variants they supply, and those products' media
// (policies in the suppliers migration).
import { access, type Access, type TableSpec } from '../permissions.ts';
import type { Persona } from '../world.ts';
import { insertRow } from '../world.ts';
import { makeAttribute, makeCategory, makeCustomerGroup, makeListing, makeProduct, makeVariant } from './builders.ts';
import { makeSuppliedProduct } from '../suppliers/builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]): Access => ({ select, insert: false, update: false, delete: false });

/** The shared catalogue: everyone but suppliers and anonymous visitors reads every row. */
function shared(labels: string[], rules: { staffDelete: boolean; marketerUpdate: boolean; marketerWrites?: boolean }): Record<Persona, Access> {
  const staff = { select: labels, insert: true, update: true, delete: rules.staffDelete };
  return {
    admin: EVERYTHING(labels),
    staffA: staff,
    staffB: staff,
    marketer: rules.marketerWrites ? EVERYTHING(labels) : { ...readOnly(labels), update: rules.marketerUpdate },
    supplierX: SEE_NOTHING,
    supplierY: SEE_NOTHING,
    anon: REFUSED,
  };
}

export const specs: TableSpec[] = [
  {
    table: 'customer_groups',
    rows: async (w) => ({ g: await makeCustomerGroup(w) }),
    insert: (w) => ({ code: `new-${w.tag}`, name: 'A new group' }),
    update: { row: 'g', set: { name: 'Renamed group' } },
    access: shared(['g'], { staffDelete: false, marketerUpdate: false }),
  },
  {
    table: 'categories',
    rows: async (w) => ({ c: await makeCategory(w) }),
    insert: (w) => ({ slug: `new-${w.tag}`, name: 'A new category' }),
    update: { row: 'c', set: { name: 'Renamed category' } },
    access: shared(['c'], { staffDelete: false, marketerUpdate: true }),
  },
  {
    table: 'attribute_definitions',
    rows: async (w) => ({ d: await makeAttribute(w, (await makeCategory(w)).id) }),
    insert: (w, rows) => ({ category_id: rows.d.category_id, code: `new_${w.tag}`, label_fr: 'Nouveau', label_en: 'New', kind: 'number' }),
    update: { row: 'd', set: { label_en: 'Relabelled' } },
    access: shared(['d'], { staffDelete: true, marketerUpdate: false }),
  },
  {
    table: 'products',
    rows: async (w) => ({ p: await makeProduct(w), x: (await makeSuppliedProduct(w)).product }),
    insert: (w) => ({ sku: `NEW-${w.tag}`, name: 'A new product' }),
    update: { row: 'p', set: { name: 'Renamed product' } },
    access: { ...shared(['p', 'x'], { staffDelete: false, marketerUpdate: true }), supplierX: readOnly(['x']) },
  },
  {
    table: 'product_variants',
    rows: async (w) => ({ v: await makeVariant(w, (await makeProduct(w)).id), x: (await makeSuppliedProduct(w)).variant }),
    insert: (w, rows) => ({ product_id: rows.v.product_id, sku: `NEWV-${w.tag}`, price_cents: 500 }),
    update: { row: 'v', set: { price_cents: 1234 } },
    access: { ...shared(['v', 'x'], { staffDelete: true, marketerUpdate: false }), supplierX: readOnly(['x']) },
  },
  {
    table: 'variant_costs',
    rows: async (w) => ({ c: await insertRow('variant_costs', { variant_id: (await makeVariant(w, (await makeProduct(w)).id)).id, cost_cents: 400 }) }),
    // Each try needs a variant without a cost yet.
    insert: async (w, rows) => ({ variant_id: (await makeVariant(w, (await makeProduct(w)).id)).id, cost_cents: 300 }),
    update: { row: 'c', set: { cost_cents: 450 } },
    access: {
      admin: EVERYTHING(['c']),
      staffA: EVERYTHING(['c']),
      staffB: EVERYTHING(['c']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'product_bundle_items',
    rows: async (w) => {
      const bundle = await makeProduct(w, { is_bundle: true });
      const component = await makeVariant(w, (await makeProduct(w)).id);
      return { i: await insertRow('product_bundle_items', { bundle_product_id: bundle.id, component_variant_id: component.id, quantity: 2 }) };
    },
    insert: async (w, rows) => ({ bundle_product_id: rows.i.bundle_product_id, component_variant_id: (await makeVariant(w, (await makeProduct(w)).id)).id, quantity: 1 }),
    update: { row: 'i', set: { quantity: 3 } },
    access: shared(['i'], { staffDelete: true, marketerUpdate: false }),
  },
  {
    table: 'product_media',
    rows: async (w) => {
      const product = await makeProduct(w);
      const supplied = (await makeSuppliedProduct(w)).product;
      return {
        m: await insertRow('product_media', { product_id: product.id, storage_path: `products/${product.sku}/front.jpg`, alt: 'Front' }),
        x: await insertRow('product_media', { product_id: supplied.id, storage_path: `products/${supplied.sku}/front.jpg`, alt: 'Front' }),
      };
    },
    insert: (w, rows) => ({ product_id: rows.m.product_id, storage_path: `products/${w.tag}/new.jpg`, alt: 'New' }),
    update: { row: 'm', set: { alt: 'Seen from the front' } },
    access: { ...shared(['m', 'x'], { staffDelete: true, marketerUpdate: true }), supplierX: readOnly(['x']) },
  },
  {
    table: 'product_translations',
    rows: async (w) => {
      const product = await makeProduct(w);
      return { fr: await insertRow('product_translations', { product_id: product.id, locale: 'fr', name: 'Produit' }) };
    },
    insert: (_w, rows) => ({ product_id: rows.fr.product_id, locale: 'en', name: 'Product' }),
    update: { row: 'fr', set: { name: 'Produit renommé' } },
    access: shared(['fr'], { staffDelete: true, marketerUpdate: true, marketerWrites: true }),
  },
  {
    table: 'category_translations',
    rows: async (w) => {
      const category = await makeCategory(w);
      return { fr: await insertRow('category_translations', { category_id: category.id, locale: 'fr', name: 'Catégorie' }) };
    },
    insert: (_w, rows) => ({ category_id: rows.fr.category_id, locale: 'en', name: 'Category' }),
    update: { row: 'fr', set: { name: 'Catégorie renommée' } },
    access: shared(['fr'], { staffDelete: true, marketerUpdate: true, marketerWrites: true }),
  },
  {
    table: 'group_prices',
    rows: async (w) => {
      const variant = await makeVariant(w, (await makeProduct(w)).id);
      const group = await makeCustomerGroup(w);
      const price = (shop_id: string | null) => insertRow('group_prices', { variant_id: variant.id, customer_group_id: group.id, shop_id, price_cents: 900 });
      return { all: await price(null), a: await price(w.shopA), b: await price(w.shopB) };
    },
    // Another group, so as not to collide with the world's price in shop A.
    insert: async (w, rows) => ({ variant_id: rows.a.variant_id, customer_group_id: (await makeCustomerGroup(w)).id, shop_id: w.shopA, price_cents: 800 }),
    update: { row: 'a', set: { price_cents: 850 } },
    access: {
      admin: EVERYTHING(['all', 'a', 'b']),
      staffA: EVERYTHING(['all', 'a', 'b']),
      staffB: readOnly(['all', 'a', 'b']),
      marketer: readOnly(['all', 'a', 'b']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'product_listings',
    rows: async (w) => {
      const product = await makeProduct(w);
      return { a: await makeListing(w, product.id, w.shopA), b: await makeListing(w, product.id, w.shopB) };
    },
    insert: async (w) => ({ product_id: (await makeProduct(w)).id, shop_id: w.shopA, title: 'Newly listed' }),
    update: { row: 'a', set: { title: 'A better title' } },
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: EVERYTHING(['a']),
      staffB: readOnly(['b']),
      marketer: { select: ['a', 'b'], insert: false, update: true, delete: false },
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'price_breaks',
    rows: async (w) => {
      const product = await makeProduct(w);
      const priceBreak = async (shopId: string) =>
        insertRow('price_breaks', { listing_id: (await makeListing(w, product.id, shopId)).id, min_quantity: 10, price_cents: 700 });
      return { a: await priceBreak(w.shopA), b: await priceBreak(w.shopB) };
    },
    insert: (_w, rows) => ({ listing_id: rows.a.listing_id, min_quantity: 50, price_cents: 600 }),
    update: { row: 'a', set: { price_cents: 650 } },
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: EVERYTHING(['a']),
      staffB: readOnly(['b']),
      marketer: readOnly(['a', 'b']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
];
