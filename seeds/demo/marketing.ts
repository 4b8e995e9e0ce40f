// Marketing, written by the marketer: a segment of good customers, a Christmas campaign still in
// draft, a published promo page, a published contest form with a few entries, a checkout pop-up.
import { createHash } from 'node:crypto';
import type { Demo } from './context.ts';

export async function seedMarketing(demo: Demo): Promise<void> {
  if (!demo.has('segments', 'campaigns', 'promo_pages', 'forms', 'form_submissions', 'checkout_popups')) return;
  await demo.actAs('marketer@comptoir.test');
  const patisserie = demo.shop('patisserie');
  const cave = demo.shop('cave');

  const segment = await demo.insert('segments', {
    shop_id: cave.id, name: 'Bons clients de la cave', description: 'Clients réguliers ou fidèles ayant dépensé plus de 50 €',
    definition: { all: [{ field: 'segment', op: 'in', value: ['regular', 'loyal', 'vip'] }, { field: 'total_spent_cents', op: 'gte', value: 5000 }] },
  });
  await demo.insert('segments', {
    shop_id: null, name: 'Clients endormis', description: 'Plus de commande depuis six mois',
    definition: { any: [{ field: 'segment', op: 'eq', value: 'dormant' }, { field: 'segment', op: 'eq', value: 'churned' }] },
  });
  await demo.insert('campaigns', {
    shop_id: cave.id, segment_id: segment.id, name: 'Sélection de Noël', channel: 'email', status: 'draft',
    subject: 'Nos champagnes et grands crus pour les fêtes 🥂',
    content: { preheader: 'Livraison offerte dès 6 bouteilles', blocks: [
      { type: 'heading', text: 'La sélection de Noël de la Cave Saint-Vincent' },
      { type: 'text', text: 'Notre caviste a choisi pour vous six bouteilles pour les repas de fête, du Champagne Brut Réserve au Sauternes 2017.' },
      { type: 'products', skus: ['cv-champagne-brut', 'cv-saint-emilion', 'cv-chablis', 'cv-sauternes'] },
      { type: 'button', text: 'Découvrir la sélection', url: 'https://cave-saint-vincent.fr/p/noel' },
    ] },
  });

  const page = await demo.insert('promo_pages', {
    shop_id: patisserie.id, slug: 'galette-des-rois', title: 'La galette des rois Lumière',
    content: { hero: { title: 'La galette des rois est de retour', subtitle: 'Frangipane aux amandes de Valensole, fève en porcelaine de Limoges', image: 'pages/galette.jpg' },
      blocks: [{ type: 'text', text: 'Réservez votre galette 48 h à l’avance, en boutique ou sur WhatsApp.' }, { type: 'cta', text: 'Réserver', url: '/f/concours-galette' }] },
    seo: { title: 'Galette des rois | Pâtisserie Lumière', description: 'Notre galette frangipane, à réserver dès maintenant.' },
  });
  await demo.rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id });

  const form = await demo.insert('forms', {
    shop_id: patisserie.id, slug: 'concours-galette', name: 'Concours : gagnez une galette',
    schema: { fields: [
      { name: 'prenom', label: 'Prénom', type: 'text', required: true },
      { name: 'email', label: 'E-mail', type: 'email', required: true },
      { name: 'saveur', label: 'Votre galette préférée', type: 'select', options: ['Frangipane', 'Pomme', 'Chocolat-poire'] },
      { name: 'newsletter', label: 'Je veux recevoir la newsletter', type: 'checkbox' },
    ] },
    settings: { notify_emails: ['staff@comptoir.test'], success_message: 'Merci ! Tirage au sort le 6 janvier.' },
  });
  const version = await demo.rpc<number>('publish_content', { entity_type: 'form', entity_id: form.id });
  const entries: Array<[string, string, string, boolean, number | null]> = [
    ['Camille', 'camille.martin@example.com', 'Frangipane', true, 0],
    ['Lucas', 'lucas.bernard@example.com', 'Chocolat-poire', false, 1],
    ['Hélène', 'helene.roy@example.org', 'Pomme', true, null],
    ['Chloé', 'chloe.robert@example.com', 'Frangipane', true, 4],
  ];
  for (const [i, [prenom, email, saveur, newsletter, customer]] of entries.entries()) {
    await demo.insert('form_submissions', {
      form_id: form.id, shop_id: patisserie.id, form_version: version, data: { prenom, email, saveur, newsletter },
      customer_id: customer === null ? null : demo.customers[customer].id,
      submitted_at: new Date(Date.now() - (i + 1) * 5 * 3_600_000).toISOString(),
      source: { utm_source: i % 2 ? 'instagram' : 'newsletter', page: '/p/galette-des-rois' },
      ip_hash: createHash('sha256').update(`demo-visitor-${i}`).digest('hex'),
    });
  }

  const popup = await demo.insert('checkout_popups', {
    shop_id: demo.shop('epicerie').id, name: 'Livraison offerte dès 60 €', priority: 10,
    trigger: { type: 'cart_value_below', amount_cents: 6000 },
    content: { title: 'Plus que quelques euros !', text: 'La livraison est offerte dès 60 € d’achat. Un pot de miel pour compléter ?', suggested_skus: ['em-miel-lavande-250', 'em-chocolat-noir'] },
    starts_at: new Date(Date.now() - 7 * 86_400_000).toISOString(), ends_at: new Date(Date.now() + 60 * 86_400_000).toISOString(),
  });
  await demo.rpc('publish_content', { entity_type: 'checkout_popup', entity_id: popup.id });
  await demo.actAs('admin@comptoir.test');
}
