// Payments and invoices of the order, each row linking to its generated screen.
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatMoney, t, valueLabel } from '../../i18n/index.ts';
import type { InvoiceRow, PaymentRow } from './types.ts';

export function PaymentsCard({ payments }: { payments: PaymentRow[] }) {
  return (
    <Card size="small" title={t('orders.detail.payments.title')}>
      <Table<PaymentRow>
        data-testid="order-payments"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={payments}
        locale={{ emptyText: t('orders.detail.payments.none') }}
        scroll={{ x: true }}
        columns={[
          { title: t('orders.detail.payments.method'), key: 'method', render: (_, p) => <Link to={`/r/payments/show/${p.id}`}>{valueLabel('method', p.method, 'payments')}</Link> },
          { title: t('orders.detail.payments.status'), dataIndex: 'status', render: (status: string) => <Tag color={status === 'succeeded' ? 'green' : status === 'failed' ? 'red' : 'default'}>{valueLabel('status', status, 'payments')}</Tag> },
          { title: t('orders.detail.payments.amount'), key: 'amount', align: 'right', render: (_, p) => formatMoney(p.amount_cents, p.currency) },
          { title: t('orders.detail.payments.paidAt'), dataIndex: 'paid_at', render: (value: string | null) => formatDate(value, true) },
          { title: t('orders.detail.payments.reference'), dataIndex: 'provider_reference' },
        ]}
      />
    </Card>
  );
}

export function InvoicesCard({ invoices }: { invoices: InvoiceRow[] }) {
  return (
    <Card size="small" title={t('orders.detail.invoices.title')}>
      <Table<InvoiceRow>
        data-testid="order-invoices"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={invoices}
        locale={{ emptyText: t('orders.detail.invoices.none') }}
        scroll={{ x: true }}
        columns={[
          { title: t('orders.detail.invoices.number'), key: 'number', render: (_, i) => <Link to={`/r/invoices/show/${i.id}`}>{i.number ?? t('orders.detail.invoices.draft')}</Link> },
          { title: t('orders.detail.invoices.kind'), dataIndex: 'kind', render: (kind: string) => valueLabel('kind', kind, 'invoices') },
          { title: t('orders.detail.invoices.status'), dataIndex: 'status', render: (status: string) => <Tag>{valueLabel('status', status, 'invoices')}</Tag> },
          { title: t('orders.detail.invoices.total'), key: 'total', align: 'right', render: (_, i) => formatMoney(i.total_cents, i.currency) },
          { title: t('orders.detail.invoices.issuedAt'), dataIndex: 'issued_at', render: (value: string | null) => formatDate(value) },
        ]}
      />
    </Card>
  );
}
