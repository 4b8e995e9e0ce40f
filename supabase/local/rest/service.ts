// PLACEHOLDER until the REST engine lands.
import type { SupabaseConfig } from '../config.ts';
import { sendJson, type Handler } from '../http.ts';

export interface RestServiceOptions {
  /** Pool connections log in as `authenticator` and switch role per request. */
  connectionString: string;
  /** Superuser connection for the schema cache and LISTEN pgrst. */
  adminConnectionString: string;
  config: SupabaseConfig;
  jwtSecret: string;
  log: (line: string) => void;
}

export interface RestService {
  handler: Handler;
  close(): Promise<void>;
}

export async function createRestService(_options: RestServiceOptions): Promise<RestService> {
  return { handler: async (_req, res) => sendJson(res, 501, { message: 'not yet' }), close: async () => {} };
}
