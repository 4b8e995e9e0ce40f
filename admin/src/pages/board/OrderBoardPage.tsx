// The order board: a kanban of orders by status, filtered by shop, channel and date, with orders
// pending over 24 hours flagged. A drop changes the order's status through supabase-js; a move the
// database refuses snaps back and shows its reason.
import { lazy, Suspense, useState } from 'react';
import { Alert, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { t, valueLabel } from '../../i18n/index.ts';
import type { BoardFilters as Filters } from './queries.ts';
import { BoardFilters } from './BoardFilters.tsx';
import { useBoard } from './useBoard.ts';

// Drag and drop is a chunk of its own: the filters and alerts show while it loads.
const KanbanBoard = lazy(() => import('./KanbanBoard.tsx'));

export default function OrderBoardPage() {
  const [filters, setFilters] = useState<Filters>(() => ({
    shopIds: [], channels: [], from: dayjs().subtract(29, 'day').format('YYYY-MM-DD'), to: null,
  }));
  const board = useBoard(filters);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="order-board">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('board.title')}</Typography.Title>
      <BoardFilters value={filters} onChange={setFilters} onRefresh={() => void board.reload()} />
      <Alert
        data-testid="board-late"
        type={board.late > 0 ? 'warning' : 'success'}
        showIcon
        message={<span data-testid="board-late-count" data-count={board.late}>{board.late > 0 ? t('board.late.alert', { count: board.late }) : t('board.late.none')}</span>}
      />
      {board.error && <Alert type="error" showIcon message={t('board.errors.load', { message: board.error })} />}
      {board.refusal && (
        <Alert
          data-testid="board-error"
          type="error"
          showIcon
          closable
          onClose={board.clearRefusal}
          message={t('board.move.refused', { message: board.refusal.message })}
          description={nextSteps(board.transitions.get(board.refusal.from), board.refusal.from)}
        />
      )}
      <Spin spinning={board.loading}>
        <Suspense fallback={<Spin tip={t('board.move.loading')}><div style={{ height: 400 }} /></Spin>}>
          <KanbanBoard columns={board.columns} transitions={board.transitions} moving={board.moving} onMove={board.move} />
        </Suspense>
      </Spin>
    </Space>
  );
}

function nextSteps(next: Set<string> | undefined, from: string): string {
  const status = valueLabel('status', from, 'orders');
  if (!next || next.size === 0) return t('board.move.final', { status });
  return t('board.move.allowed', { status, next: [...next].map((s) => valueLabel('status', s, 'orders')).join(', ') });
}
