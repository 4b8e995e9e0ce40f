// Every statement Auth runs, named for what it does; each returns { text, values }.
// They read and write the auth schema the way GoTrue does (see supabase/local/db/10_auth.sql).

export interface Query {
  text: string;
  values: unknown[];
}

const q = (text: string, ...values: unknown[]): Query => ({ text, values });

export const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

// ── users ────────────────────────────────────────────────────────────────────────────────────

export const findUserById = (id: string, forUpdate = false) =>
  q(`select * from auth.users where id = $1${forUpdate ? ' for update' : ''}`, id);

export const findUserByEmail = (email: string, aud: string) =>
  q(`select * from auth.users where lower(email) = lower($1) and aud = $2 and is_sso_user = false`, email, aud);

/** Another user already holding this e-mail (GoTrue's IsDuplicatedEmail), ignoring `exceptId`. */
export const findUserWithEmail = (email: string, exceptId: string | null) =>
  q(`select id from auth.users where lower(email) = lower($1) and is_sso_user = false and ($2::uuid is null or id <> $2::uuid)`, email, exceptId);

export const insertUser = (u: {
  id: string; aud: string; role: string; email: string | null; encryptedPassword: string;
  appMetadata: object; userMetadata: object; emailConfirmed: boolean;
}) =>
  q(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
       email_confirmed_at, created_at, updated_at, is_anonymous, is_sso_user)
     values ($1, $2, $3, $4, $5, $6, $7, $8, case when $9 then now() end, now(), now(), false, false)
     returning *`,
    INSTANCE_ID, u.id, u.aud, u.role, u.email, u.encryptedPassword, u.appMetadata, u.userMetadata, u.emailConfirmed,
  );

/** Confirms the e-mail address and marks it verified in user_metadata (GoTrue's User.Confirm). */
export const confirmUser = (id: string) =>
  q(
    `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), confirmation_token = '',
       raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || '{"email_verified": true}', updated_at = now()
     where id = $1`,
    id,
  );

export const markIdentityEmailVerified = (userId: string) =>
  q(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}', updated_at = now()
     where user_id = $1 and provider = 'email'`,
    userId,
  );

export const clearRecoveryToken = (id: string) =>
  q(`update auth.users set recovery_token = '', updated_at = now() where id = $1`, id);

export const setConfirmationToken = (id: string, hash: string) =>
  q(`update auth.users set confirmation_token = $2, confirmation_sent_at = now(), updated_at = now() where id = $1`, id, hash);

export const setRecoveryToken = (id: string, hash: string) =>
  q(`update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now() where id = $1`, id, hash);

export const setEmailChange = (id: string, newEmail: string, newHash: string, currentHash: string) =>
  q(
    `update auth.users set email_change = $2, email_change_token_new = $3, email_change_token_current = $4,
       email_change_confirm_status = 0, email_change_sent_at = now(), updated_at = now()
     where id = $1`,
    id, newEmail, newHash, currentHash,
  );

/** One of the two e-mail change links was followed: forget that token, remember one is done. */
export const acceptOneEmailChangeToken = (id: string, which: 'new' | 'current') =>
  q(
    `update auth.users set email_change_confirm_status = 1,
       ${which === 'new' ? 'email_change_token_new' : 'email_change_token_current'} = '', updated_at = now()
     where id = $1`,
    id,
  );

export const applyEmailChange = (id: string) =>
  q(
    `update auth.users set email = email_change, email_change = '', email_change_token_new = '',
       email_change_token_current = '', email_change_confirm_status = 0, email_change_sent_at = null,
       email_confirmed_at = coalesce(email_confirmed_at, now()),
       raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || jsonb_build_object('email', email_change),
       updated_at = now()
     where id = $1`,
    id,
  );

export const setIdentityEmail = (userId: string, email: string) =>
  q(
    `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', true),
       updated_at = now()
     where user_id = $1 and provider = 'email'`,
    userId, email,
  );

/** A password change also forgets pending e-mail changes (GoTrue's User.UpdatePassword). */
export const setPassword = (id: string, hash: string) =>
  q(
    `update auth.users set encrypted_password = $2, email_change = '', email_change_token_new = '',
       email_change_token_current = '', email_change_confirm_status = 0, updated_at = now()
     where id = $1`,
    id, hash,
  );

const NULL_KEYS = `coalesce((select array_agg(key) from jsonb_each($2::jsonb) where value = 'null'::jsonb), '{}'::text[])`;

/** Merges into user_metadata; keys set to null are removed (GoTrue's UpdateUserMetaData). */
export const mergeUserMetadata = (id: string, data: object) =>
  q(
    `update auth.users set raw_user_meta_data = (coalesce(raw_user_meta_data, '{}') || $2::jsonb) - ${NULL_KEYS},
       updated_at = now() where id = $1`,
    id, JSON.stringify(data),
  );

export const mergeAppMetadata = (id: string, data: object) =>
  q(
    `update auth.users set raw_app_meta_data = (coalesce(raw_app_meta_data, '{}') || $2::jsonb) - ${NULL_KEYS},
       updated_at = now() where id = $1`,
    id, JSON.stringify(data),
  );

export const adminSetFields = (id: string, f: { email?: string; role?: string; emailConfirm?: boolean; bannedUntil?: Date | null }) =>
  q(
    `update auth.users set
       email = coalesce($2, email),
       role = coalesce($3, role),
       email_confirmed_at = case when $4::boolean is true then coalesce(email_confirmed_at, now())
                                 when $4::boolean is false then null else email_confirmed_at end,
       banned_until = case when $5::boolean then $6::timestamptz else banned_until end,
       updated_at = now()
     where id = $1`,
    id, f.email ?? null, f.role ?? null, f.emailConfirm ?? null, f.bannedUntil !== undefined, f.bannedUntil ?? null,
  );

