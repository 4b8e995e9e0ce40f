// What can be done to the selected rows at once: delete them, or set one field to one value. Each
// is a single request (bulkRequests.ts), so the database applies it to every row or to none, and
// its refusal is shown as it is.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useInvalidate } from '@refinedev/core';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { useSpecs } from '../../catalog/SpecsContext.ts';
import { t } from '../../i18n/index.ts';
import { supabase } from '../../supabase.ts';
import { mapDbError } from '../errors.ts';
import { FieldInput } from '../fields/FieldInput.tsx';
import { toDbValue } from '../form/coerce.ts';
import { reasonText } from '../form/formErrors.ts';
import { bulkDelete, bulkUpdate } from './bulkRequests.ts';

interface Props {
  spec: ResourceSpec;
  selected: Array<string | number>;
  onDone: () => void;
}

function BulkEdit({ spec, selected, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [column, setColumn] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const updatable = useMemo(
    () => spec.fields.filter((f) => !f.hidden && !f.readOnlyOnEdit && f.widget !== 'readonly' && f.name !== spec.primaryKey && f.widget !== 'image'),
    [spec],
  );
  const field = updatable.find((f) => f.name === column);

  const apply = async () => {
    if (!field || !spec.primaryKey) return;
    setProblem(null);
    let value: unknown;
    try {
      value = toDbValue(field, form.getFieldValue('value'));
    } catch (error) {
      setProblem((error as Error).message);
      return;
    }
    setBusy(true);
    const result = await bulkUpdate(supabase, spec.name, spec.primaryKey, selected, field.name, value);
    setBusy(false);
    if (!result.ok) {
      setProblem(reasonText(mapDbError(result.error, { table: spec.name, fields: [field.name] }).reason, spec.fields));
      return;
    }
    await invalidate({ resource: spec.name, invalidates: ['list', 'many', 'detail'] });
    message.success(t('crud.bulk.updated', { count: result.count }));
    if (result.count < selected.length) message.warning(t('crud.bulk.someHidden', { count: selected.length - result.count }));
    setOpen(false);
    onDone();
  };

  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => { setOpen(true); setProblem(null); }} data-testid="bulk-edit">
        {t('crud.bulk.edit')}
      </Button>
      <Modal
        open={open}
        title={t('crud.bulk.editTitle', { count: selected.length })}
        okText={t('crud.bulk.apply')}
        cancelText={t('buttons.cancel')}
        onOk={() => void apply()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !field, loading: busy, 'data-testid': 'bulk-edit-apply' } as never}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label={t('crud.bulk.field')}>
            <Select
              data-testid="bulk-edit-field"
              showSearch
              optionFilterProp="label"
              value={column ?? undefined}
              onChange={(next: string) => { setColumn(next); form.resetFields(['value']); setProblem(null); }}
              options={updatable.map((f) => ({ value: f.name, label: f.label }))}
            />
          </Form.Item>
          {field && (
            <Form.Item name="value" label={field.label} extra={field.help ?? undefined} key={field.name}>
              <FieldInput field={field} resource={spec.name} />
            </Form.Item>
          )}
          {problem && <Alert type="error" showIcon message={problem} data-testid="bulk-error" />}
        </Form>
      </Modal>
    </>
  );
}

export function BulkActions({ spec, selected, onDone }: Props) {
  const { specs } = useSpecs();
  const invalidate = useInvalidate();
  const { message, modal } = App.useApp();
  if (selected.length === 0 || !spec.primaryKey) return null;
  const key = spec.primaryKey;

  const remove = async () => {
    const result = await bulkDelete(supabase, spec.name, key, selected);
    if (!result.ok) {
      modal.error({ title: t('crud.bulk.deleteRefused'), content: reasonText(mapDbError(result.error, { table: spec.name, fields: [] }).reason, spec.fields, (table) => specs.get(table)?.label ?? table) });
      return;
    }
    await invalidate({ resource: spec.name, invalidates: ['list', 'many'] });
    message.success(t('crud.bulk.deleted', { count: result.count }));
    if (result.count < selected.length) message.warning(t('crud.bulk.someHidden', { count: selected.length - result.count }));
    onDone();
  };

  return (
    <Space data-testid="bulk-actions">
      <Typography.Text strong>{t('crud.bulk.selected', { count: selected.length })}</Typography.Text>
      {spec.can.update && <BulkEdit spec={spec} selected={selected} onDone={onDone} />}
      {spec.can.delete && (
        <Popconfirm
          title={t('crud.bulk.deleteConfirm', { count: selected.length })}
          okText={t('buttons.delete')}
          cancelText={t('buttons.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'bulk-delete-confirm' } as never}
          onConfirm={remove}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="bulk-delete">{t('crud.bulk.delete')}</Button>
        </Popconfirm>
      )}
      <Button type="link" onClick={onDone}>{t('crud.bulk.clear')}</Button>
    </Space>
  );
}
