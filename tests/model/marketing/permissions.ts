// Who may read and change segments, campaigns, promo pages, forms, submissions, pop-ups and the
// version history: the editors of a shop (its staff, marketers) and admins; suppliers and
// anonymous visitors nothing.
import { access, type Access, type TableSpec } from '../permissions.ts';
import type { World } from '../world.ts';
import { campaign, checkoutPopup, contentVersion, form, formSubmission, promoPage, published, segment } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]): Access => ({ select, insert: false, update: false, delete: false });

/** A table of shop-scoped content that the shop's editors read and write. */
const EDITED_BY_THE_SHOP: Record<string, Access> = {
  admin: EVERYTHING(['a', 'b']),
  staffA: EVERYTHING(['a']),
  staffB: readOnly(['b']),
  marketer: EVERYTHING(['a', 'b']),
  supplierX: SEE_NOTHING,
  supplierY: SEE_NOTHING,
  anon: REFUSED,
};

function shopContent(table: string, build: (shopId: string) => Promise<any>, insert: (w: World) => Record<string, unknown>, set: Record<string, unknown>): TableSpec {
  return {
    table,
    rows: async (w) => ({ a: await build(w.shopA), b: await build(w.shopB) }),
    insert,
    update: { row: 'a', set },
    access: EDITED_BY_THE_SHOP as TableSpec['access'],
  };
}

export const specs: TableSpec[] = [
  {
    table: 'segments',
    rows: async (w) => ({ a: await segment(w.shopA), b: await segment(w.shopB), all: await segment(null) }),
    insert: (w) => ({ shop_id: w.shopA, name: `Matrix segment ${w.tag}`, definition: { any: [{ field: 'segment', op: 'eq', value: 'vip' }] } }),
    update: { row: 'a', set: { name: 'Renamed by the matrix' } },
    access: {
      admin: EVERYTHING(['a', 'b', 'all']),
      staffA: EVERYTHING(['a', 'all']),
      staffB: readOnly(['b', 'all']),
      marketer: EVERYTHING(['a', 'b', 'all']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  shopContent('campaigns', (shop) => campaign(shop), (w) => ({ shop_id: w.shopA, name: `Matrix campaign ${w.tag}`, channel: 'sms', content: { text: 'Hi' } }), {
    name: 'Renamed by the matrix',
  }),
  shopContent('promo_pages', (shop) => promoPage(shop), (w) => ({ shop_id: w.shopA, slug: `matrix-${w.tag}`, title: 'Matrix page' }), {
    title: 'Retitled by the matrix',
  }),
  shopContent('forms', (shop) => form(shop), (w) => ({ shop_id: w.shopA, slug: `matrix-${w.tag}`, name: 'Matrix form' }), { name: 'Renamed by the matrix' }),
  shopContent('checkout_popups', (shop) => checkoutPopup(shop), (w) => ({ shop_id: w.shopA, name: `Matrix pop-up ${w.tag}`, priority: 5 }), { priority: 7 }),
  {
    table: 'form_submissions',
    rows: async (w) => ({ a: await formSubmission(w.shopA), b: await formSubmission(w.shopB) }),
    insert: async (w) => ({ form_id: (await published('form', form(w.shopA))).id, data: { email: `matrix-${w.tag}@example.com` } }),
    update: { row: 'a', set: { data: { email: 'changed@example.com' } } },
    access: {
      admin: { select: ['a', 'b'], insert: false, update: false, delete: true },
      staffA: readOnly(['a']),
      staffB: readOnly(['b']),
      marketer: readOnly(['a', 'b']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'content_versions',
    rows: async (w) => {
      const [a, b] = [await promoPage(w.shopA), await promoPage(w.shopB)];
      return { a: await contentVersion('promo_page', a.id), b: await contentVersion('promo_page', b.id) };
    },
    insert: async (w) => ({ entity_type: 'promo_page', entity_id: (await promoPage(w.shopA)).id, shop_id: w.shopA, version: 99, content: { forged: true } }),
    update: { row: 'a', set: { content: { rewritten: true } } },
    access: {
      admin: readOnly(['a', 'b']),
      staffA: readOnly(['a']),
      staffB: readOnly(['b']),
      marketer: readOnly(['a', 'b']),
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
];
