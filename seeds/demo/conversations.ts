// The inbox: conversations on WhatsApp, Instagram, e-mail and phone (staff's notes of the call),
// some linked to the order they produced. Customers' messages arrive as a webhook writes them (no
// one signed in); staff's answers and notes are written as the staff member.
import type { Demo } from './context.ts';
import { CONVERSATIONS } from './data/conversations.ts';

export async function seedConversations(demo: Demo): Promise<void> {
  if (!demo.has('conversations', 'messages')) return;
  const now = Date.now();
  for (const [index, c] of CONVERSATIONS.entries()) {
    const customer = c.customer === 'duplicate' ? demo.customers.find((x) => x.duplicate) : c.customer === undefined ? undefined : demo.customers[c.customer];
    const order = c.order ? demo.orders.get(c.order) : undefined;
    const staff = c.shop === 'patisserie' || c.shop === 'fleurs' ? 'staff@comptoir.test' : 'admin@comptoir.test';
    const start = now - c.daysAgo * 86_400_000 - (3 + index) * 3_600_000;
    await demo.actAs(staff);
    const conversation = await demo.insert('conversations', {
      shop_id: demo.shop(c.shop).id, customer_id: customer?.id ?? null, channel: c.channel, subject: c.subject ?? null,
      external_thread_id: c.channel === 'phone' ? null : `demo-${c.channel}-${index + 1}`,
      status: 'open', assigned_to: demo.users.get(staff), order_id: order?.id ?? null,
      created_at: new Date(start).toISOString(),
    });
    for (const [n, m] of c.messages.entries()) {
      if (m.by === 'in') await demo.query(`select set_config('request.jwt.claims', '', true)`);
      else await demo.actAs(staff);
      await demo.insert('messages', {
        conversation_id: conversation.id, direction: m.by === 'in' ? 'inbound' : m.by === 'out' ? 'outbound' : 'note', body: m.text,
        external_id: m.by === 'note' ? null : `demo-${index + 1}-${n + 1}`, sent_at: new Date(start + m.at * 60_000).toISOString(),
      });
    }
    // Closed or waiting once the last message is in: a customer's message reopens a conversation.
    if (c.status !== 'open') await demo.update('conversations', conversation.id, { status: c.status });
  }
  await demo.actAs('admin@comptoir.test');
}
