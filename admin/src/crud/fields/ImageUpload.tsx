// An image uploaded to the field's storage bucket; the column keeps the object's path. The path
// is unique per upload (time + random), so replacing an image never overwrites one that another
// row (or an open browser tab) still shows.
import { useState } from 'react';
import { App, Button, Space, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { supabase } from '../../supabase.ts';
import { t } from '../../i18n/index.ts';
import { ValueView } from '../display/ValueView.tsx';
import type { FieldSpec } from '../../catalog/spec.ts';
import type { ItemLinks } from './itemLinks.ts';

interface Props extends ItemLinks {
  field: FieldSpec;
  resource: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  testId?: string;
}

function objectPath(resource: string, file: File): string {
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(file.name)?.[0].toLowerCase() ?? '';
  return `${resource}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${extension}`;
}

export function ImageUpload({ field, resource, value, onChange, disabled, testId, ...links }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!field.bucket) return <span id={links.id} data-testid={testId}>{value ?? '—'}</span>;
  const bucket = field.bucket;
  return (
    <Space align="center" data-testid={testId}>
      {value && <ValueView field={field} value={value} row={{}} />}
      <Upload
        id={links.id}
        accept="image/*"
        showUploadList={false}
        disabled={disabled || busy}
        customRequest={async ({ file, onSuccess, onError }) => {
          setBusy(true);
          const path = objectPath(resource, file as File);
          const { error } = await supabase.storage.from(bucket).upload(path, file as File, { contentType: (file as File).type, upsert: false });
          setBusy(false);
          if (error) {
            message.error(t('crud.form.uploadFailed', { reason: error.message }));
            onError?.(error);
            return;
          }
          onChange?.(path);
          onSuccess?.(path);
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} aria-describedby={links['aria-describedby']}>{t('crud.form.upload')}</Button>
      </Upload>
      {value && !disabled && <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)} aria-label={t('crud.form.removeImage')} />}
    </Space>
  );
}
