// Orders: the order detail page (statuses, channels and other stored values are in values.ts).
export default {
  fr: {
    orders: {
      detail: {
        title: 'Commande {{number}}', notFound: "Cette commande n'existe pas ou vous n'y avez pas accès.",
        loadError: 'La commande ne se charge pas : {{message}}',
        shop: 'Boutique', channel: 'Canal', placedAt: 'Passée le', notPlaced: 'Pas encore passée', delivery: 'Livraison prévue',
        warehouse: 'Entrepôt', notes: 'Notes', reference: 'Référence canal', openBoard: 'Voir le tableau des commandes',
        openGenerated: 'Fiche complète',
        items: {
          title: 'Articles', product: 'Produit', sku: 'SKU', quantity: 'Qté', unitPrice: 'Prix unitaire (au moment de la vente)',
          discount: 'Remise', tax: 'TVA', lineTotal: 'Total ligne', none: 'Aucun article.',
        },
        totals: {
          title: 'Totaux', subtotal: 'Sous-total articles', discount: 'Remise commande', shipping: 'Livraison', total: 'Total TTC',
          tax: 'dont TVA',
        },
        customer: {
          title: 'Client', none: 'Commande sans client.', orders: 'Commandes', spent: 'Total dépensé', basket: 'Panier moyen',
          segment: 'Segment', firstOrder: 'Première commande', lastOrder: 'Dernière commande', loyalty: 'Points fidélité',
          previous: 'Commandes précédentes', noPrevious: 'Aucune autre commande.',
        },
        payments: {
          title: 'Paiements', none: 'Aucun paiement.', method: 'Moyen', status: 'État', amount: 'Montant', paidAt: 'Payé le',
          reference: 'Référence',
        },
        invoices: {
          title: 'Factures', none: 'Aucune facture.', number: 'Numéro', kind: 'Type', status: 'État', total: 'Total', issuedAt: 'Émise le',
          draft: 'Brouillon',
        },
        timeline: { title: 'Historique', created: 'Créée ({{status}})', change: '{{from}} → {{to}}', by: 'par {{name}}' },
        conversation: {
          title: 'Conversation', none: "Aucune conversation n'est liée à cette commande.", inbound: 'Client', outbound: 'Nous', note: 'Note interne',
          attachments: '{{count}} pièce(s) jointe(s)', open: 'Ouvrir la conversation',
        },
      },
    },
  },
  en: {
    orders: {
      detail: {
        title: 'Order {{number}}', notFound: 'This order does not exist or you cannot access it.',
        loadError: 'The order did not load: {{message}}',
        shop: 'Shop', channel: 'Channel', placedAt: 'Placed on', notPlaced: 'Not placed yet', delivery: 'Delivery date',
        warehouse: 'Warehouse', notes: 'Notes', reference: 'Channel reference', openBoard: 'Open the order board',
        openGenerated: 'Full record',
        items: {
          title: 'Items', product: 'Product', sku: 'SKU', quantity: 'Qty', unitPrice: 'Unit price (when sold)',
          discount: 'Discount', tax: 'VAT', lineTotal: 'Line total', none: 'No items.',
        },
        totals: {
          title: 'Totals', subtotal: 'Items subtotal', discount: 'Order discount', shipping: 'Shipping', total: 'Total incl. VAT',
          tax: 'of which VAT',
        },
        customer: {
          title: 'Customer', none: 'Order without a customer.', orders: 'Orders', spent: 'Total spent', basket: 'Average basket',
          segment: 'Segment', firstOrder: 'First order', lastOrder: 'Last order', loyalty: 'Loyalty points',
          previous: 'Previous orders', noPrevious: 'No other order.',
        },
        payments: {
          title: 'Payments', none: 'No payment.', method: 'Method', status: 'Status', amount: 'Amount', paidAt: 'Paid on',
          reference: 'Reference',
        },
        invoices: {
          title: 'Invoices', none: 'No invoice.', number: 'Number', kind: 'Kind', status: 'Status', total: 'Total', issuedAt: 'Issued on',
          draft: 'Draft',
        },
        timeline: { title: 'History', created: 'Created ({{status}})', change: '{{from}} → {{to}}', by: 'by {{name}}' },
        conversation: {
          title: 'Conversation', none: 'No conversation is linked to this order.', inbound: 'Customer', outbound: 'Us', note: 'Internal note',
          attachments: '{{count}} attachment(s)', open: 'Open the conversation',
        },
      },
    },
  },
};
