// The filter controls of a list, one per filterable column, in a panel the toolbar opens. When the
// table has no search index, the title column's filter is the search box itself (not repeated).
import { Button, Col, Form, Row } from 'antd';
import type { CrudFilter } from '@refinedev/core';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { t } from '../../i18n/index.ts';
import { FilterControl } from '../filters/FilterControl.tsx';
import { searchColumn, valueFrom, withFilter } from '../filters/crudFilters.ts';

interface Props {
  spec: ResourceSpec;
  filters: CrudFilter[];
  onChange: (filters: CrudFilter[]) => void;
}

export function filterableFields(spec: ResourceSpec) {
  const search = searchColumn(spec);
  return spec.fields
    .filter((f) => !f.hidden && f.filter !== 'none' && f.name !== search)
    .sort((a, b) => a.order - b.order);
}

export function FilterPanel({ spec, filters, onChange }: Props) {
  const fields = filterableFields(spec);
  const clearable = fields.some((f) => valueFrom(f, filters) !== null);
  return (
    <Form layout="vertical" data-testid="filter-panel" style={{ marginBottom: 12 }}>
      <Row gutter={[12, 0]}>
        {fields.map((field) => (
          <Col key={field.name} xs={24} sm={12} md={8} xl={6}>
            <Form.Item label={field.label} style={{ marginBottom: 8 }}>
              <FilterControl field={field} value={valueFrom(field, filters)} onChange={(value) => onChange(withFilter(filters, field, value))} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {clearable && (
        <Button
          size="small"
          data-testid="clear-filters"
          onClick={() => onChange(filters.filter((f) => !('field' in f) || !fields.some((field) => field.name === f.field)))}
        >
          {t('crud.filter.clearAll')}
        </Button>
      )}
    </Form>
  );
}
