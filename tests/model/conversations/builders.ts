// Conversations and messages for tests of any domain, inserted as the database owner.
import { insertRow, type World } from '../world.ts';

let counter = 0;

export function makeConversation(
  world: World,
  options: { shopId: string; customerId?: string | null; channel?: string; status?: string },
): Promise<Record<string, any>> {
  const channel = options.channel ?? 'whatsapp';
  return insertRow('conversations', {
    shop_id: options.shopId,
    customer_id: options.customerId ?? null,
    channel,
    external_thread_id: channel === 'manual' ? null : `thread-${world.tag}-${Date.now().toString(36)}-${counter++}`,
    status: options.status ?? 'open',
  });
}

export function makeMessage(
  _world: World,
  options: { conversationId: string; direction?: 'inbound' | 'outbound' | 'note'; body?: string; sentAt?: string; externalId?: string },
): Promise<Record<string, any>> {
  return insertRow('messages', {
    conversation_id: options.conversationId,
    direction: options.direction ?? 'inbound',
    body: options.body ?? 'Bonjour !',
    sent_at: options.sentAt ?? new Date().toISOString(),
    external_id: options.externalId ?? null,
  });
}
