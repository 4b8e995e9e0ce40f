// The input for one column, chosen by its widget. The create / edit form and the bulk edit both use
// it, so a value is typed the same way everywhere. Used as the child of an antd Form.Item, which
// passes value / onChange and the label's id (itemLinks.ts), forwarded to the focusable element.
import { DatePicker, Form, Input, InputNumber, Select, Switch, TimePicker } from 'antd';
import type { Rule } from 'antd/es/form';
import type { FieldSpec } from '../../catalog/spec.ts';
import { t, valueLabel } from '../../i18n/index.ts';
import { currencyOf } from '../form/coerce.ts';
import { DATE_FORMAT, DATE_TIME_FORMAT } from './dateFormats.ts';
import { ImageUpload } from './ImageUpload.tsx';
import { itemLinks, type ItemLinks } from './itemLinks.ts';
import { JsonInput, jsonRule } from './JsonInput.tsx';
import { MoneyInput } from './MoneyInput.tsx';
import { ReferenceSelect } from './ReferenceSelect.tsx';

interface Props extends ItemLinks {
  field: FieldSpec;
  resource: string;
  disabled?: boolean;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

/** The test id of a field's input, the same in the form and the bulk edit: `field-<column>`. */
export function fieldTestId(field: Pick<FieldSpec, 'name'>): string {
  return `field-${field.name}`;
}

const INTEGER_TYPES = /^(smallint|integer|bigint|int[248]?)$/;

/** Money follows the currency column of the same form when there is one. */
function MoneyField(props: Props) {
  const { field, value, onChange, disabled } = props;
  const form = Form.useFormInstance();
  const column = field.currency && 'column' in field.currency ? field.currency.column : undefined;
  const watched = Form.useWatch(column ?? [], form) as unknown;
  const currency = currencyOf(field, column ? { [column]: watched } : undefined);
  return <MoneyInput {...itemLinks(props)} testId={fieldTestId(field)} currency={currency} value={value as string | null} onChange={onChange} disabled={disabled} />;
}

export function FieldInput(props: Props) {
  const { field, disabled, value, onChange, resource } = props;
  const testId = fieldTestId(field);
  // Spread first on every input: the label's `for`, the help / error ids, the test id.
  const common = { ...itemLinks(props), 'data-testid': testId };
  if (field.reference) {
    return <ReferenceSelect {...itemLinks(props)} testId={testId} field={field} value={value as string | null} onChange={onChange} disabled={disabled} />;
  }
  const enumOptions = (field.enumValues ?? []).map((v) => ({ value: v, label: valueLabel(field.name, v, resource) }));
  switch (field.widget) {
    case 'textarea':
      return <Input.TextArea {...common} value={value as string} onChange={(e) => onChange?.(e.target.value)} disabled={disabled} maxLength={field.maxLength ?? undefined} autoSize={{ minRows: 3, maxRows: 12 }} />;
    case 'number':
      return (
        <InputNumber
          {...common}
          value={value as number | null}
          onChange={(next) => onChange?.(next)}
          disabled={disabled}
          precision={INTEGER_TYPES.test(field.type) ? 0 : undefined}
          style={{ width: '100%', maxWidth: 240 }}
        />
      );
    case 'money':
      return <MoneyField {...props} />;
    case 'boolean':
      return <Switch {...common} checked={Boolean(value)} onChange={(next) => onChange?.(next)} disabled={disabled} />;
    case 'enum':
      return (
        <Select
          {...common}
          value={value as string | undefined}
          onChange={(next) => onChange?.(next ?? null)}
          disabled={disabled}
          allowClear={field.nullable}
          options={enumOptions}
          style={{ minWidth: 200 }}
        />
      );
    case 'date':
      return <DatePicker {...common} value={value as never} onChange={(next) => onChange?.(next)} disabled={disabled} format={DATE_FORMAT} placeholder={t('crud.form.pickDate')} />;
    case 'datetime':
      return <DatePicker {...common} showTime value={value as never} onChange={(next) => onChange?.(next)} disabled={disabled} format={DATE_TIME_FORMAT} placeholder={t('crud.form.pickDateTime')} />;
    case 'time':
      return <TimePicker {...common} value={value as never} onChange={(next) => onChange?.(next)} disabled={disabled} />;
    case 'json':
      return <JsonInput {...itemLinks(props)} testId={testId} value={value as string} onChange={onChange} disabled={disabled} />;
    case 'array':
      return (
        <Select
          {...common}
          mode={field.elementWidget === 'enum' ? 'multiple' : 'tags'}
          value={(value as string[] | undefined) ?? []}
          onChange={(next) => onChange?.(next)}
          disabled={disabled}
          tokenSeparators={[',']}
          open={field.elementWidget === 'enum' ? undefined : false}
          suffixIcon={null}
          options={enumOptions}
          placeholder={field.elementWidget === 'enum' ? undefined : t('crud.form.tagsHint')}
          style={{ minWidth: 240 }}
        />
      );
    case 'image':
      return <ImageUpload {...itemLinks(props)} testId={testId} field={field} resource={resource} value={value as string | null} onChange={onChange} disabled={disabled} />;
    case 'color':
      return <Input {...common} type="color" value={(value as string) ?? '#000000'} onChange={(e) => onChange?.(e.target.value)} disabled={disabled} style={{ width: 80 }} />;
    case 'email':
      return <Input {...common} type="email" value={value as string} onChange={(e) => onChange?.(e.target.value)} disabled={disabled} maxLength={field.maxLength ?? undefined} />;
    case 'url':
      return <Input {...common} type="url" value={value as string} onChange={(e) => onChange?.(e.target.value)} disabled={disabled} maxLength={field.maxLength ?? undefined} />;
    default:
      return <Input {...common} value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} disabled={disabled} maxLength={field.maxLength ?? undefined} />;
  }
}

/** The checks a field's input makes before anything is sent (the database checks again). */
export function fieldRules(field: FieldSpec, creating: boolean): Rule[] {
  const rules: Rule[] = [];
  // Booleans always hold a value; an empty array is a value (tags '{}').
  const canBeEmpty = field.widget === 'boolean' || field.widget === 'array';
  const mustHave = !canBeEmpty && (creating ? field.required : !field.nullable);
  if (mustHave) rules.push({ required: true, message: t('crud.form.required') });
  if (field.widget === 'json') rules.push(jsonRule);
  if (field.maxLength) rules.push({ type: 'string', max: field.maxLength, message: t('crud.form.tooLong', { max: field.maxLength }) });
  if (field.widget === 'email') rules.push({ type: 'email', message: t('crud.form.invalidEmail') });
  return rules;
}
