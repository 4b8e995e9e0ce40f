// The list screen of any resource, from its spec: server-side pages, sorting, filters by column
// kind, search, column chooser, saved views, bulk actions, export, and the row actions the user's
// privileges allow. Loaded lazily by GeneratedList.tsx.
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Badge, Button, Input, Space, Table } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { CreateButton, List, useTable } from '@refinedev/antd';
import type { CrudFilter } from '@refinedev/core';
import type { ResourceSpec } from '../../catalog/spec.ts';
import { t } from '../../i18n/index.ts';
import { BulkActions } from '../bulk/BulkActions.tsx';
import { useReferenceTitles } from '../display/useReferenceTitles.ts';
import { searchText, withSearch } from '../filters/crudFilters.ts';
import { listColumns } from './columns.tsx';
import { useRowActions } from './RowActions.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { FilterPanel, filterableFields } from './FilterPanel.tsx';
import { SavedViewsMenu } from './SavedViewsMenu.tsx';
import type { SavedView } from './savedViews.ts';

// Loaded when a list is shown, so exceljs / jspdf stay out of the initial bundle.
const ExportButton = lazy(() => import('../../export/ExportButton.tsx'));

type Row = Record<string, unknown>;

const PAGE_SIZES = ['10', '20', '50', '100', '200'];

function SearchBox({ spec, filters, onChange }: { spec: ResourceSpec; filters: CrudFilter[]; onChange: (f: CrudFilter[]) => void }) {
  const current = searchText(spec, filters);
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current]);
  return (
    <Input.Search
      data-testid="search-input"
      allowClear
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(text) => onChange(withSearch(spec, filters, text))}
      placeholder={spec.search ? t('crud.list.searchFullText') : t('crud.list.searchTitle', { column: spec.fields.find((f) => f.name === spec.titleColumn)?.label ?? spec.titleColumn })}
      style={{ width: 280 }}
    />
  );
}

/**
 * False until the list's first request has settled (rows or an error) and that has been painted,
 * then true for good. The toolbar (search, filters, columns, views, export, create: a dozen
 * components, several of Refine's) cost about as much to render as the rows, and the request
 * only starts once the screen has rendered: drawing it a frame after the first rows lets the
 * request start earlier and the rows show earlier.
 */
function useShownAfterFirstAnswer(loading: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown || loading) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // after the next paint: a frame, then a task
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setShown(true)); });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, [shown, loading]);
  return shown;
}

export default function ListScreen({ spec }: { spec: ResourceSpec }) {
  const key = spec.primaryKey;
  const { tableProps, filters, setFilters, sorters, setSorters, setCurrentPage, pageSize, setPageSize } = useTable<Row>({
    resource: spec.name,
    pagination: { pageSize: 20, mode: 'server' },
    sorters: { mode: 'server' },
    filters: { mode: 'server', defaultBehavior: 'replace' },
    // stableOrderKey: see stableOrder.ts (rows tying on the sort column keep one order across pages).
    meta: { count: spec.countMode, idColumnName: key ?? undefined, stableOrderKey: key ?? undefined },
    syncWithLocation: true,
  });
  const [visible, setVisible] = useState<string[]>(spec.listColumns);
  const [selected, setSelected] = useState<Array<string | number>>([]);
  const [showFilters, setShowFilters] = useState(false);

  const rows = (tableProps.dataSource ?? []) as Row[];
  const toolbarShown = useShownAfterFirstAnswer(Boolean(tableProps.loading));
  const visibleFields = useMemo(() => spec.fields.filter((f) => visible.includes(f.name)), [spec, visible]);
  const titleOf = useReferenceTitles(visibleFields, rows);
  const actions = useRowActions(spec);
  const columns = useMemo(() => listColumns(spec, visible, sorters, titleOf, actions), [spec, visible, sorters, titleOf, actions]);

  const changeFilters = (next: CrudFilter[]) => {
    setFilters(next, 'replace');
    setCurrentPage(1);
    setSelected([]);
  };
  const applyView = (view: SavedView) => {
    setFilters(view.filters, 'replace');
    setSorters(view.sorters);
    setVisible(view.columns.length ? view.columns : spec.listColumns);
    setPageSize(view.pageSize);
    setCurrentPage(1);
    setSelected([]);
  };
  const activeFilters = filterableFields(spec).filter((f) => filters.some((c) => 'field' in c && c.field === f.name)).length;

  const toolbar = (
    <Space wrap>
      <SearchBox spec={spec} filters={filters} onChange={changeFilters} />
      <Badge count={activeFilters} size="small">
        <Button icon={<FilterOutlined />} onClick={() => setShowFilters((v) => !v)} data-testid="toggle-filters" type={showFilters ? 'primary' : 'default'}>
          {t('crud.list.filters')}
        </Button>
      </Badge>
      <ColumnChooser spec={spec} visible={visible} onChange={setVisible} />
      <SavedViewsMenu spec={spec} current={{ filters, sorters, columns: visible, pageSize }} onApply={applyView} />
      <Suspense fallback={null}>
        <ExportButton spec={spec} filters={filters} sorters={sorters} columns={visible} />
      </Suspense>
      {spec.can.insert && <CreateButton resource={spec.name} data-testid="create-button" />}
    </Space>
  );

  return (
    <List title={spec.label} headerButtons={toolbarShown ? toolbar : null} canCreate={false}>
      {showFilters && <FilterPanel spec={spec} filters={filters} onChange={changeFilters} />}
      {selected.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <BulkActions spec={spec} selected={selected} onDone={() => setSelected([])} />
        </div>
      )}
      <Table<Row>
        {...tableProps}
        data-testid={`list-${spec.name}`}
        rowKey={(row) => String(key ? row[key] : JSON.stringify(row))}
        columns={columns}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{
          ...(tableProps.pagination || {}),
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => (spec.countMode === 'exact' ? t('crud.list.total', { total }) : t('crud.list.totalAbout', { total })),
        }}
        rowSelection={key && (spec.can.delete || spec.can.update)
          ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as Array<string | number>), preserveSelectedRowKeys: false }
          : undefined}
      />
    </List>
  );
}

