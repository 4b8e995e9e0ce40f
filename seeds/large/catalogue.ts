// The shared catalogue: products and their variants (attributes fitting their category), costs,
// media, English copy, bundles, group prices; each shop's listings (big shops list much of the
// catalogue, small ones a niche), some with the shop's own price and quantity breaks; what each
// supplier sells us; and our stock, as a ledger of purchases and corrections.
import { ADJECTIVES, BASE_DATE, BRANDS, COLOURS, SIZES, TAGS, VOLUMES, type Counts } from './plan.ts';
import { DAY, iso, rng, uuid7, WeightedIndex } from './ids.ts';
import { NULL, text } from './sink.ts';
import type { Connections } from './connections.ts';
import type { Reference } from './reference.ts';

export interface ShopCatalogue {
  /** Products the shop sells (listed, visible, active) and how often each sells. */
  products: Int32Array;
  popularity: WeightedIndex;
  /** The shop's own price for a product, when its listing sets one. */
  prices: Map<number, number>;
}

export interface Catalogue {
  productName: string[];
  productVat: Int32Array;
  productFirstVariant: Int32Array;
  productVariantCount: Int32Array;
  variantId: string[];
  variantSku: string[];
  variantPrice: Int32Array;
  variantCost: Int32Array;
  shops: ShopCatalogue[];
}

const CATALOGUE_START = BASE_DATE - 3 * 365 * DAY;

