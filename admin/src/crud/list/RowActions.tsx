// The show / edit / delete buttons of each row, light: Refine's ShowButton, EditButton and
// DeleteButton each ask the access control, parse the route and match it against every resource,
// which for 20 rows × 3 buttons cost more than the rest of the first render of a list. Here the
// list asks the access control once per action (useRowActions), and each row only draws buttons;
// the delete confirmation is one dialog opened on click, not a pop-over mounted in every row.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { App, Button, Space } from 'antd';
import { DeleteOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useCan, useDelete } from '@refinedev/core';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { t } from '../../i18n/index.ts';

export interface RowActionsModel {
  show: boolean;
  edit: boolean;
  delete: boolean;
  onDelete: (id: string | number) => void;
  deleting: string | number | undefined;
}

/** What the user may do with the rows of `spec` (the access control, asked once each), and the delete. */
export function useRowActions(spec: ResourceSpec): RowActionsModel {
  const show = useCan({ resource: spec.name, action: 'show' }).data?.can === true;
  const edit = useCan({ resource: spec.name, action: 'edit' }).data?.can === true;
  const remove = useCan({ resource: spec.name, action: 'delete' }).data?.can === true;
  const { mutation: { mutate, isPending, variables } } = useDelete();
  const { modal } = App.useApp();
  const key = spec.primaryKey ?? undefined;
  const deleting = isPending ? variables?.id : undefined;
  // One object while nothing changes, so the list's columns are not rebuilt at every render.
  return useMemo(() => ({
    show,
    edit,
    delete: remove,
    // As Refine's DeleteButton: the app's mutation mode, its notifications, the list refreshed.
    onDelete: (id: string | number) => {
      modal.confirm({
        title: t('buttons.confirm'), okText: t('buttons.delete'), cancelText: t('buttons.cancel'), okType: 'danger',
        okButtonProps: { 'data-testid': 'confirm-delete' } as Record<string, string>,
        onOk: () => mutate({ resource: spec.name, id, meta: { idColumnName: key } }),
      });
    },
    deleting,
  }), [show, edit, remove, mutate, modal, spec.name, key, deleting]);
}

export function RowActions({ spec, id, model }: { spec: ResourceSpec; id: string | number; model: RowActionsModel }) {
  const path = `/r/${spec.name}`;
  const key = encodeURIComponent(String(id));
  return (
    <Space size={4} data-testid={`actions-${String(id)}`}>
      {model.show && (
        <Link to={`${path}/show/${key}`}>
          <Button size="small" icon={<EyeOutlined />} title={t('buttons.show')} data-testid={`show-${String(id)}`} />
        </Link>
      )}
      {model.edit && (
        <Link to={`${path}/edit/${key}`}>
          <Button size="small" icon={<EditOutlined />} title={t('buttons.edit')} data-testid={`edit-${String(id)}`} />
        </Link>
      )}
      {model.delete && (
        <Button size="small" danger icon={<DeleteOutlined />} title={t('buttons.delete')} loading={model.deleting === id}
          onClick={() => model.onDelete(id)} data-testid={`delete-${String(id)}`} />
      )}
    </Space>
  );
}
