// `npm run bench:admin`: how long the admin takes, in Chromium, from navigation to the first row of
// the generated products list (30,000 products) and orders list (1,000,000 orders) on the large seed,
// against a baseline measured in the same run: the same navigation to a tiny list (shops, 50 rows).
// Target: under 1.5 s each. The time is the page's own clock (performance.now(), whose zero is the
// navigation's start) when a row of the list is first in the DOM with a size; every navigation is a
// full page load (the session restored from localStorage, the catalog RPC, the list's REST request).
// Lists are measured in turn, a different one first each round (the machine is noisy).
//
// Needs a database with the large seed at DATABASE_URL (see seeds/bench-rls.ts for making one on a data
// dir of its own). The bench runs Comptoir itself against that database, as `npm start` with
// DATABASE_URL does (migrations applied, no demo seed), on free ports, and stops it at the end.
//   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:55422/postgres npm run bench:admin
// Options: --rounds n (default 7), --warmup n (default 2), --trace (every request of the last load of each
// list, with its start and end). Exit code 2 when a list is over 1.5 s.
// The user bench-admin-ui@example.com (an admin) is made once and reused.
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { startComptoir, type RunningComptoir } from '../tests/helpers/comptoir.ts';
import { launchBrowser, newSession, screenshot, signInWithPassword } from '../tests/helpers/browser.ts';

const { values: options } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, warmup: { type: 'string', default: '2' }, trace: { type: 'boolean', default: false } },
});
const ROUNDS = Number(options.rounds);
const WARMUP = Number(options.warmup);
const TARGET_MS = 1500;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
const EMAIL = 'bench-admin-ui@example.com';
const PASSWORD = 'bench-admin-ui-password-1';

/**
 * In the page, before its scripts: notes when the first row of a generated list is in the DOM with a
 * size. A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const RECORD_FIRST_ROW = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstRow) return;
    const row = document.querySelector('[data-testid^="list-"] tbody tr[data-row-key]');
    if (row && row.getBoundingClientRect().height > 0) {
      window.__firstRow = { at: performance.now(), list: row.closest('[data-testid^="list-"]').getAttribute('data-testid') };
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Target {
  resource: string;
  rows: number;
  baseline: boolean;
}

interface Sample {
  /** Navigation start → first row in the DOM. */
  firstRow: number;
  /** When the catalog RPC's response ended, and how long the list's data request took. */
  catalogEnd: number | null;
  listRequest: number | null;
  /** Every request of the page load: start and end (ms since navigation start), for --trace. */
  timeline: string[];
}

const db = new pg.Client({ connectionString: DATABASE_URL });
await db.connect();
const counts = await db.query<{ shops: number; products: number; orders: number }>(
  `select (select count(*) from public.shops)::int as shops, (select count(*) from public.products)::int as products,
          (select count(*) from public.orders)::int as orders`,
).then((r) => r.rows[0]).catch(() => ({ shops: 0, products: 0, orders: 0 }));
if (counts.orders < 100_000) {
  console.error(`bench:admin needs the large seed, and ${DATABASE_URL} has ${counts.orders} orders. Load it first (about 2 minutes):
  DATABASE_URL=${DATABASE_URL} npm run seed -- large
on a database without shops or products (see the top of seeds/bench-rls.ts for a data dir of its own).`);
  await db.end();
  process.exit(1);
}

const targets: Target[] = [
  { resource: 'shops', rows: counts.shops, baseline: true },
  { resource: 'products', rows: counts.products, baseline: false },
  { resource: 'orders', rows: counts.orders, baseline: false },
];

