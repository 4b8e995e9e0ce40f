// Auth at /auth/v1: a local stand-in for Supabase Auth (GoTrue) speaking the same HTTP, so that
// supabase-js's `auth` works unchanged. Users, sessions and tokens live in the auth schema
// (supabase/local/db/10_auth.sql); every request that writes does so in one transaction, which
// also enqueues the e-mails it sends (mail.ts): the jobs worker delivers them.
import type { SupabaseConfig } from '../config.ts';
import type { Handler } from '../http.ts';
import type { AuthContext, Request } from './context.ts';
import { openDatabase } from './db.ts';
import { notFound, sendAuthError } from './errors.ts';
import { createRateLimits } from './rate-limit.ts';
import { adminRoute } from './routes/admin.ts';
import { invite } from './routes/invite.ts';
import { logout } from './routes/logout.ts';
import { magicLinkRoute, otp, recover, resend } from './routes/otp.ts';
import { health, jwks, settings } from './routes/settings.ts';
import { signup } from './routes/signup.ts';
import { token } from './routes/token.ts';
import { getUser, updateUser } from './routes/user.ts';
import { verifyGet, verifyPost } from './routes/verify.ts';

export interface AuthServiceOptions {
  /** Superuser connection; Auth owns the auth schema. */
  connectionString: string;
  config: SupabaseConfig;
  jwtSecret: string;
  /** Public URL of the gateway, for links in e-mails (…/auth/v1/verify). */
  apiUrl: string;
  log: (line: string) => void;
}

export interface AuthService {
  handler: Handler;
  /** Paths under /auth/v1 that need no apikey (opened from e-mails). */
  openPaths: string[];
  close(): Promise<void>;
}

type Route = (ctx: AuthContext, r: Request) => Promise<void> | void;

const ROUTES: Record<string, Route> = {
  'GET /health': health,
  'GET /settings': settings,
  'GET /.well-known/jwks.json': jwks,
  'POST /signup': signup,
  'POST /token': token,
  'GET /user': getUser,
  'PUT /user': updateUser,
  'POST /logout': logout,
  'POST /invite': invite,
  'POST /otp': otp,
  'POST /magiclink': magicLinkRoute,
  'POST /recover': recover,
  'POST /resend': resend,
  'GET /verify': verifyGet,
  'POST /verify': verifyPost,
};

export async function createAuthService(options: AuthServiceOptions): Promise<AuthService> {
  const database = openDatabase(options.connectionString);
  const ctx: AuthContext = {
    config: options.config,
    database,
    secret: new TextEncoder().encode(options.jwtSecret),
    issuer: `${options.apiUrl}/auth/v1`,
    apiUrl: options.apiUrl,
    limits: createRateLimits(options.config),
    log: options.log,
  };

  const handler: Handler = async (req, res, path, url) => {
    const r: Request = { req, res, url };
    const route = path.replace(/\/+$/, '') || '/';
    try {
      const handle = ROUTES[`${req.method} ${route}`];
      if (handle) await handle(ctx, r);
      else if (!(await adminRoute(ctx, r, route))) throw notFound('not_found', 'Not Found');
    } catch (error) {
      if (res.headersSent) {
        ctx.log(`[auth] ${req.method} ${path} failed after answering: ${(error as Error).stack ?? error}`);
        res.destroy();
        return;
      }
      sendAuthError(req, res, error, ctx.log);
    }
  };

  return { handler, openPaths: ['/verify'], close: () => database.close() };
}

