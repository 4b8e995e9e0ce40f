// What the suppliers sell us and hold, and the stock we received into our depot: every level is
// made by movements of the ledger (purchases here, sales and returns later), never written.
import type { Demo } from './context.ts';
import { PRODUCTS } from './data/catalogue.ts';

export async function seedStock(demo: Demo): Promise<void> {
  if (demo.has('supplier_products')) {
    const prefix = { domaine: 'TC', grossiste: 'FRG' } as const;
    let n = 100;
    for (const product of PRODUCTS) {
      const supplier = product.supplier && demo.suppliers.get(product.supplier);
      if (!supplier) continue;
      for (const v of product.variants) {
        n += 7;
        await demo.insert('supplier_products', {
          supplier_id: supplier.id, variant_id: demo.variant(v.sku).id, supplier_sku: `${prefix[product.supplier!]}-${n}`,
          cost_cents: v.costCents, stock_quantity: demo.rng.int(2, 30) * 10, is_preferred: true,
          lead_time_days: product.supplier === 'grossiste' ? 1 : 5,
        });
      }
    }
  }

  if (!demo.has('stock_movements') || !demo.depot) return;
  // Opening stock, received in one delivery per supplier (or from our own workshop).
  for (const product of PRODUCTS) {
    for (const v of product.variants) {
      if (v.stock <= 0) continue;
      await demo.insert('stock_movements', {
        variant_id: demo.variant(v.sku).id, warehouse_id: demo.depot, quantity: v.stock, reason: 'purchase',
        note: product.supplier ? 'Réception de la commande d’ouverture' : 'Stock d’ouverture (production atelier)',
      });
    }
  }
}
