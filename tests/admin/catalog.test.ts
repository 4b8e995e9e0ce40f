// public.admin_catalog() through supabase-js as real signed-in users: what each persona is offered,
// that the database agrees when the offer is taken, the comments coming through, a table added while
// the stack runs appearing on the next call, and anonymous callers refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commentProblems } from '../../admin/src/catalog/comments.ts';
import { deriveResources } from '../../admin/src/catalog/derive.ts';
import type { Catalog, CatalogResource } from '../../admin/src/catalog/types.ts';
import { anonClient, sql } from '../helpers/env.ts';
import { as } from '../model/refusals.ts';
import { createWorld, insertRow, type SignedInPersona, type World } from '../model/world.ts';

let world: World;
let extraTable: string;

/** The tables and views of the data model (supabase/migrations), as opposed to the test fixtures'. */
const BUSINESS = new Set([
  'profiles', 'memberships', 'audit_log', 'shops', 'email_deliveries',
  'customer_groups', 'categories', 'attribute_definitions', 'products', 'product_variants', 'variant_costs',
  'product_bundle_items', 'product_media', 'product_listings', 'price_breaks', 'group_prices', 'product_translations',
  'category_translations', 'customers', 'customer_shops', 'customer_identities', 'customer_merges', 'customer_addresses',
  'customer_consents', 'customer_current_consents', 'loyalty_entries', 'conversations', 'messages', 'suppliers',
  'supplier_contacts', 'supplier_products', 'warehouses', 'stock_levels', 'stock_movements', 'stock_alerts',
  'document_sequences', 'order_status_transitions', 'orders', 'order_items', 'order_status_history', 'payments',
  'invoices', 'invoice_lines', 'return_requests', 'return_items', 'refunds', 'store_credit_entries', 'supplier_orders',
  'supplier_order_items', 'segments', 'campaigns', 'promo_pages', 'forms', 'form_submissions', 'checkout_popups',
  'content_versions',
]);

async function catalogOf(persona: SignedInPersona): Promise<Catalog> {
  const { data, error } = await as(world, persona).rpc('admin_catalog');
  assert.equal(error, null, `${persona}: ${JSON.stringify(error)}`);
  return data as Catalog;
}

const business = (catalog: Catalog) => catalog.resources.filter((r) => BUSINESS.has(r.name)).map((r) => r.name).sort();

function resource(catalog: Catalog, name: string): CatalogResource {
  const found = catalog.resources.find((r) => r.name === name);
  assert.ok(found, `${name} is in the catalog`);
  return found;
}

const columnsWhere = (r: CatalogResource, flag: 'insertable' | 'updatable') => r.columns.filter((c) => c[flag]).map((c) => c.name).sort();

before(async () => {
  world = await createWorld();
  extraTable = `t_catalog_${world.tag}`;
  // supplierX supplies one variant and has declared stock (which gives it a supplier warehouse).
  const product = await insertRow('products', { sku: `CAT-${world.tag}`, name: `Catalog product ${world.tag}` });
  const variant = await insertRow('product_variants', { product_id: product.id, sku: `CAT-${world.tag}-1`, price_cents: 1000 });
  await insertRow('supplier_products', {
    supplier_id: world.supplierX, variant_id: variant.id, supplier_sku: `X-${world.tag}`, cost_cents: 400, stock_quantity: 5,
  });
});

after(async () => {
  await sql(`drop table if exists public.${extraTable}`);
  await sql(`notify pgrst, 'reload schema'`);
});

test('anonymous callers are refused', async () => {
  const { data, error, status } = await anonClient().rpc('admin_catalog');
  assert.equal(data, null);
  assert.equal(status, 401);
  assert.equal(error?.code, '42501', JSON.stringify(error));
  assert.match(error!.message, /permission denied for function admin_catalog/);
});

test('the user: who they are, their roles, shops and suppliers', async () => {
  const admin = await catalogOf('admin');
  assert.equal(admin.user.id, world.users.admin);
  assert.equal(admin.user.email, `admin-${world.tag}@world.example.com`);
  assert.equal(admin.user.display_name, `admin-${world.tag}`);
  assert.equal(admin.user.locale, 'fr');
  assert.deepEqual(admin.user.roles, ['admin']);
  assert.ok(admin.user.shop_ids.includes(world.shopA) && admin.user.shop_ids.includes(world.shopB), 'admins work in every shop');
  assert.deepEqual(admin.user.supplier_ids, []);

  const staffA = await catalogOf('staffA');
  assert.deepEqual([staffA.user.roles, staffA.user.shop_ids, staffA.user.supplier_ids], [['staff'], [world.shopA], []]);
  const supplierX = await catalogOf('supplierX');
  assert.deepEqual([supplierX.user.roles, supplierX.user.shop_ids, supplierX.user.supplier_ids], [['supplier'], [], [world.supplierX]]);
});

