// One value, shown as its widget says: money in the row's currency, dates for the locale, booleans
// as icons, enums and arrays as tags, references as the target's title (a link to it), JSON
// abbreviated, images as thumbnails. Used by the list cells and the show page. Enum values show in
// the user's language (valueLabel), the word agreeing with the resource on screen.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Image, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import type { FieldSpec } from '../../catalog/spec.ts';
import { useSpecs } from '../../catalog/SpecsContext.ts';
import { formatDate, formatMoney, formatNumber, t, valueLabel } from '../../i18n/index.ts';
import { currencyOf } from '../form/coerce.ts';
import { useResourceSpec } from '../useResourceSpec.ts';
import { abbreviateJson } from './abbreviate.ts';
import { storageUrl } from './storageUrls.ts';

interface Props {
  field: FieldSpec;
  value: unknown;
  row: Record<string, unknown>;
  /** The referenced row's title, when the caller has looked it up. */
  title?: string;
  /** Show page: full JSON and larger images. */
  full?: boolean;
}

const ENUM_COLOURS = ['blue', 'green', 'gold', 'purple', 'cyan', 'magenta', 'volcano', 'geekblue', 'lime', 'orange'];

function enumColour(field: FieldSpec, value: string): string | undefined {
  const index = field.enumValues?.indexOf(value) ?? -1;
  return index < 0 ? undefined : ENUM_COLOURS[index % ENUM_COLOURS.length];
}

/** Enum values as coloured tags with their translated words; several for an array of them. */
function EnumTags({ field, values }: { field: FieldSpec; values: unknown[] }) {
  // The resource of the screen: its table picks the word (see valueLabel).
  const table = useResourceSpec()?.name;
  return (
    <span>
      {values.map((item, index) => (
        <Tag key={index} color={enumColour(field, String(item))} data-value={String(item)}>{valueLabel(field.name, String(item), table)}</Tag>
      ))}
    </span>
  );
}

function StorageImage({ bucket, path, size }: { bucket: string | null; path: string; size: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void storageUrl(bucket, path).then((found) => live && setUrl(found));
    return () => { live = false; };
  }, [bucket, path]);
  if (!url) return <Typography.Text type="secondary">{path}</Typography.Text>;
  return <Image src={url} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} alt={path} />;
}

function ReferenceView({ field, value, title }: { field: FieldSpec; value: string; title?: string }) {
  const { specs } = useSpecs();
  const target = field.reference ? specs.get(field.reference.resource) : undefined;
  const text = title || value;
  if (!target?.primaryKey || field.reference?.column !== target.primaryKey) return <span>{text}</span>;
  return <Link to={`/r/${target.name}/show/${encodeURIComponent(value)}`} onClick={(e) => e.stopPropagation()}>{text}</Link>;
}

export function ValueView({ field, value, row, title, full = false }: Props) {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (field.reference) return <ReferenceView field={field} value={String(value)} title={title} />;
  switch (field.widget) {
    case 'money':
      return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(Number(value), currencyOf(field, row))}</span>;
    case 'number':
      return <span>{typeof value === 'number' ? formatNumber(value) : String(value)}</span>;
    case 'date':
      return <span>{formatDate(String(value))}</span>;
    case 'datetime':
      return <span style={{ whiteSpace: 'nowrap' }}>{formatDate(String(value), true)}</span>;
    case 'boolean':
      return value
        ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('crud.value.yes')} />
        : <MinusCircleOutlined style={{ color: '#bbb' }} aria-label={t('crud.value.no')} />;
    case 'enum':
      return <EnumTags field={field} values={[value]} />;
    case 'array':
      if (field.elementWidget === 'enum') return <EnumTags field={field} values={Array.isArray(value) ? value : [value]} />;
      return (
        <span>
          {(Array.isArray(value) ? value : [value]).map((item, index) => (
            <Tag key={index}>{String(item)}</Tag>
          ))}
        </span>
      );
    case 'json':
      return full
        ? <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto' }}>{JSON.stringify(value, null, 2)}</pre>
        : <Tooltip title={abbreviateJson(value, 400)}><code>{abbreviateJson(value)}</code></Tooltip>;
    case 'image':
      return <StorageImage bucket={field.bucket} path={String(value)} size={full ? 160 : 40} />;
    case 'color':
      return <span><Tag color={String(value)}>{String(value)}</Tag></span>;
    case 'url':
      return <a href={String(value)} target="_blank" rel="noreferrer">{String(value)}</a>;
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'textarea':
      return full
        ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{String(value)}</Typography.Paragraph>
        : <Typography.Text ellipsis style={{ maxWidth: 280 }}>{String(value)}</Typography.Text>;
    default:
      return <span>{typeof value === 'object' ? abbreviateJson(value) : String(value)}</span>;
  }
}
