// The dashboard: revenue, orders, average basket and margin over a period against the previous one,
// today's figures, each shop's, sales curves, stock alerts and anomalies. Everything comes from the
// dashboard RPCs (a rollup kept by the database), as the signed-in user.
import { useState } from 'react';
import { Alert, Col, Row, Space, Spin, Typography } from 'antd';
import { t } from '../../i18n/index.ts';
import { fetchAnomalies, fetchStockAlerts } from './api.ts';
import { DashboardFilters } from './DashboardFilters.tsx';
import { FigureCards, TodayLine } from './FigureCards.tsx';
import { presetPeriod, type PeriodPreset } from './period.ts';
import { SalesChart } from './SalesChart.tsx';
import { ShopTable } from './ShopTable.tsx';
import { StockAlertsCard } from './StockAlertsCard.tsx';
import { AnomaliesCard } from './AnomaliesCard.tsx';
import { TOP_SHOPS, useDashboardData, useOnce } from './useDashboardData.ts';
import type { Period } from './types.ts';

export default function DashboardPage() {
  const [preset, setPreset] = useState<PeriodPreset>('days30');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('days30'));
  const [shopIds, setShopIds] = useState<string[]>([]);
  const data = useDashboardData(period, shopIds);
  const alerts = useOnce(() => fetchStockAlerts(10));
  const anomalies = useOnce(fetchAnomalies);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('dashboard.title')}</Typography.Title>
      <DashboardFilters
        preset={preset}
        period={period}
        shopIds={shopIds}
        onPeriod={(nextPreset, nextPeriod) => {
          setPreset(nextPreset);
          setPeriod(nextPeriod);
        }}
        onShops={setShopIds}
      />
      {data.error && <Alert type="error" showIcon data-testid="dashboard-error" message={t('dashboard.errors.load', { message: data.error })} />}
      <Spin spinning={data.loading}>
        {data.summary && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <FigureCards summary={data.summary} />
            <TodayLine summary={data.summary} />
            <SalesChart rows={data.series} seriesOf={data.seriesOf} topCount={TOP_SHOPS} />
            <ShopTable summary={data.summary} />
          </Space>
        )}
        {!data.summary && data.loading && <div style={{ height: 200 }} />}
      </Spin>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><StockAlertsCard alerts={alerts.value} error={alerts.error} /></Col>
        <Col xs={24} xl={12}><AnomaliesCard anomalies={anomalies.value} error={anomalies.error} /></Col>
      </Row>
    </Space>
  );
}
