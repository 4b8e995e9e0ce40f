// `npm run bench:rls`: what row-level security costs on the large seed. The same three REST queries
// run as an admin, a staff member of one shop, a supplier and the service role (which bypasses
// RLS), alternating roles in every round (the machine is noisy), and the median time of each role
// is compared with the service role's. Target: ≤ 1.5×.
//   1. products page: 50 active products of a category tree, by name, variants embedded, exact count;
//   2. a customer's order history: their orders, newest first, items embedded;
//   3. one shop's orders list: the 50 newest, with the customer's name, exact count.
//
// Needs a database with the large seed. From scratch, on a data dir of its own:
//   COMPTOIR_SEED=none COMPTOIR_DATA_DIR=/tmp/comptoir-large COMPTOIR_API_PORT=55421 COMPTOIR_DB_PORT=55422 \
//     COMPTOIR_MAILBOX_PORT=55424 npm start                                          # terminal 1
//   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:55422/postgres npm run seed -- large
//   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:55422/postgres SUPABASE_URL=http://127.0.0.1:55421 npm run bench:rls
// Without SUPABASE_URL the benchmark serves REST and Auth itself over DATABASE_URL (startStack on
// free ports), so a bare Postgres with the seed is enough. Options: --rounds n (default 40),
// --warmup n (default 5), --explain (EXPLAIN ANALYZE of each query as each role, run as the REST
// API runs it: role authenticated and the JWT's claims as request.jwt.claims; printed anyway for
// the queries above 1.5×). Exit code 2 when a ratio is above 1.5×.
// The persona users (bench-*@example.com) and their memberships are made once and reused.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../supabase/local/config.ts';
import { benchApi, median, signInPersona, type BenchPersona } from './bench-personas.ts';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    explain: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(options.rounds);
const WARMUP = Number(options.warmup);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
const ANON_KEY = process.env.SUPABASE_ANON_KEY ?? LOCAL_ANON_KEY;
const SERVICE_KEY = process.env.SUPABASE_SERVICE_ROLE_KEY ?? LOCAL_SERVICE_ROLE_KEY;
const PASSWORD = 'bench-rls-password-1';
const ROLES = ['service_role', 'admin', 'staff', 'supplier'] as const;
type Role = (typeof ROLES)[number];

const db = new pg.Client({ connectionString: DATABASE_URL });
await db.connect();
const [{ orders }] = (await db.query(`select (select count(*) from public.orders)::int as orders`).catch(() => ({ rows: [{ orders: 0 }] }))).rows;
if (orders < 100_000) {
  console.error(`bench:rls needs the large seed, and ${DATABASE_URL} has ${orders} orders. Load it first (about 2 minutes):
  DATABASE_URL=${DATABASE_URL} npm run seed -- large
on a database without shops or products (see the top of seeds/bench-rls.ts for a data dir of its own).`);
  await db.end();
  process.exit(1);
}

const api = await benchApi(DATABASE_URL);
const apiUrl = api.url;

