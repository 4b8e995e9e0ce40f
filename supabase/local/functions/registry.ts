// Finds a function by name. A root is a folder with one sub-folder per function (`<name>/index.ts`)
// and the `[functions.<name>]` settings that apply to it: the project's functions/ folder with
// supabase/config.toml, and extra folders (test fixtures) each with an optional config.toml of
// their own in the same format. Lookups read the disk, so a function added while the stack runs
// is found without a restart.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { z } from 'zod';
import { functionConfigSchema, type FunctionConfig } from '../config.ts';

export interface FunctionRoot {
  dir: string;
  /** Folder that relative paths in the settings (entrypoint, import_map) start from. */
  configDir: string;
  /** Settings, or where to read them from (re-read after a change in the folder). */
  config: Record<string, FunctionConfig> | { file: string };
}

export interface FunctionDef {
  name: string;
  root: FunctionRoot;
  entrypoint: string;
  verifyJwt: boolean;
  /** `--config <deno.json>` or `--import-map <file>` for Deno, if the function has one. */
  denoConfig?: { flag: '--config' | '--import-map'; path: string };
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ENTRY_FILES = ['index.ts', 'index.js', 'index.mjs', 'index.tsx', 'index.jsx'];
const fileSchema = z.object({ functions: z.record(z.string(), functionConfigSchema).default({}) }).loose();

export class FunctionRegistry {
  private readonly parsed = new Map<FunctionRoot, Record<string, FunctionConfig>>();

  constructor(readonly roots: FunctionRoot[]) {}

  /** Forget cached settings of a root (its folder changed). */
  invalidate(root: FunctionRoot): void {
    this.parsed.delete(root);
  }

  find(name: string): FunctionDef | undefined {
    if (!NAME.test(name)) return undefined;
    for (const root of this.roots) {
      const settings = this.settings(root)[name];
      const dir = join(root.dir, name);
      if (!settings?.entrypoint && !isDirectory(dir)) continue;
      if (settings && !settings.enabled) return undefined;
      const entrypoint = settings?.entrypoint
        ? resolve(root.configDir, settings.entrypoint)
        : (ENTRY_FILES.map((f) => join(dir, f)).find((f) => existsSync(f)) ?? join(dir, 'index.ts'));
      return { name, root, entrypoint, verifyJwt: settings?.verify_jwt ?? true, denoConfig: denoConfig(root, dir, settings) };
    }
    return undefined;
  }

  private settings(root: FunctionRoot): Record<string, FunctionConfig> {
    if (!('file' in root.config)) return root.config as Record<string, FunctionConfig>;
    let settings = this.parsed.get(root);
    if (!settings) {
      const file = root.config.file as string;
      settings = existsSync(file) ? parseFunctionsConfig(file) : {};
      this.parsed.set(root, settings);
    }
    return settings;
  }
}

function parseFunctionsConfig(file: string): Record<string, FunctionConfig> {
  const result = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data.functions;
}

/** The import map or deno.json a function uses, as the CLI finds it. */
function denoConfig(root: FunctionRoot, dir: string, settings: FunctionConfig | undefined): FunctionDef['denoConfig'] {
  if (settings?.import_map) {
    const path = resolve(root.configDir, settings.import_map);
    return { flag: /deno\.jsonc?$/.test(path) ? '--config' : '--import-map', path };
  }
  for (const candidate of [join(dir, 'deno.json'), join(dir, 'deno.jsonc'), join(root.dir, 'deno.json'), join(root.dir, 'deno.jsonc')]) {
    if (existsSync(candidate)) return { flag: '--config', path: candidate };
  }
  const legacy = join(root.dir, 'import_map.json');
  return existsSync(legacy) ? { flag: '--import-map', path: legacy } : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
