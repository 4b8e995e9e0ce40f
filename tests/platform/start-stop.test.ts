// `npm start` prints what `supabase status` prints, keeps data across restarts, and on SIGTERM lets
// in-flight requests finish before Postgres shuts down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANON_KEY, SERVICE_ROLE_KEY } from '../helpers/env.ts';
import { createScratchDatabase, queryDatabase as query } from '../helpers/database.ts';
import { freePort, startComptoir } from '../../supabase/local/spawn.ts';


test('embedded Postgres keeps its data across a SIGTERM and a restart', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-start-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    COMPTOIR_DATA_DIR: dataDir,
    COMPTOIR_API_PORT: String(await freePort()),
    COMPTOIR_DB_PORT: String(await freePort()),
  };
  const dbUrl = `postgresql://postgres:postgres@127.0.0.1:${env.COMPTOIR_DB_PORT}/postgres`;

  const first = await startComptoir(env);
  const status = first.output();
  assert.match(status, new RegExp(`API URL: http://127\\.0\\.0\\.1:${env.COMPTOIR_API_PORT}\\n`));
  assert.match(status, new RegExp(`DB URL: ${dbUrl.replace(/[.]/g, '\\.')}\\n`));
  assert.ok(status.includes(`anon key: ${ANON_KEY}\n`), status);
  assert.ok(status.includes(`service_role key: ${SERVICE_ROLE_KEY}\n`), status);
  await query(dbUrl, `create table public.kept (note text); insert into public.kept values ('still here')`);
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0);
  assert.match(first.output(), /Stopped\./);

  const second = await startComptoir(env);
  t.after(async () => {
    second.child.kill('SIGTERM');
    await second.exited;
  });
  assert.deepEqual(await query(dbUrl, 'select note from public.kept'), [{ note: 'still here' }]);
});

test('SIGTERM lets an in-flight request finish before stopping', async (t) => {
  const db = await createScratchDatabase('start');
  t.after(() => db.drop());
  const apiPort = await freePort();
  const running = await startComptoir({ DATABASE_URL: db.url, COMPTOIR_API_PORT: String(apiPort) });
  await query(db.url, `create function public.slow_answer() returns int language sql as 'select pg_sleep(1.5); select 42'`);
  // The schema cache reloads after DDL; give the NOTIFY a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const inFlight = fetch(`http://127.0.0.1:${apiPort}/rest/v1/rpc/slow_answer`, {
    method: 'POST',
    headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
    body: '{}',
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  running.child.kill('SIGTERM');
  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.equal(await response.json(), 42);
  assert.equal(await running.exited, 0);
  await assert.rejects(fetch(`http://127.0.0.1:${apiPort}/rest/v1/`, { headers: { apikey: ANON_KEY } }), 'the gateway is closed');
});
