// The dashboard: figures, period and shop pickers, sales curves, stock alerts, anomalies.
// (dashboard.title, the menu label, is in common.ts.)
export default {
  fr: {
    dashboard: {
      period: {
        label: 'Période', today: "Aujourd'hui", days7: '7 jours', days30: '30 jours', custom: 'Personnalisée',
        range: 'Du {{start}} au {{end}}', previous: 'comparé au {{start}} – {{end}}',
      },
      shops: { label: 'Boutiques', all: 'Toutes mes boutiques', placeholder: 'Toutes mes boutiques' },
      figures: {
        revenue: "Chiffre d'affaires", orders: 'Commandes', basket: 'Panier moyen', margin: 'Marge',
        revenueHelp: 'TTC, livraison incluse, remises déduites ; commandes passées non annulées.',
        marginHelp: 'Ventes HT hors livraison, moins le coût des articles vendus.',
        vsPrevious: 'vs période précédente', noPrevious: 'rien sur la période précédente',
        uncosted: '{{count}} article(s) vendu(s) sans coût connu : la marge est surestimée.',
        cancelled: '{{count}} commande(s) annulée(s) sur la période',
        currency: 'Devise {{currency}}',
      },
      today: { title: "Aujourd'hui", line: '{{orders}} commande(s) · {{revenue}} · marge {{margin}}' },
      perShop: {
        title: 'Par boutique', shop: 'Boutique', revenue: 'CA', orders: 'Commandes', basket: 'Panier moyen', margin: 'Marge',
        change: 'Évolution', today: "Aujourd'hui",
      },
      chart: {
        title: 'Ventes par jour', topShops: 'Les {{count}} boutiques au plus fort CA de la période', selectedShops: 'Boutiques choisies',
        loading: 'Chargement du graphique…', empty: 'Aucune vente sur la période.',
        revenue: 'CA', orders: 'Commandes', metric: 'Mesure',
      },
      alerts: {
        title: 'Alertes de stock', count: '{{count}} variante(s) sous leur seuil', none: 'Aucune variante sous son seuil.',
        sku: 'SKU', product: 'Produit', quantity: 'Stock', threshold: 'Seuil',
      },
      anomalies: {
        title: 'Anomalies', help: "Boutiques dont le CA des 7 derniers jours complets est sous 50 % de leur moyenne des 8 semaines d'avant (mêmes jours).",
        none: 'Aucune boutique sous son niveau habituel.', shop: 'Boutique', recent: '7 derniers jours', usual: 'Habituel (moy. 8 sem.)',
        ratio: 'Ratio',
      },
      errors: { load: 'Les chiffres ne se chargent pas : {{message}}' },
    },
  },
  en: {
    dashboard: {
      period: {
        label: 'Period', today: 'Today', days7: '7 days', days30: '30 days', custom: 'Custom',
        range: 'From {{start}} to {{end}}', previous: 'compared with {{start}} – {{end}}',
      },
      shops: { label: 'Shops', all: 'All my shops', placeholder: 'All my shops' },
      figures: {
        revenue: 'Revenue', orders: 'Orders', basket: 'Average basket', margin: 'Margin',
        revenueHelp: 'VAT and shipping included, discounts off; placed orders that are not cancelled.',
        marginHelp: 'Sales without VAT or shipping, minus the cost of the items sold.',
        vsPrevious: 'vs previous period', noPrevious: 'nothing in the previous period',
        uncosted: '{{count}} item(s) sold without a known cost: the margin is overstated.',
        cancelled: '{{count}} order(s) cancelled in the period',
        currency: 'Currency {{currency}}',
      },
      today: { title: 'Today', line: '{{orders}} order(s) · {{revenue}} · margin {{margin}}' },
      perShop: {
        title: 'Per shop', shop: 'Shop', revenue: 'Revenue', orders: 'Orders', basket: 'Average basket', margin: 'Margin',
        change: 'Change', today: 'Today',
      },
      chart: {
        title: 'Sales per day', topShops: 'The {{count}} shops with the highest revenue in the period', selectedShops: 'Chosen shops',
        loading: 'Loading the chart…', empty: 'No sales in the period.',
        revenue: 'Revenue', orders: 'Orders', metric: 'Measure',
      },
      alerts: {
        title: 'Stock alerts', count: '{{count}} variant(s) at or below their threshold', none: 'No variant at or below its threshold.',
        sku: 'SKU', product: 'Product', quantity: 'Stock', threshold: 'Threshold',
      },
      anomalies: {
        title: 'Anomalies', help: 'Shops whose revenue over the last 7 complete days is under 50% of their average over the 8 weeks before (same days).',
        none: 'No shop below its usual level.', shop: 'Shop', recent: 'Last 7 days', usual: 'Usual (8-week avg.)',
        ratio: 'Ratio',
      },
      errors: { load: 'The figures did not load: {{message}}' },
    },
  },
};
