// A foreign key as a searchable select of the target's titles: typing searches the title column
// (ilike), the current value is fetched by key so its title shows before any search.
import { Input, Select, type SelectProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import type { FieldSpec } from '../../catalog/spec.ts';
import { useSpecs } from '../../catalog/SpecsContext.ts';
import { t } from '../../i18n/index.ts';
import type { ItemLinks } from './itemLinks.ts';

interface Props extends ItemLinks {
  field: FieldSpec;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  disabled?: boolean;
  /** Filters pick several targets at once. */
  multiple?: boolean;
  testId?: string;
}

function TargetSelect({ field, value, onChange, disabled, multiple, testId, ...links }: Props & { field: FieldSpec & { reference: NonNullable<FieldSpec['reference']> } }) {
  const { resource, column, titleColumn } = field.reference;
  const { selectProps } = useSelect({
    resource,
    optionLabel: titleColumn as never,
    optionValue: column as never,
    defaultValue: value ?? undefined,
    onSearch: (text) => (text.trim() ? [{ field: titleColumn, operator: 'contains', value: text.trim() }] : []),
    sorters: [{ field: titleColumn, order: 'asc' }],
    pagination: { pageSize: 20, mode: 'server' },
    meta: { select: column === titleColumn ? column : `${column},${titleColumn}`, idColumnName: column, count: 'planned' },
    debounce: 250,
  });
  return (
    <Select
      {...(selectProps as SelectProps)}
      {...links}
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(next) => onChange?.((next as unknown as string | string[] | undefined) ?? null)}
      allowClear={multiple || field.nullable}
      disabled={disabled}
      placeholder={t('crud.form.searchReference')}
      style={{ minWidth: 200 }}
    />
  );
}

export function ReferenceSelect(props: Props) {
  const { specs } = useSpecs();
  const { id, 'aria-describedby': describedBy, 'aria-invalid': invalid, 'aria-required': required } = props;
  const target = props.field.reference ? specs.get(props.field.reference.resource) : undefined;
  // A target the user may not read: the key can still be typed (or left as it is).
  if (!props.field.reference || !target?.can.select) {
    return (
      <Input
        id={id}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={required}
        data-testid={props.testId}
        value={Array.isArray(props.value) ? props.value.join(',') : props.value ?? ''}
        disabled={props.disabled}
        onChange={(e) => props.onChange?.(e.target.value || null)}
      />
    );
  }
  return <TargetSelect {...props} field={props.field as FieldSpec & { reference: NonNullable<FieldSpec['reference']> }} />;
}
