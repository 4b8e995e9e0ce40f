// Who may read and change people, memberships, shops, the audit log and e-mail deliveries.
import { randomUUID } from 'node:crypto';
import { sql } from '../../helpers/env.ts';
import { access, type Row, type TableSpec } from '../permissions.ts';
import { insertRow } from '../world.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]) => ({ select, insert: false, update: false, delete: false });

/** A new auth user, whose profile the sign-up trigger creates. */
async function newProfile(name: string): Promise<Row> {
  const [user] = await sql(
    `insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, jsonb_build_object('display_name', $3::text)) returning id`,
    [randomUUID(), `${name}-${randomUUID()}@world.example.com`, name],
  );
  return { id: user.id };
}

export const specs: TableSpec[] = [
  {
    table: 'profiles',
    rows: async (w) => Object.fromEntries(Object.entries(w.users).map(([persona, id]) => [persona, { id }])),
    insert: () => ({ id: randomUUID(), display_name: 'Nobody' }),
    update: { row: 'staffB', set: { display_name: 'Renamed by the matrix' } },
    deletable: () => newProfile('deletable'),
    access: {
      admin: { select: ['admin', 'staffA', 'staffB', 'marketer', 'supplierX', 'supplierY'], insert: false, update: true, delete: false },
      staffA: readOnly(['admin', 'staffA', 'staffB', 'marketer', 'supplierX', 'supplierY']),
      staffB: { select: ['admin', 'staffA', 'staffB', 'marketer', 'supplierX', 'supplierY'], insert: false, update: true, delete: false },
      marketer: readOnly(['marketer']),
      supplierX: readOnly(['supplierX']),
      supplierY: readOnly(['supplierY']),
      anon: REFUSED,
    },
  },
  {
    table: 'memberships',
    rows: async (w) => {
      const found = await sql(`select id, user_id from public.memberships where user_id = any ($1)`, [Object.values(w.users)]);
      const persona = (userId: string) => Object.entries(w.users).find(([, id]) => id === userId)![0];
      return Object.fromEntries(found.map((m) => [persona(m.user_id), { id: m.id }]));
    },
    insert: (w) => ({ user_id: w.users.marketer, role: 'staff', shop_id: w.shopA }),
    update: { row: 'staffB', set: (w) => ({ shop_id: w.shopA }) },
    deletable: (w) => insertRow('memberships', { user_id: w.users.marketer, role: 'staff', shop_id: w.shopB }),
    access: {
      admin: EVERYTHING(['admin', 'staffA', 'staffB', 'marketer', 'supplierX', 'supplierY']),
      staffA: readOnly(['staffA']),
      staffB: readOnly(['staffB']),
      marketer: readOnly(['marketer']),
      supplierX: readOnly(['supplierX']),
      supplierY: readOnly(['supplierY']),
      anon: REFUSED,
    },
  },
  {
    table: 'shops',
    rows: async (w) => ({ a: { id: w.shopA }, b: { id: w.shopB } }),
    insert: (w) => ({ code: `new-${w.tag}`, name: 'A new shop' }),
    update: { row: 'a', set: { name: 'Renamed shop' } },
    deletable: (w) => insertRow('shops', { code: `gone-${w.tag}`, name: 'A shop to close' }),
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: readOnly(['a']),
      staffB: readOnly(['b']),
      marketer: readOnly(['a', 'b']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'audit_log',
    rows: async (w) => {
      const entry = async (shopId: string) =>
        (await sql(`select id from public.audit_log where table_name = 'shops' and row_id = $1 and operation = 'INSERT'`, [shopId]))[0] as Row;
      return { a: await entry(w.shopA), b: await entry(w.shopB) };
    },
    insert: (w) => ({ actor_role: 'authenticated', table_name: 'shops', row_id: w.shopA, operation: 'DELETE' }),
    update: { row: 'a', set: { operation: 'DELETE' } },
    access: {
      admin: readOnly(['a', 'b']),
      staffA: SEE_NOTHING,
      staffB: SEE_NOTHING,
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'email_deliveries',
    key: 'dedupe_key',
    rows: async (w) => ({
      sent: { id: (await insertRow('email_deliveries', { dedupe_key: `matrix-${w.tag}`, recipient: 'm@example.com', template: 'recovery', locale: 'fr' })).dedupe_key },
    }),
    insert: (w) => ({ dedupe_key: `matrix-new-${w.tag}`, recipient: 'n@example.com', template: 'recovery', locale: 'fr' }),
    update: { row: 'sent', set: { status: 'sent' } },
    access: {
      admin: readOnly(['sent']),
      staffA: readOnly(['sent']),
      staffB: readOnly(['sent']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
];
