// The supplier's own record, read-only here (staff keep it): who we think they are and our terms.
import { Card, Descriptions, Tag } from 'antd';
import { formatMoney, t } from '../../i18n/index.ts';
import type { SupplierRow } from './queries.ts';

export function SupplierCard({ supplier }: { supplier: SupplierRow }) {
  return (
    <Card title={supplier.name} data-testid="supplier-record"
      extra={<Tag color={supplier.status === 'active' ? 'green' : 'orange'}>{t(`supplier.record.status.${supplier.status}`)}</Tag>}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        {supplier.legal_name && <Descriptions.Item label={t('supplier.record.legalName')}>{supplier.legal_name}</Descriptions.Item>}
        <Descriptions.Item label={t('supplier.record.email')}>{supplier.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('supplier.record.phone')}>{supplier.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('supplier.record.website')}>{supplier.website ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('supplier.record.fulfilment')}>{t(`supplier.record.fulfilmentType.${supplier.fulfilment_type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('supplier.record.leadTime')}>{t('supplier.record.days', { days: supplier.lead_time_days })}</Descriptions.Item>
        <Descriptions.Item label={t('supplier.record.minimumOrder')}>{formatMoney(supplier.minimum_order_cents, supplier.currency)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