try {
  const target = await pickTargets();
  const tokens = await signInPersonas(target);
  const queries = buildQueries(target);
  console.log(`large seed: ${orders} orders; shop ${target.shopCode} (${target.shopOrders} orders), customer with ${target.customerOrders} orders there, ` +
    `supplier "${target.supplierName}" (${target.supplierProducts} products), category tree "${target.categorySlug}"`);

  const samples = new Map<string, number[]>();
  const seen = new Map<string, string>();
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const query of queries) {
      // A different role goes first each round, so that no role always gets the warm cache.
      for (let k = 0; k < ROLES.length; k++) {
        const role = ROLES[(round + k) % ROLES.length];
        const started = performance.now();
        const response = await fetch(`${apiUrl}/rest/v1/${query.path}`, {
          headers: { apikey: ANON_KEY, Authorization: `Bearer ${tokens[role]}`, ...(query.count ? { Prefer: 'count=exact' } : {}) },
        });
        const body = await response.text();
        const elapsed = performance.now() - started;
        if (response.status !== 200 && response.status !== 206) throw new Error(`${query.name} as ${role}: ${response.status} ${body.slice(0, 300)}`);
        if (round >= WARMUP) {
          const key = `${query.name}|${role}`;
          samples.set(key, [...(samples.get(key) ?? []), elapsed]);
          seen.set(key, `${(JSON.parse(body) as unknown[]).length} rows${query.count ? ` of ${response.headers.get('content-range')?.split('/')[1]}` : ''}`);
        }
      }
    }
  }

  console.log(`\nmedian ms over ${ROUNDS} rounds (after ${WARMUP} warm-up rounds); ratio = role ÷ service_role; target ≤ 1.5×\n`);
  const header = ['query', ...ROLES].map((h, i) => (i === 0 ? h.padEnd(24) : h.padStart(22))).join('');
  console.log(header);
  const over: Array<{ query: (typeof queries)[number]; role: Role; ratio: number }> = [];
  for (const query of queries) {
    const base = median(samples.get(`${query.name}|service_role`)!);
    const cells = ROLES.map((role) => {
      const ms = median(samples.get(`${query.name}|${role}`)!);
      const ratio = ms / base;
      if (role !== 'service_role' && ratio > 1.5) over.push({ query, role, ratio });
      return `${ms.toFixed(1)} ms${role === 'service_role' ? '' : ` (${ratio.toFixed(2)}×)`}`.padStart(22);
    });
    console.log(query.name.padEnd(24) + cells.join(''));
  }
  console.log('\nrows returned (of exact count):');
  for (const query of queries) {
    console.log(`  ${query.name.padEnd(24)}${ROLES.map((role) => `${role}: ${seen.get(`${query.name}|${role}`)}`).join('; ')}`);
  }
  console.log(over.length ? `\nabove 1.5×: ${over.map((o) => `${o.query.name} as ${o.role} (${o.ratio.toFixed(2)}×)`).join(', ')}` : '\nevery ratio is within 1.5×');

  if (options.explain || over.length) {
    const which = options.explain ? queries.flatMap((query) => ROLES.map((role) => ({ query, role }))) : over;
    for (const { query, role } of which) {
      console.log(`\n── EXPLAIN ANALYZE: ${query.name} as ${role} ──`);
      for (const line of await explainAs(role, target.users[role], query.sql)) console.log(line);
    }
  }
  process.exitCode = over.length ? 2 : 0;
} finally {
  await db.end();
  await api.stop();
}
process.exit(process.exitCode ?? 0);

interface Targets {
  shopId: string;
  shopCode: string;
  shopOrders: number;
  customerId: string;
  customerOrders: number;
  supplierId: string;
  supplierName: string;
  supplierProducts: number;
  categorySlug: string;
  categoryIds: string[];
  users: Record<Role, string | null>;
}

/** The biggest shop, its most loyal customer, the supplier of most products, the biggest category tree. */
async function pickTargets(): Promise<Targets> {
  const shop = (await db.query(`select o.shop_id, s.code, count(*)::int as n from public.orders o join public.shops s on s.id = o.shop_id
                                 group by 1, 2 order by 3 desc limit 1`)).rows[0];
  const customer = (await db.query(`select customer_id, count(*)::int as n from public.orders where shop_id = $1 and customer_id is not null
                                     group by 1 order by 2 desc, 1 limit 1`, [shop.shop_id])).rows[0];
  const supplier = (await db.query(`select sp.supplier_id, s.name, count(distinct v.product_id)::int as n from public.supplier_products sp
                                      join public.suppliers s on s.id = sp.supplier_id join public.product_variants v on v.id = sp.variant_id
                                     group by 1, 2 order by 3 desc, 1 limit 1`)).rows[0];
  const category = (await db.query(`select r.slug, array_agg(distinct c.id) as ids from public.products p
                                      join public.categories c on c.id = p.category_id join public.categories r on r.id = c.parent_id
                                     where p.status = 'active' group by r.slug order by count(*) desc limit 1`)).rows[0];
  return {
    shopId: shop.shop_id, shopCode: shop.code, shopOrders: shop.n, customerId: customer.customer_id, customerOrders: customer.n,
    supplierId: supplier.supplier_id, supplierName: supplier.name, supplierProducts: supplier.n, categorySlug: category.slug,
    categoryIds: category.ids, users: { service_role: null, admin: null, staff: null, supplier: null },
  };
}

