// /admin/* for the service role (GoTrue's admin API): list, create, read, update, delete users,
// and generate sign-up / magic link / recovery / invite links without sending e-mail.
import { requireAdmin } from '../authenticate.ts';
import { prepareLink } from '../codes.ts';
import type { AuthContext, Request } from '../context.ts';
import { audit, readJson, reply } from '../context.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { verificationUrl } from '../mail.ts';
import { checkPasswordStrength, hashPassword } from '../passwords.ts';
import { referrer } from '../redirect.ts';
import * as sql from '../sql.ts';
import { isConfirmed, loadUser, userJson, withIdentities, type UserRow } from '../users.ts';
import { adminDeleteBody, adminUserBody, generateLinkBody, validateEmail } from '../validation.ts';
import { AUDIENCE, createEmailUser } from './signup.ts';
import { parseGoDuration } from './duration.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 1000;
const DUPLICATE_EMAIL = 'A user with this email address has already been registered';

export async function adminRoute(ctx: AuthContext, r: Request, path: string): Promise<boolean> {
  const method = r.req.method;
  if (path === '/admin/users' && (method === 'GET' || method === 'POST')) {
    await requireAdmin(ctx, r);
    await (method === 'GET' ? listUsers(ctx, r) : createUser(ctx, r));
    return true;
  }
  const match = /^\/admin\/users\/([^/]+)$/.exec(path);
  if (match && (method === 'GET' || method === 'PUT' || method === 'DELETE')) {
    await requireAdmin(ctx, r);
    const id = decodeURIComponent(match[1]);
    if (!UUID.test(id)) throw notFound('validation_failed', 'user_id must be an UUID');
    const user = await loadUser(ctx.database.db, id);
    if (!user) throw notFound('user_not_found', 'User not found');
    if (method === 'GET') reply(r, 200, userJson(user));
    else if (method === 'PUT') await updateUser(ctx, r, user.row);
    else await deleteUser(ctx, r, user.row);
    return true;
  }
  if (path === '/admin/generate_link' && method === 'POST') {
    await requireAdmin(ctx, r);
    await generateLink(ctx, r);
    return true;
  }
  return false;
}

function pageParam(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw badRequest('validation_failed', 'Bad Pagination Parameters');
  return Number(value);
}

async function listUsers(ctx: AuthContext, r: Request): Promise<void> {
  const page = Math.max(pageParam(r.url.searchParams.get('page'), 1), 1);
  const perPage = Math.min(Math.max(pageParam(r.url.searchParams.get('per_page'), DEFAULT_PER_PAGE), 1), MAX_PER_PAGE);
  const { db } = ctx.database;
  const { count } = (await db.one<{ count: number }>(sql.countUsers()))!;
  const rows = await db.many<UserRow>(sql.listUsers(perPage, (page - 1) * perPage));
  const users = await Promise.all(rows.map((row) => withIdentities(db, row)));
  // GoTrue's Link header: the request's own path and query with page replaced (query keys sorted).
  const totalPages = Math.max(Math.ceil(count / perPage), 1);
  const link = (p: number) => {
    const query = new URLSearchParams(r.url.searchParams);
    query.set('page', String(p));
    query.sort();
    return `</admin/users?${query.toString()}>`;
  };
  const header = (totalPages > page ? `${link(page + 1)}; rel="next", ` : '') + `${link(totalPages)}; rel="last"`;
  reply(r, 200, { users: users.map(userJson), aud: AUDIENCE }, { link: header, 'x-total-count': String(count) });
}

