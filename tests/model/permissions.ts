// The permission matrix: for each table, each persona and each operation, what must happen when a
// real signed-in user tries it through the REST API. A domain lists its tables in
// tests/model/<domain>/permissions.ts and runs them from permissions.test.ts beside it;
// tests/model/matrix-complete.test.ts fails when a table or view has no entry.
//
// How each operation is judged (then checked again in the database as its owner):
//   select  the persona reads the table's world rows by id: the labels it gets back must be
//           exactly `select`, or the request is refused (401/403, 42501) when 'denied';
//   insert  201 and the row is there, or refused (401/403, 42501) and nothing was written;
//   update  204 and the row changed, or (refused or 204) and the row is unchanged;
//   delete  204 and the row is gone, or (refused or 204) and the row is still there.
// Everything a check writes is undone as the owner with triggers off, so checks don't interfere.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { api, DATABASE_URL, sql } from '../helpers/env.ts';
import { createWorld, insertRow, PERSONAS, type Persona, type World } from './world.ts';

/** A row as Postgres returns it; the key column is `id` unless the spec names another. */
export type Row = Record<string, any>;

export interface Access {
  /** Labels of the table's world rows this persona sees, or 'denied' when the read is refused outright. */
  select: string[] | 'denied';
  insert: boolean;
  update: boolean;
  delete: boolean;
}

export interface TableSpec {
  table: string;
  /** Creates the table's world rows (and what they need) as the database owner, by label. */
  rows(world: World): Promise<Record<string, Row>>;
  /** The row every persona tries to insert. Omitted for views. */
  insert?(world: World, rows: Record<string, Row>): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The world row every persona tries to update, and the change (it must differ from the row). */
  update?: { row: string; set: Record<string, unknown> | ((world: World, rows: Record<string, Row>) => Record<string, unknown>) };
  /** A fresh row for one persona to try to delete; by default the insert row, made as the owner. */
  deletable?(world: World, rows: Record<string, Row>): Promise<Row>;
  access: Record<Persona, Access>;
  /** Views are checked for select only. */
  view?: true;
  /** The primary key column, when it is not `id`; rows() then returns it as `id`. */
  key?: string;
}

const SEE_NOTHING: Access = { select: [], insert: false, update: false, delete: false };
const REFUSED: Access = { select: 'denied', insert: false, update: false, delete: false };
const EVERYTHING = (labels: string[]): Access => ({ select: labels, insert: true, update: true, delete: true });
/** Shorthands for matrix entries. */
export const access = { SEE_NOTHING, REFUSED, EVERYTHING };

function headersFor(world: World, persona: Persona, extra: Record<string, string> = {}): Record<string, string> {
  return persona === 'anon' ? extra : { authorization: `Bearer ${world.tokens[persona]}`, ...extra };
}

