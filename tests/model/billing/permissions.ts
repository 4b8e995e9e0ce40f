// Who may read and change payments, invoices (quotes, credit notes) and their lines: staff of the
// shop and admins; marketers and suppliers nothing. Only admins delete payments; drafts of
// documents are deleted by staff, issued ones by nobody.
import { access, type TableSpec } from '../permissions.ts';
import type { World } from '../world.ts';
import { makeOrder } from '../orders/builders.ts';
import { makeInvoice, makeInvoiceLine, makePayment } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]) => ({ select, insert: false, update: false, delete: false });

const fixtures = new WeakMap<World, Promise<Record<string, any>>>();
function billingWorld(world: World) {
  if (!fixtures.has(world)) {
    fixtures.set(
      world,
      (async () => {
        const orderA = await makeOrder(world, world.shopA);
        const orderB = await makeOrder(world, world.shopB);
        const invoiceA = await makeInvoice(world.shopA);
        const invoiceB = await makeInvoice(world.shopB);
        return { orderA, orderB, invoiceA, invoiceB };
      })(),
    );
  }
  return fixtures.get(world)!;
}

const staffOfA = (labels: string[], remove: boolean) => ({ select: labels, insert: true, update: true, delete: remove });

export const specs: TableSpec[] = [
  {
    table: 'payments',
    rows: async (w) => {
      const { orderA, orderB } = await billingWorld(w);
      return { a: await makePayment(orderA.id, 1000), b: await makePayment(orderB.id, 1000) };
    },
    insert: async (w) => ({ order_id: (await billingWorld(w)).orderA.id, method: 'transfer', amount_cents: 777 }),
    update: { row: 'a', set: { status: 'authorized' } },
    deletable: async (w) => makePayment((await billingWorld(w)).orderA.id, 555),
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: staffOfA(['a'], false),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'invoices',
    rows: async (w) => {
      const { invoiceA, invoiceB } = await billingWorld(w);
      return { a: invoiceA, b: invoiceB };
    },
    insert: (w) => ({ shop_id: w.shopA, kind: 'quote', notes: `matrix ${w.tag}` }),
    update: { row: 'a', set: { notes: 'changed by the matrix' } },
    deletable: (w) => makeInvoice(w.shopA, { notes: 'to delete' }),
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: EVERYTHING(['a']),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'invoice_lines',
    rows: async (w) => {
      const { invoiceA, invoiceB } = await billingWorld(w);
      return { a: await makeInvoiceLine(invoiceA.id), b: await makeInvoiceLine(invoiceB.id) };
    },
    insert: async (w) => ({ invoice_id: (await billingWorld(w)).invoiceA.id, description: 'Inserted by the matrix', quantity: 3, unit_price_cents: 250 }),
    update: { row: 'a', set: { quantity: 4 } },
    deletable: async (w) => makeInvoiceLine((await billingWorld(w)).invoiceA.id, { description: 'to delete' }),
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: EVERYTHING(['a']),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
];
