// `npm run bench:functions`: a trivial Edge Function (functions/health) called through the gateway
// (/functions/v1/health: routing, platform checks, proxying) against the same request sent straight
// to the function's Deno process, in one run, at equal concurrency. Prints requests per second,
// p50/p99 latency and the gateway ÷ direct ratios. The server runs in its own process, as under
// `npm start`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { freePort, startComptoir } from '../spawn.ts';
import { runLoad, summarize, type Sample } from './load.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const PATH = '/health';

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const apiPort = await freePort();
  console.log(`Starting Comptoir (embedded Postgres in ${dataDir})…`);
  const server = await startComptoir({
    COMPTOIR_DATA_DIR: dataDir,
    COMPTOIR_API_PORT: String(apiPort),
    COMPTOIR_DB_PORT: String(await freePort()),
    COMPTOIR_MAILBOX_PORT: String(await freePort()),
  });
  try {
    const gateway = new Pool(`http://127.0.0.1:${apiPort}`, { connections: CONCURRENCY });
    const first = await gateway.request({ method: 'GET', path: `/functions/v1${PATH}` });
    if (first.statusCode !== 200) throw new Error(`health answered ${first.statusCode}: ${await first.body.text()}`);
    await first.body.text();
    const port = /health: worker \d+ listening on 127\.0\.0\.1:(\d+)/.exec(server.output())?.[1];
    if (!port) throw new Error(`could not find the health worker's port in the output:\n${server.output()}`);
    const direct = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY });

    const call = (pool: Pool, path: string) => async () => {
      const response = await pool.request({ method: 'GET', path });
      await response.body.text();
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
    };
    const viaGateway = call(gateway, `/functions/v1${PATH}`);
    const straight = call(direct, PATH);

    await runLoad(viaGateway, CONCURRENCY, 1); // warm-up
    await runLoad(straight, CONCURRENCY, 1);
    // Alternate halves so drift on a shared machine hits both sides alike.
    const gatewaySamples: Sample[] = [];
    const directSamples: Sample[] = [];
    for (let round = 0; round < 2; round++) {
      gatewaySamples.push(await runLoad(viaGateway, CONCURRENCY, SECONDS / 2));
      directSamples.push(await runLoad(straight, CONCURRENCY, SECONDS / 2));
    }
    const g = summarize(gatewaySamples);
    const d = summarize(directSamples);
    console.log(`\nGET ${PATH}, concurrency ${CONCURRENCY}, ${SECONDS} s per side, gateway and direct alternating\n`);
    const rows = [
      ['', 'req/s', 'p50 ms', 'p99 ms'],
      ['through the gateway', g.perSecond.toFixed(0), g.p50.toFixed(2), g.p99.toFixed(2)],
      ['straight to Deno', d.perSecond.toFixed(0), d.p50.toFixed(2), d.p99.toFixed(2)],
    ];
    const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
    console.log(rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n'));
    console.log(`\ngateway ÷ direct: throughput ${(g.perSecond / d.perSecond).toFixed(2)}, p99 latency ${(g.p99 / d.p99).toFixed(2)}`);
    await gateway.close();
    await direct.close();
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
