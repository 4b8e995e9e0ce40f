// An order status as a coloured tag, in the user's language.
import { Tag } from 'antd';
import { valueLabel } from '../../i18n/index.ts';

const COLOURS: Record<string, string> = {
  draft: 'default', pending: 'gold', confirmed: 'blue', preparing: 'geekblue', ready: 'cyan', delivered: 'purple', paid: 'green', cancelled: 'red',
};

export function StatusTag({ status }: { status: string }) {
  return <Tag color={COLOURS[status] ?? 'default'} data-testid="order-status">{valueLabel('status', status, 'orders')}</Tag>;
}
