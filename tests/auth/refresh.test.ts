// POST /auth/v1/token?grant_type=refresh_token: single-use refresh tokens rotated with GoTrue's
// reuse rules (refresh_token_reuse_interval = 10 s in supabase/config.toml).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { auth, browser, claimsOf, signUp } from './helpers.ts';

const refresh = (refresh_token: string) => auth('/token?grant_type=refresh_token', { body: { refresh_token } });

/** As if the token had been rotated `seconds` ago. */
const age = (token: string, seconds: number) =>
  sql(`update auth.refresh_tokens set updated_at = now() - make_interval(secs => $2) where token = $1`, [token, seconds]);

test('refreshing rotates the refresh token within the same session', async () => {
  const { session, user } = await signUp();
  const { data, error } = await browser().auth.refreshSession({ refresh_token: session.refresh_token });
  assert.equal(error, null);
  const next = data.session!;
  assert.notEqual(next.refresh_token, session.refresh_token);
  assert.match(next.refresh_token, /^[a-z0-9]{12}$/);
  assert.equal(claimsOf(next.access_token).session_id, claimsOf(session.access_token).session_id);
  assert.equal(data.user?.id, user.id);
  const rows = await sql('select token, revoked, parent from auth.refresh_tokens where user_id = $1 order by id', [user.id]);
  assert.deepEqual(rows, [
    { token: session.refresh_token, revoked: true, parent: null },
    { token: next.refresh_token, revoked: false, parent: session.refresh_token },
  ]);
});

test('reusing the token just rotated answers the active one instead of failing', async () => {
  const { session } = await signUp();
  const first = await refresh(session.refresh_token);
  assert.equal(first.status, 200);
  const again = await refresh(session.refresh_token);
  assert.equal(again.status, 200);
  assert.equal(again.body.refresh_token, first.body.refresh_token);
  assert.equal(claimsOf(again.body.access_token).session_id, claimsOf(first.body.access_token).session_id);
});

test('replaying an older token outside the reuse interval revokes every token of the session', async () => {
  const { session, user } = await signUp();
  const t1 = (await refresh(session.refresh_token)).body.refresh_token;
  const t2 = (await refresh(t1)).body.refresh_token;
  await age(session.refresh_token, 11);

  const replay = await refresh(session.refresh_token);
  assert.deepEqual([replay.status, replay.body], [400, { code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' }]);
  const live = await sql('select token from auth.refresh_tokens where user_id = $1 and revoked = false', [user.id]);
  assert.deepEqual(live, []);

  // The legitimate holder's newest token is revoked too; once out of its own interval it is refused.
  await age(t2, 11);
  const holder = await refresh(t2);
  assert.deepEqual([holder.status, holder.body], [400, { code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' }]);
  const { error } = await browser().auth.refreshSession({ refresh_token: t2 });
  assert.equal(error?.code, 'refresh_token_already_used');

  // As in GoTrue, the session row stays: access tokens already issued keep working until they
  // expire (jwt_expiry); what the reuse detection ends is the ability to get new ones.
  const [{ n }] = await sql('select count(*)::int as n from auth.sessions where user_id = $1', [user.id]);
  assert.equal(n, 1);
  assert.equal((await auth('/user', { token: session.access_token })).status, 200);
});

test('an older token still inside the reuse interval is swapped, as GoTrue does for concurrent tabs', async () => {
  const { session } = await signUp();
  const t1 = (await refresh(session.refresh_token)).body.refresh_token;
  await refresh(t1);
  const late = await refresh(session.refresh_token);
  assert.equal(late.status, 200);
  assert.equal(claimsOf(late.body.access_token).session_id, claimsOf(session.access_token).session_id);
});

test('unknown, missing and signed-out refresh tokens are refused', async () => {
  const unknown = await refresh('notarealtoken');
  assert.deepEqual([unknown.status, unknown.body], [400, { code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' }]);
  const missing = await auth('/token?grant_type=refresh_token', { body: {} });
  assert.deepEqual([missing.status, missing.body], [400, { error: 'invalid_request', error_description: 'refresh_token required' }]);

  const { session } = await signUp();
  const out = await auth('/logout', { method: 'POST', token: session.access_token });
  assert.equal(out.status, 204);
  const afterLogout = await refresh(session.refresh_token);
  assert.deepEqual([afterLogout.status, afterLogout.body], [400, { code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' }]);
});

test('a banned user cannot refresh', async () => {
  const { session, user } = await signUp();
  await sql(`update auth.users set banned_until = now() + interval '1 hour' where id = $1`, [user.id]);
  const res = await refresh(session.refresh_token);
  assert.deepEqual([res.status, res.body], [400, { code: 'user_banned', message: 'Invalid Refresh Token: User Banned' }]);
});

test('two tabs refreshing the same token at once get the same new session', async () => {
  const { session } = await signUp();
  const [a, b] = await Promise.all([refresh(session.refresh_token), refresh(session.refresh_token)]);
  assert.equal(a.status, 200);
  assert.equal(b.status, 200);
  assert.equal(a.body.refresh_token, b.body.refresh_token);
  const live = await sql('select count(*)::int as n from auth.refresh_tokens where session_id = $1 and revoked = false', [claimsOf(session.access_token).session_id]);
  assert.equal(live[0].n, 1);
});

test('sign-in and refresh leave GoTrue\'s audit trail', async () => {
  const { session, user } = await signUp();
  await refresh(session.refresh_token);
  const actions = await sql(`select payload ->> 'action' as action from auth.audit_log_entries where payload ->> 'actor_id' = $1 order by created_at`, [user.id]);
  assert.deepEqual(actions.map((a) => a.action), ['user_signedup', 'login', 'token_refreshed', 'token_revoked']);
});
