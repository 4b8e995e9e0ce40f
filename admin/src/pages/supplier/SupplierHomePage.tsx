// The supplier portal: where a supplier user lands. Its supplier record, its products (stock and
// cost edited in place) and its supplier orders (tracking number, confirm, ship). Everything goes
// through supabase-js as the user, so row-level security is what keeps it to its own rows.
import { useEffect, useState } from 'react';
import { Alert, Result, Space, Spin, Typography } from 'antd';
import { useSpecs } from '../../catalog/SpecsContext.ts';
import { t } from '../../i18n/index.ts';
import { supabase } from '../../supabase.ts';
import { loadSuppliers, type SupplierRow } from './queries.ts';
import { SupplierCard } from './SupplierCard.tsx';
import { SupplierProductsTable } from './SupplierProductsTable.tsx';
import { SupplierOrdersTable } from './SupplierOrdersTable.tsx';

export default function SupplierHomePage() {
  const { user } = useSpecs();
  const supplierIds = user.supplier_ids;
  const [suppliers, setSuppliers] = useState<SupplierRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (supplierIds.length === 0) return;
    loadSuppliers(supabase, supplierIds).then(setSuppliers, (failure: Error) => setError(failure.message));
  }, [supplierIds.join()]); // eslint-disable-line react-hooks/exhaustive-deps

  if (supplierIds.length === 0) return <Result status="403" title={t('supplier.noSupplier')} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="supplier-portal">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('supplier.title')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      {suppliers === null && !error && <Spin />}
      {suppliers?.map((supplier) => <SupplierCard key={supplier.id} supplier={supplier} />)}
      <SupplierProductsTable supplierIds={supplierIds} />
      <SupplierOrdersTable supplierIds={supplierIds} />
    </Space>
  );
}
