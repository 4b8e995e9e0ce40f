// Builds the admin (admin/, Vite) when its sources changed since the last build, and reports the
// initial JavaScript size: what a browser downloads before the first screen, i.e. the entry script
// and the chunks index.html preloads. Lazy chunks (charts, Excel, PDF, drag and drop) are not counted.
// `npm run admin:build` forces a build and prints the sizes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ADMIN_DIR = fileURLToPath(new URL('../../../admin/', import.meta.url));
export const DIST_DIR = join(ADMIN_DIR, 'dist');
const FINGERPRINT = join(DIST_DIR, '.sources-fingerprint');
const LOCKFILE = fileURLToPath(new URL('../../../package-lock.json', import.meta.url));
/** The budget for initial JavaScript, gzipped. */
export const INITIAL_JS_BUDGET = 600 * 1024;

function sourcesFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'dist' || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${relative(ADMIN_DIR, path)}\0`).update(readFileSync(path));
    }
  };
  walk(ADMIN_DIR);
  hash.update(String(statSync(LOCKFILE).size));
  return hash.digest('hex');
}

export interface InitialSize {
  files: Array<{ file: string; bytes: number; gzipped: number }>;
  gzipped: number;
}

/** The gzipped size of the scripts index.html loads or preloads. */
export function initialJavaScriptSize(): InitialSize {
  const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = [...new Set(urls)].filter((url) => url.startsWith('/assets/')).map((url) => {
    const content = readFileSync(join(DIST_DIR, url));
    return { file: url, bytes: content.length, gzipped: gzipSync(content, { level: 9 }).length };
  });
  return { files, gzipped: files.reduce((sum, f) => sum + f.gzipped, 0) };
}

export function describeSize(size: InitialSize): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const status = size.gzipped <= INITIAL_JS_BUDGET ? 'within' : 'OVER';
  return `admin initial JavaScript: ${kb(size.gzipped)} gzipped in ${size.files.length} file(s), ${status} the ${kb(INITIAL_JS_BUDGET)} budget`;
}

/** Builds admin/dist unless it is already built from the current sources. Returns whether it built. */
export async function ensureAdminBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<boolean> {
  const log = options.log ?? (() => {});
  const fingerprint = sourcesFingerprint();
  if (!options.force && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, 'utf8') === fingerprint) return false;
  log('Building the admin (admin/, Vite)…');
  const { build } = await import('vite');
  // Built beside, then swapped in: a running server never sees a half-written or emptied folder.
  const next = `${DIST_DIR}.next-${process.pid}`;
  const old = `${DIST_DIR}.old-${process.pid}`;
  await build({ configFile: join(ADMIN_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: next, emptyOutDir: true } });
  writeFileSync(join(next, '.sources-fingerprint'), fingerprint);
  if (existsSync(DIST_DIR)) renameSync(DIST_DIR, old);
  renameSync(next, DIST_DIR);
  rmSync(old, { recursive: true, force: true });
  log(describeSize(initialJavaScriptSize()));
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ensureAdminBuilt({ force: true, log: console.log });
  const size = initialJavaScriptSize();
  for (const f of size.files) console.log(`  ${f.file}  ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzipped / 1024).toFixed(1)} KB gzipped`);
  process.exit(size.gzipped <= INITIAL_JS_BUDGET ? 0 : 2);
}