test('an admin gets every table and view of the data model, with what grants and policies allow', async () => {
  const admin = await catalogOf('admin');
  assert.deepEqual(business(admin), [...BUSINESS].sort());
  const can = (name: string) => resource(admin, name).can;
  assert.deepEqual(can('orders'), { select: true, insert: true, update: true, delete: true });
  assert.deepEqual(can('products'), { select: true, insert: true, update: true, delete: true });
  // Append-only or written by the database only: read, never written from the admin.
  assert.deepEqual(can('audit_log'), { select: true, insert: false, update: false, delete: false });
  assert.deepEqual(can('order_status_history'), { select: true, insert: false, update: false, delete: false });
  assert.deepEqual(can('stock_levels'), { select: true, insert: false, update: false, delete: false });
  // (Stock movements may be inserted only into our own warehouses: whether there is one yet decides insert.)
  assert.deepEqual({ ...can('stock_movements'), insert: null }, { select: true, insert: null, update: false, delete: false });
  // Addresses are written through an RPC (encrypted): no insert grant.
  assert.deepEqual(can('customer_addresses'), { select: true, insert: false, update: true, delete: true });
  assert.deepEqual(can('stock_alerts'), { select: true, insert: false, update: false, delete: false });
  assert.equal(resource(admin, 'stock_alerts').kind, 'view');
  // Orders grant insert and update column by column: only those columns are offered.
  const orders = resource(admin, 'orders');
  assert.deepEqual(columnsWhere(orders, 'insertable'), [
    'channel', 'channel_reference', 'currency', 'customer_id', 'delivery_date', 'discount_cents', 'notes', 'shipping_cents', 'shop_id', 'status', 'warehouse_id',
  ]);
  assert.equal(orders.columns.find((c) => c.name === 'shop_id')!.updatable, false, 'an order never moves to another shop');
  assert.deepEqual(orders.primary_key, ['id']);
  assert.deepEqual(orders.columns.find((c) => c.name === 'shop_id')!.references, { schema: 'public', table: 'shops', column: 'id' });
  assert.deepEqual(orders.columns.find((c) => c.name === 'status')!.enum,
    ['draft', 'pending', 'confirmed', 'preparing', 'ready', 'delivered', 'paid', 'cancelled']);
  const products = resource(admin, 'products');
  assert.deepEqual(products.search, { column: 'search', config: 'simple' });
  const search = products.columns.find((c) => c.name === 'search')!;
  assert.deepEqual([search.generated, search.insertable, search.updatable, search.default], [true, false, false, null]);
  assert.equal(resource(admin, 'audit_log').columns.find((c) => c.name === 'id')!.identity, true);
  assert.equal(resource(admin, 'shops').columns.find((c) => c.name === 'currency')!.max_length, 3);
  assert.equal(resource(admin, 'memberships').columns.find((c) => c.name === 'role')!.category, 'E');
  assert.equal(resource(admin, 'products').columns.find((c) => c.name === 'tags')!.element_type, 'text');
  assert.ok(admin.resources.every((r) => r.can.select), 'what cannot be read is left out');
});

test('staff insert and change orders of their shops but do not delete them; they get no audit log', async () => {
  const staffA = await catalogOf('staffA');
  assert.deepEqual(resource(staffA, 'orders').can, { select: true, insert: true, update: true, delete: false });
  assert.deepEqual(resource(staffA, 'products').can, { select: true, insert: true, update: true, delete: false });
  assert.deepEqual(resource(staffA, 'shops').can, { select: true, insert: false, update: false, delete: false });
  assert.equal(staffA.resources.some((r) => r.name === 'audit_log'), false);
});

test('what the catalog offers staff, the database allows; what it does not, the database refuses', async () => {
  const staffA = as(world, 'staffA');
  const created = await staffA.from('orders').insert({ shop_id: world.shopA, channel: 'manual', status: 'draft' }).select('id').single();
  assert.equal(created.error, null, JSON.stringify(created.error));
  const deleted = await staffA.from('orders').delete().eq('id', created.data!.id).select('id');
  assert.equal(deleted.error, null);
  assert.deepEqual(deleted.data, [], 'no delete policy for staff: nothing deleted');
  const [still] = await sql('select count(*)::int as n from public.orders where id = $1', [created.data!.id]);
  assert.equal(still.n, 1);
});

