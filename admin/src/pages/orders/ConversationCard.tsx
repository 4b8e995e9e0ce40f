// The conversation(s) the order came from (conversations.order_id), their messages in order.
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, t, valueLabel } from '../../i18n/index.ts';
import type { ConversationRow, MessageRow } from './types.ts';

const SIDE: Record<MessageRow['direction'], { align: 'flex-start' | 'flex-end'; background: string }> = {
  inbound: { align: 'flex-start', background: '#f5f5f5' },
  outbound: { align: 'flex-end', background: '#e6f4ff' },
  note: { align: 'flex-end', background: '#fffbe6' },
};

export function ConversationCard({ conversations }: { conversations: ConversationRow[] }) {
  return (
    <Card size="small" title={t('orders.detail.conversation.title')} data-testid="order-conversation">
      {conversations.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.detail.conversation.none')} />}
      {conversations.map((conversation) => (
        <Space key={conversation.id} direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Space wrap>
            <Tag>{valueLabel('channel', conversation.channel, 'conversations')}</Tag>
            {conversation.subject && <Typography.Text strong>{conversation.subject}</Typography.Text>}
            <Link to={`/r/conversations/show/${conversation.id}`}>{t('orders.detail.conversation.open')}</Link>
          </Space>
          {conversation.messages.map((message) => (
            <div key={message.id} style={{ display: 'flex', justifyContent: SIDE[message.direction].align }} data-testid="order-message">
              <div style={{ maxWidth: '80%', background: SIDE[message.direction].background, borderRadius: 8, padding: '6px 10px' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`orders.detail.conversation.${message.direction}`)} · {formatDate(message.sent_at, true)}
                </Typography.Text>
                {message.body && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{message.body}</Typography.Paragraph>}
                {message.attachments.length > 0 && (
                  <Typography.Text type="secondary">{t('orders.detail.conversation.attachments', { count: message.attachments.length })}</Typography.Text>
                )}
              </div>
            </div>
          ))}
        </Space>
      ))}
    </Card>
  );
}
