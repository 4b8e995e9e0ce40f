// The customers, as staff would enter them: the row, then phone, address and identities through
// the CRM's RPCs (which validate, encrypt and hash them), their consents and a welcome bonus.
import type { Demo } from './context.ts';
import { CUSTOMERS, DUPLICATE, customerEmail, customerPhone, type DemoCustomer } from './data/customers.ts';

export async function seedCustomers(demo: Demo): Promise<void> {
  if (!demo.has('customers', 'customer_identities', 'customer_addresses', 'customer_consents', 'loyalty_entries')) return;

  for (const [index, c] of CUSTOMERS.entries()) {
    const customer = await demo.insert('customers', {
      display_name: `${c.first} ${c.last}`, email: customerEmail(c), locale: c.locale ?? 'fr',
      home_shop_id: demo.shop(c.home).id, customer_group_id: c.group ? demo.groups.get(c.group) ?? null : null, notes: c.note ?? null,
    });
    demo.customers.push({ ...customer, data: c });
    const phone = customerPhone(c, index);
    await demo.rpc('set_customer_phone', { customer_id: customer.id, phone });
    await demo.rpc('save_customer_address', {
      customer_id: customer.id, label: c.group === 'professionnels' ? 'Livraison' : 'Domicile', is_default: true,
      address: { name: `${c.first} ${c.last}`, line1: c.street, postal_code: c.postcode, city: c.city, country_code: c.country, phone },
    });
    await identities(demo, customer.id, c, customerEmail(c), phone);
    await consents(demo, customer.id, c, index);
    if (c.group === 'fideles') await demo.insert('loyalty_entries', { customer_id: customer.id, points: 50, reason: 'Bienvenue au club fidélité' });
  }

  // The duplicate that the merge step folds into its original.
  const original = CUSTOMERS[DUPLICATE.of];
  const duplicate = await demo.insert('customers', {
    display_name: `${DUPLICATE.first} ${DUPLICATE.last}`, email: DUPLICATE.email, home_shop_id: demo.shop(original.home).id,
    notes: 'Profil créé depuis Instagram, sans doute la même personne que camille.martin@example.com.',
  });
  await demo.rpc('add_customer_identity', { customer_id: duplicate.id, kind: 'instagram', value: DUPLICATE.instagram, verified: false });
  await demo.insert('customer_consents', { customer_id: duplicate.id, channel: 'email', purpose: 'marketing', granted: true, source: 'Formulaire Instagram' });
  demo.customers.push({ ...duplicate, data: { ...original, instagram: DUPLICATE.instagram }, duplicate: true });
}

async function identities(demo: Demo, customerId: string, c: DemoCustomer, email: string, phone: string): Promise<void> {
  await demo.rpc('add_customer_identity', { customer_id: customerId, kind: 'email', value: email, verified: true });
  await demo.rpc('add_customer_identity', { customer_id: customerId, kind: 'phone', value: phone, verified: false });
  if (c.whatsapp) await demo.rpc('add_customer_identity', { customer_id: customerId, kind: 'whatsapp', value: phone, verified: true });
  if (c.instagram) await demo.rpc('add_customer_identity', { customer_id: customerId, kind: 'instagram', value: c.instagram, verified: true });
}

async function consents(demo: Demo, customerId: string, c: DemoCustomer, index: number): Promise<void> {
  const source = c.country === 'GB' ? 'Checkout' : 'Création du compte en boutique';
  await demo.insert('customer_consents', { customer_id: customerId, channel: 'email', purpose: 'transactional', granted: true, source });
  await demo.insert('customer_consents', { customer_id: customerId, channel: 'email', purpose: 'marketing', granted: Boolean(c.marketing), source });
  if (c.whatsapp) {
    await demo.insert('customer_consents', { customer_id: customerId, channel: 'whatsapp', purpose: 'transactional', granted: true, source: 'Premier message WhatsApp' });
    await demo.insert('customer_consents', { customer_id: customerId, channel: 'whatsapp', purpose: 'marketing', granted: Boolean(c.marketing), source: 'Premier message WhatsApp' });
  }
  // One customer changed their mind: the ledger keeps both answers.
  if (index === 2) {
    await demo.insert('customer_consents', { customer_id: customerId, channel: 'email', purpose: 'marketing', granted: false, source: 'Lien de désinscription' });
  }
}

/** Staff notice that the Instagram profile is Camille Martin's: they merge it, keeping the trace. */
export async function mergeDuplicate(demo: Demo): Promise<void> {
  const duplicate = demo.customers.find((c) => c.duplicate);
  if (!duplicate || !demo.has('customer_merges')) return;
  await demo.actAs('admin@comptoir.test');
  await demo.rpc('merge_customers', { keep: demo.customers[DUPLICATE.of].id, merge: duplicate.id });
}
