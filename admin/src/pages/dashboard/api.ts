// The dashboard's reads, through supabase-js as the signed-in user (the RPCs run as the caller).
import { supabase } from '../../supabase.ts';
import type { Anomaly, Period, SeriesRow, StockAlerts, Summary } from './types.ts';

/** A PostgREST refusal as an Error whose message is the database's. */
function unwrap<T>(reply: { data: T | null; error: { message: string } | null }): T {
  if (reply.error) throw new Error(reply.error.message);
  return reply.data as T;
}

const shopArg = (shopIds: string[]) => (shopIds.length ? shopIds : null);

export async function fetchSummary(period: Period, shopIds: string[]): Promise<Summary> {
  return unwrap(await supabase.rpc('dashboard_summary', { period_start: period.start, period_end: period.end, shop_ids: shopArg(shopIds) }));
}

export async function fetchSeries(period: Period, shopIds: string[]): Promise<SeriesRow[]> {
  return unwrap(await supabase.rpc('dashboard_sales_series', { period_start: period.start, period_end: period.end, shop_ids: shopArg(shopIds) }));
}

export async function fetchAnomalies(): Promise<Anomaly[]> {
  return unwrap(await supabase.rpc('dashboard_anomalies', {}));
}

export async function fetchStockAlerts(maxRows = 10): Promise<StockAlerts> {
  return unwrap(await supabase.rpc('dashboard_stock_alerts', { max_rows: maxRows }));
}

export interface ShopOption {
  id: string;
  name: string;
}

export async function fetchShops(): Promise<ShopOption[]> {
  return unwrap(await supabase.from('shops').select('id, name').order('name'));
}
