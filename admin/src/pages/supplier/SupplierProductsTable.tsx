// The supplier's products: its reference, our variant and product, its declared stock and its cost,
// the last two edited in place (saved through supabase-js; a refusal is shown and undone).
import { useState } from 'react';
import { Alert, Card, Input, Table, Tag } from 'antd';
import { currencyDigits } from '../../export/format.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { supabase } from '../../supabase.ts';
import { InlineNumber } from './InlineSave.tsx';
import { loadSupplierProducts, updateSupplierProduct, type SupplierProductRow } from './queries.ts';
import { usePagedQuery } from './usePagedQuery.ts';

const PAGE_SIZE = 25;

function variantText(variant: SupplierProductRow['variant']): string {
  if (!variant) return '';
  const attributes = Object.entries(variant.attributes ?? {}).map(([key, value]) => `${key}: ${String(value)}`).join(', ');
  return attributes ? `${variant.sku} (${attributes})` : variant.sku;
}

export function SupplierProductsTable({ supplierIds }: { supplierIds: string[] }) {
  const [pageNumber, setPageNumber] = useState(1);
  const [search, setSearch] = useState('');
  const products = usePagedQuery(
    () => loadSupplierProducts(supabase, supplierIds, { offset: (pageNumber - 1) * PAGE_SIZE, size: PAGE_SIZE, search }),
    [supplierIds.join(), pageNumber, search],
  );

  const save = async (row: SupplierProductRow, change: Partial<Pick<SupplierProductRow, 'stock_quantity' | 'cost_cents'>>) => {
    const outcome = await updateSupplierProduct(supabase, row.id, change);
    if (outcome.ok) products.patch(row.id, outcome.row);
    return outcome;
  };

  return (
    <Card
      title={t('supplier.products.title')}
      extra={(
        <Input.Search
          allowClear
          placeholder={t('supplier.products.search')}
          data-testid="supplier-products-search"
          onSearch={(value) => { setSearch(value); setPageNumber(1); }}
          style={{ width: 240 }}
        />
      )}
    >
      {products.error && <Alert type="error" showIcon message={products.error} style={{ marginBottom: 12 }} />}
      <Table<SupplierProductRow>
        data-testid="supplier-products"
        rowKey="id"
        size="middle"
        loading={products.loading}
        dataSource={products.rows}
        pagination={{ current: pageNumber, pageSize: PAGE_SIZE, total: products.total, showSizeChanger: false, onChange: setPageNumber }}
        locale={{ emptyText: t('supplier.products.empty') }}
        columns={[
          { key: 'sku', title: t('supplier.products.sku'), dataIndex: 'supplier_sku', render: (sku: string, row) => (
            <>{sku} {row.is_preferred && <Tag color="gold">{t('supplier.products.preferred')}</Tag>}</>
          ) },
          { key: 'product', title: t('supplier.products.product'), render: (_, row) => row.variant?.product?.name ?? '' },
          { key: 'variant', title: t('supplier.products.variant'), render: (_, row) => variantText(row.variant) },
          { key: 'stock', title: t('supplier.products.stock'), render: (_, row) => (
            <InlineNumber
              value={row.stock_quantity}
              testId={`stock-input-${row.supplier_sku}`}
              ariaLabel={t('supplier.products.stockOf', { sku: row.supplier_sku })}
              save={(stock_quantity) => save(row, { stock_quantity })}
            />
          ) },
          { key: 'cost', title: t('supplier.products.cost'), render: (_, row) => (
            <InlineNumber
              value={row.cost_cents}
              digits={currencyDigits(row.currency)}
              addonAfter={row.currency}
              testId={`cost-input-${row.supplier_sku}`}
              ariaLabel={t('supplier.products.costOf', { sku: row.supplier_sku })}
              save={(cost_cents) => save(row, { cost_cents })}
            />
          ) },
          { key: 'updated', title: t('supplier.products.updated'), dataIndex: 'updated_at', render: (value: string) => formatDate(value, true) },
        ]}
      />
    </Card>
  );
}