async function request(world: World, persona: Persona, method: string, path: string, body?: unknown) {
  const response = await api(`/rest/v1/${path}`, {
    method,
    headers: headersFor(world, persona, { 'content-type': 'application/json', prefer: 'return=minimal' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function assertRefused(persona: Persona, reply: { status: number; body: any }, what: string): void {
  assert.equal(reply.status, persona === 'anon' ? 401 : 403, `${what}: ${JSON.stringify(reply.body)}`);
  assert.equal(reply.body?.code, '42501', `${what}: ${JSON.stringify(reply.body)}`);
}

/** Does the stored row hold these values (compared after Postgres has cast them)? */
async function rowMatches(table: string, where: string, whereValue: unknown, values: Record<string, unknown>): Promise<boolean> {
  const rows = await sql(
    `select to_jsonb(t) @> jsonb_strip_nulls(to_jsonb(jsonb_populate_record(null::public.${table}, $2))) as matches
       from public.${table} t where ${where}`,
    [whereValue, JSON.stringify(values)],
  );
  return rows.length === 1 && rows[0].matches === true;
}

async function countMatching(table: string, values: Record<string, unknown>): Promise<number> {
  const [{ count }] = await sql(
    `select count(*)::int as count from public.${table} t
      where to_jsonb(t) @> jsonb_strip_nulls(to_jsonb(jsonb_populate_record(null::public.${table}, $1)))`,
    [JSON.stringify(values)],
  );
  return count;
}

let ownerPool: pg.Pool | undefined;
/** SQL as the owner with triggers (ledgers, immutability, audit) off: for undoing what a check wrote. */
async function undo(text: string, values: unknown[]): Promise<void> {
  ownerPool ??= new pg.Pool({ connectionString: DATABASE_URL, max: 1, allowExitOnIdle: true });
  const client = await ownerPool.connect();
  try {
    await client.query(`set session_replication_role = replica`);
    await client.query(text, values);
  } finally {
    await client.query(`reset session_replication_role`).catch(() => {});
    client.release();
  }
}

function normalised(table: string): string {
  return `jsonb_strip_nulls(to_jsonb(jsonb_populate_record(null::public.${table}, $1)))`;
}

export function checkPermissions(specs: TableSpec[]): void {
  let world: World;
  before(async () => {
    world = await createWorld();
  });
  after(async () => {
    await ownerPool?.end();
    ownerPool = undefined;
  });

  for (const spec of specs) {
    describe(spec.table, () => {
      const keyName = spec.key ?? 'id';
      const key = `"${keyName}"`;
      let rows: Record<string, Row>;
      before(async () => {
        rows = await spec.rows(world);
      });

      for (const persona of PERSONAS) {
        const expected = spec.access[persona];
        assert.ok(expected, `${spec.table}: no expectation for ${persona}`);

        const seen = expected.select === 'denied' ? 'is refused any read' : `sees ${expected.select.length ? expected.select.join(', ') : 'none'}`;
        test(`${persona} ${seen}`, async () => {
          const ids = Object.values(rows).map((r) => r.id);
          const reply = await request(world, persona, 'GET', `${spec.table}?select=id:${keyName}&${keyName}=in.(${ids.join(',')})`);
          if (expected.select === 'denied') return assertRefused(persona, reply, `${persona} reads ${spec.table}`);
          assert.equal(reply.status, 200, JSON.stringify(reply.body));
          const labels = Object.entries(rows)
            .filter(([, row]) => (reply.body as Row[]).some((r) => String(r.id) === String(row.id)))
            .map(([label]) => label);
          assert.deepEqual(labels.sort(), [...expected.select].sort());
        });

        if (spec.view) continue;

        test(`${persona} ${expected.insert ? 'inserts' : 'cannot insert'}`, async () => {
          assert.ok(spec.insert, `${spec.table}: no insert row`);
          const row = await spec.insert(world, rows);
          const before = await countMatching(spec.table, row);
          const reply = await request(world, persona, 'POST', spec.table, row);
          const written = (await countMatching(spec.table, row)) - before;
          if (written > 0) await undo(`delete from public.${spec.table} t where to_jsonb(t) @> ${normalised(spec.table)}`, [JSON.stringify(row)]);
          if (expected.insert) {
            assert.equal(reply.status, 201, JSON.stringify(reply.body));
            assert.equal(written, 1, 'the row is in the table');
          } else {
            assertRefused(persona, reply, `${persona} inserts into ${spec.table}`);
            assert.equal(written, 0, 'nothing was written');
          }
        });

        test(`${persona} ${expected.update ? 'updates' : 'cannot update'}`, async () => {
          assert.ok(spec.update, `${spec.table}: no update`);
          const target = rows[spec.update.row];
          const set = typeof spec.update.set === 'function' ? spec.update.set(world, rows) : spec.update.set;
          assert.equal(await rowMatches(spec.table, `${key} = $1`, target.id, set), false, `${spec.table}: the update must change the row`);
          const [original] = await sql(`select to_jsonb(t) as row from public.${spec.table} t where ${key} = $1`, [target.id]);
          const reply = await request(world, persona, 'PATCH', `${spec.table}?${keyName}=eq.${target.id}`, set);
          const changed = await rowMatches(spec.table, `${key} = $1`, target.id, set);
          if (changed) {
            const columns = Object.keys(set).map((c) => `"${c}" = r."${c}"`).join(', ');
            await undo(`update public.${spec.table} t set ${columns} from jsonb_populate_record(null::public.${spec.table}, $1) r where t.${key} = r.${key}`, [
              JSON.stringify(original.row),
            ]);
          }
          if (expected.update) {
            assert.equal(reply.status, 204, JSON.stringify(reply.body));
            assert.equal(changed, true, 'the row changed');
          } else {
            if (reply.status !== 204) assertRefused(persona, reply, `${persona} updates ${spec.table}`);
            assert.equal(changed, false, 'the row is unchanged');
          }
        });

        test(`${persona} ${expected.delete ? 'deletes' : 'cannot delete'}`, async () => {
          const victim = spec.deletable ? await spec.deletable(world, rows) : await insertRow(spec.table, await spec.insert!(world, rows));
          const reply = await request(world, persona, 'DELETE', `${spec.table}?${keyName}=eq.${victim[keyName]}`);
          const [{ count }] = await sql(`select count(*)::int as count from public.${spec.table} where ${key} = $1`, [victim[keyName]]);
          if (count > 0) await undo(`delete from public.${spec.table} where ${key} = $1`, [victim[keyName]]);
          if (expected.delete) {
            assert.equal(reply.status, 204, JSON.stringify(reply.body));
            assert.equal(count, 0, 'the row is gone');
          } else {
            if (reply.status !== 204) assertRefused(persona, reply, `${persona} deletes from ${spec.table}`);
            assert.equal(count, 1, 'the row is still there');
          }
        });
      }
    });
  }
}
