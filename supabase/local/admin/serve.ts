// Serves the built admin at :54323 (like Supabase Studio's port): the static files of admin/dist,
// index.html for every client-side route, and /config.js telling the admin where this stack's API is.
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import { DIST_DIR } from './build.ts';

export interface AdminServer {
  url: string;
  stop(): Promise<void>;
}

export function adminConfigScript(supabaseUrl: string, anonKey: string): string {
  return `window.__COMPTOIR__ = ${JSON.stringify({ supabaseUrl, supabaseAnonKey: anonKey })};\n`;
}

export async function serveAdmin(options: { port: number; supabaseUrl: string; anonKey: string; host?: string }): Promise<AdminServer> {
  const host = options.host ?? '127.0.0.1';
  const config = adminConfigScript(options.supabaseUrl, options.anonKey);
  // Hashed assets never change; index.html must always be fresh so a rebuild is picked up.
  const assets = sirv(DIST_DIR, {
    single: true,
    etag: true,
    // Reads the folder on each request rather than once, so a rebuild while serving is picked up.
    dev: true,
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (req.url?.split('?')[0] === '/config.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).end(req.method === 'HEAD' ? undefined : config);
      return;
    }
    assets(req, res, () => { res.writeHead(404).end(); });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    url: `http://${host}:${options.port}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
