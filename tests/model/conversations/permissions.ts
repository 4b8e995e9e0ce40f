// Who may read and write conversations and messages: staff of the conversation's shop and admins;
// marketers, suppliers and visitors nothing. World rows: 'a' in shop A, 'b' in shop B.
import { access, type Row, type TableSpec } from '../permissions.ts';
import type { World } from '../world.ts';
import { makeCustomer } from '../customers/builders.ts';
import { makeConversation, makeMessage } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]) => ({ select, insert: false, update: false, delete: false });
const idOf = (row: Record<string, any>): Row => ({ id: row.id });

const conversationsByWorld = new WeakMap<World, Promise<{ a: Record<string, any>; b: Record<string, any> }>>();
/** A conversation in shop A and one in shop B, each with a customer, shared by the specs of a world. */
function conversations(w: World) {
  if (!conversationsByWorld.has(w)) {
    conversationsByWorld.set(
      w,
      (async () => ({
        a: await makeConversation(w, { shopId: w.shopA, customerId: (await makeCustomer(w)).id }),
        b: await makeConversation(w, { shopId: w.shopB, customerId: (await makeCustomer(w)).id }),
      }))(),
    );
  }
  return conversationsByWorld.get(w)!;
}

const nobodyElse = { marketer: SEE_NOTHING, supplierX: SEE_NOTHING, supplierY: SEE_NOTHING, anon: REFUSED };

export const specs: TableSpec[] = [
  {
    table: 'conversations',
    rows: async (w) => {
      const { a, b } = await conversations(w);
      return { a: idOf(a), b: idOf(b) };
    },
    insert: (w) => ({ shop_id: w.shopA, channel: 'manual', subject: `Matrix ${w.tag}` }),
    update: { row: 'a', set: { status: 'pending' } },
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: { select: ['a'], insert: true, update: true, delete: false },
      staffB: readOnly(['b']),
      ...nobodyElse,
    },
  },
  {
    table: 'messages',
    rows: async (w) => {
      const { a, b } = await conversations(w);
      return { a: idOf(await makeMessage(w, { conversationId: a.id })), b: idOf(await makeMessage(w, { conversationId: b.id })) };
    },
    insert: async (w) => ({ conversation_id: (await conversations(w)).a.id, direction: 'note', body: `Matrix note ${w.tag}` }),
    update: { row: 'a', set: { body: 'Edited by the matrix' } },
    access: {
      admin: { select: ['a', 'b'], insert: true, update: false, delete: true },
      staffA: { select: ['a'], insert: true, update: false, delete: false },
      staffB: readOnly(['b']),
      ...nobodyElse,
    },
  },
];