export async function loadCatalogue(connections: Connections, seed: number, counts: Counts, ref: Reference): Promise<Catalogue> {
  const random = rng(seed, 'catalogue');
  const sinks = await connections.sinks({
    products: ['id', 'sku', 'name', 'description', 'category_id', 'brand', 'status', 'is_bundle', 'tags', 'created_at', 'updated_at'],
    product_variants: ['id', 'product_id', 'sku', 'attributes', 'price_cents', 'currency', 'barcode', 'weight_grams', 'allow_backorder',
      'low_stock_threshold', 'position', 'status', 'created_at', 'updated_at'],
    variant_costs: ['id', 'variant_id', 'cost_cents', 'currency', 'created_at', 'updated_at'],
    product_listings: ['id', 'product_id', 'shop_id', 'title', 'description', 'price_cents', 'visible', 'position', 'published_at', 'created_at', 'updated_at'],
    price_breaks: ['id', 'listing_id', 'variant_id', 'min_quantity', 'price_cents', 'created_at', 'updated_at'],
    product_translations: ['id', 'product_id', 'locale', 'name', 'description', 'created_at', 'updated_at'],
    product_media: ['id', 'product_id', 'variant_id', 'storage_path', 'kind', 'alt', 'position', 'created_at', 'updated_at'],
    group_prices: ['id', 'variant_id', 'customer_group_id', 'shop_id', 'price_cents', 'created_at', 'updated_at'],
    product_bundle_items: ['id', 'bundle_product_id', 'component_variant_id', 'quantity', 'created_at', 'updated_at'],
    supplier_products: ['id', 'supplier_id', 'variant_id', 'product_id', 'supplier_sku', 'cost_cents', 'currency', 'stock_quantity', 'lead_time_days',
      'is_preferred', 'created_at', 'updated_at'],
    stock_movements: ['variant_id', 'warehouse_id', 'quantity', 'reason', 'note', 'created_at'],
  });
  const n = counts.products;
  const leafIndex = new WeightedIndex(ref.leafWeights);
  const shopProducts: number[][] = ref.shops.map(() => []);
  const shopPrices = ref.shops.map(() => new Map<number, number>());
  const shopPositions = ref.shops.map(() => 0);
  const popularity = new Float64Array(n);
  const cat: Catalogue = {
    productName: [], productVat: new Int32Array(n), productFirstVariant: new Int32Array(n), productVariantCount: new Int32Array(n),
    variantId: [], variantSku: [], variantPrice: new Int32Array(n * 5), variantCost: new Int32Array(n * 5), shops: [],
  };
  const pro = ref.groups.find((g) => g.code === 'pro')!.id;
  let firstActive = -1;
  const bundles = new Set<number>();

  for (let p = 0; p < n; p++) {
    const createdMs = CATALOGUE_START + Math.floor((p / n) * (2.5 * 365) * DAY) + random.int(0, DAY - 1);
    const created = iso(createdMs);
    const id = uuid7(random, createdMs);
    const leaf = ref.leaves[leafIndex.draw(random)];
    const brandIndex = Math.floor(random.next() ** 1.5 * BRANDS.length);
    const brand = BRANDS[brandIndex];
    const sku = `P${String(p + 1).padStart(6, '0')}`;
    const name = `${leaf.sub[0].toUpperCase()}${leaf.sub.slice(1)} ${random.pick(ADJECTIVES)} ${brand} ${random.int(1, 999)}`;
    const status = random.pickWeighted([['active', 85], ['draft', 10], ['archived', 5]] as const);
    const isBundle = leaf.root.template === 'none' && p > 50 && random.chance(0.03);
    const tags = TAGS.filter(() => random.chance(0.12));
    cat.productName.push(name);
    cat.productVat[p] = leaf.root.vat;
    popularity[p] = 1 / (1 + random.next() * 200) ** 1.2;
    let pr = sinks.products.add([id, sku, text(name), text(`${name}, par ${brand}. Une pièce ${leaf.sub} choisie pour durer.`), leaf.id,
      text(brand), status, isBundle ? 't' : 'f', tags.length ? `{${tags.map((t) => `"${t}"`).join(',')}}` : '{}', created, created].join('\t'));
    if (pr) await pr;

    // Variants: sizes (and a colour) for apparel, colours, volumes, or just one.
    const attributes: string[] = [];
    const template = isBundle ? 'none' : leaf.root.template;
    if (template === 'apparel') {
      const sizes = random.int(3, 5);
      const first = random.int(0, SIZES.length - sizes);
      const colour = random.pick(COLOURS);
      for (let s = first; s < first + sizes; s++) attributes.push(`{"size":"${SIZES[s]}","colour":"${colour}"}`);
    } else if (template === 'colour') {
      const k = random.int(1, 5);
      const start = random.int(0, COLOURS.length - 1);
      for (let c = 0; c < k; c++) attributes.push(`{"colour":"${COLOURS[(start + c) % COLOURS.length]}"}`);
    } else if (template === 'volume') {
      const k = random.int(1, 4);
      const start = random.int(0, VOLUMES.length - k);
      for (let c = 0; c < k; c++) attributes.push(`{"volume_ml":${VOLUMES[start + c]}}`);
    } else {
      attributes.push('{}');
    }
    const base = Math.max(190, Math.round(Math.exp(Math.log(2500) + 0.9 * gaussian(random)) / 10) * 10 - 10);
    cat.productFirstVariant[p] = cat.variantId.length;
    cat.productVariantCount[p] = attributes.length;
    const variantIds: string[] = [];
    for (const [j, attrs] of attributes.entries()) {
      const v = cat.variantId.length;
      const vid = uuid7(random, createdMs);
      const vsku = `${sku}-${j + 1}`;
      const price = base + j * Math.round(base * 0.05);
      const cost = Math.round(price * (0.4 + random.next() * 0.25));
      cat.variantId.push(vid);
      cat.variantSku.push(vsku);
      cat.variantPrice[v] = price;
      cat.variantCost[v] = cost;
      variantIds.push(vid);
      const backorder = random.chance(0.05);
      pr = sinks.product_variants.add([vid, id, vsku, attrs, String(price), 'EUR', `3${String(v + 1).padStart(12, '0')}`, String(random.int(50, 3000)),
        backorder ? 't' : 'f', '5', String(j), status === 'archived' ? 'archived' : 'active', created, created].join('\t'));
      if (pr) await pr;
      pr = sinks.variant_costs.add([uuid7(random, createdMs), vid, String(cost), 'EUR', created, created].join('\t'));
      if (pr) await pr;
      if (random.chance(0.05)) {
        pr = sinks.group_prices.add([uuid7(random, createdMs), vid, pro, NULL, String(Math.round(price * 0.85)), created, created].join('\t'));
        if (pr) await pr;
      }
      // Our stock: received into one or two of our warehouses, then corrected now and then.
      if (status !== 'draft') {
        const homes = random.chance(0.3) ? 2 : 1;
        const startWarehouse = random.int(0, ref.ownWarehouses.length - 1);
        for (let h = 0; h < Math.min(homes, ref.ownWarehouses.length); h++) {
          const warehouse = ref.ownWarehouses[(startWarehouse + h) % ref.ownWarehouses.length];
          const received = random.int(10, 300);
          const receivedMs = createdMs + random.int(1, 20) * DAY;
          pr = sinks.stock_movements.add([vid, warehouse, String(received), 'purchase', 'initial stock', iso(receivedMs)].join('\t'));
          if (pr) await pr;
          if (random.chance(0.4)) {
            const delta = random.chance(0.7) ? -random.int(1, Math.min(5, received)) : random.int(1, 5);
            pr = sinks.stock_movements.add([vid, warehouse, String(delta), 'count_correction', 'inventory count', iso(receivedMs + random.int(30, 300) * DAY)].join('\t'));
            if (pr) await pr;
          }
          if (random.chance(0.3)) {
            pr = sinks.stock_movements.add([vid, warehouse, String(random.int(20, 200)), 'purchase', 'restock', iso(receivedMs + random.int(60, 500) * DAY)].join('\t'));
            if (pr) await pr;
          }
        }
      }
    }

    // Who sells it to us: the brand's supplier (preferred), sometimes a second one.
    const preferred = ref.suppliers[brandIndex % ref.suppliers.length];
    const sources = [preferred];
    if (random.chance(0.15) && ref.suppliers.length > 1) sources.push(ref.suppliers[(brandIndex + 1 + random.int(0, ref.suppliers.length - 2)) % ref.suppliers.length]);
    for (const [k, supplier] of sources.entries()) {
      for (const [j, vid] of variantIds.entries()) {
        const v = cat.productFirstVariant[p] + j;
        const stock = supplier.warehouse ? random.int(0, 120) : 0;
        pr = sinks.supplier_products.add([uuid7(random, createdMs), supplier.id, vid, id, `${supplier.code}-${cat.variantSku[v]}`,
          String(Math.round(cat.variantCost[v] * (0.95 + random.next() * 0.1))), 'EUR', String(stock),
          random.chance(0.5) ? NULL : String(random.int(2, 30)), k === 0 ? 't' : 'f', created, created].join('\t'));
        if (pr) await pr;
        if (stock > 0) {
          pr = sinks.stock_movements.add([vid, supplier.warehouse!, String(stock), 'supplier_count', 'stock declared by the supplier', created].join('\t'));
          if (pr) await pr;
        }
      }
    }

    if (random.chance(0.4)) {
      pr = sinks.product_translations.add([uuid7(random, createdMs), id, 'en', text(`${brand} ${leaf.root.en.toLowerCase()} item ${p + 1}`), NULL, created, created].join('\t'));
      if (pr) await pr;
    }
    for (let m = random.int(0, 3); m > 0; m--) {
      pr = sinks.product_media.add([uuid7(random, createdMs), id, NULL, `products/${sku}/${m}.jpg`, 'image', text(name), String(m), created, created].join('\t'));
      if (pr) await pr;
    }
    if (isBundle) {
      const seen = new Set<number>();
      for (let k = random.int(2, 3); k > 0; k--) {
        const other = random.int(0, p - 1);
        if (seen.has(other) || cat.productVariantCount[other] === 0 || bundles.has(other)) continue;
        seen.add(other);
        pr = sinks.product_bundle_items.add([uuid7(random, createdMs), id, cat.variantId[cat.productFirstVariant[other]], String(random.int(1, 2)), created, created].join('\t'));
        if (pr) await pr;
      }
      bundles.add(p);
    }

    // Listings: the first active product is in every shop, so that every shop has something to sell.
    if (status === 'active' && firstActive < 0) firstActive = p;
    for (const [s, shop] of ref.shops.entries()) {
      if (firstActive !== p && !random.chance(shop.share)) continue;
      const visible = status === 'active' && (firstActive === p || random.chance(0.95));
      const listingMs = createdMs + random.int(0, 30) * DAY;
      const listingId = uuid7(random, createdMs);
      const ownPrice = random.chance(0.15) ? Math.round(base * (0.9 + random.next() * 0.25)) : null;
      pr = sinks.product_listings.add([listingId, id, shop.id, random.chance(0.2) ? text(`${name} | ${shop.name}`) : NULL, NULL,
        ownPrice === null ? NULL : String(ownPrice), visible ? 't' : 'f', String(shopPositions[s]++), visible ? iso(listingMs) : NULL, created, created].join('\t'));
      if (pr) await pr;
      if (visible) {
        shopProducts[s].push(p);
        if (ownPrice !== null) shopPrices[s].set(p, ownPrice);
      }
      if (random.chance(0.03)) {
        const unit = ownPrice ?? base;
        for (const [q, factor] of [[5, 0.92], [10, 0.85]] as const) {
          pr = sinks.price_breaks.add([uuid7(random, createdMs), listingId, NULL, String(q), String(Math.round(unit * factor)), created, created].join('\t'));
          if (pr) await pr;
        }
      }
    }
  }
  await connections.endSinks(sinks);

  cat.shops = shopProducts.map((list, s) => ({
    products: Int32Array.from(list),
    popularity: new WeightedIndex(list.map((p) => popularity[p])),
    prices: shopPrices[s],
  }));
  return cat;
}

/** A standard normal draw (Box-Muller). */
function gaussian(random: { next(): number }): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
