// The columns and drag and drop (@dnd-kit/core, loaded with this module only). A card may be dropped
// on any column: the database decides, and while dragging, the columns its workflow allows are
// outlined so that nobody has to guess.
import { useState } from 'react';
import {
  DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import { Badge, Card, Empty, Typography } from 'antd';
import { formatNumber, t, valueLabel } from '../../i18n/index.ts';
import type { BoardOrder, Column } from './queries.ts';
import { OrderCard } from './OrderCard.tsx';
import { BOARD_STATUSES, type BoardStatus, type Transitions } from './statuses.ts';

export interface KanbanProps {
  columns: Record<BoardStatus, Column>;
  transitions: Transitions;
  moving: string | null;
  onMove: (order: BoardOrder, to: BoardStatus) => void;
}

function DraggableCard({ order, onMove, disabled }: { order: BoardOrder; onMove: KanbanProps['onMove']; disabled: boolean }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: order.id, data: { order }, disabled });
  const style = {
    transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
    opacity: isDragging ? 0.8 : 1,
    zIndex: isDragging ? 10 : undefined,
    position: 'relative' as const,
  };
  return <OrderCard order={order} onMove={onMove} disabled={disabled} innerRef={setNodeRef} style={style} dragProps={{ ...attributes, ...listeners }} />;
}

function BoardColumn({ status, column, highlight, children }: { status: BoardStatus; column: Column; highlight: 'allowed' | 'refused' | null; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const border = highlight === 'allowed' ? '#52c41a' : highlight === 'refused' ? '#d9d9d9' : undefined;
  return (
    <div ref={setNodeRef} data-testid={`board-column-${status}`} style={{ flex: '1 0 160px', minWidth: 160 }}>
      <Card
        size="small"
        title={<span>{valueLabel('status', status, 'orders')} <Badge count={formatNumber(column.total)} color="#8b3a3a" overflowCount={Number.MAX_SAFE_INTEGER} data-testid={`board-count-${status}`} /></span>}
        style={{ background: isOver ? '#fff7e6' : '#fafafa', borderColor: border, borderWidth: highlight ? 2 : 1, minHeight: 400 }}
        styles={{ body: { padding: 8 } }}
      >
        {children}
        {column.rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.column.empty')} />}
        {column.total > column.rows.length && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('board.column.more', { count: formatNumber(column.total - column.rows.length) })}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
}

export default function KanbanBoard({ columns, transitions, moving, onMove }: KanbanProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  const [dragged, setDragged] = useState<BoardOrder | null>(null);
  const onDragStart = (event: DragStartEvent) => setDragged((event.active.data.current as { order: BoardOrder }).order);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const order = (event.active.data.current as { order: BoardOrder }).order;
    const to = event.over?.id as BoardStatus | undefined;
    if (to && to !== order.status) onMove(order, to);
  };
  const allowed = dragged ? transitions.get(dragged.status) ?? new Set<string>() : null;
  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
      <div style={{ display: 'flex', gap: 8, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }}>
        {BOARD_STATUSES.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            column={columns[status]}
            highlight={!dragged || dragged.status === status ? null : allowed?.has(status) ? 'allowed' : 'refused'}
          >
            {columns[status].rows.map((order) => (
              <DraggableCard key={order.id} order={order} onMove={onMove} disabled={moving !== null} />
            ))}
          </BoardColumn>
        ))}
      </div>
    </DndContext>
  );
}