async function createUser(ctx: AuthContext, r: Request): Promise<void> {
  const p = await readJson(r, adminUserBody);
  if (!p.email && !p.phone) throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  if (p.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  const email = validateEmail(p.email);
  if (await ctx.database.db.one(sql.findUserWithEmail(email, null))) throw unprocessable('email_exists', DUPLICATE_EMAIL);
  if (p.password != null && p.password_hash) throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
  if (p.password) checkPasswordStrength(p.password, ctx.config.auth.minimum_password_length);
  if (p.id !== undefined && !UUID.test(p.id)) throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
  if (p.password_hash && !/^\$2[abxy]?\$\d\d\$/.test(p.password_hash)) throw badRequest('validation_failed', 'Invalid password hash format');
  const passwordHash = p.password_hash || (p.password ? await hashPassword(p.password) : '');
  const bannedUntil = p.ban_duration && p.ban_duration !== 'none' ? banUntil(p.ban_duration) : undefined;
  const answer = await ctx.database.transaction(async (tx) => {
    const user = await createEmailUser(tx, {
      id: p.id, email, passwordHash, data: p.user_metadata ?? {}, emailConfirmed: false, role: p.role, appMetadata: p.app_metadata ?? {},
    });
    if (p.email_confirm) {
      await tx.run(sql.confirmUser(user.id));
      await tx.run(sql.markIdentityEmailVerified(user.id));
    }
    if (bannedUntil) await tx.run(sql.adminSetFields(user.id, { bannedUntil }));
    await audit(tx, r, user, 'user_signedup', { user_id: user.id, user_email: email, user_phone: '' });
    return userJson((await loadUser(tx, user.id))!);
  });
  reply(r, 200, answer);
}

function banUntil(duration: string): Date {
  const ms = parseGoDuration(duration);
  if (ms === undefined) throw badRequest('validation_failed', `invalid format for ban duration: time: invalid duration "${duration}"`);
  return new Date(Date.now() + ms);
}

async function updateUser(ctx: AuthContext, r: Request, user: UserRow): Promise<void> {
  const p = await readJson(r, adminUserBody);
  if (p.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  const email = p.email ? validateEmail(p.email) : undefined;
  if (email && email !== user.email && (await ctx.database.db.one(sql.findUserWithEmail(email, user.id)))) {
    throw unprocessable('email_exists', DUPLICATE_EMAIL);
  }
  if (p.password != null) checkPasswordStrength(p.password, ctx.config.auth.minimum_password_length);
  const passwordHash = p.password != null ? await hashPassword(p.password) : undefined;
  const bannedUntil = p.ban_duration === 'none' ? null : p.ban_duration ? banUntil(p.ban_duration) : undefined;
  const answer = await ctx.database.transaction(async (tx) => {
    if (passwordHash !== undefined) {
      await tx.run(sql.setPassword(user.id, passwordHash));
      await tx.run(sql.deleteUserSessions(user.id));
    }
    if (email && email !== user.email) await tx.run(sql.setIdentityEmail(user.id, email));
    await tx.run(sql.adminSetFields(user.id, { email, role: p.role || undefined, emailConfirm: p.email_confirm ? true : undefined, bannedUntil }));
    if (p.email_confirm) await tx.run(sql.markIdentityEmailVerified(user.id));
    if (p.user_metadata != null) await tx.run(sql.mergeUserMetadata(user.id, p.user_metadata));
    if (p.app_metadata != null) await tx.run(sql.mergeAppMetadata(user.id, p.app_metadata));
    await audit(tx, r, user, 'user_modified');
    return userJson((await loadUser(tx, user.id))!);
  });
  reply(r, 200, answer);
}

async function deleteUser(ctx: AuthContext, r: Request, user: UserRow): Promise<void> {
  const soft = (await readJson(r, adminDeleteBody)).should_soft_delete;
  await ctx.database.transaction(async (tx) => {
    await audit(tx, r, user, 'user_deleted', { user_id: user.id, user_email: user.email ?? '', user_phone: user.phone ?? '' });
    if (soft) {
      await tx.run(sql.deleteUserSessions(user.id));
      await tx.run(sql.softDeleteUser(user.id));
    } else {
      await tx.run(sql.deleteUser(user.id));
    }
  });
  reply(r, 200, {});
}

async function generateLink(ctx: AuthContext, r: Request): Promise<void> {
  const p = await readJson(r, generateLinkBody);
  const types = ['signup', 'invite', 'magiclink', 'recovery'];
  if (!types.includes(p.type)) throw badRequest('validation_failed', 'Invalid link type');
  const type = p.type as 'signup' | 'invite' | 'magiclink' | 'recovery';
  const email = validateEmail(p.email);
  const redirectTo = referrer(ctx.config, r.req, r.url, p.redirect_to);
  const existing = await ctx.database.db.one<UserRow>(sql.findUserByEmail(email, AUDIENCE));
  if (type === 'recovery' && !existing) throw notFound('user_not_found', 'User with this email not found');
  if ((type === 'signup' || type === 'invite') && existing && isConfirmed(existing)) throw unprocessable('email_exists', DUPLICATE_EMAIL);
  if (type === 'signup' && !existing) {
    if (!p.password) throw badRequest('validation_failed', 'Signup requires a valid password');
    checkPasswordStrength(p.password, ctx.config.auth.minimum_password_length);
  }
  const passwordHash = !existing && type === 'signup' ? await hashPassword(p.password) : '';
  const answer = await ctx.database.transaction(async (tx) => {
    const user = existing ?? (await createEmailUser(tx, { email, passwordHash, data: p.data ?? {}, emailConfirmed: false }));
    if (type === 'invite') await tx.run(sql.markInvited(user.id));
    const code = await prepareLink(ctx, tx, user, type);
    return {
      ...userJson((await loadUser(tx, user.id))!),
      action_link: verificationUrl(ctx.apiUrl, code.hash, type, redirectTo),
      email_otp: code.otp,
      hashed_token: code.hash,
      verification_type: type,
      redirect_to: redirectTo,
    };
  });
  reply(r, 200, answer);
}
