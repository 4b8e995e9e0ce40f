// The filter control suited to a column's FilterKind: text contains, number and money ranges,
// yes / no, enum multi-select, date ranges, uuid equality, references as a searchable select of the
// target's titles. It edits a FilterValue; crudFilters.ts turns that into CrudFilters (money is
// typed in currency units, like the form).
import { useEffect, useState } from 'react';
import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { FieldSpec } from '../../catalog/spec.ts';
import { t, valueLabel } from '../../i18n/index.ts';
import { useResourceSpec } from '../useResourceSpec.ts';
import { ReferenceSelect } from '../fields/ReferenceSelect.tsx';
import { DATE_FORMAT } from '../fields/dateFormats.ts';
import type { FilterValue, Range } from './crudFilters.ts';

interface Props {
  field: FieldSpec;
  value: FilterValue;
  onChange: (value: FilterValue) => void;
}

/** Text typed into a box is applied on Enter or when the box loses focus, not at every key. */
function CommittedInput({ value, onCommit, placeholder, testId }: { value: string; onCommit: (v: string) => void; placeholder?: string; testId: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <Input
      data-testid={testId}
      allowClear
      value={draft}
      placeholder={placeholder}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value === '' && value !== '') onCommit('');
      }}
      onPressEnter={() => onCommit(draft)}
      onBlur={() => draft !== value && onCommit(draft)}
    />
  );
}

function RangeInputs({ value, onChange, testId }: { value: Range; onChange: (v: FilterValue) => void; testId: string }) {
  const [min, max] = value;
  const set = (index: 0 | 1, next: string | null) => {
    const range: Range = index === 0 ? [next, max] : [min, next];
    onChange(range[0] === null && range[1] === null ? null : range);
  };
  return (
    <Space.Compact data-testid={testId}>
      <InputNumber<string> stringMode value={min} placeholder={t('crud.filter.min')} onChange={(v) => set(0, v ?? null)} style={{ width: 110 }} data-testid={`${testId}-min`} />
      <InputNumber<string> stringMode value={max} placeholder={t('crud.filter.max')} onChange={(v) => set(1, v ?? null)} style={{ width: 110 }} data-testid={`${testId}-max`} />
    </Space.Compact>
  );
}

export function FilterControl({ field, value, onChange }: Props) {
  const testId = `filter-${field.name}`;
  // The list's resource: its table picks the words of enum values (valueLabel).
  const table = useResourceSpec()?.name;
  switch (field.filter) {
    case 'text':
      return <CommittedInput testId={testId} value={(value as string | null) ?? ''} onCommit={(v) => onChange(v || null)} placeholder={t('crud.filter.contains')} />;
    case 'uuid':
      return <CommittedInput testId={testId} value={(value as string | null) ?? ''} onCommit={(v) => onChange(v || null)} placeholder={t('crud.filter.equals')} />;
    case 'number':
    case 'money':
      return <RangeInputs testId={testId} value={(value as Range | null) ?? [null, null]} onChange={onChange} />;
    case 'boolean':
      return (
        <Select
          data-testid={testId}
          allowClear
          value={value === null ? undefined : String(value)}
          onChange={(v) => onChange(v === undefined ? null : v === 'true')}
          options={[{ value: 'true', label: t('crud.value.yes') }, { value: 'false', label: t('crud.value.no') }]}
          placeholder={t('crud.filter.any')}
          style={{ width: '100%' }}
        />
      );
    case 'enum':
    case 'array':
      return (
        <Select
          data-testid={testId}
          mode={field.enumValues ? 'multiple' : 'tags'}
          allowClear
          value={(value as string[] | null) ?? []}
          onChange={(v: string[]) => onChange(v.length ? v : null)}
          options={(field.enumValues ?? []).map((v) => ({ value: v, label: valueLabel(field.name, v, table) }))}
          optionFilterProp="label"
          placeholder={t('crud.filter.any')}
          style={{ width: '100%' }}
          maxTagCount="responsive"
        />
      );
    case 'reference':
      return (
        <ReferenceSelect
          testId={testId}
          field={{ ...field, nullable: true }}
          multiple
          value={(value as string[] | null) ?? []}
          onChange={(v) => onChange(Array.isArray(v) && v.length ? v : null)}
        />
      );
    case 'date':
    case 'datetime': {
      const [from, to] = (value as Range | null) ?? [null, null];
      return (
        <DatePicker.RangePicker
          data-testid={testId}
          allowEmpty={[true, true]}
          placeholder={[t('crud.filter.from'), t('crud.filter.to')]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          format={DATE_FORMAT}
          onChange={(dates) => {
            const range: Range = [dates?.[0]?.format('YYYY-MM-DD') ?? null, dates?.[1]?.format('YYYY-MM-DD') ?? null];
            onChange(range[0] === null && range[1] === null ? null : range);
          }}
          style={{ width: '100%' }}
        />
      );
    }
    default:
      return null;
  }
}
