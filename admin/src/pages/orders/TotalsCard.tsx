// The order's totals as the database computed them from the items (prices include VAT).
import { Card, Descriptions, Typography } from 'antd';
import { formatMoney, t } from '../../i18n/index.ts';
import type { OrderRow } from './types.ts';

export function TotalsCard({ order }: { order: OrderRow }) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  return (
    <Card size="small" title={t('orders.detail.totals.title')} data-testid="order-totals">
      <Descriptions size="small" column={1} colon={false} labelStyle={{ width: '55%' }} contentStyle={{ justifyContent: 'flex-end' }}>
        <Descriptions.Item label={t('orders.detail.totals.subtotal')}>{money(order.subtotal_cents)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.totals.discount')}>{order.discount_cents ? money(-order.discount_cents) : money(0)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.totals.shipping')}>{money(order.shipping_cents)}</Descriptions.Item>
        <Descriptions.Item label={<Typography.Text strong>{t('orders.detail.totals.total')}</Typography.Text>}>
          <Typography.Text strong data-testid="order-total">{money(order.total_cents)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.totals.tax')}>{money(order.tax_cents)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
