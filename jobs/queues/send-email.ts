// `send-email`: renders one templated e-mail and hands it to the configured transport, at most
// once per dedupe key (jobs/mail/deliver.ts). A transport failure retries with exponential backoff
// (5–10 s, then twice as long each time: 8 retries over 20 to 40 minutes); after that the payload
// waits in `send-email-dead` for staff.
import { z } from 'zod';
import { defineQueue } from '../queue.ts';
import { deliverOnce } from '../mail/deliver.ts';
import { LOCALES, TEMPLATE_NAMES, templates, type TemplateName } from '../mail/templates.ts';
import { senderFromEnv, transportFromEnv } from '../mail/transports/from-env.ts';
import type { Transport } from '../mail/transports/types.ts';

const variant = <T extends TemplateName>(template: T) =>
  z.object({
    to: z.email(),
    locale: z.enum(LOCALES),
    template: z.literal(template),
    data: templates[template].data,
    /** Two jobs with the same key deliver one e-mail; defaults to the job's id. */
    dedupeKey: z.string().min(1).max(200).optional(),
  });

export const sendEmailPayload = z.discriminatedUnion('template', [
  variant('confirmation'),
  variant('magic-link'),
  variant('one-time-code'),
  variant('recovery'),
  variant('email-change'),
  variant('invite'),
]);
if (sendEmailPayload.options.length !== TEMPLATE_NAMES.length) throw new Error('send-email: every template in jobs/mail/templates.ts needs its variant here');

let transport: Transport | undefined;

export const sendEmailDead = defineQueue({
  name: 'send-email-dead',
  schema: sendEmailPayload,
  options: { policy: 'standard', retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60, retentionMinutes: 30 * 24 * 60 },
});

export const sendEmail = defineQueue({
  name: 'send-email',
  schema: sendEmailPayload,
  options: {
    policy: 'standard',
    retryLimit: 8,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 60,
    retentionMinutes: 14 * 24 * 60,
    deadLetter: sendEmailDead.name,
  },
  concurrency: 4,
  async handler(payload, job) {
    transport ??= transportFromEnv();
    const outcome = await deliverOnce(job.db, payload.dedupeKey ?? job.idempotencyKey, payload, transport, senderFromEnv());
    return outcome;
  },
});
