// Every statement the customers jobs run, on the CRM tables (migration 20261122100400_customers.sql).
import type { Statement } from '../sql.ts';

/** Recomputes every customer's shop links, loyalty balance, order stats and date-dependent segment. */
export const refreshAllCustomerStats = (): Statement => ({
  text: 'select app.refresh_all_customer_stats()',
  values: [],
});
