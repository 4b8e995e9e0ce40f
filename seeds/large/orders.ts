// A million orders over two years, more each month, in time order (so ids ascend): shops by size,
// customers by how often they buy (mostly in their home shop), items from what the shop sells by
// popularity, at the shop's price. Most orders are paid, some delivered awaiting payment, a few
// cancelled; the last days' orders are still in the workflow. Paid orders have a payment, some
// earned loyalty points. Totals are computed here with the orders migration's formulas (and
// checked set-based afterwards); history holds one 'imported' row per order; historical orders
// took no stock from the ledger (they were sold before the ledger began).
import { BASE_DATE, HISTORY_DAYS, type Counts } from './plan.ts';
import { DAY, includedTax, iso, rng, uuid7, WeightedIndex } from './ids.ts';
import { NULL } from './sink.ts';
import type { Connections } from './connections.ts';
import type { Reference } from './reference.ts';
import type { Catalogue } from './catalogue.ts';
import type { Customers } from './customers.ts';

const CHANNELS = [['web', 58], ['instagram', 8], ['whatsapp', 7], ['marketplace', 8], ['messenger', 3], ['tiktok', 3], ['email', 2],
  ['phone', 5], ['pos', 5], ['manual', 1]] as const;
const ITEM_COUNTS = [[1, 30], [2, 25], [3, 20], [4, 12], [5, 8], [6, 5]] as const;
const METHODS = [['stripe', 60], ['paypal', 25], ['transfer', 10], ['cash_on_delivery', 5]] as const;

