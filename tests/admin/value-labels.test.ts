// Stored values (statuses, kinds, channels…) shown in words: every value the data model allows in a
// `check (column in (…))` list or a public enum type has a French and an English label, French agrees
// with the row's noun where the table asks for it, and an unknown value shows as stored, never as a key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import values from '../../admin/src/i18n/messages/values.ts';
import { labelOf, valueKeys } from '../../admin/src/i18n/valueLabels.ts';

const MIGRATIONS = fileURLToPath(new URL('../../supabase/migrations/', import.meta.url));

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into[path] = value;
    else flatten(value, path, into);
  }
  return into;
}

const fr = flatten(values.fr as unknown as Tree);
const en = flatten(values.en as unknown as Tree);

/** Every (table, column, value) the migrations list in a check constraint or a public enum type. */
function allowedValues(): Array<{ table: string; column: string; value: string }> {
  const found: Array<{ table: string; column: string; value: string }> = [];
  const quoted = (list: string) => [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
    const sql = readFileSync(join(MIGRATIONS, file), 'utf8').replace(/--[^\n]*/g, '');
    // The table a column belongs to: the nearest `create table public.x (` before it.
    const tableAt = (index: number) => [...sql.slice(0, index).matchAll(/create table (?:if not exists )?public\.(\w+)/gi)].pop()?.[1] ?? '?';
    for (const match of sql.matchAll(/check\s*\(\s*(\w+)\s+in\s*\(([^)]*)\)/gi)) {
      for (const value of quoted(match[2])) found.push({ table: tableAt(match.index!), column: match[1], value });
    }
    for (const type of sql.matchAll(/create type public\.(\w+) as enum\s*\(([^)]*)\)/gi)) {
      // Columns of that type anywhere in the migrations (not arrays of it, not PL/pgSQL variables).
      for (const other of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql'))) {
        const text = readFileSync(join(MIGRATIONS, other), 'utf8');
        for (const column of text.matchAll(new RegExp(`^\\s*(\\w+)\\s+public\\.${type[1]}\\b(?!\\[)(?!\\s*:=)`, 'gm'))) {
          for (const value of quoted(type[2])) found.push({ table: '?', column: column[1], value });
        }
      }
    }
  }
  return found;
}

test('the migrations still list their values where this test looks (so the next test checks something)', () => {
  const found = allowedValues();
  const has = (table: string, column: string, value: string) => found.some((f) => f.table === table && f.column === column && f.value === value);
  assert.ok(has('orders', 'status', 'pending'), 'orders.status pending not found in the migrations');
  assert.ok(has('payments', 'method', 'stripe'), 'payments.method stripe not found');
  assert.ok(has('invoices', 'kind', 'invoice'), 'invoices.kind invoice not found');
  assert.ok(found.some((f) => f.column === 'role' && f.value === 'marketer'), 'the member_role enum type was not found');
  assert.ok(found.length > 150, `only ${found.length} values found`);
});

test('every value the data model allows has a label in French and in English', () => {
  const missing: string[] = [];
  for (const { table, column, value } of allowedValues()) {
    for (const [locale, dictionary] of [['fr', fr], ['en', en]] as const) {
      if (!valueKeys(column, value, table).some((key) => key in dictionary)) missing.push(`${locale} ${table}.${column} = '${value}'`);
    }
  }
  assert.deepEqual([...new Set(missing)], []);
});

test('the words the e2e review found raw are translated', () => {
  assert.equal(labelOf(fr, 'status', 'active', 'products'), 'Actif');
  assert.equal(labelOf(fr, 'status', 'pending', 'payments'), 'En attente');
  assert.equal(labelOf(fr, 'method', 'stripe', 'payments'), 'Carte (Stripe)');
  assert.equal(labelOf(fr, 'status', 'succeeded', 'payments'), 'Réussi');
  assert.equal(labelOf(fr, 'kind', 'invoice', 'invoices'), 'Facture');
  assert.equal(labelOf(fr, 'status', 'issued', 'invoices'), 'Émise');
  assert.equal(labelOf(en, 'status', 'issued', 'invoices'), 'Issued');
});

test("French agrees with the row's noun; English has one word", () => {
  assert.equal(labelOf(fr, 'status', 'cancelled', 'orders'), 'Annulée');
  assert.equal(labelOf(fr, 'status', 'cancelled', 'payments'), 'Annulé');
  assert.equal(labelOf(fr, 'status', 'active', 'shops'), 'Active');
  assert.equal(labelOf(fr, 'status', 'active', 'suppliers'), 'Actif');
  // Without a table (or an unknown one, a view), the shared word.
  assert.equal(labelOf(fr, 'status', 'cancelled'), 'Annulé');
  assert.equal(labelOf(fr, 'status', 'cancelled', 'some_view'), 'Annulé');
  assert.equal(labelOf(en, 'status', 'cancelled', 'orders'), 'Cancelled');
  assert.equal(labelOf(en, 'status', 'cancelled', 'payments'), 'Cancelled');
});

test('a value without a label shows as stored, never as a message key', () => {
  assert.equal(labelOf(fr, 'status', 'teleported', 'orders'), 'teleported');
  assert.equal(labelOf(fr, 'no_such_column', 'pending'), 'pending');
  assert.equal(labelOf({}, 'status', 'pending', 'orders'), 'pending');
});
