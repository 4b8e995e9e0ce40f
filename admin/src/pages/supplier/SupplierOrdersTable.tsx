// The supplier's orders: number, kind, status, dates, total, and what the supplier does with them:
// its tracking number (edited in place), confirming and shipping. Lines show when a row is expanded.
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { formatDate, formatMoney, formatNumber, t } from '../../i18n/index.ts';
import { supabase } from '../../supabase.ts';
import { InlineText } from './InlineSave.tsx';
import { refusalText } from './refusalText.ts';
import { loadSupplierOrders, nextSupplierSteps, updateSupplierOrder, type SupplierOrderRow } from './queries.ts';
import { usePagedQuery } from './usePagedQuery.ts';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<SupplierOrderRow['status'], string> = {
  draft: 'default', sent: 'blue', confirmed: 'cyan', shipped: 'purple', received: 'green', cancelled: 'red',
};

function OrderLines({ order }: { order: SupplierOrderRow }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={order.items}
      columns={[
        { key: 'sku', title: t('supplier.products.sku'), render: (_, item) => item.supplier_product?.supplier_sku ?? '' },
        { key: 'quantity', title: t('supplier.orders.quantity'), render: (_, item) => formatNumber(item.quantity) },
        { key: 'received', title: t('supplier.orders.received'), render: (_, item) => formatNumber(item.received_quantity) },
        { key: 'unit', title: t('supplier.orders.unitCost'), render: (_, item) => formatMoney(item.unit_cost_cents, order.currency) },
      ]}
    />
  );
}

export function SupplierOrdersTable({ supplierIds }: { supplierIds: string[] }) {
  const { message } = App.useApp();
  const [pageNumber, setPageNumber] = useState(1);
  const [moving, setMoving] = useState<string | null>(null);
  const orders = usePagedQuery(
    () => loadSupplierOrders(supabase, supplierIds, { offset: (pageNumber - 1) * PAGE_SIZE, size: PAGE_SIZE }),
    [supplierIds.join(), pageNumber],
  );

  const saveTracking = async (row: SupplierOrderRow, tracking_number: string | null) => {
    const outcome = await updateSupplierOrder(supabase, row.id, { tracking_number });
    if (outcome.ok) orders.patch(row.id, outcome.row);
    return outcome;
  };

  const move = async (row: SupplierOrderRow, status: 'confirmed' | 'shipped') => {
    setMoving(row.id);
    const outcome = await updateSupplierOrder(supabase, row.id, { status });
    setMoving(null);
    if (outcome.ok) {
      orders.patch(row.id, outcome.row);
      message.success(t('supplier.orders.moved', { number: row.number, status: t(`supplier.status.${status}`) }));
    } else {
      message.error(refusalText(outcome.error));
    }
  };

  return (
    <Card title={t('supplier.orders.title')}>
      {orders.error && <Alert type="error" showIcon message={orders.error} style={{ marginBottom: 12 }} />}
      <Table<SupplierOrderRow>
        data-testid="supplier-orders"
        rowKey="id"
        size="middle"
        loading={orders.loading}
        dataSource={orders.rows}
        pagination={{ current: pageNumber, pageSize: PAGE_SIZE, total: orders.total, showSizeChanger: false, onChange: setPageNumber }}
        locale={{ emptyText: t('supplier.orders.empty') }}
        expandable={{ expandedRowRender: (row) => <OrderLines order={row} />, rowExpandable: (row) => row.items.length > 0 }}
        columns={[
          { key: 'number', title: t('supplier.orders.number'), dataIndex: 'number' },
          { key: 'kind', title: t('supplier.orders.kind'), render: (_, row) => t(`supplier.kind.${row.kind}`) },
          { key: 'status', title: t('supplier.orders.status'), render: (_, row) => (
            <Tag color={STATUS_COLORS[row.status]} data-testid={`status-${row.number}`}>{t(`supplier.status.${row.status}`)}</Tag>
          ) },
          { key: 'created', title: t('supplier.orders.created'), render: (_, row) => formatDate(row.created_at) },
          { key: 'expected', title: t('supplier.orders.expected'), render: (_, row) => formatDate(row.expected_at) },
          { key: 'total', title: t('supplier.orders.total'), align: 'right', render: (_, row) => formatMoney(row.total_cost_cents, row.currency) },
          { key: 'carrier', title: t('supplier.orders.carrier'), dataIndex: 'carrier' },
          { key: 'tracking', title: t('supplier.orders.tracking'), render: (_, row) => (
            <InlineText
              value={row.tracking_number}
              testId={`tracking-input-${row.number}`}
              ariaLabel={t('supplier.orders.trackingOf', { number: row.number })}
              placeholder={t('supplier.orders.trackingPlaceholder')}
              save={(tracking) => saveTracking(row, tracking)}
            />
          ) },
          { key: 'actions', title: t('supplier.orders.actions'), render: (_, row) => (
            <Space>
              {nextSupplierSteps(row.status).map((step) => (
                <Button key={step} size="small" loading={moving === row.id} data-testid={`${step === 'confirmed' ? 'confirm' : 'ship'}-${row.number}`}
                  onClick={() => move(row, step)}>
                  {t(`supplier.orders.to.${step}`)}
                </Button>
              ))}
            </Space>
          ) },
        ]}
      />
    </Card>
  );
}