/** Makes (once) and signs in an admin, a staff member of the shop and a user of the supplier. */
async function signInPersonas(target: Targets): Promise<Record<Role, string>> {
  const auth = { db, apiUrl, anonKey: ANON_KEY, serviceKey: SERVICE_KEY, password: PASSWORD };
  const personas: Array<BenchPersona & { role: Exclude<Role, 'service_role'> }> = [
    { email: 'bench-admin@example.com', role: 'admin' },
    { email: 'bench-staff@example.com', role: 'staff', shopId: target.shopId },
    { email: 'bench-supplier@example.com', role: 'supplier', supplierId: target.supplierId },
  ];
  const tokens = { service_role: SERVICE_KEY } as Record<Role, string>;
  for (const persona of personas) {
    const { id, token } = await signInPersona(auth, persona);
    tokens[persona.role] = token;
    target.users[persona.role] = id;
  }
  return tokens;
}

function buildQueries(t: Targets) {
  const categories = t.categoryIds.join(',');
  const literalIds = `'{${t.categoryIds.join(',')}}'::uuid[]`;
  return [
    {
      name: 'products page',
      count: true,
      path: `products?select=id,sku,name,brand,status,product_variants!product_variants_product_id_fkey(id,sku,price_cents,attributes)&status=eq.active&category_id=in.(${categories})&order=name.asc&limit=50`,
      sql: `select p.id, p.sku, p.name, p.brand, p.status,
                   (select coalesce(json_agg(v), '[]') from (select v.id, v.sku, v.price_cents, v.attributes from public.product_variants v where v.product_id = p.id) v) as product_variants,
                   (select count(*) from public.products c where c.status = 'active' and c.category_id = any (${literalIds})) as total
              from public.products p where p.status = 'active' and p.category_id = any (${literalIds}) order by p.name limit 50`,
    },
    {
      name: 'customer order history',
      count: false,
      path: `orders?select=id,number,status,placed_at,total_cents,order_items!order_items_order_id_fkey(id,sku,product_name,quantity,unit_price_cents)&customer_id=eq.${t.customerId}&order=placed_at.desc&limit=50`,
      sql: `select o.id, o.number, o.status, o.placed_at, o.total_cents,
                   (select coalesce(json_agg(i), '[]') from (select i.id, i.sku, i.product_name, i.quantity, i.unit_price_cents from public.order_items i where i.order_id = o.id) i) as order_items
              from public.orders o where o.customer_id = '${t.customerId}' order by o.placed_at desc limit 50`,
    },
    {
      name: 'shop orders list',
      count: true,
      path: `orders?select=id,number,status,placed_at,total_cents,customers!orders_customer_id_fkey(display_name)&shop_id=eq.${t.shopId}&order=placed_at.desc&limit=50`,
      sql: `select o.id, o.number, o.status, o.placed_at, o.total_cents,
                   (select row_to_json(c) from (select c.display_name from public.customers c where c.id = o.customer_id) c) as customers,
                   (select count(*) from public.orders x where x.shop_id = '${t.shopId}') as total
              from public.orders o where o.shop_id = '${t.shopId}' order by o.placed_at desc limit 50`,
    },
  ];
}

/** EXPLAIN ANALYZE as the REST API runs a request: role authenticated (or service_role) with the JWT's claims. */
async function explainAs(role: Role, userId: string | null, sql: string): Promise<string[]> {
  const claims = role === 'service_role' ? { role: 'service_role' } : { sub: userId, role: 'authenticated' };
  await db.query('begin read only');
  try {
    await db.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
      role === 'service_role' ? 'service_role' : 'authenticated',
      JSON.stringify(claims),
    ]);
    const { rows } = await db.query(`explain (analyze, buffers, costs off) ${sql}`);
    return rows.map((r) => r['QUERY PLAN']);
  } finally {
    await db.query('rollback');
  }
}
