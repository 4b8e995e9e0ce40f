// PLACEHOLDER until Storage lands.
import type { SupabaseConfig } from '../config.ts';
import { sendJson, type Handler } from '../http.ts';

export interface StorageServiceOptions {
  /** Logs in as `authenticator` and switches to the caller's role, so storage.objects RLS applies. */
  connectionString: string;
  /** Superuser connection. */
  adminConnectionString: string;
  config: SupabaseConfig;
  jwtSecret: string;
  /** Where object bytes live (git-ignored). */
  storageDir: string;
  apiUrl: string;
  log: (line: string) => void;
}

export interface StorageService {
  handler: Handler;
  /** Public object URLs and signed URLs work without an apikey. */
  isOpen: (path: string) => boolean;
  close(): Promise<void>;
}

export async function createStorageService(_options: StorageServiceOptions): Promise<StorageService> {
  return { handler: async (_req, res) => sendJson(res, 501, { message: 'not yet' }), isOpen: () => false, close: async () => {} };
}
