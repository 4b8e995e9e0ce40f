// The figures of each shop in the period, highest revenue first, with the change and today's revenue.
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatMoney, formatNumber, t } from '../../i18n/index.ts';
import { change, formatPercent } from './format.ts';
import type { Summary } from './types.ts';

type ShopLine = Summary['shops'][number];

export function ShopTable({ summary }: { summary: Summary }) {
  return (
    <Card size="small" title={t('dashboard.perShop.title')}>
      <Table<ShopLine>
        data-testid="dashboard-shops"
        size="small"
        rowKey={(line) => `${line.shop_id}:${line.currency}`}
        dataSource={summary.shops}
        pagination={summary.shops.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: true }}
        columns={[
          { title: t('dashboard.perShop.shop'), key: 'shop', render: (_, line) => <Link to={`/r/shops/show/${line.shop_id}`}>{line.name}</Link> },
          { title: t('dashboard.perShop.revenue'), key: 'revenue', align: 'right', render: (_, line) => formatMoney(line.current.revenue_cents, line.currency) },
          {
            title: t('dashboard.perShop.change'), key: 'change', align: 'right',
            render: (_, line) => {
              const ratio = change(line.current.revenue_cents, line.previous.revenue_cents);
              if (ratio === null) return <Typography.Text type="secondary">—</Typography.Text>;
              return <Typography.Text style={{ color: ratio >= 0 ? '#389e0d' : '#cf1322' }}>{formatPercent(ratio, true)}</Typography.Text>;
            },
          },
          { title: t('dashboard.perShop.orders'), key: 'orders', align: 'right', render: (_, line) => formatNumber(line.current.orders) },
          { title: t('dashboard.perShop.basket'), key: 'basket', align: 'right', render: (_, line) => formatMoney(line.current.average_basket_cents, line.currency) },
          { title: t('dashboard.perShop.margin'), key: 'margin', align: 'right', render: (_, line) => formatMoney(line.current.margin_cents, line.currency) },
          { title: t('dashboard.perShop.today'), key: 'today', align: 'right', render: (_, line) => formatMoney(line.today.revenue_cents, line.currency) },
        ]}
      />
    </Card>
  );
}
