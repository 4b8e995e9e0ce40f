// Conversations with customers: what they wrote on WhatsApp, Instagram and by e-mail, what staff
// answered, and the notes staff took of phone calls. `order` names the order it produced.
import type { ShopKey } from './shops.ts';

export interface DemoMessage {
  /** in: the customer, out: staff, note: an internal note (a phone call's transcript). */
  by: 'in' | 'out' | 'note';
  text: string;
  /** Minutes after the conversation started. */
  at: number;
}

export interface DemoConversation {
  shop: ShopKey;
  channel: 'whatsapp' | 'instagram' | 'email' | 'phone';
  /** Index in CUSTOMERS, or 'duplicate' for the duplicate profile; absent for someone unknown. */
  customer?: number | 'duplicate';
  subject?: string;
  status: 'open' | 'pending' | 'closed';
  daysAgo: number;
  order?: string;
  messages: DemoMessage[];
}

export const CONVERSATIONS: DemoConversation[] = [
  { shop: 'patisserie', channel: 'whatsapp', customer: 0, status: 'closed', daysAgo: 30, order: 'whatsapp-cake', messages: [
    { by: 'in', at: 0, text: 'Bonjour ! Est-ce que vous pourriez me faire un Paris-Brest pour 8 personnes pour samedi ?' },
    { by: 'out', at: 12, text: 'Bonjour Camille, bien sûr ! Samedi à partir de 10 h en boutique, ou livré chez vous ?' },
    { by: 'in', at: 20, text: 'Livré s’il vous plaît, rue Oberkampf. Et vous pouvez écrire « Joyeux anniversaire Paul » ?' },
    { by: 'out', at: 31, text: 'C’est noté : Paris-Brest 8 parts avec l’inscription, livraison samedi matin. Je vous envoie la commande.' },
    { by: 'in', at: 33, text: 'Parfait, merci beaucoup 🙏' },
  ] },
  { shop: 'patisserie', channel: 'instagram', customer: 'duplicate', status: 'closed', daysAgo: 21, order: 'duplicate', messages: [
    { by: 'in', at: 0, text: 'Coucou ! Vos macarons de la story sont encore dispo ? Je voudrais une boîte de 12 😍' },
    { by: 'out', at: 45, text: 'Bonjour ! Oui, il nous en reste. Je vous la mets de côté, vous passez quand ?' },
    { by: 'in', at: 50, text: 'Demain vers 16 h !' },
  ] },
  { shop: 'patisserie', channel: 'instagram', customer: 4, status: 'open', daysAgo: 0, messages: [
    { by: 'in', at: 0, text: 'Bonjour, faites-vous des entremets sans gluten ? Ma fille est cœliaque.' },
  ] },
  { shop: 'patisserie', channel: 'phone', customer: 7, status: 'closed', daysAgo: 6, subject: 'Commande du restaurant', messages: [
    { by: 'note', at: 0, text: 'Appel de M. Garnier (Le Petit Zinc) : passe de 40 à 60 croissants le samedi à partir du mois prochain. Livraison toujours avant 7 h.' },
    { by: 'note', at: 2, text: 'Prévenir l’atelier pour la production du samedi.' },
  ] },
  { shop: 'fleurs', channel: 'instagram', customer: 10, status: 'closed', daysAgo: 15, order: 'instagram-bouquet', messages: [
    { by: 'in', at: 0, text: 'Hello, c’est possible de livrer un bouquet de pivoines à Boulogne vendredi ? C’est pour un anniversaire 🌸' },
    { by: 'out', at: 25, text: 'Bonjour Inès ! Oui, nous livrons Boulogne le vendredi. Petit, moyen ou généreux ?' },
    { by: 'in', at: 40, text: 'Moyen, avec une petite carte « Bon anniversaire maman »' },
    { by: 'out', at: 47, text: 'Parfait, c’est commandé. Livraison vendredi entre 10 h et 13 h.' },
  ] },
  { shop: 'fleurs', channel: 'whatsapp', customer: 8, status: 'pending', daysAgo: 1, messages: [
    { by: 'in', at: 0, text: 'Bonjour, est-ce qu’il vous reste des lys blancs ? J’en voudrais un grand bouquet pour dimanche.' },
    { by: 'out', at: 18, text: 'Bonjour Emma, nous en attendons demain matin de Rungis. Je vous confirme dès réception !' },
  ] },
  { shop: 'fleurs', channel: 'phone', customer: 14, status: 'open', daysAgo: 1, subject: 'Couronne pour des obsèques', order: 'phone-wreath', messages: [
    { by: 'note', at: 0, text: 'Les pompes funèbres commandent une couronne de roses et lys blancs, ruban « À notre ami », livraison au funérarium jeudi 9 h.' },
    { by: 'note', at: 5, text: 'Facturation sur le relevé mensuel, comme d’habitude.' },
  ] },
  { shop: 'fleurs', channel: 'whatsapp', status: 'open', daysAgo: 0, messages: [
    { by: 'in', at: 0, text: 'Bonjour, vous faites des compositions pour un mariage en juin ? Une centaine d’invités.' },
  ] },
  { shop: 'cave', channel: 'email', customer: 16, status: 'closed', daysAgo: 25, subject: 'Conseil pour un dîner', messages: [
    { by: 'in', at: 0, text: 'Bonjour,\n\nJe reçois huit personnes samedi autour d’un gigot d’agneau. Que me conseilleriez-vous, pour 30 à 40 € la bouteille ?\n\nJules Garcia' },
    { by: 'out', at: 95, text: 'Bonjour Monsieur Garcia,\n\nUn Saint-Émilion Grand Cru 2018 serait parfait, ou, plus épicé, notre Châteauneuf-du-Pape 2019. Comptez trois bouteilles pour huit.\n\nBelle soirée,\nLa Cave Saint-Vincent' },
    { by: 'in', at: 180, text: 'Merci ! Je prends trois Saint-Émilion, je commande sur le site.' },
  ] },
  { shop: 'cave', channel: 'email', customer: 22, status: 'pending', daysAgo: 3, subject: 'Devis fin d’année', messages: [
    { by: 'in', at: 0, text: 'Bonjour, pourriez-vous nous faire un devis pour 24 champagnes, 36 rouges du domaine et 12 Chablis pour nos menus de fin d’année ?' },
    { by: 'out', at: 240, text: 'Bonjour, vous trouverez notre devis en pièce jointe, valable 30 jours. Livraison offerte.' },
  ] },
  { shop: 'cave', channel: 'whatsapp', customer: 39, status: 'open', daysAgo: 2, messages: [
    { by: 'in', at: 0, text: 'Ma commande est arrivée mais une bouteille est cassée 😢 je vous envoie la photo' },
    { by: 'out', at: 30, text: 'Oh non, désolés ! Nous vous remboursons la bouteille dès réception de la photo.' },
  ] },
  { shop: 'epicerie', channel: 'instagram', customer: 24, status: 'pending', daysAgo: 0, order: 'instagram-question', messages: [
    { by: 'in', at: 0, text: 'Bonjour ! Le miel de lavande, c’est du Valensole ? Je peux passer le chercher cet après-midi ?' },
    { by: 'out', at: 10, text: 'Oui, directement du plateau de Valensole. Je vous prépare un pot de 500 g, à tout à l’heure !' },
  ] },
  { shop: 'epicerie', channel: 'phone', customer: 30, status: 'closed', daysAgo: 12, subject: 'Colis pour Marseille', messages: [
    { by: 'note', at: 0, text: 'Mme Bonnet voudrait un coffret apéritif livré à Marseille pour l’anniversaire de son frère. Envoyé le lien de paiement par e-mail.' },
  ] },
  { shop: 'larder', channel: 'email', customer: 33, status: 'closed', daysAgo: 35, subject: 'Christmas hamper', order: 'email-hamper', messages: [
    { by: 'in', at: 0, text: 'Hello,\n\nCould you deliver a Gourmet hamper to my parents in Bath before the 20th? I would like to add a card.\n\nBest,\nOliver' },
    { by: 'out', at: 120, text: 'Dear Oliver,\n\nOf course: we deliver to Bath within three working days. I have added a card saying "Merry Christmas, love from Oliver".\n\nKind regards,\nThe French Larder' },
    { by: 'in', at: 150, text: 'Perfect, thank you!' },
  ] },
  { shop: 'larder', channel: 'email', customer: 36, status: 'open', daysAgo: 1, subject: 'Duty on wine?', messages: [
    { by: 'in', at: 0, text: 'Hi, is duty included in the price of the champagne when you deliver to Edinburgh?' },
  ] },
];
