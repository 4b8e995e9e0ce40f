// `npm run bench:rest`: the REST API against the same SQL sent straight through pg, in one run, at
// equal concurrency, as the same role with the same claims. Prints requests per second, p50/p99
// latency and REST ÷ raw for each case. The server runs in its own process, as under `npm start`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Pool as HttpPool } from 'undici';
import { SignJWT } from 'jose';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET } from '../config.ts';
import { freePort, startComptoir } from '../spawn.ts';
import { runLoad, summarize } from './load.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
// Short alternating rounds, so a burst of load from elsewhere on the machine hits both sides alike.
const ROUNDS = 6;

interface Case {
  name: string;
  rest: { method: 'GET' | 'POST'; path: (i: number) => string; body?: string; headers?: Record<string, string> };
  raw: { text: string; values: (i: number) => unknown[] };
}

const cases: Case[] = [
  {
    name: '(a) one row by primary key',
    rest: { method: 'GET', path: (i) => `/rest/v1/bench_items?id=eq.${(i % 30000) + 1}` },
    raw: {
      text: `select coalesce(json_agg(t), '[]')::text from (select * from public.bench_items where id = $1) t`,
      values: (i) => [(i % 30000) + 1],
    },
  },
  {
    name: '(b) 50 of 30,000 rows, filter + order + count=exact',
    rest: {
      method: 'GET',
      path: (i) => `/rest/v1/bench_items?shop_id=eq.${i % 30}&order=created_at.desc&limit=50`,
      headers: { prefer: 'count=exact' },
    },
    raw: {
      text: `select (select count(*) from public.bench_items where shop_id = $1) as total,
                    coalesce(json_agg(t), '[]')::text as body
             from (select * from public.bench_items where shop_id = $1 order by created_at desc limit 50) t`,
      values: (i) => [i % 30],
    },
  },
  {
    name: '(c) insert one row',
    rest: {
      method: 'POST',
      path: () => '/rest/v1/bench_events',
      body: JSON.stringify({ kind: 'bench', payload: { n: 1 } }),
      headers: { 'content-type': 'application/json', prefer: 'return=minimal' },
    },
    raw: {
      text: `insert into public.bench_events (kind, payload) select kind, payload from json_populate_record(null::public.bench_events, $1::json)`,
      values: () => [JSON.stringify({ kind: 'bench', payload: { n: 1 } })],
    },
  },
  {
    name: '(d) one-to-many embed (order with its lines)',
    rest: { method: 'GET', path: (i) => `/rest/v1/bench_orders?id=eq.${(i % 3000) + 1}&select=*,bench_order_lines(*)` },
    raw: {
      text: `select coalesce(json_agg(t), '[]')::text from (
               select o.*, coalesce((select json_agg(l) from public.bench_order_lines l where l.order_id = o.id), '[]') as bench_order_lines
               from public.bench_orders o where o.id = $1) t`,
      values: (i) => [(i % 3000) + 1],
    },
  },
];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const apiPort = await freePort();
  const dbPort = await freePort();
  console.log(`Starting Comptoir (embedded Postgres in ${dataDir})…`);
  const server = await startComptoir({ COMPTOIR_DATA_DIR: dataDir, COMPTOIR_API_PORT: String(apiPort), COMPTOIR_DB_PORT: String(dbPort) });
  const dbUrl = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`;
  try {
    const admin = new pg.Client({ connectionString: dbUrl });
    await admin.connect();
    await admin.query(readFileSync(new URL('./rest-fixture.sql', import.meta.url), 'utf8'));
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // schema cache reload after DDL

    const claims = { sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated', aud: 'authenticated' };
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(LOCAL_JWT_SECRET));
    const http = new HttpPool(`http://127.0.0.1:${apiPort}`, { connections: CONCURRENCY });
    const raw = new pg.Pool({ connectionString: dbUrl.replace('postgres:postgres@', 'authenticator:postgres@'), max: CONCURRENCY });
    const claimsJson = JSON.stringify(claims);

    console.log(`\nconcurrency ${CONCURRENCY}, ${SECONDS} s per measurement, REST and raw pg alternating\n`);
    const rows: string[][] = [['case', 'REST req/s', 'REST p50 ms', 'REST p99 ms', 'raw req/s', 'raw p50 ms', 'raw p99 ms', 'REST ÷ raw']];
    for (const c of cases) {
      let i = 0;
      const restOp = async () => {
        const n = i++;
        const response = await http.request({
          method: c.rest.method,
          path: c.rest.path(n),
          body: c.rest.body,
          headers: { apikey: LOCAL_ANON_KEY, authorization: `Bearer ${token}`, ...c.rest.headers },
        });
        await response.body.text();
        if (response.statusCode >= 300) throw new Error(`${c.name}: REST answered ${response.statusCode}`);
      };
      const rawOp = async () => {
        const n = i++;
        const client = await raw.connect();
        try {
          await client.query('begin');
          await client.query(
            `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true),
                    set_config('request.method', $2, true), set_config('request.path', $3, true)`,
            [claimsJson, c.rest.method, c.rest.path(n)],
          );
          await client.query(c.raw.text, c.raw.values(n));
          await client.query('commit');
        } finally {
          client.release();
        }
      };
      await runLoad(restOp, CONCURRENCY, 2); // warm-up (JIT, pools, plans)
      await runLoad(rawOp, CONCURRENCY, 2);
      const restSamples = [];
      const rawSamples = [];
      for (let round = 0; round < ROUNDS; round++) {
        restSamples.push(await runLoad(restOp, CONCURRENCY, SECONDS / ROUNDS));
        rawSamples.push(await runLoad(rawOp, CONCURRENCY, SECONDS / ROUNDS));
      }
      const rest = summarize(restSamples);
      const direct = summarize(rawSamples);
      rows.push([
        c.name,
        rest.perSecond.toFixed(0), rest.p50.toFixed(2), rest.p99.toFixed(2),
        direct.perSecond.toFixed(0), direct.p50.toFixed(2), direct.p99.toFixed(2),
        (rest.perSecond / direct.perSecond).toFixed(2),
      ]);
      console.log(`${c.name}: REST ÷ raw = ${(rest.perSecond / direct.perSecond).toFixed(2)}`);
    }
    console.log('\n' + table(rows));
    console.log('\nTarget: REST ÷ raw ≥ 0.5 for (a) and (b).');
    await http.close();
    await raw.end();
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n');
}

await main();
