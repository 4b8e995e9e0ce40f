// Sales curves of several shops on one chart. The page renders first; the chart library comes after.
import { lazy, Suspense, useState } from 'react';
import { Card, Empty, Segmented, Spin, Typography } from 'antd';
import { t } from '../../i18n/index.ts';
import type { Metric } from './SalesLineChart.tsx';
import type { SeriesRow } from './types.ts';

const SalesLineChart = lazy(() => import('./SalesLineChart.tsx'));

export function SalesChart({ rows, seriesOf, topCount }: { rows: SeriesRow[]; seriesOf: 'chosen' | 'top'; topCount: number }) {
  const [metric, setMetric] = useState<Metric>('revenue');
  const hasSales = rows.some((row) => row.orders > 0);
  return (
    <Card
      size="small"
      title={t('dashboard.chart.title')}
      data-testid="dashboard-chart"
      extra={
        <Segmented<Metric>
          size="small"
          aria-label={t('dashboard.chart.metric')}
          value={metric}
          onChange={setMetric}
          options={[{ value: 'revenue', label: t('dashboard.chart.revenue') }, { value: 'orders', label: t('dashboard.chart.orders') }]}
        />
      }
    >
      <Typography.Text type="secondary">
        {seriesOf === 'top' ? t('dashboard.chart.topShops', { count: topCount }) : t('dashboard.chart.selectedShops')}
      </Typography.Text>
      {hasSales ? (
        <Suspense fallback={<Spin tip={t('dashboard.chart.loading')}><div style={{ height: 320 }} /></Spin>}>
          <SalesLineChart rows={rows} metric={metric} />
        </Suspense>
      ) : (
        <Empty description={t('dashboard.chart.empty')} />
      )}
    </Card>
  );
}
