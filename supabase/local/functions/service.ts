// PLACEHOLDER until the Edge Functions runtime lands.
import type { SupabaseConfig } from '../config.ts';
import { sendJson, type Handler } from '../http.ts';

export interface FunctionsServiceOptions {
  config: SupabaseConfig;
  /** The project's functions/ folder: one sub-folder per function with index.ts. */
  functionsDir: string;
  /** Git-ignored env file with the functions' secrets (supabase/functions/.env style). */
  envFile: string;
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
  jwtSecret: string;
  log: (line: string) => void;
}

export interface FunctionsService {
  handler: Handler;
  close(): Promise<void>;
}

export async function createFunctionsService(_options: FunctionsServiceOptions): Promise<FunctionsService> {
  return { handler: async (_req, res) => sendJson(res, 501, { message: 'not yet' }), close: async () => {} };
}
