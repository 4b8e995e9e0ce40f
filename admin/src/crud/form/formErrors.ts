// A database refusal → the words shown next to the fields (or above the form). The mapping
// itself is errors.ts (pure, tested); this file only translates it.
import { t } from '../../i18n/index.ts';
import type { FieldSpec } from '../../catalog/spec.ts';
import type { ErrorReason, MappedError } from '../errors.ts';

/** `tableLabel` names a table as the menu does (the refusal names it as Postgres does). */
export function reasonText(reason: ErrorReason, fields: FieldSpec[] = [], tableLabel: (table: string) => string = (table) => table): string {
  const label = (name: string) => fields.find((f) => f.name === name)?.label ?? name;
  switch (reason.kind) {
    case 'required': return t('crud.errors.required');
    case 'unique': return reason.value ? t('crud.errors.unique', { value: reason.value }) : t('crud.errors.uniqueTaken');
    case 'reference': return t('crud.errors.reference');
    case 'stillReferenced': return t('crud.errors.stillReferenced', { table: tableLabel(reason.table) });
    case 'check': return t('crud.errors.check', { constraint: reason.constraint });
    case 'invalid': return t('crud.errors.invalid', { detail: reason.detail });
    case 'tooLong': return t('crud.errors.tooLong');
    case 'forbiddenColumns': return t('crud.errors.forbiddenColumns', { columns: reason.columns.map(label).join(', ') });
    case 'forbidden': return t('crud.errors.forbidden', { detail: reason.detail });
    case 'rule': return reason.detail;
    default: return t('crud.errors.other', { detail: reason.detail });
  }
}

/** antd form.setFields entries for the fields the refusal concerns. */
export function fieldErrors(mapped: MappedError, fields: FieldSpec[]): Array<{ name: string; errors: string[] }> {
  const text = reasonText(mapped.reason, fields);
  return mapped.fields.map((name) => ({ name, errors: [text] }));
}
