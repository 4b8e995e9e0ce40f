// Who ordered: the customer's computed figures (orders, spend, average basket, segment) and their
// other recent orders.
import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatMoney, formatNumber, t, valueLabel } from '../../i18n/index.ts';
import { StatusTag } from './StatusTag.tsx';
import type { CustomerRow, PreviousOrder } from './types.ts';

export function CustomerCard({ customer, previous, currency }: { customer: CustomerRow | null; previous: PreviousOrder[]; currency: string }) {
  if (!customer) {
    return <Card size="small" title={t('orders.detail.customer.title')} data-testid="order-customer">{t('orders.detail.customer.none')}</Card>;
  }
  return (
    <Card
      size="small"
      data-testid="order-customer"
      title={t('orders.detail.customer.title')}
      extra={<Link to={`/r/customers/show/${customer.id}`}>{t('orders.detail.openGenerated')}</Link>}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <Link to={`/r/customers/show/${customer.id}`} data-testid="order-customer-name">{customer.display_name}</Link>
      </Typography.Title>
      {customer.email && <Typography.Paragraph type="secondary">{customer.email}</Typography.Paragraph>}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('orders.detail.customer.segment')}>
          {customer.segment ? <Tag data-testid="order-customer-segment">{valueLabel('segment', customer.segment, 'customers')}</Tag> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.customer.orders')}>{formatNumber(customer.orders_count)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.customer.spent')}>{formatMoney(customer.total_spent_cents, currency)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.customer.basket')}>
          <span data-testid="order-customer-basket">{formatMoney(customer.average_basket_cents, currency)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.customer.firstOrder')}>{formatDate(customer.first_order_at)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.customer.lastOrder')}>{formatDate(customer.last_order_at)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.customer.loyalty')}>{formatNumber(customer.loyalty_points)}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>{t('orders.detail.customer.previous')}</Typography.Text>
      <List<PreviousOrder>
        size="small"
        data-testid="order-customer-previous"
        dataSource={previous}
        locale={{ emptyText: t('orders.detail.customer.noPrevious') }}
        renderItem={(order) => (
          // Two lines: the order and its amount (never wrapped) on the first, its date under them, so
          // that the date and the amount never run into each other in a narrow column.
          <List.Item style={{ display: 'block' }} data-testid="previous-order">
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
              <Space size={4} wrap>
                <Link to={`/r/orders/show/${order.id}`}>{order.number}</Link>
                <StatusTag status={order.status} />
              </Space>
              <Typography.Text style={{ whiteSpace: 'nowrap' }} data-testid="previous-order-total">{formatMoney(order.total_cents, order.currency)}</Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="previous-order-date">
              {order.placed_at ? formatDate(order.placed_at) : t('orders.detail.notPlaced')}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
