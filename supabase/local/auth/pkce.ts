// The PKCE flow (supabase-js with flowType 'pkce'): a sign-up, magic link or recovery request
// carries a code_challenge, remembered in auth.flow_state; the e-mailed token is stored with a
// `pkce_` prefix; following the link redirects with ?code=…, which POST /token?grant_type=pkce
// exchanges for a session when the code_verifier matches.
import { createHash } from 'node:crypto';
import type { AuthContext, Request } from './context.ts';
import { audit } from './context.ts';
import type { Db } from './db.ts';
import { badRequest, notFound, unprocessable } from './errors.ts';
import { issueSession, type TokenResponse } from './sessions.ts';
import * as sql from './sql.ts';
import { loadUser } from './users.ts';

export interface Pkce {
  challenge: string;
  method: 's256' | 'plain';
}

const CHALLENGE = /^[a-zA-Z0-9~._-]{43,128}$/;
/** How long a flow waits for its code to be exchanged (GoTrue's FlowStateExpiryDuration). */
const FLOW_STATE_EXPIRY_SECONDS = 300;

/** GoTrue's validatePKCEParams; undefined when the request is not a PKCE flow. */
export function pkceParams(challenge: string, method: string): Pkce | undefined {
  if ((challenge === '') !== (method === '')) {
    throw badRequest('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
  }
  if (!challenge) return undefined;
  if (!CHALLENGE.test(challenge)) {
    throw badRequest('validation_failed', "code challenge has to be between 43 and 128 characters and only contain alphanumeric characters, '-', '.', '_', and '~'");
  }
  const normalized = method.toLowerCase();
  if (normalized !== 's256' && normalized !== 'plain') throw badRequest('validation_failed', `code challenge method not supported: ${method}`);
  return { challenge, method: normalized };
}

/** The authentication_method a verification type records in auth.flow_state. */
export function flowMethodFor(type: string): string {
  return type === 'signup' ? 'email/signup' : type;
}

export async function startFlow(tx: Db, userId: string, pkce: Pkce | undefined, type: string): Promise<void> {
  if (!pkce) return;
  await tx.run(sql.insertFlowState({ userId, challenge: pkce.challenge, method: pkce.method, authenticationMethod: flowMethodFor(type) }));
}

export async function issueAuthCode(tx: Db, userId: string, type: string): Promise<string> {
  const row = await tx.one<{ auth_code: string }>(sql.issueAuthCode(userId, flowMethodFor(type)));
  if (!row) throw badRequest('flow_state_not_found', 'No associated flow state found.');
  return row.auth_code;
}

/** POST /token?grant_type=pkce {auth_code, code_verifier}. */
export async function exchangeCode(ctx: AuthContext, r: Request, authCode: string, verifier: string): Promise<TokenResponse> {
  if (!authCode || !verifier) {
    throw badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  }
  return ctx.database.transaction(async (tx) => {
    const flow = await tx.one<{ user_id: string | null; code_challenge: string; code_challenge_method: string; authentication_method: string; auth_code_issued_at: Date | null; created_at: Date }>(
      sql.takeFlowStateByCode(authCode),
    );
    if (!flow || !flow.user_id) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
    const since = (flow.auth_code_issued_at ?? flow.created_at).getTime();
    if (Date.now() > since + FLOW_STATE_EXPIRY_SECONDS * 1000) {
      throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
    }
    const computed = flow.code_challenge_method === 's256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
    if (computed !== flow.code_challenge) {
      throw badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
    }
    const user = await loadUser(tx, flow.user_id);
    if (!user) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
    await audit(tx, r, user.row, 'login', { provider_type: 'email' });
    return issueSession(ctx, tx, r, user.row.id, flow.authentication_method);
  });
}
