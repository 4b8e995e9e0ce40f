// `npm run bench:dashboard`: how fast the dashboard's RPCs answer on the large seed (50 shops,
// 1,000,000 orders), through REST, as an admin (every shop) and as a staff member of the biggest
// shop. Target: under 200 ms each. Each call is also compared with a baseline measured in the same
// run, as the same user: the simplest REST read there is (one shop row by key), so that the ratio
// says what the dashboard costs beyond a request, whatever the machine's load.
//   1. summary, 30 days, all the user's shops (figures, previous period, today, per shop);
//   2. summary, 30 days, one shop;
//   3. summary, 365 days, all the user's shops (the largest period the screen offers by default);
//   4. daily series, 30 days, the 5 shops that sold most (the chart's default);
//   5. anomalies (last 7 days against the 8 weeks before);
//   6. stock alerts (the count and the 20 most short variants).
// The large seed is dated up to 2026-10-31 (seeds/large/plan.ts), so periods end on the last day the
// rollup has; "today" is then empty, as it would be on a quiet day.
//
// Needs a database with the large seed (see seeds/bench-rls.ts for making one on a data dir of its
// own); if its rollups were never built (a seed loaded before the dashboard migration), they are
// built first (select app.rebuild_dashboard_rollups(), about 10 s).
//   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:55422/postgres npm run bench:dashboard
// Without SUPABASE_URL the bench serves REST and Auth itself over DATABASE_URL (startStack on free
// ports). Options: --rounds n (default 30), --warmup n (default 5). Exit code 2 when a median is
// above 200 ms. The persona users (bench-dashboard-*@example.com) are made once and reused.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../supabase/local/config.ts';
import { benchApi, median, signInPersona } from './bench-personas.ts';

const { values: options } = parseArgs({
  options: { rounds: { type: 'string', default: '30' }, warmup: { type: 'string', default: '5' } },
});
const ROUNDS = Number(options.rounds);
const WARMUP = Number(options.warmup);
const TARGET_MS = 200;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
const ANON_KEY = process.env.SUPABASE_ANON_KEY ?? LOCAL_ANON_KEY;
const SERVICE_KEY = process.env.SUPABASE_SERVICE_ROLE_KEY ?? LOCAL_SERVICE_ROLE_KEY;
const PASSWORD = 'bench-dashboard-password-1';
const ROLES = ['admin', 'staff'] as const;
type Role = (typeof ROLES)[number];

interface Call {
  name: string;
  /** GET with a query string (the baseline), or POST to /rpc/<fn> with a JSON body. */
  path: string;
  body?: Record<string, unknown>;
  baseline?: boolean;
}

