// The API gateway on :54321, standing in for Supabase's Kong: checks the apikey, answers CORS,
// and routes /rest/v1, /auth/v1 (and later /storage/v1, /functions/v1) to their services.
import { createServer, type Server } from 'node:http';
import { sendJson, type Handler } from '../http.ts';

export interface Route {
  prefix: string;
  handler: Handler;
  /** Whether a path under the prefix is reachable without an apikey (links from e-mails, public
   *  object URLs, webhooks into functions). */
  isOpen?: (path: string) => boolean;
  /** The service answers CORS preflights itself (Edge Functions must, as on Supabase). */
  handlesPreflight?: boolean;
}

export interface GatewayOptions {
  routes: Route[];
  apiKeys: string[];
  log?: (line: string) => void;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT',
  'access-control-max-age': '3600',
};

const EXPOSED_HEADERS = 'Content-Range, Content-Location, Location, Preference-Applied, Range-Unit, X-Total-Count, X-Supabase-Api-Version';

export function createGateway({ routes, apiKeys, log = () => {} }: GatewayOptions): Server {
  const keys = new Set(apiKeys);
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (origin) res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);

    const route = routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(r.prefix + '/'));
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] && !route?.handlesPreflight) {
      res.setHeader(
        'access-control-allow-headers',
        req.headers['access-control-request-headers'] ?? 'authorization, x-client-info, apikey, content-type',
      );
      res.writeHead(200, { 'content-length': '0' });
      res.end();
      return;
    }

    if (!route) {
      sendJson(res, 404, { message: 'no Route matched with those values' });
      return;
    }
    const path = url.pathname.slice(route.prefix.length) || '/';
    if (!route.isOpen?.(path)) {
      const apikey = headerValue(req.headers.apikey) ?? url.searchParams.get('apikey') ?? undefined;
      if (!apikey) {
        sendJson(res, 401, {
          message: 'No API key found in request',
          hint: 'No `apikey` request header or url param was found.',
        });
        return;
      }
      if (!keys.has(apikey)) {
        sendJson(res, 401, {
          message: 'Invalid API key',
          hint: 'Double check your Supabase `anon` or `service_role` API key.',
        });
        return;
      }
    }
    try {
      await route.handler(req, res, path, url);
    } catch (error) {
      log(`[gateway] ${req.method} ${url.pathname}: ${(error as Error).stack ?? error}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'An unexpected error occurred' });
      else res.destroy();
    }
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
