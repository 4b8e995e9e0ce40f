// Prefer: count=planned|estimated: the planner's row estimate for the counted query.
import type { TxClient } from '../context.ts';

export async function plannedCount(tx: TxClient, countSql: string, values: unknown[]): Promise<number> {
  const { rows } = await tx.query(`EXPLAIN (FORMAT JSON) ${countSql}`, values);
  const plan = rows[0]['QUERY PLAN'];
  const parsed = typeof plan === 'string' ? JSON.parse(plan) : plan;
  return Number(parsed[0].Plan['Plan Rows']);
}
