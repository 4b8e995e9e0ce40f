// POST /invite for the service role (GoTrue's Invite, supabase.auth.admin.inviteUserByEmail):
// creates the user unconfirmed and without a password, and e-mails an invite link; following it
// (verify type=invite) confirms the address and opens a session in which to choose a password.
import { requireAdmin } from '../authenticate.ts';
import { sendConfirmation } from '../codes.ts';
import type { AuthContext, Request } from '../context.ts';
import { audit, readJson, reply } from '../context.ts';
import { unprocessable } from '../errors.ts';
import { referrer } from '../redirect.ts';
import * as sql from '../sql.ts';
import { isConfirmed, loadUser, userJson, type UserRow } from '../users.ts';
import { inviteBody, validateEmail } from '../validation.ts';
import { AUDIENCE, createEmailUser } from './signup.ts';

export async function invite(ctx: AuthContext, r: Request): Promise<void> {
  await requireAdmin(ctx, r);
  const params = await readJson(r, inviteBody);
  const email = validateEmail(params.email);
  const existing = await ctx.database.db.one<UserRow>(sql.findUserByEmail(email, AUDIENCE));
  if (existing && isConfirmed(existing)) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  const redirectTo = referrer(ctx.config, r.req, r.url);
  const answer = await ctx.database.transaction(async (tx) => {
    const user = existing ?? (await createEmailUser(tx, { email, passwordHash: '', data: params.data ?? {}, emailConfirmed: false }));
    await audit(tx, r, user, 'user_invited', { user_id: user.id, user_email: email });
    await sendConfirmation(ctx, tx, (await tx.one<UserRow>(sql.findUserById(user.id)))!, redirectTo, 'invite');
    await tx.run(sql.markInvited(user.id));
    return userJson((await loadUser(tx, user.id))!);
  });
  reply(r, 200, answer);
}
