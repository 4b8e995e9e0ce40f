// POST /logout?scope=global|local|others (GoTrue's Logout): ends the caller's sessions; their
// refresh tokens go with them, and access tokens naming them are refused from then on.
import { requireUser } from '../authenticate.ts';
import type { AuthContext, Request } from '../context.ts';
import { audit, replyNoContent } from '../context.ts';
import { badRequest } from '../errors.ts';
import * as sql from '../sql.ts';

export async function logout(ctx: AuthContext, r: Request): Promise<void> {
  const { user, session } = await requireUser(ctx, r);
  const scope = r.url.searchParams.get('scope') ?? '';
  if (!['', 'global', 'local', 'others'].includes(scope)) {
    throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
  }
  await ctx.database.transaction(async (tx) => {
    await audit(tx, r, user.row, 'logout');
    if (session && scope === 'local') return tx.run(sql.deleteSession(session.id));
    if (session && scope === 'others') return tx.run(sql.deleteOtherSessions(user.row.id, session.id));
    return tx.run(sql.deleteUserSessions(user.row.id));
  });
  replyNoContent(r);
}
