// "Export" on a list: CSV, Excel or PDF of every row the list's filters match (not only the page),
// made in a Web Worker with a progress bar and a cancel button, then downloaded.
// <ExportButton spec={spec} filters={filters} sorters={sorters} columns={visibleColumns} />
import { useCallback } from 'react';
import type { CrudFilter, CrudSort } from '@refinedev/core';
import { App, Button, Dropdown, Modal, Progress, Space, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import type { ResourceSpec } from '../catalog/spec.ts';
import { formatDate, formatNumber, getLocale, t, valueLabel } from '../i18n/index.ts';
import { exportColumns } from './columns.ts';
import { describeFilters } from './filtersSummary.ts';
import type { ExportFormat } from './protocol.ts';
import { useExportJob, type ExportOutcome, type ExportState } from './useExportJob.ts';

export interface ExportButtonProps {
  spec: ResourceSpec;
  filters: CrudFilter[];
  sorters: CrudSort[];
  /** The list's visible columns, in order: the export's columns. */
  columns: string[];
}

const FORMATS: Array<{ format: ExportFormat; icon: JSX.Element }> = [
  { format: 'csv', icon: <FileTextOutlined /> },
  { format: 'xlsx', icon: <FileExcelOutlined /> },
  { format: 'pdf', icon: <FilePdfOutlined /> },
];

function ExportProgress({ state, onCancel }: { state: Exclude<ExportState, { phase: 'idle' }>; onCancel: () => void }) {
  const failed = state.phase === 'failed';
  const percent = state.phase === 'fetching' ? (state.total ? Math.floor((state.fetched / state.total) * 100) : 0) : 100;
  return (
    <Modal
      open
      title={t('export.title', { format: t(`export.format.${state.format}`) })}
      closable={false}
      maskClosable={false}
      footer={<Button onClick={onCancel} data-testid="export-cancel">{failed ? t('export.close') : t('export.cancel')}</Button>}
    >
      <div data-testid="export-progress" data-phase={state.phase}>
        <Progress percent={percent} status={failed ? 'exception' : state.phase === 'writing' ? 'active' : 'normal'} />
        <Typography.Text type={failed ? 'danger' : 'secondary'}>
          {state.phase === 'fetching' && (state.total === null
            ? t('export.starting')
            : t('export.fetched', { fetched: formatNumber(state.fetched), total: formatNumber(state.total) }))}
          {state.phase === 'writing' && t('export.writing', { rows: formatNumber(state.rows) })}
          {state.phase === 'failed' && t('export.failedWith', { message: state.message })}
        </Typography.Text>
      </div>
    </Modal>
  );
}

export default function ExportButton({ spec, filters, sorters, columns }: ExportButtonProps) {
  const { message } = App.useApp();
  const onDone = useCallback((outcome: ExportOutcome) => {
    message.success(t('export.done', { rows: formatNumber(outcome.rows), file: outcome.fileName }));
  }, [message]);
  const job = useExportJob(onDone);
  const chosen = exportColumns(spec, columns, (column, value) => valueLabel(column, value, spec.name));

  const start = (format: ExportFormat) => {
    const now = new Date();
    void job.start({
      format,
      resource: spec.name,
      primaryKey: spec.primaryKey,
      filters,
      sorters,
      columns: chosen,
      locale: getLocale(),
      text: {
        title: spec.label,
        filters: describeFilters(filters, spec, t),
        generated: t('export.generated', { date: formatDate(now.toISOString(), true) }),
        pageOf: t('export.pageOf'),
        yes: t('export.yes'),
        no: t('export.no'),
      },
    }, `${spec.name}-${now.toISOString().slice(0, 10)}`);
  };

  return (
    <>
      <Dropdown
        disabled={chosen.length === 0 || job.state.phase !== 'idle'}
        trigger={['click']}
        menu={{
          items: FORMATS.map(({ format, icon }) => ({
            key: format, icon, label: <span data-testid={`export-${format}`}>{t(`export.format.${format}`)}</span>,
          })),
          onClick: ({ key }) => start(key as ExportFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} data-testid="export-button">
          <Space size={4}>{t('export.button')}</Space>
        </Button>
      </Dropdown>
      {job.state.phase !== 'idle' && <ExportProgress state={job.state} onCancel={job.cancel} />}
    </>
  );
}
