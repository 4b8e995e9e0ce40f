// The one form behind create and edit, for any resource: an input per visible column (by widget),
// required / read-only / omitted as the spec says, values converted both ways (coerce.ts), only
// the changed columns sent on edit, and a refusal from the database shown next to the field it
// concerns (errors.ts), or above the form when it concerns none.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Form, Skeleton } from 'antd';
import { Create, Edit, Show, useForm } from '@refinedev/antd';
import type { HttpError } from '@refinedev/core';
import type { FieldSpec, ResourceSpec } from '../../catalog/spec.ts';
import { t } from '../../i18n/index.ts';
import { mapDbError, type DbError } from '../errors.ts';
import { FieldInput, fieldRules } from '../fields/FieldInput.tsx';
import { changedColumns, formToRow, rowToForm } from './coerce.ts';
import { RecordMissing } from '../show/RecordMissing.tsx';
import { retryLoad, type LoadError } from '../show/loadErrors.ts';
import { fieldErrors, reasonText } from './formErrors.ts';

type Row = Record<string, unknown>;

interface Props {
  spec: ResourceSpec;
  action: 'create' | 'edit';
}

/** The fields the form shows, and whether each may be changed. */
export function formFields(spec: ResourceSpec, action: 'create' | 'edit'): Array<{ field: FieldSpec; disabled: boolean }> {
  return spec.fields
    .filter((field) => !field.hidden)
    // A column nobody types (generated, identity, a key with a default, "readonly") has nothing to
    // show before it exists (derive.ts decides omitOnCreate).
    .filter((field) => !(action === 'create' && (field.omitOnCreate || field.widget === 'readonly')))
    .filter((field) => field.type !== 'tsvector')
    .sort((a, b) => a.order - b.order)
    .map((field) => ({
      field,
      disabled: field.widget === 'readonly' || (action === 'create' ? field.readOnlyOnCreate : field.readOnlyOnEdit),
    }));
}

export default function GeneratedForm({ spec, action }: Props) {
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const shown = useMemo(() => formFields(spec, action), [spec, action]);
  const editable = useMemo(() => shown.filter((s) => !s.disabled).map((s) => s.field), [shown]);
  const key = spec.primaryKey ?? 'id';

  const { formProps, saveButtonProps, form, query, onFinish } = useForm<Row, HttpError, Row>({
    resource: spec.name,
    action,
    meta: { idColumnName: key },
    queryOptions: { retry: retryLoad },
    redirect: false,
    errorNotification: false,
    successNotification: () => ({
      type: 'success',
      message: t(action === 'create' ? 'notifications.createSuccess' : 'notifications.editSuccess', { resource: spec.label }),
    }),
    // The refusal is shown in the form (next to its field), not only as a toast.
    onMutationError: (error, variables) => {
      const mapped = mapDbError(error as DbError, { table: spec.name, fields: shown.map((s) => s.field.name), values: variables as Row });
      const entries = fieldErrors(mapped, spec.fields);
      if (entries.length) form.setFields(entries);
      setFormError(entries.length ? t('crud.errors.seeFields') : reasonText(mapped.reason, spec.fields));
    },
    onMutationSuccess: ({ data }) => {
      setFormError(null);
      const id = (data as Row | undefined)?.[key] ?? query?.data?.data?.[key];
      navigate(spec.primaryKey && id !== undefined && id !== null ? `/r/${spec.name}/show/${encodeURIComponent(String(id))}` : `/r/${spec.name}`);
    },
  });

  const loaded = query?.data?.data;
  const initialValues = useMemo(() => (loaded ? rowToForm(shown.map((s) => s.field), loaded) : undefined), [loaded, shown]);

  const submit = async (values: Row) => {
    setFormError(null);
    let row: Row;
    try {
      // Fields left empty on create are left out, so that the column's default applies.
      const present = action === 'create' ? editable.filter((f) => values[f.name] !== undefined) : editable;
      row = formToRow(present, values, loaded ?? undefined);
    } catch (error) {
      setFormError((error as Error).message);
      return;
    }
    if (action === 'edit' && loaded) {
      const changed = changedColumns(loaded, row);
      if (Object.keys(changed).length === 0) {
        setFormError(null);
        navigate(`/r/${spec.name}/show/${encodeURIComponent(String(loaded[key]))}`);
        return;
      }
      return onFinish(changed).catch(() => undefined);
    }
    return onFinish(row).catch(() => undefined);
  };

  // A row that did not come back (none, or hidden by RLS) gets no form: an empty one would offer a
  // Save that can only fail, and look like a row to fill in.
  const settled = query !== undefined && !query.isLoading && !query.isFetching;
  if (action === 'edit' && !loaded && settled) {
    return (
      // Refine's Show frame: the same header as the edit screen, and no footer with a Save.
      <Show resource={spec.name} title={t('crud.form.editTitle', { resource: spec.label })} canEdit={false} canDelete={false}>
        <RecordMissing error={query.error as LoadError | null} />
      </Show>
    );
  }

  const body = action === 'edit' && !loaded ? <Skeleton active /> : (
    <Form {...formProps} initialValues={initialValues} onFinish={submit} layout="vertical" data-testid={`form-${spec.name}`}>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      {shown.map(({ field, disabled }) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={field.label}
          extra={field.help ?? undefined}
          rules={disabled ? [] : fieldRules(field, action === 'create')}
          valuePropName="value"
        >
          <FieldInput field={field} resource={spec.name} disabled={disabled} />
        </Form.Item>
      ))}
    </Form>
  );

  const buttons = { ...saveButtonProps, 'data-testid': 'save-button' } as typeof saveButtonProps;
  return action === 'create'
    ? <Create resource={spec.name} title={t('crud.form.createTitle', { resource: spec.label })} saveButtonProps={buttons}>{body}</Create>
    : <Edit resource={spec.name} recordItemId={loaded?.[key] as string | undefined} title={t('crud.form.editTitle', { resource: spec.label })} saveButtonProps={buttons} canDelete={spec.can.delete}>{body}</Edit>;
}
