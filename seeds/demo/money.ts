// Money: payments of paid orders (and a few still authorised or failed), invoices issued through
// the billing RPCs, a quote for a restaurant, loyalty points earned, and one return refunded
// with its credit note.
import type { Demo, Row } from './context.ts';

const METHODS: Array<[string, number]> = [['stripe', 6], ['paypal', 2], ['transfer', 1], ['cash_on_delivery', 1]];

export async function seedMoney(demo: Demo): Promise<void> {
  await demo.actAs('admin@comptoir.test');
  if (demo.has('payments', 'invoices', 'invoice_lines')) {
    let invoiced = 0;
    for (const order of demo.allOrders) {
      const status = order.planned.status;
      if (status === 'paid') {
        const method = order.planned.customer?.data.group === 'professionnels' ? 'transfer' : order.planned.channel === 'pos' ? 'stripe' : demo.rng.pickWeighted(METHODS);
        if (method === 'stripe' && demo.rng.chance(0.15)) {
          // A card declined first, then paid with another one.
          await payment(demo, order, method, 'failed');
        }
        await payment(demo, order, method, 'succeeded');
        // Invoices for the orders that ask for one, and all of the professionals'.
        if (order.planned.customer && (invoiced < 14 || order.planned.name === 'returned' || order.planned.customer.data.group === 'professionnels')) {
          const draftId = await demo.rpc<string>('invoice_order', { order_id: order.id });
          order.invoice = await demo.rpc('issue_invoice', { invoice_id: draftId });
          invoiced++;
        }
      } else if (status === 'delivered' || status === 'ready') {
        if (order.planned.channel === 'web') await payment(demo, order, 'stripe', 'authorized');
      }
    }
    await quote(demo);
  }

  if (demo.has('loyalty_entries')) {
    for (const order of demo.allOrders) {
      if (order.planned.status !== 'paid' || !order.planned.customer) continue;
      const current = await demo.query(`select total_cents from public.orders where id = $1`, [order.id]);
      const points = Math.floor(Number(current[0].total_cents) / 100);
      if (points > 0) await demo.insert('loyalty_entries', { customer_id: order.planned.customer.id, points, reason: `Commande ${order.number}`, order_id: order.id });
    }
    // A regular spends points on a free box of macarons.
    const camille = demo.customers[0];
    const [{ loyalty_points }] = await demo.query(`select loyalty_points from public.customers where id = $1`, [camille.id]);
    if (loyalty_points >= 40) await demo.insert('loyalty_entries', { customer_id: camille.id, points: -40, reason: 'Boîte de 6 macarons offerte' });
  }

  if (demo.has('return_requests', 'return_items', 'refunds')) await returned(demo);
}

async function payment(demo: Demo, order: Row, method: string, status: string): Promise<Row> {
  const [current] = await demo.query(`select total_cents from public.orders where id = $1`, [order.id]);
  const reference = method === 'stripe' ? `pi_demo_${demo.rng.uuid().replace(/-/g, '').slice(0, 20)}`
    : method === 'paypal' ? `PAYID-DEMO${demo.rng.int(100000, 999999)}` : method === 'transfer' ? `VIR-${order.number}` : null;
  const row = await demo.insert('payments', { order_id: order.id, method, status: 'pending', amount_cents: current.total_cents, currency: 'EUR', provider_reference: status === 'failed' ? `${reference}-declined` : reference });
  const final = await demo.update('payments', row.id, { status });
  if (status === 'succeeded') order.payment = final;
  return final;
}

/** A quote for the wine bar's end-of-year order, issued and waiting for an answer. */
async function quote(demo: Demo): Promise<void> {
  const bistrot = demo.customers.find((c) => c.data.last === 'Les Vignes');
  if (!bistrot) return;
  const shop = demo.shop('cave');
  const draft = await demo.insert('invoices', { shop_id: shop.id, customer_id: bistrot.id, kind: 'quote', currency: 'EUR', notes: 'Devis valable 30 jours. Livraison offerte dès 12 bouteilles.' });
  const lines: Array<[string, number, number]> = [
    ['Champagne Brut Réserve (cv-champagne-brut-75)', 24, 3200],
    ['Domaine des Trois Chênes rouge 2020 (cv-trois-chenes-rouge-75)', 36, 1530],
    ['Chablis Premier Cru 2021 (cv-chablis-75)', 12, 2900],
  ];
  for (const [position, [description, quantity, unit]] of lines.entries()) {
    await demo.insert('invoice_lines', { invoice_id: draft.id, position, description, quantity, unit_price_cents: unit, tax_rate_bp: 2000 });
  }
  await demo.rpc('issue_invoice', { invoice_id: draft.id });
}

/** A bottle arrived broken: the customer sends it back, gets their money and a credit note. */
async function returned(demo: Demo): Promise<void> {
  const order = demo.orders.get('returned');
  if (!order) return;
  const [item] = await demo.query(`select * from public.order_items where order_id = $1 order by unit_price_cents desc limit 1`, [order.id]);
  const request = await demo.insert('return_requests', {
    order_id: order.id, reason: 'Bouteille arrivée cassée, le carton était enfoncé. Photo jointe.', resolution: 'refund',
    photos: [`returns/${order.number}/carton.jpg`],
  });
  await demo.insert('return_items', { return_id: request.id, order_item_id: item.id, quantity: 1, restock: false, condition: 'damaged' });
  await demo.update('return_requests', request.id, { status: 'approved', staff_comment: 'Casse transporteur : remboursement sans retour du produit en rayon.' });
  await demo.update('return_requests', request.id, { status: 'received' });
  const amount = Number(item.unit_price_cents);
  const refund = await demo.insert('refunds', { return_id: request.id, order_id: order.id, payment_id: order.payment?.id ?? null, method: 'original_payment', amount_cents: amount });
  await demo.update('refunds', refund.id, { status: 'succeeded' });
  await demo.update('return_requests', request.id, { status: 'refunded' });
  order.returnRequest = request;
  if (order.invoice && demo.has('invoices')) {
    const note = await demo.insert('invoices', { shop_id: order.shop_id, order_id: order.id, customer_id: order.customer_id, kind: 'credit_note', corrects_invoice_id: order.invoice.id, notes: 'Avoir pour bouteille cassée au transport' });
    await demo.insert('invoice_lines', { invoice_id: note.id, position: 0, description: `${item.product_name} (${item.sku}), cassée`, quantity: 1, unit_price_cents: amount, tax_rate_bp: item.tax_rate_bp });
    await demo.rpc('issue_invoice', { invoice_id: note.id });
  }
}
