// Who may read and change customers and what hangs off them: staff of the customer's shops
// (admins and staff of every shop: all customers), marketers read-only without personal data,
// suppliers and visitors nothing. World rows: 'a' belongs to a customer of shop A, 'b' of shop B,
// 'none' to a customer of no shop yet.
import { randomUUID } from 'node:crypto';
import { sql } from '../../helpers/env.ts';
import { access, type Row, type TableSpec } from '../permissions.ts';
import { insertRow, type World } from '../world.ts';
import { makeAddress, makeConsent, makeCustomer, makeIdentity, makeLoyaltyEntry } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]) => ({ select, insert: false, update: false, delete: false });
const idOf = (row: Record<string, any>): Row => ({ id: row.id });

const customersByWorld = new WeakMap<World, Promise<{ a: Record<string, any>; b: Record<string, any> }>>();
/** One customer of shop A and one of shop B, shared by the specs of a world. */
function customers(w: World) {
  if (!customersByWorld.has(w)) {
    customersByWorld.set(w, (async () => ({ a: await makeCustomer(w, { shopId: w.shopA }), b: await makeCustomer(w, { shopId: w.shopB }) }))());
  }
  return customersByWorld.get(w)!;
}

/** Staff-only tables: admins all, staff of A the row of A, staff of B the row of B. */
const staffOnly = (write: { insert: boolean; update: boolean; delete: boolean }) => ({
  admin: { select: ['a', 'b'], ...write },
  staffA: { select: ['a'], ...write },
  staffB: readOnly(['b']),
  marketer: SEE_NOTHING,
  supplierX: SEE_NOTHING,
  supplierY: SEE_NOTHING,
  anon: REFUSED,
});

export const specs: TableSpec[] = [
  {
    table: 'customers',
    rows: async (w) => {
      const { a, b } = await customers(w);
      return { a: idOf(a), b: idOf(b), none: idOf(await makeCustomer(w)) };
    },
    insert: (w) => ({ display_name: 'Customer from the matrix', email: `matrix-${w.tag}@example.com`, home_shop_id: w.shopA }),
    update: { row: 'a', set: { display_name: 'Renamed by the matrix' } },
    access: {
      admin: EVERYTHING(['a', 'b', 'none']),
      staffA: { select: ['a'], insert: true, update: true, delete: false },
      staffB: readOnly(['b']),
      marketer: readOnly(['a', 'b']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'customer_shops',
    rows: async (w) => {
      const { a, b } = await customers(w);
      const links = await sql(`select id, customer_id from public.customer_shops where customer_id = any ($1)`, [[a.id, b.id]]);
      return Object.fromEntries(links.map((l) => [l.customer_id === a.id ? 'a' : 'b', idOf(l)]));
    },
    insert: async (w) => ({ customer_id: (await makeCustomer(w)).id, shop_id: w.shopA }),
    update: { row: 'a', set: { first_seen_at: '2020-01-01T00:00:00+00:00' } },
    access: {
      admin: { select: ['a', 'b'], insert: true, update: false, delete: true },
      staffA: readOnly(['a']),
      staffB: readOnly(['b']),
      marketer: readOnly(['a', 'b']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'customer_identities',
    rows: async (w) => {
      const { a, b } = await customers(w);
      return { a: idOf(await makeIdentity(a.id, 'instagram', `a_${w.tag}`)), b: idOf(await makeIdentity(b.id, 'instagram', `b_${w.tag}`)) };
    },
    insert: async (w) => ({ customer_id: (await customers(w)).a.id, kind: 'tiktok', value_hash: '\\x01', value_encrypted: '\\x01', display: '@matrix' }),
    update: { row: 'a', set: { verified: true } },
    deletable: async (w) => idOf(await makeIdentity((await customers(w)).a.id, 'email', `gone-${randomUUID()}@example.com`)),
    access: staffOnly({ insert: false, update: true, delete: true }),
  },
  {
    table: 'customer_merges',
    rows: async (w) => {
      const { a, b } = await customers(w);
      const merge = async (kept: string) =>
        idOf(await insertRow('customer_merges', { kept_customer_id: kept, merged_customer_id: (await makeCustomer(w)).id, snapshot: {} }));
      return { a: await merge(a.id), b: await merge(b.id) };
    },
    insert: async (w) => ({ kept_customer_id: (await customers(w)).a.id, merged_customer_id: (await makeCustomer(w)).id, snapshot: { by: 'matrix' } }),
    update: { row: 'a', set: { snapshot: { changed: true } } },
    access: staffOnly({ insert: false, update: false, delete: false }),
  },
  {
    table: 'customer_addresses',
    rows: async (w) => {
      const { a, b } = await customers(w);
      return { a: idOf(await makeAddress(a.id)), b: idOf(await makeAddress(b.id)) };
    },
    insert: async (w) => ({ customer_id: (await customers(w)).a.id, address_encrypted: '\\x01', country_code: 'BE' }),
    update: { row: 'a', set: { label: 'work' } },
    deletable: async (w) => idOf(await makeAddress((await customers(w)).a.id, { city: 'Lyon' })),
    access: staffOnly({ insert: false, update: true, delete: true }),
  },
  {
    table: 'customer_consents',
    rows: async (w) => {
      const { a, b } = await customers(w);
      return { a: idOf(await makeConsent(a.id)), b: idOf(await makeConsent(b.id)) };
    },
    insert: async (w) => ({ customer_id: (await customers(w)).a.id, channel: 'sms', purpose: 'marketing', granted: true, source: 'matrix' }),
    update: { row: 'a', set: { granted: false } },
    access: {
      ...staffOnly({ insert: true, update: false, delete: false }),
      marketer: readOnly(['a', 'b']),
    },
  },
  {
    table: 'customer_current_consents',
    view: true,
    rows: async (w) => {
      const { a, b } = await customers(w);
      const latest = async (id: string) => {
        await makeConsent(id, { channel: 'whatsapp', granted: true });
        return idOf(await makeConsent(id, { channel: 'whatsapp', granted: false }));
      };
      return { a: await latest(a.id), b: await latest(b.id) };
    },
    access: {
      ...staffOnly({ insert: false, update: false, delete: false }),
      marketer: readOnly(['a', 'b']),
    },
  },
  {
    table: 'loyalty_entries',
    rows: async (w) => {
      const { a, b } = await customers(w);
      return { a: idOf(await makeLoyaltyEntry(a.id)), b: idOf(await makeLoyaltyEntry(b.id)) };
    },
    insert: async (w) => ({ customer_id: (await customers(w)).a.id, points: 5, reason: 'matrix' }),
    update: { row: 'a', set: { points: 7 } },
    access: staffOnly({ insert: true, update: false, delete: false }),
  },
];
