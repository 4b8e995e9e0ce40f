// The business itself: its shops, its suppliers and their contacts, who works where, and where
// stock is kept (our depot, and one warehouse per supplier for the stock it declares).
import type { Demo } from './context.ts';
import { OWN_WAREHOUSE, SHOPS, SUPPLIERS, USERS } from './data/shops.ts';

export async function seedOrganisation(demo: Demo): Promise<void> {
  for (const shop of SHOPS) {
    demo.shops.set(shop.key, await demo.insert('shops', {
      code: shop.code, name: shop.name, domain: shop.domain, currency: 'EUR', locale: shop.locale,
      theme: shop.theme, status: 'active', legal_name: shop.legalName, vat_number: shop.vatNumber,
    }));
  }

  if (demo.has('suppliers', 'supplier_contacts')) {
    for (const supplier of SUPPLIERS) {
      const row = await demo.insert('suppliers', {
        name: supplier.name, email: supplier.email, phone: supplier.phone, lead_time_days: supplier.leadTimeDays,
        fulfilment_type: supplier.key === 'grossiste' ? 'both' : 'restock', currency: 'EUR',
        minimum_order_cents: supplier.key === 'domaine' ? 30000 : 15000,
        website: `https://${supplier.email.split('@')[1]}`,
      });
      demo.suppliers.set(supplier.key, row);
      for (const contact of supplier.contacts) await demo.insert('supplier_contacts', { supplier_id: row.id, ...contact });
    }
  }

  // A membership may survive from an earlier demo whose shops were deleted: grant each once.
  const grant = (userId: string, role: string, shopId: string | null, supplierId: string | null) => demo.query(
    `insert into public.memberships (user_id, role, shop_id, supplier_id) values ($1, $2, $3, $4)
     on conflict on constraint memberships_unique do nothing`, [userId, role, shopId, supplierId]);
  for (const user of USERS) {
    const userId = demo.users.get(user.email)!;
    if (user.role === 'supplier') {
      const supplier = demo.suppliers.get(user.supplier!);
      if (supplier) await grant(userId, 'supplier', null, supplier.id);
    } else if (user.shops) {
      for (const key of user.shops) await grant(userId, user.role, demo.shop(key).id, null);
    } else {
      await grant(userId, user.role, null, null);
    }
  }

  if (demo.has('warehouses')) {
    const depot = await demo.insert('warehouses', {
      code: OWN_WAREHOUSE.code, name: OWN_WAREHOUSE.name, kind: 'own',
      address: { line1: '14 passage Saint-Ambroise', postal_code: '75011', city: OWN_WAREHOUSE.city, country_code: 'FR' },
    });
    demo.depot = depot.id;
    // Made before the suppliers declare stock, so that their warehouses have readable codes.
    for (const supplier of SUPPLIERS) {
      const row = demo.suppliers.get(supplier.key);
      if (!row) continue;
      const warehouse = await demo.insert('warehouses', {
        code: supplier.warehouse.code, name: supplier.warehouse.name, kind: 'supplier', supplier_id: row.id,
        address: { city: supplier.warehouse.city, country_code: 'FR' },
      });
      demo.supplierWarehouses.set(supplier.key, warehouse.id);
    }
  }
}
