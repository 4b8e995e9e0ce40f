// The show screen of any resource: every visible field by its widget, references as links to the
// target's show page (with the target's title). Loaded lazily by GeneratedShow.tsx.
import { Descriptions, Skeleton } from 'antd';
import { Show } from '@refinedev/antd';
import { useShow } from '@refinedev/core';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { ValueView } from '../display/ValueView.tsx';
import { useReferenceTitles } from '../display/useReferenceTitles.ts';
import { RecordMissing } from './RecordMissing.tsx';
import { retryLoad, type LoadError } from './loadErrors.ts';

type Row = Record<string, unknown>;

export default function ShowRecord({ spec }: { spec: ResourceSpec }) {
  const key = spec.primaryKey ?? 'id';
  const { query } = useShow<Row>({ resource: spec.name, meta: { idColumnName: key }, queryOptions: { retry: retryLoad } });
  const row = query.data?.data;
  const fields = spec.fields.filter((f) => !f.hidden && f.type !== 'tsvector').sort((a, b) => a.order - b.order);
  const titleOf = useReferenceTitles(fields, row ? [row] : []);
  const title = row ? String(row[spec.titleColumn] ?? row[key] ?? '') : spec.label;
  return (
    <Show
      resource={spec.name}
      recordItemId={row?.[key] as string | undefined}
      title={title}
      isLoading={query.isLoading}
      // No edit or delete of a row that did not come back.
      canEdit={spec.can.update && row !== undefined}
      canDelete={spec.can.delete && row !== undefined}
      headerButtonProps={{ 'data-testid': 'show-actions' } as never}
    >
      {!row && (query.isLoading ? <Skeleton active /> : <RecordMissing error={query.error as LoadError | null} />)}
      {row && (
        <Descriptions column={1} bordered size="small" data-testid={`show-${spec.name}`} labelStyle={{ width: 240 }}>
          {fields.map((field) => (
            <Descriptions.Item key={field.name} label={field.label}>
              <span data-testid={`value-${field.name}`}>
                <ValueView field={field} value={row[field.name]} row={row} title={titleOf(field, row[field.name])} full />
              </span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Show>
  );
}

