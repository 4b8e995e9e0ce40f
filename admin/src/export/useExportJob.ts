// Runs one export at a time in a Web Worker and follows it: progress, cancel (the worker is
// terminated, its requests die with it), and the download when the file is ready.
import { useCallback, useEffect, useRef, useState } from 'react';
import { config } from '../config.ts';
import { supabase } from '../supabase.ts';
import { formatNumber, t } from '../i18n/index.ts';
import { FILE_TYPES, type ExportEvent, type ExportFormat, type ExportRequest } from './protocol.ts';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'fetching'; format: ExportFormat; fetched: number; total: number | null }
  | { phase: 'writing'; format: ExportFormat; rows: number }
  | { phase: 'failed'; format: ExportFormat; message: string };

export interface ExportOutcome {
  rows: number;
  fileName: string;
}

function download(file: Blob, fileName: string) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function useExportJob(onDone: (outcome: ExportOutcome) => void) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(async (request: Omit<ExportRequest, 'api'>, baseName: string) => {
    stop();
    const { format } = request;
    setState({ phase: 'fetching', format, fetched: 0, total: null });
    const { data } = await supabase.auth.getSession();
    if (!data.session) {
      setState({ phase: 'failed', format, message: t('export.notSignedIn') });
      return;
    }
    const job = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
    worker.current = job;
    const fileName = `${baseName}.${FILE_TYPES[format].extension}`;
    job.onmessage = (message: MessageEvent<ExportEvent>) => {
      if (worker.current !== job) return; // a cancelled job's last words
      const event = message.data;
      if (event.type === 'progress') setState({ phase: 'fetching', format, fetched: event.fetched, total: event.total });
      else if (event.type === 'writing') setState({ phase: 'writing', format, rows: event.rows });
      else if (event.type === 'failed') {
        stop();
        const text = event.code === 'too_many_rows'
          ? t('export.tooManyRows', { total: formatNumber(event.total), max: formatNumber(event.max) })
          : event.hint ? `${event.message} (${event.hint})` : event.message;
        setState({ phase: 'failed', format, message: text });
      } else {
        stop();
        setState({ phase: 'idle' });
        download(event.file, fileName);
        onDone({ rows: event.rows, fileName });
      }
    };
    job.onerror = (error) => {
      stop();
      setState({ phase: 'failed', format, message: error.message || t('export.failed') });
    };
    const full: ExportRequest = { ...request, api: { url: config.supabaseUrl, anonKey: config.supabaseAnonKey, accessToken: data.session.access_token } };
    job.postMessage(full);
  }, [stop, onDone]);

  const cancel = useCallback(() => {
    stop();
    setState({ phase: 'idle' });
  }, [stop]);

  return { state, start, cancel, dismiss: cancel };
}
