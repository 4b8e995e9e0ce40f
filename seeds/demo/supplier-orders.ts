// What we bought: a restock from the wine estate, confirmed and shipped by the estate's own user
// and received into the depot (purchase movements); another one sent to the wholesaler and not yet
// answered; and the wholesaler shipping a customer's bouquet directly, with its tracking number.
import type { Demo } from './context.ts';

export async function seedSupplierOrders(demo: Demo): Promise<void> {
  if (!demo.has('supplier_orders', 'supplier_order_items') || !demo.depot) return;
  const domaine = demo.suppliers.get('domaine');
  const grossiste = demo.suppliers.get('grossiste');
  if (!domaine || !grossiste) return;

  await demo.actAs('admin@comptoir.test');
  const restock = await supplierOrder(demo, domaine.id, { kind: 'restock', warehouse_id: demo.depot, notes: 'Réassort avant les fêtes', expected_at: isoDate(3) },
    [['cv-trois-chenes-rouge-75', 60], ['cv-trois-chenes-rouge-150', 6], ['cv-saint-emilion-75', 24], ['cv-sauternes-50', 12]]);
  await demo.update('supplier_orders', restock.id, { status: 'sent' });
  await demo.actAs('fournisseur1@comptoir.test');
  await demo.update('supplier_orders', restock.id, { status: 'confirmed' });
  await demo.update('supplier_orders', restock.id, { status: 'shipped', carrier: 'DB Schenker', tracking_number: 'SCHK-33-4471902' });
  await demo.actAs('admin@comptoir.test');
  await demo.update('supplier_orders', restock.id, { status: 'received', notes: 'Réassort avant les fêtes. Reçu complet, palette filmée.' });

  const waiting = await supplierOrder(demo, grossiste.id, { kind: 'restock', warehouse_id: demo.depot, notes: 'Lys et renoncules pour le week-end', expected_at: isoDate(-1) },
    [['af-lys-blancs-m', 10], ['af-lys-blancs-l', 6], ['af-renoncules-m', 12]]);
  await demo.update('supplier_orders', waiting.id, { status: 'sent' });

  const customerOrder = demo.orders.get('dropship');
  if (customerOrder) {
    const dropship = await supplierOrder(demo, grossiste.id, { kind: 'dropship', shop_id: customerOrder.shop_id, order_id: customerOrder.id, notes: `Livraison directe de la commande ${customerOrder.number}` },
      [['af-pivoines-l', 1]]);
    await demo.update('supplier_orders', dropship.id, { status: 'sent' });
    await demo.actAs('fournisseur2@comptoir.test');
    await demo.update('supplier_orders', dropship.id, { status: 'shipped', carrier: 'Colissimo', tracking_number: '6A23145987032' });
    await demo.actAs('admin@comptoir.test');
  }
}

async function supplierOrder(demo: Demo, supplierId: string, header: Record<string, unknown>, lines: Array<[string, number]>) {
  const order = await demo.insert('supplier_orders', { supplier_id: supplierId, status: 'draft', currency: 'EUR', ...header });
  for (const [sku, quantity] of lines) {
    const [sp] = await demo.query(`select id, cost_cents from public.supplier_products where supplier_id = $1 and variant_id = $2`, [supplierId, demo.variant(sku).id]);
    await demo.insert('supplier_order_items', { supplier_order_id: order.id, supplier_product_id: sp.id, variant_id: demo.variant(sku).id, quantity, unit_cost_cents: sp.cost_cents });
  }
  return order;
}

/** A date `days` from today (negative: in the past), as Postgres reads it. */
function isoDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
