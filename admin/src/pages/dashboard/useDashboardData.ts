// Loads what the dashboard shows for a period and a choice of shops: the figures, then the daily
// series of the chosen shops (or, with none chosen, of the few that sold most in the period).
import { useEffect, useState } from 'react';
import { fetchSeries, fetchSummary } from './api.ts';
import type { Period, SeriesRow, Summary } from './types.ts';

/** How many shops the chart draws when none are chosen: more curves than this are unreadable. */
export const TOP_SHOPS = 5;

export interface DashboardData {
  summary: Summary | null;
  series: SeriesRow[];
  /** Whether the series are the chosen shops' or the top sellers'. */
  seriesOf: 'chosen' | 'top';
  loading: boolean;
  error: string | null;
}

export function useDashboardData(period: Period, shopIds: string[]): DashboardData {
  const [data, setData] = useState<DashboardData>({ summary: null, series: [], seriesOf: 'top', loading: true, error: null });
  const shopsKey = shopIds.join(',');
  useEffect(() => {
    let current = true;
    setData((previous) => ({ ...previous, loading: true, error: null }));
    (async () => {
      const summary = await fetchSummary(period, shopIds);
      const chartShops = shopIds.length
        ? shopIds
        : summary.shops.filter((shop) => shop.current.revenue_cents > 0).slice(0, TOP_SHOPS).map((shop) => shop.shop_id);
      const series = chartShops.length ? await fetchSeries(period, chartShops) : [];
      if (current) setData({ summary, series, seriesOf: shopIds.length ? 'chosen' : 'top', loading: false, error: null });
    })().catch((error: Error) => {
      if (current) setData((previous) => ({ ...previous, loading: false, error: error.message }));
    });
    return () => {
      current = false;
    };
    // shopIds is compared by value (shopsKey): a new array with the same shops is the same choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [period.start, period.end, shopsKey]);
  return data;
}

/** A read that does not depend on the period (stock alerts, anomalies), done once per visit. */
export function useOnce<T>(read: () => Promise<T>): { value: T | null; error: string | null } {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null });
  useEffect(() => {
    let current = true;
    read().then(
      (value) => current && setState({ value, error: null }),
      (error: Error) => current && setState({ value: null, error: error.message }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
