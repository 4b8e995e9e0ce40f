// Which of the resource's fields the list shows, in the spec's order.
import { Button, Checkbox, Popover, Space } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { t } from '../../i18n/index.ts';

interface Props {
  spec: ResourceSpec;
  visible: string[];
  onChange: (columns: string[]) => void;
}

export function ColumnChooser({ spec, visible, onChange }: Props) {
  const choosable = spec.fields.filter((f) => !f.hidden && f.type !== 'tsvector').sort((a, b) => a.order - b.order);
  const order = new Map(choosable.map((f, i) => [f.name, i]));
  const content = (
    <div style={{ maxHeight: 360, overflow: 'auto' }} data-testid="column-chooser-options">
      <Checkbox.Group
        value={visible}
        onChange={(next) => onChange((next as string[]).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)))}
      >
        <Space direction="vertical" size={2}>
          {choosable.map((f) => (
            <Checkbox key={f.name} value={f.name} data-testid={`column-option-${f.name}`}>{f.label}</Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <div style={{ marginTop: 8 }}>
        <Button size="small" type="link" onClick={() => onChange(spec.listColumns)}>{t('crud.list.defaultColumns')}</Button>
      </div>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content} title={t('crud.list.columns')}>
      <Button icon={<TableOutlined />} data-testid="column-chooser">{t('crud.list.columns')}</Button>
    </Popover>
  );
}