test('a marketer gets neither margins nor payments nor orders; they edit only the copy of products', async () => {
  const marketer = await catalogOf('marketer');
  const names = business(marketer);
  for (const absent of ['variant_costs', 'payments', 'orders', 'invoices', 'audit_log', 'supplier_products']) {
    assert.equal(names.includes(absent), false, `${absent} is not offered to a marketer`);
  }
  const products = resource(marketer, 'products');
  assert.deepEqual(products.can, { select: true, insert: false, update: true, delete: false });
  assert.deepEqual(columnsWhere(products, 'updatable'), ['description', 'name', 'tags']);
  assert.deepEqual(columnsWhere(products, 'insertable'), []);
});

test('a supplier gets only the supplier-facing resources, and changes only stock and cost of its products', async () => {
  const supplierX = await catalogOf('supplierX');
  // Not stock_alerts: the view reads product listings, which suppliers may not read.
  assert.deepEqual(business(supplierX), [
    'memberships', 'order_status_transitions', 'product_media', 'product_variants', 'products', 'profiles',
    'stock_levels', 'stock_movements', 'supplier_contacts', 'supplier_order_items', 'supplier_orders',
    'supplier_products', 'suppliers', 'warehouses',
  ]);
  const supplied = resource(supplierX, 'supplier_products');
  assert.deepEqual(supplied.can, { select: true, insert: false, update: true, delete: false });
  assert.deepEqual(columnsWhere(supplied, 'updatable'), ['cost_cents', 'stock_quantity']);
  assert.deepEqual(resource(supplierX, 'products').can, { select: true, insert: false, update: false, delete: false });
  assert.deepEqual(columnsWhere(resource(supplierX, 'supplier_orders'), 'updatable'),
    ['carrier', 'expected_at', 'shipped_at', 'status', 'tracking_number']);

  // The database agrees: the cost goes through, the supplier's own SKU does not.
  const client = as(world, 'supplierX');
  const [row] = await sql('select id from public.supplier_products where supplier_id = $1', [world.supplierX]);
  const cost = await client.from('supplier_products').update({ cost_cents: 450 }).eq('id', row.id).select('cost_cents');
  assert.equal(cost.error, null, JSON.stringify(cost.error));
  assert.deepEqual(cost.data, [{ cost_cents: 450 }]);
  const sku = await client.from('supplier_products').update({ supplier_sku: 'HACKED' }).eq('id', row.id).select('id');
  assert.equal(sku.error?.code, '42501', JSON.stringify(sku.error));

  // Another supplier is offered nothing more (their rows, not their menu, differ).
  const supplierY = business(await catalogOf('supplierY'));
  assert.deepEqual(supplierY.filter((name) => !business(supplierX).includes(name)), []);
});

test('a policy that follows a row into another table is judged by what the caller may read there', async () => {
  // Messages are visible through their conversation's shop, whether or not a conversation exists yet.
  for (const persona of ['staffA', 'staffB'] as const) {
    assert.deepEqual(resource(await catalogOf(persona), 'messages').can, { select: true, insert: true, update: false, delete: false }, persona);
  }
  const marketer = business(await catalogOf('marketer'));
  assert.equal(marketer.includes('messages'), false, 'a marketer works in no shop as staff');
  assert.equal(marketer.includes('supplier_order_items'), false, 'a marketer may not read supplier orders');
  // Suppliers read the items of their supplier orders but add none: the insert policy asks for staff.
  assert.deepEqual(resource(await catalogOf('supplierX'), 'supplier_order_items').can, { select: true, insert: false, update: false, delete: false });
  assert.equal(business(await catalogOf('supplierX')).includes('messages'), false);
});