export async function loadOrders(connections: Connections, seed: number, counts: Counts, ref: Reference, cat: Catalogue, people: Customers): Promise<void> {
  const random = rng(seed, 'orders');
  const sinks = await connections.sinks({
    orders: ['id', 'shop_id', 'number', 'customer_id', 'channel', 'channel_reference', 'status', 'currency', 'subtotal_cents', 'discount_cents',
      'shipping_cents', 'tax_cents', 'total_cents', 'warehouse_id', 'delivery_date', 'placed_at', 'created_at', 'updated_at'],
    order_items: ['id', 'order_id', 'shop_id', 'variant_id', 'product_name', 'sku', 'quantity', 'unit_price_cents', 'unit_cost_cents',
      'discount_cents', 'tax_rate_bp', 'created_at', 'updated_at'],
    order_status_history: ['order_id', 'shop_id', 'from_status', 'to_status', 'changed_at', 'note', 'created_at'],
    payments: ['id', 'order_id', 'shop_id', 'method', 'status', 'amount_cents', 'currency', 'provider_reference', 'paid_at', 'created_at', 'updated_at'],
    loyalty_entries: ['customer_id', 'points', 'reason', 'order_id', 'created_at'],
  });
  const n = counts.orders;
  const start = BASE_DATE - HISTORY_DAYS * DAY;
  const span = HISTORY_DAYS * DAY - 3_600_000;
  const shopIndex = new WeightedIndex(ref.shops.map((s) => s.weight));
  const numbers = new Map<string, number>();
  const variantsInOrder = new Set<number>();
  let customersBefore = 0;

  for (let o = 0; o < n; o++) {
    // Business grows: the density of orders rises linearly over the two years (F(x) = (x + x²) / 2).
    const f = (o + 0.5) / n;
    const placedMs = start + Math.floor(((-1 + Math.sqrt(1 + 8 * f)) / 2) * span);
    const ageDays = (BASE_DATE - placedMs) / DAY;
    const id = uuid7(random, placedMs);
    const s = shopIndex.draw(random);
    const shop = ref.shops[s];
    const shopCat = cat.shops[s];
    const year = new Date(placedMs).getUTCFullYear();
    const key = `${s}:${year}`;
    const seq = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, seq);
    const number = `ORD-${year}-${String(seq).padStart(6, '0')}`;
    const channel = random.pickWeighted(CHANNELS);

    while (customersBefore < people.id.length && people.createdMs[customersBefore] <= placedMs) customersBefore++;
    let customer = -1;
    if (!(channel === 'pos' || channel === 'marketplace') || random.chance(0.7)) {
      const home = people.byShop[s];
      const homeBefore = upperBound(home.created, placedMs);
      if (homeBefore > 0 && random.chance(0.75)) customer = home.members[home.activity.draw(random, homeBefore)];
      else if (customersBefore > 0) customer = people.activity.draw(random, customersBefore);
    }

    const status: string = ageDays < 2
      ? random.pickWeighted([['draft', 5], ['pending', 35], ['confirmed', 30], ['preparing', 20], ['ready', 5], ['cancelled', 5]] as const)
      : ageDays < 10
        ? random.pickWeighted([['preparing', 5], ['ready', 15], ['delivered', 45], ['paid', 30], ['cancelled', 5]] as const)
        : random.pickWeighted([['paid', 88], ['delivered', 4], ['cancelled', 8]] as const);
    const placed = status === 'draft' ? null : iso(placedMs);
    const created = iso(placedMs);
    const doneMs = Math.min(BASE_DATE - 60_000, placedMs + random.int(1, 6) * DAY);
    const updated = status === 'paid' || status === 'delivered' || status === 'cancelled' ? iso(doneMs) : created;

    let subtotal = 0;
    let tax = 0;
    variantsInOrder.clear();
    const lines = random.pickWeighted(ITEM_COUNTS);
    for (let l = 0; l < lines; l++) {
      const p = shopCat.products[shopCat.popularity.draw(random)];
      const v = cat.productFirstVariant[p] + random.int(0, cat.productVariantCount[p] - 1);
      if (variantsInOrder.has(v)) continue;
      variantsInOrder.add(v);
      const quantity = random.chance(0.8) ? 1 : random.int(2, 4);
      const unit = shopCat.prices.get(p) ?? cat.variantPrice[v];
      const discount = random.chance(0.05) ? Math.floor(quantity * unit * 0.1) : 0;
      const lineTotal = quantity * unit - discount;
      const rate = cat.productVat[p];
      subtotal += lineTotal;
      tax += includedTax(lineTotal, rate);
      const pr = sinks.order_items.add([uuid7(random, placedMs), id, shop.id, cat.variantId[v], cat.productName[p], cat.variantSku[v], String(quantity),
        String(unit), String(cat.variantCost[v]), String(discount), String(rate), created, created].join('\t'));
      if (pr) await pr;
    }
    const discount = random.chance(0.08) ? Math.floor(subtotal * 0.1) : 0;
    const shipping = channel === 'pos' || subtotal >= 6000 ? 0 : 590;
    const total = subtotal - discount + shipping;
    const warehouse = status === 'draft' && random.chance(0.5) ? NULL : shop.warehouse;
    const delivery = status === 'delivered' || status === 'paid' ? iso(doneMs).slice(0, 10) : NULL;
    const reference = channel === 'marketplace' ? `MKP-${id.slice(0, 8)}${id.slice(24)}` : NULL;
    let pr = sinks.orders.add([id, shop.id, number, customer < 0 ? NULL : people.id[customer], channel, reference, status, 'EUR', String(subtotal),
      String(discount), String(shipping), String(tax), String(total), warehouse, delivery, placed ?? NULL, created, updated].join('\t'));
    if (pr) await pr;
    pr = sinks.order_status_history.add([id, shop.id, NULL, status, updated, 'imported', updated].join('\t'));
    if (pr) await pr;

    if (status === 'paid') {
      const method = random.pickWeighted(METHODS);
      if (method === 'stripe' && random.chance(0.03)) {
        pr = sinks.payments.add([uuid7(random, placedMs), id, shop.id, method, 'failed', String(total), 'EUR', `pi_${id.replace(/-/g, '')}f`, NULL, created, created].join('\t'));
        if (pr) await pr;
      }
      const reference = method === 'stripe' ? `pi_${id.replace(/-/g, '')}` : method === 'paypal' ? `PAYID-${id.replace(/-/g, '').toUpperCase()}` : NULL;
      const paidAt = iso(method === 'cash_on_delivery' || method === 'transfer' ? doneMs : placedMs + 60_000);
      pr = sinks.payments.add([uuid7(random, placedMs), id, shop.id, method, 'succeeded', String(total), 'EUR', reference ?? NULL, paidAt, created, paidAt].join('\t'));
      if (pr) await pr;
      if (customer >= 0 && people.groupCode[customer] !== 'pro' && random.chance(0.15) && total >= 100) {
        pr = sinks.loyalty_entries.add([people.id[customer], String(Math.floor(total / 100)), 'order', id, paidAt].join('\t'));
        if (pr) await pr;
      }
    } else if (status === 'confirmed' || status === 'preparing' || status === 'ready') {
      pr = sinks.payments.add([uuid7(random, placedMs), id, shop.id, 'stripe', 'authorized', String(total), 'EUR', `pi_${id.replace(/-/g, '')}`, NULL, created, created].join('\t'));
      if (pr) await pr;
    }
  }
  await connections.endSinks(sinks);
}

/** How many values of an ascending array are ≤ limit. */
function upperBound(values: Float64Array, limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
