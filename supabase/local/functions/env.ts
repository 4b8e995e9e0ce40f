// The environment a function sees: the SUPABASE_* variables the platform sets, plus the project's
// secrets from a git-ignored env file (as `supabase functions serve --env-file`). As with the CLI,
// secrets may not start with SUPABASE_ (those names are reserved); the process's own environment
// (PATH, HOME…) is not passed on.
import { existsSync, readFileSync } from 'node:fs';

export interface PlatformEnv {
  SUPABASE_URL: string;
  SUPABASE_ANON_KEY: string;
  SUPABASE_SERVICE_ROLE_KEY: string;
  SUPABASE_DB_URL: string;
}

/** Parses a dotenv file: `KEY=value`, `export KEY=value`, quotes, `#` comments. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  const line = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*('(?:[^']*)'|"(?:\\.|[^"\\])*"|`[^`]*`|[^\n#]*?)\s*(?:#.*)?$/gm;
  for (const match of text.replace(/\r\n?/g, '\n').matchAll(line)) {
    const [, name, raw] = match;
    let value = raw;
    if (raw.startsWith('"')) value = raw.slice(1, -1).replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    else if (raw.startsWith("'") || raw.startsWith('`')) value = raw.slice(1, -1);
    env[name] = value;
  }
  return env;
}

/** Secrets from the env file (read again for every new worker), without reserved names. */
export function readSecrets(envFile: string, log: (line: string) => void): Record<string, string> {
  if (!existsSync(envFile)) return {};
  const secrets = parseEnvFile(readFileSync(envFile, 'utf8'));
  for (const name of Object.keys(secrets)) {
    if (name.startsWith('SUPABASE_')) {
      log(`[functions] ${envFile}: env name cannot start with SUPABASE_, skipping: ${name}`);
      delete secrets[name];
    }
  }
  return secrets;
}

export function functionEnv(platform: PlatformEnv, secrets: Record<string, string>, denoDir: string): Record<string, string> {
  return {
    ...secrets,
    ...platform,
    DENO_DIR: denoDir,
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
  };
}
