// `prune-email-deliveries`: every night, forgets deliveries sent more than 90 days ago (long after
// any job that could retry them has been archived).
import { z } from 'zod';
import { defineQueue } from '../queue.ts';
import { pruneDeliveries } from '../mail/sql.ts';

export const pruneEmailDeliveries = defineQueue({
  name: 'prune-email-deliveries',
  schema: z.object({ olderThanDays: z.number().int().min(30).default(90) }),
  options: { policy: 'singleton', retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 600, retentionMinutes: 14 * 24 * 60 },
  cron: { expression: '17 3 * * *', payload: { olderThanDays: 90 }, timezone: 'Europe/Paris' },
  async handler(payload, job) {
    const statement = pruneDeliveries(payload.olderThanDays);
    const result = await job.db.query(statement.text, statement.values);
    return { deleted: result.rowCount ?? 0 };
  },
});
