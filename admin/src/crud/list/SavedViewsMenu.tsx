// The saved views of this list for this user: apply one in a click, save the current state under a
// name, delete one.
import { useMemo, useState } from 'react';
import { App, Button, Dropdown, Input, Modal, Space, Typography } from 'antd';
import { DeleteOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { useSpecs } from '../../catalog/SpecsContext.ts';
import { t } from '../../i18n/index.ts';
import { deleteView, loadViews, saveView, type SavedView } from './savedViews.ts';

interface Props {
  spec: ResourceSpec;
  current: Omit<SavedView, 'name'>;
  onApply: (view: SavedView) => void;
}

export function SavedViewsMenu({ spec, current, onApply }: Props) {
  const { user } = useSpecs();
  const { message } = App.useApp();
  const columns = useMemo(() => spec.fields.map((f) => f.name), [spec]);
  const [views, setViews] = useState(() => loadViews(localStorage, user.id, spec.name, columns));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const save = () => {
    if (!name.trim()) return;
    setViews(saveView(localStorage, user.id, spec.name, columns, { ...current, name }));
    message.success(t('crud.views.saved', { name: name.trim() }));
    setNaming(false);
    setName('');
  };

  const items = [
    ...views.map((view) => ({
      key: `view:${view.name}`,
      label: (
        <Space style={{ justifyContent: 'space-between', width: '100%' }} data-testid={`saved-view-${view.name}`}>
          <span>{view.name}</span>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('crud.views.delete', { name: view.name })}
            data-testid={`delete-view-${view.name}`}
            onClick={(e) => {
              e.stopPropagation();
              setViews(deleteView(localStorage, user.id, spec.name, columns, view.name));
            }}
          />
        </Space>
      ),
      onClick: () => onApply(view),
    })),
    ...(views.length ? [{ type: 'divider' as const }] : []),
    { key: 'save', icon: <SaveOutlined />, label: <span data-testid="save-view">{t('crud.views.saveCurrent')}</span>, onClick: () => setNaming(true) },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<StarOutlined />} data-testid="saved-views">{t('crud.views.title')}{views.length ? ` (${views.length})` : ''}</Button>
      </Dropdown>
      <Modal
        open={naming}
        title={t('crud.views.saveCurrent')}
        okText={t('buttons.save')}
        cancelText={t('buttons.cancel')}
        onOk={save}
        onCancel={() => setNaming(false)}
        okButtonProps={{ disabled: !name.trim(), 'data-testid': 'save-view-confirm' } as never}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('crud.views.explain')}</Typography.Paragraph>
        <Input data-testid="save-view-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} onPressEnter={save} placeholder={t('crud.views.name')} maxLength={80} />
      </Modal>
    </>
  );
}
