// The detail of one order (route /r/orders/show/:id, replacing the generated screen): header,
// items with their price snapshots, totals, customer, payments, invoices, status timeline and the
// conversation it came from; related rows link to their generated screens.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { formatDate, t, valueLabel } from '../../i18n/index.ts';
import { fetchOrderDetail } from './api.ts';
import { PaymentsCard, InvoicesCard } from './BillingCards.tsx';
import { ConversationCard } from './ConversationCard.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { ItemsCard } from './ItemsCard.tsx';
import { StatusTag } from './StatusTag.tsx';
import { StatusTimeline } from './StatusTimeline.tsx';
import { TotalsCard } from './TotalsCard.tsx';
import type { OrderDetail } from './types.ts';

type State = { status: 'loading' } | { status: 'missing' } | { status: 'failed'; message: string } | { status: 'ready'; detail: OrderDetail };

export default function OrderDetailPage() {
  const { id } = useParams<{ id: string }>();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    fetchOrderDetail(id ?? '').then(
      (detail) => current && setState(detail ? { status: 'ready', detail } : { status: 'missing' }),
      (error: Error) => current && setState({ status: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (state.status === 'loading') return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (state.status === 'missing') return <Result status="404" title="404" subTitle={t('orders.detail.notFound')} />;
  if (state.status === 'failed') return <Alert type="error" showIcon message={t('orders.detail.loadError', { message: state.message })} />;
  const { order, items, payments, invoices, history, conversations, previousOrders } = state.detail;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="order-detail">
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="order-number">{t('orders.detail.title', { number: order.number })}</Typography.Title>
          <StatusTag status={order.status} />
        </Space>
        <Space>
          <Link to="/board">{t('orders.detail.openBoard')}</Link>
        </Space>
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('orders.detail.shop')}>
            {order.shops ? <Link to={`/r/shops/show/${order.shops.id}`}>{order.shops.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.detail.channel')}><Tag>{valueLabel('channel', order.channel, 'orders')}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('orders.detail.placedAt')}>{order.placed_at ? formatDate(order.placed_at, true) : t('orders.detail.notPlaced')}</Descriptions.Item>
          <Descriptions.Item label={t('orders.detail.delivery')}>{formatDate(order.delivery_date) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orders.detail.warehouse')}>
            {order.warehouses ? <Link to={`/r/warehouses/show/${order.warehouses.id}`}>{order.warehouses.name}</Link> : '—'}
          </Descriptions.Item>
          {order.channel_reference && <Descriptions.Item label={t('orders.detail.reference')}>{order.channel_reference}</Descriptions.Item>}
          {order.notes && <Descriptions.Item label={t('orders.detail.notes')}>{order.notes}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <ItemsCard items={items} currency={order.currency} />
            <PaymentsCard payments={payments} />
            <InvoicesCard invoices={invoices} />
            <ConversationCard conversations={conversations} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <TotalsCard order={order} />
            <CustomerCard customer={order.customers} previous={previousOrders} currency={order.currency} />
            <StatusTimeline history={history} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
