// Sends one request to a function's worker and streams the answer back: method, path (with the
// function name first, as the function sees it on Supabase), query, headers and body bytes go
// through untouched; the response is written chunk by chunk as it comes (SSE, chunked). What the
// platform does on the way back is done here too: a 5xx from the function gets
// `sb-error-code: EDGE_FUNCTION_ERROR`, a GET answered with text/html is relabelled text/plain,
// no response idle longer than the limit (504), and a worker that dies mid-request answers 500
// WORKER_ERROR or 546 WORKER_RESOURCE_LIMIT.
import { request as httpRequest, type IncomingMessage, type ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { FUNCTION_ERROR_CODE, PlatformError, sendPlatformError } from './errors.ts';
import type { Worker } from './worker.ts';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authenticate', 'proxy-authorization']);

export function proxyToWorker(req: IncomingMessage, res: ServerResponse, worker: Worker, target: string, idleTimeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    worker.inFlight++;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      worker.release();
      resolve();
    };

    const upstream = httpRequest({
      host: '127.0.0.1',
      port: worker.port,
      method: req.method,
      path: target,
      headers: forwardedHeaders(req),
      agent: worker.agent,
    });

    upstream.setNoDelay(true);
    let idleTimer: NodeJS.Timeout;
    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        const seconds = Math.round(idleTimeoutMs / 100) / 10;
        if (!res.headersSent) sendPlatformError(res, new PlatformError('IDLE_TIMEOUT', `Request idle timeout limit (${seconds}s) reached`));
        else res.destroy();
        upstream.destroy();
        finish();
      }, idleTimeoutMs);
    };
    armIdleTimer();

    upstream.on('response', (answer) => {
      armIdleTimer();
      for (const name of res.getHeaderNames()) res.removeHeader(name); // no gateway CORS: the function decides
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeaders(req, answer));
      // A streamed answer (no length) gets its headers now, not with the first chunk.
      if (answer.headers['content-length'] === undefined) res.flushHeaders();
      answer.on('data', armIdleTimer);
      answer.pipe(res);
      answer.on('end', finish);
      answer.on('close', () => {
        if (answer.complete) return;
        res.destroy(); // the worker stopped mid-stream
        finish();
      });
      answer.on('error', () => {});
    });

    upstream.on('error', async () => {
      if (settled) return;
      // The worker went away under this request: wait (briefly) to learn why.
      await Promise.race([worker.exited, new Promise((r) => setTimeout(r, 1000))]);
      if (settled) return;
      if (res.headersSent) res.destroy();
      else {
        const limit = worker.deathReason === 'wall clock time limit reached' || worker.deathReason === 'memory limit exceeded';
        sendPlatformError(res, new PlatformError(limit ? 'WORKER_RESOURCE_LIMIT' : 'WORKER_ERROR'));
      }
      finish();
    });

    // The caller hung up: stop the work on its behalf.
    res.on('close', () => {
      if (!res.writableFinished) {
        upstream.destroy();
        finish();
      }
    });

    req.pipe(upstream);
  });
}

function forwardedHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  const client = req.socket.remoteAddress;
  if (client) headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${client}` : client;
  headers['x-forwarded-proto'] ??= 'http';
  return headers;
}

function responseHeaders(req: IncomingMessage, answer: IncomingMessage): Record<string, string | string[]> {
  // Grouped by name so repeated headers (Set-Cookie) stay separate lines.
  const out: Record<string, string[]> = {};
  const raw = answer.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    let value = raw[i + 1];
    // https://supabase.com/docs/guides/functions/limits: without a custom domain, HTML is served as text.
    if (name === 'content-type' && req.method === 'GET' && /^\s*text\/html\b/i.test(value)) value = value.replace(/text\/html/i, 'text/plain');
    (out[name] ??= []).push(value);
  }
  if ((answer.statusCode ?? 0) >= 500) out['sb-error-code'] = [FUNCTION_ERROR_CODE];
  return out;
}
