// The words for the values of the data model's status / kind / channel… columns (the lists of their
// `check (… in (…))` constraints and enum types), shared by every screen through valueLabel() in
// ../index.ts: `values.<column>.<value>`. A value missing here shows as it is stored.
//
// French agrees with the noun the row is: a cancelled order is « Annulée », a cancelled payment
// « Annulé ». The shared words are masculine; `tableValues.<table>.<column>.<value>` holds the
// feminine ones for the tables whose rows are feminine nouns (English has the same keys, same words).

const status = {
  fr: {
    draft: 'Brouillon', active: 'Actif', paused: 'En pause', closed: 'Fermé', archived: 'Archivé',
    pending: 'En attente', confirmed: 'Confirmé', preparing: 'En préparation', ready: 'Prêt', delivered: 'Livré', paid: 'Payé',
    cancelled: 'Annulé', issued: 'Émis', authorized: 'Autorisé', succeeded: 'Réussi', failed: 'Échoué', refunded: 'Remboursé',
    requested: 'Demandé', approved: 'Approuvé', refused: 'Refusé', received: 'Reçu', sent: 'Envoyé', shipped: 'Expédié',
    scheduled: 'Programmé', sending: "En cours d'envoi", published: 'Publié', open: 'Ouvert',
  },
  en: {
    draft: 'Draft', active: 'Active', paused: 'Paused', closed: 'Closed', archived: 'Archived',
    pending: 'Pending', confirmed: 'Confirmed', preparing: 'Preparing', ready: 'Ready', delivered: 'Delivered', paid: 'Paid',
    cancelled: 'Cancelled', issued: 'Issued', authorized: 'Authorised', succeeded: 'Succeeded', failed: 'Failed', refunded: 'Refunded',
    requested: 'Requested', approved: 'Approved', refused: 'Refused', received: 'Received', sent: 'Sent', shipped: 'Shipped',
    scheduled: 'Scheduled', sending: 'Sending', published: 'Published', open: 'Open',
  },
};

/** The statuses whose French word changes for a feminine noun (the others are the same for both). */
const feminineStatus: Partial<Record<keyof typeof status.fr, string>> = {
  active: 'Active', closed: 'Fermée', archived: 'Archivée', confirmed: 'Confirmée', ready: 'Prête', delivered: 'Livrée', paid: 'Payée',
  cancelled: 'Annulée', issued: 'Émise', authorized: 'Autorisée', refunded: 'Remboursée', requested: 'Demandée', approved: 'Approuvée',
  refused: 'Refusée', received: 'Reçue', sent: 'Envoyée', shipped: 'Expédiée', scheduled: 'Programmée', published: 'Publiée', open: 'Ouverte',
};

/** Tables whose row is a feminine noun in French: boutique, variante, commande, facture, conversation, demande de retour, campagne, page. */
const FEMININE_TABLES = [
  'shops', 'product_variants', 'orders', 'invoices', 'conversations', 'return_requests', 'supplier_orders', 'campaigns', 'promo_pages',
];

function feminine(locale: 'fr' | 'en'): Record<string, { status: Record<string, string> }> {
  const words = Object.fromEntries(
    Object.keys(feminineStatus).map((value) => [value, locale === 'fr' ? feminineStatus[value as keyof typeof feminineStatus]! : status.en[value as keyof typeof status.en]]),
  );
  return Object.fromEntries(FEMININE_TABLES.map((table) => [table, { status: words }]));
}