export const markInvited = (id: string) =>
  q(`update auth.users set invited_at = now(), updated_at = now() where id = $1`, id);

export const touchLastSignIn = (id: string) =>
  q(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, id);

export const deleteUser = (id: string) => q(`delete from auth.users where id = $1`, id);

export const softDeleteUser = (id: string) =>
  q(
    `update auth.users set deleted_at = now(), email = null, phone = null, encrypted_password = '',
       raw_user_meta_data = '{}', raw_app_meta_data = '{}', updated_at = now() where id = $1`,
    id,
  );

export const countUsers = () => q(`select count(*)::int as count from auth.users where deleted_at is null`);

export const listUsers = (limit: number, offset: number) =>
  q(`select * from auth.users where deleted_at is null order by created_at desc, id limit $1 offset $2`, limit, offset);

export const findUserByConfirmationToken = (hash: string) =>
  q(`select * from auth.users where confirmation_token in ($1::text, 'pkce_' || $1::text) and is_sso_user = false`, hash);

export const findUserByRecoveryToken = (hash: string) =>
  q(`select * from auth.users where recovery_token in ($1::text, 'pkce_' || $1::text) and is_sso_user = false`, hash);

export const findUserByEmailChangeToken = (hash: string) =>
  q(
    `select * from auth.users where (email_change_token_current in ($1::text, 'pkce_' || $1::text)
       or email_change_token_new in ($1::text, 'pkce_' || $1::text)) and is_sso_user = false`,
    hash,
  );

// ── identities ───────────────────────────────────────────────────────────────────────────────

export const insertIdentity = (userId: string, provider: string, data: object) =>
  q(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values (gen_random_uuid(), $1::text, $1::text::uuid, $2, $3, now(), now(), now())`,
    userId, data, provider,
  );

export const listIdentities = (userId: string) =>
  q(`select * from auth.identities where user_id = $1 order by created_at`, userId);

// ── sessions, their authentication methods, refresh tokens ───────────────────────────────────

export const insertSession = (id: string, userId: string, userAgent: string | null, ip: string | null) =>
  q(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4::inet)`,
    id, userId, userAgent, ip,
  );

export const findSession = (id: string) => q(`select * from auth.sessions where id = $1`, id);

export const touchSession = (id: string) =>
  q(`update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now() where id = $1`, id);

export const insertAmrClaim = (sessionId: string, method: string) =>
  q(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values (gen_random_uuid(), $1, now(), now(), $2)
     on conflict (session_id, authentication_method) do update set updated_at = now()`,
    sessionId, method,
  );

export const listAmrClaims = (sessionId: string) =>
  q(`select authentication_method, updated_at from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`, sessionId);

export const deleteSession = (id: string) => q(`delete from auth.sessions where id = $1`, id);
export const deleteUserSessions = (userId: string) => q(`delete from auth.sessions where user_id = $1`, userId);
export const deleteOtherSessions = (userId: string, keepId: string) =>
  q(`delete from auth.sessions where user_id = $1 and id <> $2`, userId, keepId);

export const insertRefreshToken = (token: string, userId: string, sessionId: string, parent: string | null) =>
  q(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, $3, false, now(), now(), $4, $5)`,
    INSTANCE_ID, token, userId, parent, sessionId,
  );

/** The refresh token row, locked for this transaction so two refreshes of it queue up. */
export const lockRefreshToken = (token: string) =>
  q(`select * from auth.refresh_tokens where token = $1 for update`, token);

export const revokeRefreshToken = (id: string) =>
  q(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, id);

export const findActiveRefreshToken = (sessionId: string) =>
  q(
    `select * from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1`,
    sessionId,
  );

/** Reuse of an old token: every token of the session is revoked (GoTrue's RevokeTokenFamily). */
export const revokeSessionTokens = (sessionId: string) =>
  q(`update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false`, sessionId);

// ── PKCE flows ───────────────────────────────────────────────────────────────────────────────

export const insertFlowState = (f: { userId: string; challenge: string; method: string; authenticationMethod: string }) =>
  q(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
       authentication_method, created_at, updated_at)
     values (gen_random_uuid(), $1, gen_random_uuid()::text, $2, $3, 'email', $4, now(), now())`,
    f.userId, f.method, f.challenge, f.authenticationMethod,
  );

/** The user's latest flow of that kind, now given its code. */
export const issueAuthCode = (userId: string, authenticationMethod: string) =>
  q(
    `update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
     where id = (select id from auth.flow_state where user_id = $1 and authentication_method = $2
                 order by created_at desc limit 1)
     returning auth_code`,
    userId, authenticationMethod,
  );

export const takeFlowStateByCode = (authCode: string) =>
  q(`delete from auth.flow_state where auth_code = $1 returning *`, authCode);

// ── one-time tokens, audit log ───────────────────────────────────────────────────────────────

export const upsertOneTimeToken = (userId: string, type: string, hash: string, relatesTo: string) =>
  q(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, $3, $4, now(), now())
     on conflict (user_id, token_type) do update
       set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
    userId, type, hash, relatesTo,
  );

export const clearOneTimeToken = (userId: string, type: string) =>
  q(`delete from auth.one_time_tokens where user_id = $1 and token_type = $2`, userId, type);

export const clearOneTimeTokens = (userId: string) => q(`delete from auth.one_time_tokens where user_id = $1`, userId);

export const insertAuditEntry = (payload: object, ip: string) =>
  q(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     values ($1, gen_random_uuid(), $2, clock_timestamp(), $3)`,
    INSTANCE_ID, JSON.stringify(payload), ip,
  );
