// Variants at or below their low-stock threshold, the most short first.
import { Alert, Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatNumber, t } from '../../i18n/index.ts';
import type { StockAlert, StockAlerts } from './types.ts';

export function StockAlertsCard({ alerts, error }: { alerts: StockAlerts | null; error: string | null }) {
  return (
    <Card size="small" title={t('dashboard.alerts.title')} data-testid="dashboard-stock-alerts" loading={!alerts && !error}>
      {error && <Alert type="error" message={t('dashboard.errors.load', { message: error })} />}
      {alerts && (
        <>
          <Typography.Paragraph type={alerts.count ? 'warning' : 'secondary'} data-testid="dashboard-stock-alerts-count">
            {alerts.count ? t('dashboard.alerts.count', { count: formatNumber(alerts.count) }) : t('dashboard.alerts.none')}
          </Typography.Paragraph>
          {alerts.count > 0 && (
            <Table<StockAlert>
              size="small"
              rowKey="variant_id"
              pagination={false}
              dataSource={alerts.rows}
              columns={[
                { title: t('dashboard.alerts.sku'), key: 'sku', render: (_, row) => <Link to={`/r/product_variants/show/${row.variant_id}`}>{row.sku}</Link> },
                { title: t('dashboard.alerts.product'), key: 'product', render: (_, row) => <Link to={`/r/products/show/${row.product_id}`}>{row.product_name}</Link> },
                { title: t('dashboard.alerts.quantity'), dataIndex: 'quantity', align: 'right', render: (value: number) => <Typography.Text type="danger">{formatNumber(value)}</Typography.Text> },
                { title: t('dashboard.alerts.threshold'), dataIndex: 'low_stock_threshold', align: 'right', render: (value: number) => formatNumber(value) },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