const db = new pg.Client({ connectionString: DATABASE_URL });
await db.connect();
const [{ orders }] = (await db.query(`select (select count(*) from public.orders)::int as orders`).catch(() => ({ rows: [{ orders: 0 }] }))).rows;
if (orders < 100_000) {
  console.error(`bench:dashboard needs the large seed, and ${DATABASE_URL} has ${orders} orders. Load it first (about 2 minutes):
  DATABASE_URL=${DATABASE_URL} npm run seed -- large
on a database without shops or products (see the top of seeds/bench-rls.ts for a data dir of its own).`);
  await db.end();
  process.exit(1);
}
const [{ rollup_days }] = (await db.query(`select count(*)::int as rollup_days from app.sales_daily`)).rows;
if (rollup_days === 0) {
  console.log('the dashboard rollups are empty (a seed loaded before they existed): building them…');
  const started = performance.now();
  await db.query('select app.rebuild_dashboard_rollups()');
  await db.query('analyze app.sales_daily; analyze app.stock_alert_variants');
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const api = await benchApi(DATABASE_URL);
const apiUrl = api.url;

try {
  const target = (await db.query(`
    select o.shop_id, s.code, (select max(day) from app.sales_daily)::text as last_day,
           (select count(*) from app.sales_daily)::int as rollup_rows, (select count(*) from app.stock_alert_variants)::int as alerts
      from public.orders o join public.shops s on s.id = o.shop_id group by 1, 2 order by count(*) desc limit 1`)).rows[0];
  const topShops = (await db.query(`
    select shop_id from app.sales_daily where day > $1::date - 30 group by 1 order by sum(revenue_cents) desc limit 5`, [target.last_day])).rows.map((r) => r.shop_id);
  const tokens = await signInPersonas(target.shop_id);
  const end = target.last_day as string;
  const daysBefore = (n: number) => new Date(Date.parse(`${end}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const nextDay = daysBefore(-1);
  const callsFor = (role: Role): Call[] => [
    { name: 'baseline: one shop row', path: `shops?select=id,name&id=eq.${target.shop_id}`, baseline: true },
    { name: 'summary 30 d, all shops', path: 'rpc/dashboard_summary', body: { period_start: daysBefore(29), period_end: end } },
    { name: 'summary 30 d, one shop', path: 'rpc/dashboard_summary', body: { period_start: daysBefore(29), period_end: end, shop_ids: [target.shop_id] } },
    { name: 'summary 365 d, all shops', path: 'rpc/dashboard_summary', body: { period_start: daysBefore(364), period_end: end } },
    { name: 'series 30 d, 5 shops', path: 'rpc/dashboard_sales_series', body: { period_start: daysBefore(29), period_end: end, shop_ids: role === 'admin' ? topShops : [target.shop_id] } },
    { name: 'anomalies', path: 'rpc/dashboard_anomalies', body: { as_of: nextDay } },
    { name: 'stock alerts (20)', path: 'rpc/dashboard_stock_alerts', body: { max_rows: 20 } },
  ];
  console.log(`large seed: ${orders} orders; rollup: ${target.rollup_rows} shop-days up to ${end}, ${target.alerts} variants in stock alert; ` +
    `staff of shop ${target.code}`);

  const samples = new Map<string, number[]>();
  const sizes = new Map<string, number>();
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // A different role and call go first each round, so that none always gets the warm cache.
    for (let k = 0; k < ROLES.length; k++) {
      const role = ROLES[(round + k) % ROLES.length];
      const calls = callsFor(role);
      for (let c = 0; c < calls.length; c++) {
        const call = calls[(round + c) % calls.length];
        const started = performance.now();
        const response = await fetch(`${apiUrl}/rest/v1/${call.path}`, {
          method: call.body ? 'POST' : 'GET',
          headers: { apikey: ANON_KEY, Authorization: `Bearer ${tokens[role]}`, ...(call.body ? { 'Content-Type': 'application/json' } : {}) },
          body: call.body ? JSON.stringify(call.body) : undefined,
        });
        const text = await response.text();
        const elapsed = performance.now() - started;
        if (response.status !== 200) throw new Error(`${call.name} as ${role}: ${response.status} ${text.slice(0, 300)}`);
        if (round >= WARMUP) {
          const key = `${call.name}|${role}`;
          samples.set(key, [...(samples.get(key) ?? []), elapsed]);
          sizes.set(key, text.length);
        }
      }
    }
  }

  console.log(`\nmedian ms over ${ROUNDS} rounds (after ${WARMUP} warm-up rounds); ratio = call ÷ baseline of the same user; target < ${TARGET_MS} ms\n`);
  console.log(['call'.padEnd(28), ...ROLES.map((r) => r.padStart(24)), '   response size'].join(''));
  const over: string[] = [];
  for (const call of callsFor('admin')) {
    const cells = ROLES.map((role) => {
      const ms = median(samples.get(`${call.name}|${role}`)!);
      const base = median(samples.get(`baseline: one shop row|${role}`)!);
      if (!call.baseline && ms >= TARGET_MS) over.push(`${call.name} as ${role} (${ms.toFixed(0)} ms)`);
      return `${ms.toFixed(1)} ms${call.baseline ? '' : ` (${(ms / base).toFixed(2)}×)`}`.padStart(24);
    });
    const size = ROLES.map((role) => `${(sizes.get(`${call.name}|${role}`)! / 1024).toFixed(1)} KB`).join(' / ');
    console.log(call.name.padEnd(28) + cells.join('') + `   ${size}`);
  }
  console.log(over.length ? `\nat or above ${TARGET_MS} ms: ${over.join(', ')}` : `\nevery dashboard call is under ${TARGET_MS} ms`);
  process.exitCode = over.length ? 2 : 0;
} finally {
  await db.end();
  await api.stop();
}
process.exit(process.exitCode ?? 0);

/** Makes (once) and signs in an admin and a staff member of `shopId`; their access tokens. */
async function signInPersonas(shopId: string): Promise<Record<Role, string>> {
  const auth = { db, apiUrl, anonKey: ANON_KEY, serviceKey: SERVICE_KEY, password: PASSWORD };
  return {
    admin: (await signInPersona(auth, { email: 'bench-dashboard-admin@example.com', role: 'admin' })).token,
    staff: (await signInPersona(auth, { email: 'bench-dashboard-staff@example.com', role: 'staff', shopId })).token,
  };
}
