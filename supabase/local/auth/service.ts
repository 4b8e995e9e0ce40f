// PLACEHOLDER until the Auth server lands.
import type { SupabaseConfig } from '../config.ts';
import { sendJson, type Handler } from '../http.ts';

export interface AuthServiceOptions {
  /** Superuser connection; Auth owns the auth schema. */
  connectionString: string;
  config: SupabaseConfig;
  jwtSecret: string;
  /** Public URL of the gateway, for links in e-mails (…/auth/v1/verify). */
  apiUrl: string;
  /** Until the mailbox exists, every e-mail is also written here as one JSON file. */
  mailDir: string;
  log: (line: string) => void;
}

export interface AuthService {
  handler: Handler;
  /** Paths under /auth/v1 that need no apikey (opened from e-mails). */
  openPaths: string[];
  close(): Promise<void>;
}

export async function createAuthService(_options: AuthServiceOptions): Promise<AuthService> {
  return { handler: async (_req, res) => sendJson(res, 501, { message: 'not yet' }), openPaths: ['/verify'], close: async () => {} };
}
