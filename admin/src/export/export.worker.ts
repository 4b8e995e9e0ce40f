// The export worker: fetching and writing 100,000 rows here keeps the tab responsive. It receives
// one ExportRequest, queries as the signed-in user with the token it was given (no session of its
// own), posts progress, and ends with the file. Cancelling is terminating the worker.
/// <reference lib="webworker" />
import { createClient } from '@supabase/supabase-js';
import { runExport } from './exportJob.ts';
import type { ExportEvent, ExportRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<ExportRequest>) => {
  const request = message.data;
  const client = createClient(request.api.url, request.api.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { Authorization: `Bearer ${request.api.accessToken}` } },
  });
  void runExport(client, request, (event: ExportEvent) => scope.postMessage(event));
};