export default {
  fr: {
    values: {
      status: status.fr,
      channel: {
        web: 'Site web', whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', tiktok: 'TikTok', email: 'E-mail',
        phone: 'Téléphone', marketplace: 'Marketplace', pos: 'Caisse', manual: 'Saisie manuelle', sms: 'SMS',
      },
      method: {
        stripe: 'Carte (Stripe)', paypal: 'PayPal', cash_on_delivery: 'Paiement à la livraison', transfer: 'Virement',
        original_payment: 'Moyen de paiement initial', store_credit: 'Avoir boutique',
      },
      kind: {
        quote: 'Devis', invoice: 'Facture', credit_note: 'Avoir', order: 'Commande', supplier_order: 'Commande fournisseur',
        restock: 'Réassort', dropship: 'Dropshipping', own: 'En propre', supplier: 'Fournisseur', image: 'Image', video: 'Vidéo',
        email: 'E-mail', phone: 'Téléphone', whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', tiktok: 'TikTok',
        text: 'Texte', number: 'Nombre', boolean: 'Oui / non', enum: 'Liste de choix', colour: 'Couleur',
      },
      segment: {
        new: 'Nouveau', occasional: 'Occasionnel', regular: 'Régulier', loyal: 'Fidèle', vip: 'VIP', dormant: 'Dormant', churned: 'Perdu',
      },
      locale: { fr: 'Français', en: 'Anglais' },
      role: { admin: 'Administrateur', staff: 'Équipe', marketer: 'Marketing', supplier: 'Fournisseur' },
      direction: { inbound: 'Entrant', outbound: 'Sortant', note: 'Note interne' },
      purpose: { marketing: 'Marketing', transactional: 'Transactionnel' },
      fulfilment_type: { dropship: 'Dropshipping', restock: 'Réassort', both: 'Les deux' },
      reason: {
        purchase: 'Achat', sale: 'Vente', return: 'Retour', adjustment: 'Ajustement', transfer_in: 'Transfert entrant',
        transfer_out: 'Transfert sortant', cancellation: 'Annulation', supplier_count: 'Inventaire fournisseur',
        count_correction: "Correction d'inventaire",
      },
      resolution: { refund: 'Remboursement', store_credit: 'Avoir', exchange: 'Échange' },
      condition: { unopened: 'Non ouvert', opened: 'Ouvert', damaged: 'Endommagé', defective: 'Défectueux' },
      entity_type: { promo_page: 'Page promo', form: 'Formulaire', checkout_popup: 'Pop-up de commande', campaign: 'Campagne' },
      operation: { INSERT: 'Création', UPDATE: 'Modification', DELETE: 'Suppression' },
    },
    tableValues: feminine('fr'),
  },
  en: {
    values: {
      status: status.en,
      channel: {
        web: 'Website', whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', tiktok: 'TikTok', email: 'E-mail',
        phone: 'Phone', marketplace: 'Marketplace', pos: 'Point of sale', manual: 'Manual entry', sms: 'SMS',
      },
      method: {
        stripe: 'Card (Stripe)', paypal: 'PayPal', cash_on_delivery: 'Cash on delivery', transfer: 'Bank transfer',
        original_payment: 'Original payment method', store_credit: 'Store credit',
      },
      kind: {
        quote: 'Quote', invoice: 'Invoice', credit_note: 'Credit note', order: 'Order', supplier_order: 'Supplier order',
        restock: 'Restock', dropship: 'Dropship', own: 'Own', supplier: 'Supplier', image: 'Image', video: 'Video',
        email: 'E-mail', phone: 'Phone', whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', tiktok: 'TikTok',
        text: 'Text', number: 'Number', boolean: 'Yes / no', enum: 'Choice list', colour: 'Colour',
      },
      segment: {
        new: 'New', occasional: 'Occasional', regular: 'Regular', loyal: 'Loyal', vip: 'VIP', dormant: 'Dormant', churned: 'Churned',
      },
      locale: { fr: 'French', en: 'English' },
      role: { admin: 'Administrator', staff: 'Staff', marketer: 'Marketing', supplier: 'Supplier' },
      direction: { inbound: 'Inbound', outbound: 'Outbound', note: 'Internal note' },
      purpose: { marketing: 'Marketing', transactional: 'Transactional' },
      fulfilment_type: { dropship: 'Dropship', restock: 'Restock', both: 'Both' },
      reason: {
        purchase: 'Purchase', sale: 'Sale', return: 'Return', adjustment: 'Adjustment', transfer_in: 'Transfer in',
        transfer_out: 'Transfer out', cancellation: 'Cancellation', supplier_count: 'Supplier count',
        count_correction: 'Count correction',
      },
      resolution: { refund: 'Refund', store_credit: 'Store credit', exchange: 'Exchange' },
      condition: { unopened: 'Unopened', opened: 'Opened', damaged: 'Damaged', defective: 'Defective' },
      entity_type: { promo_page: 'Promo page', form: 'Form', checkout_popup: 'Checkout pop-up', campaign: 'Campaign' },
      operation: { INSERT: 'Created', UPDATE: 'Updated', DELETE: 'Deleted' },
    },
    tableValues: feminine('en'),
  },
};
