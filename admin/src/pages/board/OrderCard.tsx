// One order on the board: number (to its detail), customer, shop, total, when and where it was
// placed, a flag when it has been pending over 24 hours, and a "move to" menu (the keyboard- and
// test-friendly twin of dragging).
import type { CSSProperties, ReactNode } from 'react';
import { Badge, Button, Card, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatDate, formatMoney, t, valueLabel } from '../../i18n/index.ts';
import type { BoardOrder } from './queries.ts';
import { BOARD_STATUSES, isLate, type BoardStatus } from './statuses.ts';

interface Props {
  order: BoardOrder;
  onMove: (order: BoardOrder, to: BoardStatus) => void;
  disabled: boolean;
  /** The drag handle's props (from dnd-kit), spread on the card. */
  dragProps?: Record<string, unknown>;
  style?: CSSProperties;
  innerRef?: (element: HTMLElement | null) => void;
}

export function OrderCard({ order, onMove, disabled, dragProps, style, innerRef }: Props) {
  const late = isLate(order);
  const body: ReactNode = (
    <Card
      size="small"
      data-testid={`order-card-${order.number}`}
      data-order-id={order.id}
      data-status={order.status}
      style={{ marginBottom: 8, cursor: disabled ? 'progress' : 'grab', borderColor: late ? '#fa8c16' : undefined }}
      styles={{ body: { padding: 8 } }}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Link to={`/r/orders/show/${order.id}`} onPointerDown={(e) => e.stopPropagation()}>
            <Typography.Text strong>{order.number}</Typography.Text>
          </Link>
          <Dropdown
            trigger={['click']}
            disabled={disabled}
            menu={{
              items: BOARD_STATUSES.filter((s) => s !== order.status).map((status) => ({
                key: status, label: <span data-testid={`move-to-${status}`}>{valueLabel('status', status, 'orders')}</span>,
              })),
              onClick: ({ key }) => onMove(order, key as BoardStatus),
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<SwapOutlined />}
              aria-label={t('board.card.move')}
              data-testid={`order-move-${order.number}`}
              onPointerDown={(e) => e.stopPropagation()}
            />
          </Dropdown>
        </Space>
        <Typography.Text ellipsis>{order.customers?.display_name ?? <Typography.Text type="secondary">{t('board.card.noCustomer')}</Typography.Text>}</Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{order.shops?.name}</Typography.Text>
        <Space size={4} wrap>
          <Typography.Text>{formatMoney(order.total_cents, order.currency)}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{valueLabel('channel', order.channel, 'orders')}</Tag>
        </Space>
        <Space size={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDate(order.placed_at, true)}</Typography.Text>
          {late && (
            <Tooltip title={t('board.card.late')}>
              <Badge count={<ClockCircleOutlined style={{ color: '#fa8c16' }} />} data-testid={`order-late-${order.number}`} />
            </Tooltip>
          )}
        </Space>
      </Space>
    </Card>
  );
  return <div ref={innerRef} style={style} {...dragProps}>{body}</div>;
}