test('correlated subqueries are relaxed as documented, NOT EXISTS and other shapes left alone', async () => {
  const relax = async (expression: string, readable: Record<string, boolean> = {}) =>
    (await sql('select app.admin_catalog_relax($1, $2) as relaxed', [expression, JSON.stringify(readable)]))[0].relaxed as string | null;
  const [{ oid }] = await sql(`select 'public.conversations'::regclass::oid::text as oid`);
  const policy = `(EXISTS ( SELECT 1
   FROM public.conversations c
  WHERE ((c.id = messages.conversation_id) AND (c.subject <> ')'::text))))`;
  assert.equal(await relax(policy, { [oid]: true }),
    `((true and (select (((c.id = messages.conversation_id) AND (c.subject <> ')'::text))) is not false from (select (null::public.conversations).*) as c)))`);
  assert.match((await relax(policy, { [oid]: false }))!, /^\(\(false and /);
  assert.equal(await relax(`(NOT ${policy})`), null);
  assert.equal(await relax(`(shop_id = ANY ('{}'::uuid[]))`), null);
  assert.equal(await relax(`(EXISTS ( SELECT 1 FROM public.conversations c, public.shops s WHERE (c.shop_id = s.id)))`), null);
});

test('comments come through parsed: labels, title, groups, list and money', async () => {
  const admin = await catalogOf('admin');
  assert.deepEqual(commentProblems({ ...admin, resources: admin.resources.filter((r) => BUSINESS.has(r.name)) }), [],
    'every comment of the data model follows the convention');
  const products = resource(admin, 'products');
  assert.deepEqual(products.comment?.label, { fr: 'Produits', en: 'Products' });
  assert.equal(products.comment?.title, 'name');
  assert.equal(products.comment?.group, 'catalogue');
  assert.equal(products.description, null);
  const price = resource(admin, 'product_variants').columns.find((c) => c.name === 'price_cents')!;
  assert.deepEqual(price.comment, { label: { fr: 'Prix', en: 'Price' }, widget: 'money', currency: 'currency' });
  assert.equal(resource(admin, 'products').columns.find((c) => c.name === 'search')!.comment?.hidden, true);
  // Every business table has a label in both languages and a menu group.
  for (const r of admin.resources.filter((x) => BUSINESS.has(x.name))) {
    assert.ok(r.comment?.label?.fr && r.comment.label.en && r.comment.group, `${r.name} has labels and a group`);
  }
  // And the admin's screens are built from it.
  const specs = deriveResources(admin, 'en');
  const spec = specs.find((s) => s.name === 'orders')!;
  assert.deepEqual([spec.label, spec.group, spec.titleColumn], ['Orders', 'sales', 'number']);
  assert.deepEqual(spec.fields.find((f) => f.name === 'total_cents')!.currency, { column: 'currency' });
});

test('a table added while the stack runs appears on the next call, with its comments and its rules', async () => {
  const before = await catalogOf('admin');
  assert.equal(before.resources.some((r) => r.name === extraTable), false);
  await sql(`
    create table public.${extraTable} (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      amount_cents bigint,
      secret text
    );
    comment on table public.${extraTable} is '{"label": {"fr": "Essais", "en": "Trials"}, "group": "settings", "title": "name"}';
    comment on column public.${extraTable}.amount_cents is '{"widget": "money", "currency": "EUR"}';
    comment on column public.${extraTable}.name is 'What the trial is called';
    revoke all on public.${extraTable} from anon, authenticated;
    grant select (id, name, amount_cents), insert (name, amount_cents) on public.${extraTable} to authenticated;
    alter table public.${extraTable} enable row level security;
    create policy "Admins see trials" on public.${extraTable} for select to authenticated using ((select app.is_admin()));
    create policy "Staff add trials" on public.${extraTable} for insert to authenticated with check ((select app.is_staff()));
    notify pgrst, 'reload schema';
  `);
  const admin = await catalogOf('admin');
  const added = resource(admin, extraTable);
  assert.deepEqual(added.can, { select: true, insert: true, update: false, delete: false });
  assert.deepEqual(added.comment, { label: { fr: 'Essais', en: 'Trials' }, group: 'settings', title: 'name' });
  assert.deepEqual(added.columns.map((c) => c.name), ['id', 'name', 'amount_cents'], 'a column the user may not read is left out');
  assert.deepEqual(added.columns.map((c) => [c.name, c.insertable]), [['id', false], ['name', true], ['amount_cents', true]]);
  assert.deepEqual(added.columns[1].description, 'What the trial is called');
  assert.equal(added.columns[1].comment, null);
  assert.deepEqual(added.columns[2].comment, { widget: 'money', currency: 'EUR' });
  assert.equal(added.estimated_rows, 0);
  // Staff of a shop may add trials but not read them: nothing to show, so nothing offered.
  assert.equal((await catalogOf('staffA')).resources.some((r) => r.name === extraTable), false);
});

test('the catalog answers quickly enough to load on every page (printed, not asserted)', async () => {
  const client = as(world, 'admin');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const { error } = await client.rpc('admin_catalog');
    times.push(performance.now() - start);
    assert.equal(error, null);
  }
  times.sort((a, b) => a - b);
  console.log(`admin_catalog() as admin through REST: median ${times[2].toFixed(0)} ms, fastest ${times[0].toFixed(0)} ms (5 calls)`);
});
