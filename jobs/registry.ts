// The product's queues. A queue is one module in jobs/queues/; list it here so that the worker
// creates it (with its options), works it and schedules it, and so that enqueue() knows its payload.
// Tests add their own queues to a worker they start themselves (tests/fixtures/jobs/).
import { createEnqueue } from './enqueue.ts';
import { pruneEmailDeliveries } from './queues/prune-email-deliveries.ts';
import { refreshCustomerStats } from './queues/refresh-customer-stats.ts';
import { sendEmail, sendEmailDead } from './queues/send-email.ts';

export const productQueues = [sendEmailDead, sendEmail, pruneEmailDeliveries, refreshCustomerStats] as const;

export type ProductQueue = (typeof productQueues)[number];

/** enqueue(db, queue, payload, options): validated, typed, in the transaction of `db`. */
export const enqueue = createEnqueue(productQueues);
