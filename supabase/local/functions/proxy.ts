// Sends one request to a function's worker and streams the answer back: method, path (with the
// function name first, as the function sees it on Supabase), query, headers and body bytes go
// through untouched; the response is written chunk by chunk as it comes (SSE, chunked). What the
// platform does on the way back is done here too: a 5xx from the function gets
// `sb-error-code: EDGE_FUNCTION_ERROR`, a GET answered with text/html is relabelled text/plain,
// a response (or its next chunk) idle longer than the limit answers 504 IDLE_TIMEOUT (or is cut),
// and a worker that dies mid-request answers 500 WORKER_ERROR or 546 WORKER_RESOURCE_LIMIT.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from 'undici';
import { FUNCTION_ERROR_CODE, PlatformError, sendPlatformError } from './errors.ts';
import type { Worker } from './worker.ts';

const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect']);

export async function proxyToWorker(req: IncomingMessage, res: ServerResponse, worker: Worker, target: string, idleTimeoutMs: number): Promise<void> {
  worker.inFlight++;
  const hangUp = new AbortController();
  const onClose = () => !res.writableFinished && hangUp.abort(); // the caller left: stop the work
  res.on('close', onClose);
  try {
    const hasBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody) req.resume();
    const answer = await worker.pool.request({
      method: req.method as 'GET',
      path: target,
      headers: forwardedHeaders(req),
      body: hasBody ? req : undefined,
      signal: hangUp.signal,
      headersTimeout: idleTimeoutMs,
      bodyTimeout: idleTimeoutMs,
    });
    for (const name of res.getHeaderNames()) res.removeHeader(name); // no gateway CORS: the function decides
    res.writeHead(answer.statusCode, responseHeaders(req.method, answer.statusCode, answer.headers));
    // A streamed answer (no length) gets its headers now, not with the first chunk.
    if (answer.headers['content-length'] === undefined) res.flushHeaders();
    try {
      for await (const chunk of answer.body) {
        if (!res.write(chunk)) await drained(res);
        if (res.destroyed) throw new Error('the caller left');
      }
      res.end();
    } catch {
      res.destroy(); // idle too long, or the worker stopped mid-stream
    }
  } catch (error) {
    if (hangUp.signal.aborted || res.headersSent) res.destroy();
    else if (error instanceof errors.HeadersTimeoutError) {
      const seconds = Math.round(idleTimeoutMs / 100) / 10;
      sendPlatformError(res, new PlatformError('IDLE_TIMEOUT', `Request idle timeout limit (${seconds}s) reached`));
    } else {
      // The worker went away under this request: wait (briefly) to learn why.
      await Promise.race([worker.exited, new Promise((resolve) => setTimeout(resolve, 1000))]);
      const limit = worker.deathReason === 'wall clock time limit reached' || worker.deathReason === 'memory limit exceeded';
      if (!res.headersSent) sendPlatformError(res, new PlatformError(limit ? 'WORKER_RESOURCE_LIMIT' : 'WORKER_ERROR'));
    }
  } finally {
    res.off('close', onClose);
    worker.release();
  }
}

/** Resolves when the caller can take more (or has left). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/** The caller's headers as sent (raw, repeated ones kept), plus X-Forwarded-For/-Proto as a proxy adds them. */
function forwardedHeaders(req: IncomingMessage): string[] {
  const headers: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (!NOT_FORWARDED.has(name) && name !== 'x-forwarded-for') headers.push(raw[i], raw[i + 1]);
  }
  const chain = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  if (chain) headers.push('x-forwarded-for', chain);
  if (!req.headers['x-forwarded-proto']) headers.push('x-forwarded-proto', 'http');
  return headers;
}

function responseHeaders(method: string | undefined, status: number, headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_FORWARDED.has(name)) continue;
    out[name] = value;
  }
  // https://supabase.com/docs/guides/functions/limits: without a custom domain, HTML is served as text.
  const type = out['content-type'];
  if (method === 'GET' && typeof type === 'string' && /^\s*text\/html\b/i.test(type)) out['content-type'] = type.replace(/text\/html/i, 'text/plain');
  if (status >= 500) out['sb-error-code'] = FUNCTION_ERROR_CODE;
  return out;
}
