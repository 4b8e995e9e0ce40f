// Rows of the CRM for tests of any domain, inserted as the database owner (no RLS; triggers on).
import { sql } from '../../helpers/env.ts';
import { insertRow, type World } from '../world.ts';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A customer, of `shopId` (home shop, hence linked to it) when given. */
export async function makeCustomer(
  world: World,
  options: { shopId?: string | null; email?: string | null; displayName?: string; phone?: string } = {},
): Promise<Record<string, any>> {
  const n = next();
  const customer = await insertRow('customers', {
    display_name: options.displayName ?? `Customer ${n}`,
    email: options.email === undefined ? `customer-${n}-${world.tag}@example.com` : options.email,
    home_shop_id: options.shopId ?? null,
  });
  if (options.phone) {
    await sql(`update public.customers set phone_encrypted = app.encrypt_pii(app.normalise_phone($2)) where id = $1`, [customer.id, options.phone]);
  }
  return customer;
}

/** An identity (normalised, hashed and encrypted like add_customer_identity does). */
export async function makeIdentity(customerId: string, kind: string, value: string, verified = false): Promise<Record<string, any>> {
  const [row] = await sql(
    `with v as (select app.normalise_identity($2, $3) as n)
     insert into public.customer_identities (customer_id, kind, value_hash, value_encrypted, display, verified)
     select $1, $2, app.pii_hash(v.n), app.encrypt_pii(v.n),
            case when $2 in ('phone', 'whatsapp') then app.mask_phone(v.n) else v.n end, $4 from v
     returning *`,
    [customerId, kind, value, verified],
  );
  return row;
}

export async function makeAddress(customerId: string, address: Record<string, unknown> = {}, isDefault = false): Promise<Record<string, any>> {
  const full = { name: 'Camille Martin', line1: '1 rue de la Paix', postal_code: '75002', city: 'Paris', country_code: 'FR', ...address };
  const [row] = await sql(
    `insert into public.customer_addresses (customer_id, label, address_encrypted, country_code, is_default)
     values ($1, 'home', app.encrypt_pii($2::text), $3, $4) returning *`,
    [customerId, JSON.stringify(full), full.country_code, isDefault],
  );
  return row;
}

export function makeConsent(customerId: string, values: { channel?: string; purpose?: string; granted?: boolean } = {}): Promise<Record<string, any>> {
  return insertRow('customer_consents', {
    customer_id: customerId,
    channel: values.channel ?? 'email',
    purpose: values.purpose ?? 'marketing',
    granted: values.granted ?? true,
    source: 'test',
  });
}

export function makeLoyaltyEntry(customerId: string, points = 100, reason = 'welcome'): Promise<Record<string, any>> {
  return insertRow('loyalty_entries', { customer_id: customerId, points, reason });
}
