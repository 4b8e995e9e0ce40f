// The functions service alone behind a bare HTTP server, for the shutdown tests. Run as a script,
// it prints "listening <port>" and serves until killed.
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY, loadConfig } from '../../supabase/local/config.ts';
import { createFunctionsService, type FunctionsService } from '../../supabase/local/functions/service.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/functions/', import.meta.url));

export async function serveFunctions(): Promise<{ url: string; service: FunctionsService; server: Server }> {
  const service = await createFunctionsService({
    config: { ...loadConfig(), functions: {} },
    functionsDir: mkdtempSync(join(tmpdir(), 'comptoir-no-functions-')),
    extraFunctionDirs: [FIXTURES],
    envFile: join(tmpdir(), 'comptoir-no-such-env-file'),
    apiUrl: 'http://127.0.0.1:9', anonKey: LOCAL_ANON_KEY, serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
    dbUrl: 'postgresql://nobody@127.0.0.1:9/none', jwtSecret: LOCAL_JWT_SECRET,
    log: () => {},
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    service.handler(req, res, url.pathname.slice('/functions/v1'.length), url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/functions/v1`, service, server };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serveFunctions();
  console.log(`listening ${url}`);
}
