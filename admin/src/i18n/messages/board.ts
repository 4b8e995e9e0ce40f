// The order board: kanban columns per status (labels in orders.ts), filters, alerts, moves.
export default {
  fr: {
    board: {
      title: 'Tableau des commandes',
      filters: { shops: 'Boutiques', allShops: 'Toutes mes boutiques', channels: 'Canaux', allChannels: 'Tous les canaux', dates: 'Passées entre', from: 'Depuis le', to: "Jusqu'au", refresh: 'Actualiser' },
      column: { count: '{{shown}} sur {{total}}', empty: 'Aucune commande', more: '{{count}} de plus : affinez les filtres' },
      card: { late: 'En attente depuis plus de 24 h', move: 'Déplacer vers…', open: 'Ouvrir', noCustomer: 'Sans client' },
      late: { alert: '{{count}} commande(s) en attente depuis plus de 24 h', none: 'Aucune commande en attente depuis plus de 24 h' },
      move: {
        refused: 'Déplacement refusé : {{message}}', done: '{{number}} : {{status}}', allowed: 'Étapes possibles depuis « {{status}} » : {{next}}',
        final: 'Aucune étape après « {{status}} »', loading: 'Chargement du glisser-déposer…',
      },
      errors: { load: 'Les commandes ne se chargent pas : {{message}}' },
    },
  },
  en: {
    board: {
      title: 'Order board',
      filters: { shops: 'Shops', allShops: 'All my shops', channels: 'Channels', allChannels: 'All channels', dates: 'Placed between', from: 'From', to: 'Until', refresh: 'Refresh' },
      column: { count: '{{shown}} of {{total}}', empty: 'No orders', more: '{{count}} more: narrow the filters' },
      card: { late: 'Pending for more than 24 h', move: 'Move to…', open: 'Open', noCustomer: 'No customer' },
      late: { alert: '{{count}} order(s) pending for more than 24 h', none: 'No order pending for more than 24 h' },
      move: {
        refused: 'Move refused: {{message}}', done: '{{number}}: {{status}}', allowed: 'Next steps from "{{status}}": {{next}}',
        final: 'No step after "{{status}}"', loading: 'Loading drag and drop…',
      },
      errors: { load: 'The orders did not load: {{message}}' },
    },
  },
};
