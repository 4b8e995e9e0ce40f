// Rows of the marketing domain, inserted as the database owner (no RLS, triggers on), for tests of
// this and other domains. Each builder takes what it must belong to and optional overrides.
import { randomUUID } from 'node:crypto';
import { sql } from '../../helpers/env.ts';
import { insertRow } from '../world.ts';

type Values = Record<string, unknown>;
/** A row as Postgres returned it. */
export type Built = Record<string, any> & { id: string };
const unique = () => randomUUID().slice(0, 8);

/** A segment of one shop, or of every shop when shopId is null. */
export function segment(shopId: string | null, values: Values = {}) {
  return insertRow<Built>('segments', { shop_id: shopId, name: `Segment ${unique()}`, definition: { all: [{ field: 'segment', op: 'in', value: ['vip', 'loyal'] }] }, ...values });
}

export function campaign(shopId: string, values: Values = {}) {
  return insertRow<Built>('campaigns', { shop_id: shopId, name: `Campaign ${unique()}`, channel: 'email', subject: 'Hello', content: { blocks: [] }, ...values });
}

export function promoPage(shopId: string, values: Values = {}) {
  return insertRow<Built>('promo_pages', { shop_id: shopId, slug: `page-${unique()}`, title: 'A promo page', content: { blocks: [{ type: 'hero', text: 'Soldes' }] }, ...values });
}

export function form(shopId: string, values: Values = {}) {
  return insertRow<Built>('forms', { shop_id: shopId, slug: `form-${unique()}`, name: 'A form', schema: { fields: [{ name: 'email', type: 'email', required: true }] }, ...values });
}

export function checkoutPopup(shopId: string, values: Values = {}) {
  return insertRow<Built>('checkout_popups', { shop_id: shopId, name: `Pop-up ${unique()}`, trigger: { cart_value_cents_gte: 5000 }, content: { title: 'Free shipping' }, ...values });
}

/** Publishes a page, form or pop-up as the owner (the service role's way), returning the row. */
export async function published(entityType: 'promo_page' | 'form' | 'checkout_popup', row: Built | Promise<Built>): Promise<Built> {
  const { id } = await row;
  await sql(`select public.publish_content($1, $2)`, [entityType, id]);
  const table = { promo_page: 'promo_pages', form: 'forms', checkout_popup: 'checkout_popups' }[entityType];
  return (await sql<Built>(`select * from public.${table} where id = $1`, [id]))[0];
}

/** A published form of the shop and one submission to it. */
export async function formSubmission(shopId: string, values: Values = {}) {
  const target = await published('form', form(shopId));
  return insertRow<Built>('form_submissions', { form_id: target.id, data: { email: `lead-${unique()}@example.com` }, source: { utm_source: 'newsletter' }, ...values });
}

/** The content_versions row of an entity's version (1 unless told). */
export async function contentVersion(entityType: string, entityId: string, version = 1): Promise<Record<string, any> & { id: number }> {
  const [row] = await sql(`select * from public.content_versions where entity_type = $1 and entity_id = $2 and version = $3`, [entityType, entityId, version]);
  return row;
}
