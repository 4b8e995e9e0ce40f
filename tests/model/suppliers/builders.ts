// Supplier rows for any domain's tests, inserted as the database owner (no RLS) and returned as
// Postgres has them. Names and SKUs carry the world's tag and a counter, so they never collide.
import { insertRow, type World } from '../world.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';

/** A row as Postgres returned it. */
export type Made = Record<string, any> & { id: string };

let counter = 0;
const next = (world: World, prefix: string) => `${prefix}-${world.tag}-${++counter}`;

/** A supplier, active, restocking, by name. */
export function makeSupplier(world: World, overrides: Record<string, unknown> = {}): Promise<Made> {
  return insertRow<Made>('suppliers', { name: `Supplier ${next(world, 'S')}`, ...overrides });
}

/** A person to reach at a supplier. */
export function makeSupplierContact(world: World, supplierId: string, overrides: Record<string, unknown> = {}): Promise<Made> {
  return insertRow<Made>('supplier_contacts', { supplier_id: supplierId, name: `Contact ${next(world, 'C')}`, ...overrides });
}

/** A variant as a supplier sells it, at 4.00 EUR and no declared stock unless overrides say otherwise. */
export function makeSupplierProduct(world: World, supplierId: string, variantId: string, overrides: Record<string, unknown> = {}): Promise<Made> {
  return insertRow<Made>('supplier_products', { supplier_id: supplierId, variant_id: variantId, supplier_sku: next(world, 'REF'), cost_cents: 400, ...overrides });
}

/** A product with one variant that supplier X supplies: what the catalogue shows supplier X. */
export async function makeSuppliedProduct(world: World): Promise<{ product: Made; variant: Made; supplierProduct: Made }> {
  const product = await makeProduct(world);
  const variant = await makeVariant(world, product.id);
  return { product: product as Made, variant: variant as Made, supplierProduct: await makeSupplierProduct(world, world.supplierX, variant.id) };
}
