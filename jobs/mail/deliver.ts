// Sends one e-mail at most once per dedupe key. The delivery row is claimed and locked in a
// transaction that stays open while the transport sends, so a second worker retrying the same job
// waits, then sees 'sent' and stops. A failure rolls the claim back, records the error, and
// rethrows so that the job is retried. The one window left is a crash after the transport accepted
// the message and before the commit: the retry then sends again with the same Message-ID and
// idempotency key, which the mailbox and API providers use to drop the duplicate.
import type pg from 'pg';
import { renderEmail } from './render.ts';
import { claimDelivery, markSent, recordFailure } from './sql.ts';
import type { Locale, TemplateName } from './templates.ts';
import type { Transport } from './transports/types.ts';

export interface EmailRequest {
  to: string;
  template: TemplateName;
  locale: Locale;
  data: Record<string, unknown>;
}

export type DeliveryOutcome = { status: 'sent'; providerMessageId?: string } | { status: 'already-sent' };

export async function deliverOnce(
  db: pg.Pool,
  dedupeKey: string,
  request: EmailRequest,
  transport: Transport,
  from: string,
): Promise<DeliveryOutcome> {
  const rendered = await renderEmail(request.template, request.locale, request.data as never);
  const client = await db.connect();
  try {
    await client.query('begin');
    const claim = claimDelivery(dedupeKey, request.to, request.template, request.locale);
    const { rows } = await client.query<{ status: string }>(claim.text, claim.values);
    if (rows[0].status === 'sent') {
      await client.query('rollback');
      return { status: 'already-sent' };
    }
    let providerMessageId: string | undefined;
    try {
      ({ providerMessageId } = await transport.send({ from, to: request.to, dedupeKey, ...rendered }));
    } catch (error) {
      await client.query('rollback');
      const failure = recordFailure(dedupeKey, request.to, request.template, request.locale, transport.name, (error as Error).message);
      await db.query(failure.text, failure.values);
      throw error;
    }
    const sent = markSent(dedupeKey, transport.name, providerMessageId ?? null);
    await client.query(sent.text, sent.values);
    await client.query('commit');
    return { status: 'sent', providerMessageId };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
