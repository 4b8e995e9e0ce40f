// The small tables everything else points at: shops (a few big, a long tail of small ones),
// customer groups, the category tree with its attributes, suppliers and their contacts, and the
// warehouses (ours, and one per supplier that declares stock).
import type { Random } from '../random.ts';
import { BASE_DATE, BRANDS, ROOTS, SIZES, type Counts } from './plan.ts';
import { DAY, iso, rng, uuid7, zipfWeights } from './ids.ts';
import { CopySink, NULL, text } from './sink.ts';
import type { Connections } from './connections.ts';

export interface Shop { id: string; code: string; name: string; weight: number; share: number; warehouse: string }
export interface Leaf { id: string; root: (typeof ROOTS)[number]; sub: string }
export interface Supplier { id: string; name: string; code: string; fulfilment: 'dropship' | 'restock' | 'both'; warehouse: string | null }

export interface Reference {
  shops: Shop[];
  groups: { id: string; code: string }[];
  leaves: Leaf[];
  /** Popularity of each leaf category, for drawing a product's category. */
  leafWeights: number[];
  suppliers: Supplier[];
  ownWarehouses: string[];
}

const THREE_YEARS_AGO = BASE_DATE - 3 * 365 * DAY;

export async function loadReference(connections: Connections, seed: number, counts: Counts): Promise<Reference> {
  const random = rng(seed, 'reference');
  const at = (days: number) => THREE_YEARS_AGO - days * DAY;
  const client = connections.main;

  // Warehouses first: shops ship from one.
  const ownWarehouses: string[] = [];
  const warehouseRows: string[] = [];
  const cities = ['paris', 'lyon', 'lille', 'marseille', 'bordeaux', 'nantes', 'toulouse', 'rennes'];
  for (let i = 0; i < counts.ownWarehouses; i++) {
    const created = at(400 - i);
    const id = uuid7(random, created);
    const city = cities[i % cities.length] + (i >= cities.length ? `-${i}` : '');
    ownWarehouses.push(id);
    warehouseRows.push([id, `wh-${city}`, `Entrepôt ${city}`, 'own', NULL, `{"city":"${city}"}`, 't', iso(created), iso(created)].join('\t'));
  }

  const weights = zipfWeights(counts.shops, 1.1);
  const maxWeight = weights[0];
  const shops: Shop[] = weights.map((weight, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      id: uuid7(random, at(365 - i)),
      code: `shop-${n}`,
      name: `Boutique ${n}`,
      weight,
      // Big shops carry much of the catalogue, small ones a niche of it.
      share: 0.06 + 0.6 * (weight / maxWeight),
      warehouse: ownWarehouses[i % ownWarehouses.length],
    };
  });
  const shopSink = new CopySink(client, 'shops', ['id', 'code', 'name', 'domain', 'currency', 'locale', 'theme', 'status', 'legal_name', 'created_at', 'updated_at']);
  for (const [i, shop] of shops.entries()) {
    const created = iso(at(365 - i));
    const status = i === shops.length - 1 && shops.length > 5 ? 'paused' : 'active';
    await shopSink.add([shop.id, shop.code, shop.name, `${shop.code}.example.com`, 'EUR', i % 7 === 3 ? 'en' : 'fr',
      `{"primary":"#${(0x100000 + i * 0x2f3a1).toString(16).slice(-6)}"}`, status, `${shop.name} SAS`, created, created].join('\t'));
  }
  await shopSink.end();

  const groups = ['retail', 'pro', 'vip', 'staff'].map((code, i) => ({ id: uuid7(random, at(400 - i)), code }));
  const groupSink = new CopySink(client, 'customer_groups', ['id', 'code', 'name', 'created_at', 'updated_at']);
  for (const [i, g] of groups.entries()) {
    const created = iso(at(400 - i));
    await groupSink.add([g.id, g.code, g.code[0].toUpperCase() + g.code.slice(1), created, created].join('\t'));
  }
  await groupSink.end();

  const leaves = await loadCategories(connections, random, at(390));
  const leafWeights = leaves.map(() => 0.3 + random.next());

  const suppliers: Supplier[] = [];
  const supplierSink = new CopySink(client, 'suppliers', ['id', 'name', 'legal_name', 'email', 'phone', 'website', 'minimum_order_cents',
    'currency', 'lead_time_days', 'fulfilment_type', 'status', 'created_at', 'updated_at']);
  for (let i = 0; i < counts.suppliers; i++) {
    const created = at(380 - i);
    const id = uuid7(random, created);
    const name = `${BRANDS[i % BRANDS.length]} Distribution${i >= BRANDS.length ? ` ${Math.floor(i / BRANDS.length) + 1}` : ''}`;
    const code = `sup${String(i + 1).padStart(3, '0')}`;
    const fulfilment = random.pickWeighted([['restock', 5], ['dropship', 3], ['both', 2]] as const);
    suppliers.push({ id, name, code, fulfilment, warehouse: null });
    await supplierSink.add([id, text(name), text(`${name} SARL`), `commandes@${code}.example.com`, `+3314${String(1000000 + i * 7919).slice(-7)}0`.slice(0, 12),
      `https://${code}.example.com`, String(random.int(0, 20) * 5000), 'EUR', String(random.int(2, 21)), fulfilment,
      i % 17 === 16 ? 'paused' : 'active', iso(created), iso(created)].join('\t'));
  }
  await supplierSink.end();

  const contactSink = new CopySink(client, 'supplier_contacts', ['id', 'supplier_id', 'name', 'email', 'role', 'created_at', 'updated_at']);
  for (const s of suppliers) {
    for (let j = random.int(1, 3); j > 0; j--) {
      const created = at(370);
      const role = random.pick(['sales', 'logistics', 'accounting']);
      await contactSink.add([uuid7(random, created), s.id, `Contact ${role} ${s.code}`, `${role}.${j}@${s.code}.example.com`, role, iso(created), iso(created)].join('\t'));
    }
  }
  await contactSink.end();

  // A supplier that ships for us (dropship) declares its stock: it gets a warehouse to mirror it in,
  // made here with a seeded id (app.recompute_supplier_stock() would make it otherwise).
  for (const s of suppliers) {
    if (s.fulfilment === 'restock') continue;
    const created = at(360);
    s.warehouse = uuid7(random, created);
    warehouseRows.push([s.warehouse, `supplier-${s.id}`, text(`${s.name} (supplier)`.slice(0, 200)), 'supplier', s.id, '{}', 't', iso(created), iso(created)].join('\t'));
  }
  const warehouseSink = new CopySink(client, 'warehouses', ['id', 'code', 'name', 'kind', 'supplier_id', 'address', 'is_active', 'created_at', 'updated_at']);
  for (const row of warehouseRows) await warehouseSink.add(row);
  await warehouseSink.end();

  return { shops, groups, leaves, leafWeights, suppliers, ownWarehouses };
}

