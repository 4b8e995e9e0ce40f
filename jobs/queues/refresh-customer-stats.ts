// `refresh-customer-stats`: every night, recomputes customers' order stats and segments. A segment
// depends on the date as well as on orders (a customer with no order for 180 days turns dormant,
// after 365 churned), so without this job nobody's segment would move until their next order.
// Set-based and idempotent: only customers whose values change are written.
import { z } from 'zod';
import { defineQueue } from '../queue.ts';
import { refreshAllCustomerStats } from '../customers/sql.ts';

export const refreshCustomerStats = defineQueue({
  name: 'refresh-customer-stats',
  schema: z.object({}),
  options: { policy: 'singleton', retryLimit: 2, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800, retentionMinutes: 14 * 24 * 60 },
  cron: { expression: '23 2 * * *', payload: {}, timezone: 'Europe/Paris' },
  async handler(_payload, job) {
    const started = performance.now();
    const statement = refreshAllCustomerStats();
    await job.db.query(statement.text, statement.values);
    return { seconds: Math.round((performance.now() - started) / 100) / 10 };
  },
});
