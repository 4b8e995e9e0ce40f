// The chart itself: one curve per shop, a point per day. Imported only through SalesChart's
// React.lazy, so @ant-design/plots (large) is a chunk of its own, fetched once the page is up.
import { Line } from '@ant-design/plots';
import { formatDate, formatMoney, formatNumber } from '../../i18n/index.ts';
import type { SeriesRow } from './types.ts';

export type Metric = 'revenue' | 'orders';

export default function SalesLineChart({ rows, metric }: { rows: SeriesRow[]; metric: Metric }) {
  const currency = rows[0]?.currency ?? 'EUR';
  const data = rows.map((row) => ({ day: row.day, shop: row.shop_name, value: metric === 'revenue' ? row.revenue_cents : row.orders }));
  const format = (value: number) => (metric === 'revenue' ? formatMoney(value, currency) : formatNumber(value));
  return (
    <Line
      data={data}
      xField="day"
      yField="value"
      colorField="shop"
      height={320}
      axis={{ x: { labelFormatter: (day: string) => formatDate(day), labelAutoHide: true }, y: { labelFormatter: format } }}
      tooltip={{ title: (datum: { day: string }) => formatDate(datum.day), items: [{ channel: 'y', valueFormatter: format }] }}
    />
  );
}
