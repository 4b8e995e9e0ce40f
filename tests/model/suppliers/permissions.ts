// Who may read and change suppliers, their contacts and supplier products: admins and staff read
// them all, admins (and global staff) write them, a supplier reads only its own and changes only
// its stock and costs, marketers see nothing.
import { access, type Access, type TableSpec } from '../permissions.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { makeSupplier, makeSupplierContact, makeSupplierProduct } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]): Access => ({ select, insert: false, update: false, delete: false });

const supplierData = (supplierX: Access): TableSpec['access'] => ({
  admin: EVERYTHING(['x', 'y']),
  staffA: readOnly(['x', 'y']),
  staffB: readOnly(['x', 'y']),
  marketer: SEE_NOTHING,
  supplierX,
  supplierY: readOnly(['y']),
  anon: REFUSED,
});

export const specs: TableSpec[] = [
  {
    table: 'suppliers',
    rows: async (w) => ({ x: { id: w.supplierX }, y: { id: w.supplierY } }),
    insert: (w) => ({ name: `A new supplier ${w.tag}` }),
    update: { row: 'x', set: { notes: 'Delivers on Tuesdays' } },
    deletable: (w) => makeSupplier(w),
    access: supplierData(readOnly(['x'])),
  },
  {
    table: 'supplier_contacts',
    rows: async (w) => ({ x: await makeSupplierContact(w, w.supplierX), y: await makeSupplierContact(w, w.supplierY) }),
    insert: (w) => ({ supplier_id: w.supplierX, name: `New contact ${w.tag}` }),
    update: { row: 'x', set: { phone: '+33 1 23 45 67 89' } },
    access: supplierData(readOnly(['x'])),
  },
  {
    table: 'supplier_products',
    rows: async (w) => {
      const variant = await makeVariant(w, (await makeProduct(w)).id);
      return { x: await makeSupplierProduct(w, w.supplierX, variant.id), y: await makeSupplierProduct(w, w.supplierY, variant.id) };
    },
    // Each try needs a variant supplier X does not supply yet.
    insert: async (w) => ({ supplier_id: w.supplierX, variant_id: (await makeVariant(w, (await makeProduct(w)).id)).id, supplier_sku: `NEW-${w.tag}`, cost_cents: 250 }),
    update: { row: 'x', set: { stock_quantity: 7 } },
    access: supplierData({ select: ['x'], insert: false, update: true, delete: false }),
  },
];
