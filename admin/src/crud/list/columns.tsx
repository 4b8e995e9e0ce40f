// The list's table columns from the spec: a cell per visible field rendered by widget, sortable
// where the spec says so, and the row actions the user may perform.
import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import { getDefaultSortOrder } from '@refinedev/antd';
import type { CrudSort } from '@refinedev/core';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { t } from '../../i18n/index.ts';
import { ValueView } from '../display/ValueView.tsx';
import type { TitleLookup } from '../display/useReferenceTitles.ts';
import { RowActions, type RowActionsModel } from './RowActions.tsx';

type Row = Record<string, unknown>;

export function listColumns(
  spec: ResourceSpec, visible: string[], sorters: CrudSort[], titleOf: TitleLookup, actions: RowActionsModel,
): ColumnsType<Row> {
  const key = spec.primaryKey;
  const byName = new Map(spec.fields.map((f) => [f.name, f]));
  const columns: ColumnsType<Row> = visible.flatMap((name) => {
    const field = byName.get(name);
    if (!field) return [];
    return [{
      key: field.name,
      dataIndex: field.name,
      title: field.label,
      sorter: field.sortable ? { multiple: visible.indexOf(name) + 1 } : false,
      sortOrder: field.sortable ? getDefaultSortOrder(field.name, sorters) ?? null : undefined,
      render: (value: unknown, row: Row) => {
        const cell = <ValueView field={field} value={value} row={row} title={titleOf(field, value)} />;
        // The title column links to the row, so the list reads as a list of things to open.
        if (key && field.name === spec.titleColumn && !field.reference && row[key] !== null && row[key] !== undefined) {
          return <Link to={`/r/${spec.name}/show/${encodeURIComponent(String(row[key]))}`} data-testid={`row-${String(row[key])}`}>{cell}</Link>;
        }
        return cell;
      },
    }];
  });
  if (key) {
    columns.push({
      key: '__actions',
      title: t('table.actions'),
      fixed: 'right',
      width: 1,
      render: (_: unknown, row: Row) => <RowActions spec={spec} id={row[key] as string | number} model={actions} />,
    });
  }
  return columns;
}