let stack: RunningComptoir | undefined;
const browser = await launchBrowser();
try {
  console.log(`large seed: ${counts.shops} shops, ${counts.products} products, ${counts.orders} orders; starting Comptoir against it…`);
  stack = await startComptoir({ databaseUrl: DATABASE_URL, timeoutMs: 600_000 });
  await ensureBenchAdmin(stack);

  const { page } = await newSession(browser, stack.adminUrl);
  await signInWithPassword(page, EMAIL, PASSWORD);
  await page.addInitScript(RECORD_FIRST_ROW);

  const samples = new Map<string, Sample[]>(targets.map((t) => [t.resource, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (let k = 0; k < targets.length; k++) {
      const target = targets[(round + k) % targets.length];
      const sample = await measure(page, target.resource);
      if (round >= WARMUP) samples.get(target.resource)!.push(sample);
    }
  }

  const baseline = median(samples.get('shops')!.map((s) => s.firstRow));
  console.log(`\nnavigation → first row visible, Chromium, median of ${ROUNDS} rounds (after ${WARMUP} warm-up); target < ${TARGET_MS} ms\n`);
  console.log(`${'list'.padEnd(28)}${'first row'.padStart(12)}${'vs baseline'.padStart(14)}${'catalog RPC done'.padStart(19)}${'list request'.padStart(15)}`);
  const over: string[] = [];
  for (const target of targets) {
    const runs = samples.get(target.resource)!;
    const firstRow = median(runs.map((s) => s.firstRow));
    const ratio = firstRow / baseline;
    if (!target.baseline && firstRow > TARGET_MS) over.push(`/r/${target.resource} ${firstRow.toFixed(0)} ms`);
    const name = `/r/${target.resource} (${target.rows.toLocaleString('en')} rows)${target.baseline ? ' baseline' : ''}`;
    console.log(name.padEnd(28) + `${firstRow.toFixed(0)} ms`.padStart(12) + (target.baseline ? '' : `${ratio.toFixed(2)}×`).padStart(14) +
      msOrDash(medianOrNull(runs.map((s) => s.catalogEnd))).padStart(19) + msOrDash(medianOrNull(runs.map((s) => s.listRequest))).padStart(15));
  }
  if (options.trace) {
    for (const target of targets) {
      const last = samples.get(target.resource)!.at(-1)!;
      console.log(`\n── /r/${target.resource}, last run: first row at ${last.firstRow.toFixed(0)} ms ──`);
      for (const line of last.timeline) console.log(line);
    }
  }
  console.log(over.length ? `\nover ${TARGET_MS} ms: ${over.join(', ')}` : `\nevery list shows its first row within ${TARGET_MS} ms`);
  process.exitCode = over.length ? 2 : 0;
} finally {
  await browser.close().catch(() => {});
  await stack?.stop();
  await db.end();
}
process.exit(process.exitCode ?? 0);

async function measure(page: Page, resource: string): Promise<Sample> {
  await page.goto(`/r/${resource}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => (window as unknown as { __firstRow?: unknown }).__firstRow, null, { timeout: 60_000, polling: 50 })
    .catch(async (error: Error) => {
      const shot = await screenshot(page, `bench-admin-${resource}-failed`).catch(() => 'no screenshot');
      const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 1000);
      throw new Error(`/r/${resource} showed no row: ${error.message}\npage (${shot}):\n${text}`);
    });
  const first = (await handle.jsonValue()) as { at: number; list: string };
  if (first.list !== `list-${resource}`) throw new Error(`/r/${resource} showed a row of ${first.list}`);
  const timings = await page.evaluate(({ name, first }) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const catalog = entries.find((e) => e.name.includes('/rest/v1/rpc/admin_catalog'));
    const list = entries.filter((e) => new URL(e.name).pathname === `/rest/v1/${name}`).sort((a, b) => a.startTime - b.startTime)[0];
    const timeline = entries.filter((e) => e.startTime <= first).map((e) => {
      const url = new URL(e.name);
      return `${e.startTime.toFixed(0).padStart(6)} → ${e.responseEnd.toFixed(0).padStart(6)} ms  ${url.pathname}${url.search.slice(0, 80)}`;
    });
    const dom = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (dom) timeline.unshift(`     0 → ${dom.responseEnd.toFixed(0).padStart(6)} ms  document; DOMContentLoaded at ${dom.domContentLoadedEventEnd.toFixed(0)} ms`);
    return { catalogEnd: catalog ? catalog.responseEnd : null, listRequest: list ? list.responseEnd - list.startTime : null, timeline };
  }, { name: resource, first: first.at });
  return { firstRow: first.at, ...timings };
}

/** The bench's admin user: made once through Auth's admin API, with exactly an admin membership. */
async function ensureBenchAdmin(running: RunningComptoir): Promise<void> {
  let id: string | undefined = (await db.query(`select id from auth.users where email = $1`, [EMAIL])).rows[0]?.id;
  if (!id) {
    const response = await fetch(`${running.apiUrl}/auth/v1/admin/users`, {
      method: 'POST',
      headers: { apikey: running.serviceRoleKey, Authorization: `Bearer ${running.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, email_confirm: true, user_metadata: { display_name: 'Bench admin UI' } }),
    });
    if (!response.ok) throw new Error(`creating ${EMAIL}: ${response.status} ${await response.text()}`);
    id = ((await response.json()) as { id: string }).id;
  }
  await db.query(`delete from public.memberships where user_id = $1`, [id]);
  await db.query(`insert into public.memberships (user_id, role) values ($1, 'admin')`, [id]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianOrNull(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? median(known) : null;
}

function msOrDash(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(0)} ms`;
}