async function loadCategories(connections: Connections, random: Random, createdMs: number): Promise<Leaf[]> {
  const client = connections.main;
  const created = iso(createdMs);
  const categories = new CopySink(client, 'categories', ['id', 'parent_id', 'slug', 'name', 'position', 'created_at', 'updated_at']);
  const translations: string[] = [];
  const definitions: string[] = [];
  const leaves: Leaf[] = [];
  for (const [i, root] of ROOTS.entries()) {
    const rootId = uuid7(random, createdMs);
    await categories.add([rootId, NULL, root.slug, text(root.fr), String(i), created, created].join('\t'));
    translations.push([uuid7(random, createdMs), rootId, 'en', text(root.en), created, created].join('\t'));
    const def = (code: string, fr: string, en: string, kind: string, allowed: string, required: boolean, position: number) =>
      definitions.push([uuid7(random, createdMs), rootId, code, fr, en, kind, allowed, required ? 't' : 'f', String(position), created, created].join('\t'));
    if (root.template === 'apparel') {
      def('size', 'Taille', 'Size', 'enum', `{${SIZES.join(',')}}`, true, 0);
      def('colour', 'Couleur', 'Colour', 'colour', NULL, false, 1);
    } else if (root.template === 'colour') {
      def('colour', 'Couleur', 'Colour', 'colour', NULL, true, 0);
    } else if (root.template === 'volume') {
      def('volume_ml', 'Contenance (ml)', 'Volume (ml)', 'number', NULL, true, 0);
    }
    for (const [j, sub] of root.subs.entries()) {
      const id = uuid7(random, createdMs);
      const label = sub.replace(/-/g, ' ');
      await categories.add([id, rootId, `${root.slug}-${sub}`, label[0].toUpperCase() + label.slice(1), String(j), created, created].join('\t'));
      leaves.push({ id, root, sub: label });
    }
  }
  await categories.end();
  const translationSink = new CopySink(client, 'category_translations', ['id', 'category_id', 'locale', 'name', 'created_at', 'updated_at']);
  for (const row of translations) await translationSink.add(row);
  await translationSink.end();
  const definitionSink = new CopySink(client, 'attribute_definitions', ['id', 'category_id', 'code', 'label_fr', 'label_en', 'kind',
    'allowed_values', 'required', 'position', 'created_at', 'updated_at']);
  for (const row of definitions) await definitionSink.add(row);
  await definitionSink.end();
  return leaves;
}
