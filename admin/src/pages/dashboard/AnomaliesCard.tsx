// Shops whose last 7 days fall far below their usual level (the rule is the RPC's, see the migration).
import { Alert, Card, Table, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatMoney, t } from '../../i18n/index.ts';
import { formatPercent } from './format.ts';
import type { Anomaly } from './types.ts';

export function AnomaliesCard({ anomalies, error }: { anomalies: Anomaly[] | null; error: string | null }) {
  return (
    <Card
      size="small"
      title={<span>{t('dashboard.anomalies.title')} <Tooltip title={t('dashboard.anomalies.help')}><InfoCircleOutlined /></Tooltip></span>}
      data-testid="dashboard-anomalies"
      loading={!anomalies && !error}
    >
      {error && <Alert type="error" message={t('dashboard.errors.load', { message: error })} />}
      {anomalies && anomalies.length === 0 && <Typography.Text type="secondary">{t('dashboard.anomalies.none')}</Typography.Text>}
      {anomalies && anomalies.length > 0 && (
        <Table<Anomaly>
          size="small"
          rowKey={(row) => `${row.shop_id}:${row.currency}`}
          pagination={false}
          dataSource={anomalies}
          columns={[
            { title: t('dashboard.anomalies.shop'), key: 'shop', render: (_, row) => <Link to={`/r/shops/show/${row.shop_id}`}>{row.shop_name}</Link> },
            { title: t('dashboard.anomalies.recent'), key: 'recent', align: 'right', render: (_, row) => formatMoney(row.recent_revenue_cents, row.currency) },
            { title: t('dashboard.anomalies.usual'), key: 'usual', align: 'right', render: (_, row) => formatMoney(row.usual_revenue_cents, row.currency) },
            { title: t('dashboard.anomalies.ratio'), key: 'ratio', align: 'right', render: (_, row) => <Typography.Text type="danger">{formatPercent(Number(row.ratio))}</Typography.Text> },
          ]}
        />
      )}
    </Card>
  );
}
