// The supplier portal: the supplier's record, products (stock, cost) and supplier orders.
export default {
  fr: {
    supplier: {
      title: 'Espace fournisseur',
      noSupplier: "Votre compte n'est rattaché à aucun fournisseur.",
      record: {
        legalName: 'Raison sociale', email: 'E-mail', phone: 'Téléphone', website: 'Site web', fulfilment: 'Mode',
        leadTime: 'Délai', days: '{{days}} jours', minimumOrder: 'Commande minimum',
        status: { active: 'Actif', paused: 'En pause' },
        fulfilmentType: { restock: 'Réassort', dropship: 'Expédition directe', both: 'Réassort et expédition directe' },
      },
      products: {
        title: 'Mes produits', search: 'Rechercher une référence', empty: 'Aucun produit',
        sku: 'Votre référence', product: 'Produit', variant: 'Variante', stock: 'Stock', cost: 'Prix de vente HT',
        updated: 'Mis à jour', preferred: 'Préféré',
        stockOf: 'Stock de {{sku}}', costOf: 'Prix de {{sku}}',
      },
      orders: {
        title: 'Mes commandes', empty: 'Aucune commande', number: 'Numéro', kind: 'Type', status: 'Statut',
        created: 'Créée le', expected: 'Attendue le', total: 'Total', carrier: 'Transporteur', tracking: 'N° de suivi',
        trackingOf: 'N° de suivi de {{number}}', trackingPlaceholder: 'Saisir le n° de suivi', actions: 'Actions',
        quantity: 'Quantité', received: 'Reçue', unitCost: 'Prix unitaire',
        to: { confirmed: 'Confirmer', shipped: 'Marquer expédiée' },
        moved: 'Commande {{number}} : {{status}}',
      },
      kind: { restock: 'Réassort', dropship: 'Expédition directe' },
      status: {
        draft: 'Brouillon', sent: 'Envoyée', confirmed: 'Confirmée', shipped: 'Expédiée', received: 'Reçue', cancelled: 'Annulée',
      },
      refused: {
        notFound: "Cette ligne n'existe pas ou ne vous appartient pas.",
        forbidden: "Modification refusée : vous n'avez pas le droit de changer ceci",
        invalid: 'Valeur refusée',
        rule: 'Modification refusée',
        other: 'Enregistrement impossible',
      },
    },
  },
  en: {
    supplier: {
      title: 'Supplier portal',
      noSupplier: 'Your account is not linked to any supplier.',
      record: {
        legalName: 'Legal name', email: 'E-mail', phone: 'Phone', website: 'Website', fulfilment: 'Fulfilment',
        leadTime: 'Lead time', days: '{{days}} days', minimumOrder: 'Minimum order',
        status: { active: 'Active', paused: 'Paused' },
        fulfilmentType: { restock: 'Restock', dropship: 'Dropship', both: 'Restock and dropship' },
      },
      products: {
        title: 'My products', search: 'Search a reference', empty: 'No products',
        sku: 'Your reference', product: 'Product', variant: 'Variant', stock: 'Stock', cost: 'Price (excl. VAT)',
        updated: 'Updated', preferred: 'Preferred',
        stockOf: 'Stock of {{sku}}', costOf: 'Price of {{sku}}',
      },
      orders: {
        title: 'My orders', empty: 'No orders', number: 'Number', kind: 'Kind', status: 'Status',
        created: 'Created', expected: 'Expected', total: 'Total', carrier: 'Carrier', tracking: 'Tracking number',
        trackingOf: 'Tracking number of {{number}}', trackingPlaceholder: 'Enter the tracking number', actions: 'Actions',
        quantity: 'Quantity', received: 'Received', unitCost: 'Unit price',
        to: { confirmed: 'Confirm', shipped: 'Mark shipped' },
        moved: 'Order {{number}}: {{status}}',
      },
      kind: { restock: 'Restock', dropship: 'Dropship' },
      status: {
        draft: 'Draft', sent: 'Sent', confirmed: 'Confirmed', shipped: 'Shipped', received: 'Received', cancelled: 'Cancelled',
      },
      refused: {
        notFound: 'This row does not exist or is not yours.',
        forbidden: 'Change refused: you may not change this',
        invalid: 'Value refused',
        rule: 'Change refused',
        other: 'Could not save',
      },
    },
  },
};
