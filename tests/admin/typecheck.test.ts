// The admin is bundled by Vite, which strips types without checking them: this is where a type
// error in admin/ fails the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('admin/ type-checks under strict TypeScript', { timeout: 180_000 }, () => {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'admin', '--noEmit'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `tsc -p admin reported:\n${result.stdout}${result.stderr}`);
});
