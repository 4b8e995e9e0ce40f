// The local mailbox (what Inbucket/Mailpit is to `supabase start`), on config.toml's
// [inbucket] port: the `mailbox` mail transport posts every message here; people read them in a
// browser, tests through the JSON API:
//   POST   /api/v1/messages            {id?, messageId?, from, to[], subject, html?, text?} → 201 {id} (200 if that id exists)
//   GET    /api/v1/messages?to=<addr>  summaries, newest first
//   GET    /api/v1/messages/<id>       the whole message, plus `links` (every http(s) href of the HTML)
//   DELETE /api/v1/messages/<id>       204;  DELETE /api/v1/messages[?to=<addr>] deletes many
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, sendJson } from '../http.ts';
import { MessageStore } from './store.ts';
import { htmlPart, linksOf, listPage, messagePage } from './pages.ts';

export interface Mailbox {
  url: string;
  store: MessageStore;
  close(): Promise<void>;
}

const newMessage = z.object({
  id: z.string().min(1).max(300).optional(),
  messageId: z.string().max(300).optional(),
  from: z.string().min(1),
  to: z.array(z.string().min(3)).min(1),
  subject: z.string(),
  html: z.string().optional(),
  text: z.string().optional(),
});

export async function startMailbox(options: { dir: string; port: number; log: (line: string) => void }): Promise<Mailbox> {
  const store = new MessageStore(options.dir);
  const server = createServer((req, res) => {
    route(store, req, res, options.log).catch((error: Error) => {
      options.log(`[mailbox] ${req.method} ${req.url}: ${error.stack ?? error.message}`);
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', message: error.message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`mailbox port ${options.port} is already in use (is Comptoir already running?)`) : error),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, store, close: () => close(server) };
}

async function route(store: MessageStore, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://mailbox');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const to = url.searchParams.get('to') ?? undefined;
  const one = /^\/(?:api\/v1\/)?messages\/([^/]+)(\/html|\/delete)?$/.exec(path);
  const id = one ? decodeURIComponent(one[1]) : undefined;

  if (path === '/api/v1/messages') {
    if (req.method === 'GET') return sendJson(res, 200, await store.list({ to }));
    if (req.method === 'DELETE') return void (await store.deleteAll({ to }), res.writeHead(204).end());
    if (req.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, 10 * 1024 * 1024)).toString('utf8'));
      } catch {
        return sendJson(res, 400, { code: 'invalid_data', message: 'the body must be a JSON message' });
      }
      const parsed = newMessage.safeParse(body);
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
        return sendJson(res, 400, { code: 'invalid_data', message });
      }
      const { message, duplicate } = await store.add(parsed.data);
      if (!duplicate) log(`[mailbox] ${message.to.join(', ')}: ${message.subject}`);
      return sendJson(res, duplicate ? 200 : 201, { id: message.id, duplicate });
    }
  }
  if (id && path.startsWith('/api/v1/')) {
    if (req.method === 'GET') {
      const message = await store.get(id);
      return message ? sendJson(res, 200, { ...message, links: linksOf(message.html) }) : notFound(res, id);
    }
    if (req.method === 'DELETE') return (await store.delete(id)) ? void res.writeHead(204).end() : notFound(res, id);
  }
  if (req.method === 'GET' && path === '/') return html(res, listPage(await store.list({ to }), to));
  if (req.method === 'POST' && path === '/delete-all') {
    await store.deleteAll({ to });
    return void res.writeHead(303, { location: '/' }).end();
  }
  if (id && req.method === 'POST' && one?.[2] === '/delete') {
    await store.delete(id);
    return void res.writeHead(303, { location: '/' }).end();
  }
  if (id && req.method === 'GET') {
    const message = await store.get(id);
    if (!message) return notFound(res, id);
    if (one?.[2] === '/html') {
      return html(res, htmlPart(message), { 'content-security-policy': 'sandbox allow-popups allow-popups-to-escape-sandbox' });
    }
    return html(res, messagePage(message, url.searchParams.get('view') === 'text' ? 'text' : 'html'));
  }
  sendJson(res, 404, { code: 'not_found', message: `no route ${req.method} ${path}` });
}

function notFound(res: ServerResponse, id: string): void {
  sendJson(res, 404, { code: 'not_found', message: `no message with id ${id}` });
}

function html(res: ServerResponse, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
