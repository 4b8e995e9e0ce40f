// Catalogue rows for any domain's tests, inserted as the database owner (no RLS) and returned as
// Postgres has them. Codes, slugs and SKUs are unique: they carry the world's tag and a counter.
import { insertRow } from '../world.ts';
import type { World } from '../world.ts';

type Row = Record<string, any>;
let counter = 0;
const next = (world: World, prefix: string) => `${prefix}-${world.tag}-${++counter}`;

/** A category (a root unless overrides name a parent_id). */
export function makeCategory(world: World, overrides: Row = {}): Promise<Row> {
  const slug = next(world, 'cat');
  return insertRow('categories', { slug, name: `Category ${slug}`, ...overrides });
}

/** An attribute definition of a category: a free text attribute unless overrides say otherwise. */
export function makeAttribute(world: World, categoryId: string, overrides: Row = {}): Promise<Row> {
  const code = `attr_${world.tag}_${++counter}`;
  return insertRow('attribute_definitions', { category_id: categoryId, code, label_fr: code, label_en: code, kind: 'text', ...overrides });
}

/** A customer group (retail, wholesale...). */
export function makeCustomerGroup(world: World, overrides: Row = {}): Promise<Row> {
  const code = next(world, 'group');
  return insertRow('customer_groups', { code, name: `Group ${code}`, ...overrides });
}

/** An active product, without category (so its variants carry no attributes) unless overrides give one. */
export function makeProduct(world: World, overrides: Row = {}): Promise<Row> {
  const sku = next(world, 'P');
  return insertRow('products', { sku, name: `Product ${sku}`, status: 'active', ...overrides });
}

/** A variant of a product at 10.00 EUR, with no attributes unless overrides give some. */
export function makeVariant(world: World, productId: string, overrides: Row = {}): Promise<Row> {
  const sku = next(world, 'V');
  return insertRow('product_variants', { product_id: productId, sku, price_cents: 1000, ...overrides });
}

/** A product in a shop, visible, at the variant's price unless overrides give one. */
export function makeListing(world: World, productId: string, shopId: string, overrides: Row = {}): Promise<Row> {
  return insertRow('product_listings', { product_id: productId, shop_id: shopId, title: 'Listed product', visible: true, ...overrides });
}
