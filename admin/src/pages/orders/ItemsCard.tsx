// The items as sold: name, SKU and price are the snapshots taken when each was added.
import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { formatMoney, formatNumber, t } from '../../i18n/index.ts';
import { formatPercent } from '../dashboard/format.ts';
import type { ItemRow } from './types.ts';

export function ItemsCard({ items, currency }: { items: ItemRow[]; currency: string }) {
  return (
    <Card size="small" title={t('orders.detail.items.title')}>
      <Table<ItemRow>
        data-testid="order-items"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('orders.detail.items.none') }}
        scroll={{ x: true }}
        columns={[
          { title: t('orders.detail.items.product'), key: 'product', render: (_, item) => <Link to={`/r/order_items/show/${item.id}`}>{item.product_name}</Link> },
          { title: t('orders.detail.items.sku'), key: 'sku', render: (_, item) => <Link to={`/r/product_variants/show/${item.variant_id}`}>{item.sku}</Link> },
          { title: t('orders.detail.items.quantity'), dataIndex: 'quantity', align: 'right', render: (value: number) => formatNumber(value) },
          { title: t('orders.detail.items.unitPrice'), dataIndex: 'unit_price_cents', align: 'right', render: (value: number) => formatMoney(value, currency) },
          { title: t('orders.detail.items.discount'), dataIndex: 'discount_cents', align: 'right', render: (value: number) => (value ? formatMoney(-value, currency) : '') },
          { title: t('orders.detail.items.tax'), dataIndex: 'tax_rate_bp', align: 'right', render: (value: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatPercent(value / 10000)}</span> },
          { title: t('orders.detail.items.lineTotal'), dataIndex: 'line_total_cents', align: 'right', render: (value: number) => formatMoney(value, currency) },
        ]}
      />
    </Card>
  );
}
