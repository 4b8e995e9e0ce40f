// French by default, English available: every message exists in both languages, and every
// t('literal.key') the admin's code asks for exists (a missing one would show the raw key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../admin/src/', import.meta.url));
const MESSAGES = join(SRC, 'i18n/messages');

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = '', into = new Map<string, string>()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

async function dictionaries() {
  const fr = new Map<string, string>();
  const en = new Map<string, string>();
  for (const file of readdirSync(MESSAGES).filter((f) => f.endsWith('.ts'))) {
    const { default: messages } = await import(join(MESSAGES, file));
    for (const [key, value] of flatten(messages.fr)) {
      assert.ok(!fr.has(key), `${file}: fr key ${key} is defined twice`);
      fr.set(key, value);
    }
    for (const [key, value] of flatten(messages.en)) en.set(key, value);
  }
  return { fr, en };
}

test('every message is in French and in English, none empty', async () => {
  const { fr, en } = await dictionaries();
  assert.ok(fr.size > 100, `only ${fr.size} messages`);
  assert.deepEqual([...fr.keys()].filter((k) => !en.has(k)), [], 'in French only');
  assert.deepEqual([...en.keys()].filter((k) => !fr.has(k)), [], 'in English only');
  for (const [key, value] of [...fr, ...en]) assert.notEqual(value.trim(), '', `${key} is empty`);
});

test("every t('key') in the admin's code names a message", async () => {
  const { fr } = await dictionaries();
  const missing: string[] = [];
  let asked = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !path.startsWith(MESSAGES)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
          asked += 1;
          if (!fr.has(match[1])) missing.push(`${path.slice(SRC.length)}: ${match[1]}`);
        }
      }
    }
  };
  walk(SRC);
  assert.ok(asked > 100, `only ${asked} t() calls found: has the scan stopped matching?`);
  assert.deepEqual(missing, []);
});
