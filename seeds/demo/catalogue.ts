// The shared catalogue: categories with their attribute definitions and English names, products
// and variants with costs, gift boxes, each shop's listings, price breaks and group prices.
import type { Demo } from './context.ts';
import { CATEGORIES, CUSTOMER_GROUPS, GROUP_PRICES, PRICE_BREAKS, PRODUCTS } from './data/catalogue.ts';

const BRANDS: Record<string, string> = {
  pl: 'Pâtisserie Lumière', af: "L'Atelier des Fleurs", em: 'Épicerie Fine du Marais', cx: 'Comptoir',
};

export async function seedCatalogue(demo: Demo): Promise<void> {
  if (!demo.has('categories', 'products', 'product_variants', 'variant_costs', 'product_listings')) return;

  for (const group of CUSTOMER_GROUPS) {
    demo.groups.set(group.code, (await demo.insert('customer_groups', { code: group.code, name: group.name })).id);
  }

  for (const [position, category] of CATEGORIES.entries()) {
    const row = await demo.insert('categories', {
      slug: category.key, name: category.name, position,
      parent_id: category.parent ? demo.categories.get(category.parent)!.id : null,
    });
    demo.categories.set(category.key, row);
    await demo.insert('category_translations', { category_id: row.id, locale: 'en', name: category.nameEn });
    for (const [i, attribute] of (category.attributes ?? []).entries()) {
      await demo.insert('attribute_definitions', {
        category_id: row.id, code: attribute.code, label_fr: attribute.labelFr, label_en: attribute.labelEn,
        kind: attribute.type, allowed_values: attribute.options ?? null, position: i,
      });
    }
  }

  for (const product of PRODUCTS) {
    const row = await demo.insert('products', {
      sku: product.sku, name: product.name, description: product.description,
      category_id: demo.categories.get(product.category)!.id, status: 'active', is_bundle: Boolean(product.bundle),
      brand: product.sku.startsWith('cv-') ? null : BRANDS[product.sku.slice(0, 2)],
      tags: [product.category, ...(product.bundle ? ['cadeau'] : [])],
    });
    demo.products.set(product.sku, row);
    for (const [position, variant] of product.variants.entries()) {
      const v = await demo.insert('product_variants', {
        product_id: row.id, sku: variant.sku, price_cents: variant.priceCents, currency: 'EUR', position,
        attributes: { ...product.attributes, ...variant.attributes },
        low_stock_threshold: variant.stock >= 60 ? 12 : variant.stock >= 10 ? 5 : 3,
        // Viennoiseries are baked to order in the morning: they may be sold before they are counted.
        allow_backorder: product.category === 'viennoiseries',
      });
      demo.variants.set(variant.sku, { ...v, stockAtOpening: variant.stock, costCents: variant.costCents, product });
      await demo.insert('variant_costs', { variant_id: v.id, cost_cents: variant.costCents });
    }
    if (product.en) await demo.insert('product_translations', { product_id: row.id, locale: 'en', ...product.en });
    for (const [position, key] of product.shops.entries()) {
      const shop = demo.shop(key);
      const english = shop.locale === 'en';
      await demo.insert('product_listings', {
        product_id: row.id, shop_id: shop.id, visible: true, position: position + demo.products.size,
        title: english && product.en ? product.en.name : null,
        description: english && product.en ? product.en.description : null,
        published_at: new Date().toISOString(),
      });
    }
  }

  // Components after every product exists: a box may hold products listed after it.
  for (const product of PRODUCTS) {
    for (const [sku, quantity] of product.bundle ?? []) {
      await demo.insert('product_bundle_items', {
        bundle_product_id: demo.products.get(product.sku)!.id, component_variant_id: demo.variant(sku).id, quantity,
      });
    }
  }

  for (const pb of PRICE_BREAKS) {
    const variant = demo.variant(pb.variant);
    const [listing] = await demo.query(
      `select id from public.product_listings where product_id = $1 and shop_id = $2`,
      [variant.product_id, demo.shop(variant.product.shops[0]).id],
    );
    await demo.insert('price_breaks', { listing_id: listing.id, variant_id: variant.id, min_quantity: pb.min, price_cents: pb.priceCents });
  }
  for (const gp of GROUP_PRICES) {
    await demo.insert('group_prices', { variant_id: demo.variant(gp.variant).id, customer_group_id: demo.groups.get(gp.group), price_cents: gp.priceCents });
  }
}
