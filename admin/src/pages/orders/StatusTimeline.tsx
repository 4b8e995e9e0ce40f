// The order's way through the workflow (order_status_history), oldest first, with who moved it.
import { Card, Timeline, Typography } from 'antd';
import { formatDate, t, valueLabel } from '../../i18n/index.ts';
import type { HistoryRow } from './types.ts';

const orderStatus = (status: string) => valueLabel('status', status, 'orders');

export function StatusTimeline({ history }: { history: HistoryRow[] }) {
  return (
    <Card size="small" title={t('orders.detail.timeline.title')}>
      <Timeline
        data-testid="order-timeline"
        items={history.map((step) => ({
          color: step.to_status === 'cancelled' ? 'red' : step.to_status === 'paid' ? 'green' : 'blue',
          children: (
            <div data-testid={`order-timeline-${step.to_status}`}>
              <Typography.Text strong>
                {step.from_status
                  ? t('orders.detail.timeline.change', { from: orderStatus(step.from_status), to: orderStatus(step.to_status) })
                  : t('orders.detail.timeline.created', { status: orderStatus(step.to_status) })}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(step.changed_at, true)}
                {step.profiles && <> · {t('orders.detail.timeline.by', { name: step.profiles.display_name })}</>}
                {step.note && <> · {step.note}</>}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
