// supabase/database.types.ts is what `npm run gen:types` makes from supabase/migrations: a
// migration that changes the schema without regenerating it fails here.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DATABASE_URL } from '../helpers/env.ts';
import { TYPES_FILE, withScratchDatabase } from '../../supabase/local/types/generate.ts';
import { generateTypes } from '../../supabase/local/types/typescript.ts';

let generated: string;
before(async () => {
  generated = await withScratchDatabase(DATABASE_URL, generateTypes);
});

/** The lines of one table's Row, Insert or Update block. */
function block(table: string, part: 'Row' | 'Insert' | 'Update'): string {
  const start = generated.indexOf(`\n      ${table}: {\n`);
  assert.ok(start > 0, `${table} is in the types`);
  const from = generated.indexOf(`        ${part}: {\n`, start);
  return generated.slice(from, generated.indexOf('\n        }\n', from));
}

test('the committed types are those of supabase/migrations', () => {
  assert.ok(generated === readFileSync(TYPES_FILE, 'utf8'), 'supabase/database.types.ts is stale: run npm run gen:types');
});

test('an enum becomes a union of its values, and columns of its type name it', () => {
  assert.match(generated, /\n {6}member_role: "admin" \| "staff" \| "marketer" \| "supplier"\n/);
  assert.match(block('memberships', 'Row'), /\n {10}role: Database\["public"\]\["Enums"\]\["member_role"\]\n/);
  assert.match(generated, /\n {6}member_role: \["admin", "staff", "marketer", "supplier"\],\n/, 'Constants lists the values');
});

test('a nullable column is `| null`, and optional on insert; a column with a default is optional but not null', () => {
  assert.match(block('promo_pages', 'Row'), /\n {10}published_at: string \| null\n/);
  assert.match(block('promo_pages', 'Row'), /\n {10}slug: string\n/);
  assert.match(block('promo_pages', 'Insert'), /\n {10}published_at\?: string \| null\n/);
  assert.match(block('promo_pages', 'Insert'), /\n {10}slug: string\n/);
  assert.match(block('promo_pages', 'Insert'), /\n {10}content\?: Json\n/);
  assert.match(block('promo_pages', 'Update'), /\n {10}slug\?: string\n/);
});

test('an identity column (generated always) is in Row, and `never` to insert or update', () => {
  assert.match(block('content_versions', 'Row'), /\n {10}id: number\n/);
  assert.match(block('content_versions', 'Insert'), /\n {10}id\?: never\n/);
  assert.match(block('content_versions', 'Update'), /\n {10}id\?: never\n/);
});

test('foreign keys are relationships, and RPCs have their arguments and result', () => {
  assert.match(generated, /foreignKeyName: "campaigns_segment_id_fkey"\n {12}columns: \["segment_id"\]\n {12}isOneToOne: false\n {12}referencedRelation: "segments"\n {12}referencedColumns: \["id"\]\n/);
  assert.match(generated, /\n {6}publish_content: \{\n {8}Args: \{ entity_type: string; entity_id: string \}\n {8}Returns: number\n {6}\}\n/);
});
