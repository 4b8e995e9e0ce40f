// The demo's customers: real-looking French (and a few British) people, with the channels they
// reach the shops on. Contact details are invented: phone numbers are in the ranges France
// reserves for fiction (+33 6 39 98 xx xx) and e-mails are on example domains.
import type { ShopKey } from './shops.ts';

export interface DemoCustomer {
  first: string;
  last: string;
  home: ShopKey;
  city: string;
  street: string;
  postcode: string;
  country: 'FR' | 'GB' | 'BE';
  locale?: 'fr' | 'en';
  /** Also reachable on WhatsApp (same number) and/or Instagram (handle). */
  whatsapp?: boolean;
  instagram?: string;
  group?: 'professionnels' | 'fideles';
  /** Opted in to marketing e-mails / WhatsApp. */
  marketing?: boolean;
  note?: string;
}

export const CUSTOMERS: DemoCustomer[] = [
  { first: 'Camille', last: 'Martin', home: 'patisserie', city: 'Paris', street: '12 rue Oberkampf', postcode: '75011', country: 'FR', whatsapp: true, instagram: 'camille.martin', marketing: true, group: 'fideles' },
  { first: 'Lucas', last: 'Bernard', home: 'patisserie', city: 'Paris', street: '8 rue de Charonne', postcode: '75011', country: 'FR', marketing: true },
  { first: 'Léa', last: 'Dubois', home: 'patisserie', city: 'Paris', street: '45 boulevard Voltaire', postcode: '75011', country: 'FR', instagram: 'lea_dbs', marketing: true },
  { first: 'Hugo', last: 'Thomas', home: 'patisserie', city: 'Montreuil', street: '3 rue de Paris', postcode: '93100', country: 'FR', whatsapp: true },
  { first: 'Chloé', last: 'Robert', home: 'patisserie', city: 'Paris', street: '27 rue de la Roquette', postcode: '75011', country: 'FR', instagram: 'chloe.patisse', marketing: true },
  { first: 'Gabriel', last: 'Richard', home: 'patisserie', city: 'Vincennes', street: '14 avenue de Paris', postcode: '94300', country: 'FR' },
  { first: 'Manon', last: 'Petit', home: 'patisserie', city: 'Paris', street: '6 rue Saint-Maur', postcode: '75011', country: 'FR', whatsapp: true, marketing: true },
  { first: 'Restaurant', last: 'Le Petit Zinc', home: 'patisserie', city: 'Paris', street: '11 rue Amelot', postcode: '75011', country: 'FR', group: 'professionnels', note: 'Livraison des viennoiseries chaque matin avant 7 h, porte de service.' },
  { first: 'Emma', last: 'Durand', home: 'fleurs', city: 'Paris', street: '19 rue des Martyrs', postcode: '75009', country: 'FR', whatsapp: true, instagram: 'emma.durand', marketing: true, group: 'fideles' },
  { first: 'Louis', last: 'Leroy', home: 'fleurs', city: 'Paris', street: '2 rue Lepic', postcode: '75018', country: 'FR', whatsapp: true },
  { first: 'Inès', last: 'Moreau', home: 'fleurs', city: 'Boulogne-Billancourt', street: '58 route de la Reine', postcode: '92100', country: 'FR', instagram: 'ines_moreau', marketing: true },
  { first: 'Arthur', last: 'Simon', home: 'fleurs', city: 'Paris', street: '33 rue des Abbesses', postcode: '75018', country: 'FR' },
  { first: 'Jade', last: 'Laurent', home: 'fleurs', city: 'Levallois-Perret', street: '7 rue Voltaire', postcode: '92300', country: 'FR', whatsapp: true, marketing: true },
  { first: 'Raphaël', last: 'Lefebvre', home: 'fleurs', city: 'Paris', street: '90 rue de Rennes', postcode: '75006', country: 'FR', instagram: 'raph.lefebvre' },
  { first: 'Pompes funèbres', last: 'Roc-Éclerc Paris 9', home: 'fleurs', city: 'Paris', street: '40 rue Blanche', postcode: '75009', country: 'FR', group: 'professionnels', note: 'Commandes de couronnes par téléphone, facturation mensuelle.' },
  { first: 'Alice', last: 'Michel', home: 'fleurs', city: 'Paris', street: '15 rue de Clichy', postcode: '75009', country: 'FR', whatsapp: true, instagram: 'alice.michel', marketing: true },
  { first: 'Jules', last: 'Garcia', home: 'cave', city: 'Lyon', street: '21 rue Mercière', postcode: '69002', country: 'FR', marketing: true, group: 'fideles' },
  { first: 'Louise', last: 'David', home: 'cave', city: 'Paris', street: '5 rue Cler', postcode: '75007', country: 'FR', whatsapp: true },
  { first: 'Adam', last: 'Bertrand', home: 'cave', city: 'Bordeaux', street: '17 cours de l’Intendance', postcode: '33000', country: 'FR', marketing: true },
  { first: 'Lina', last: 'Roux', home: 'cave', city: 'Paris', street: '62 rue du Bac', postcode: '75007', country: 'FR', instagram: 'lina.roux.vins' },
  { first: 'Maël', last: 'Vincent', home: 'cave', city: 'Nantes', street: '4 rue Crébillon', postcode: '44000', country: 'FR', whatsapp: true, marketing: true },
  { first: 'Rose', last: 'Fournier', home: 'cave', city: 'Paris', street: '29 avenue de Saxe', postcode: '75007', country: 'FR' },
  { first: 'Bistrot', last: 'Les Vignes', home: 'cave', city: 'Paris', street: '52 rue de Grenelle', postcode: '75007', country: 'FR', group: 'professionnels', note: 'Carte des vins renouvelée chaque trimestre.' },
  { first: 'Nathan', last: 'Morel', home: 'cave', city: 'Bruxelles', street: 'Rue Antoine Dansaert 80', postcode: '1000', country: 'BE', marketing: true },
  { first: 'Anna', last: 'Girard', home: 'epicerie', city: 'Paris', street: '10 rue des Rosiers', postcode: '75004', country: 'FR', instagram: 'anna.girard', marketing: true, group: 'fideles' },
  { first: 'Paul', last: 'André', home: 'epicerie', city: 'Paris', street: '36 rue Vieille-du-Temple', postcode: '75004', country: 'FR', whatsapp: true },
  { first: 'Mila', last: 'Lefèvre', home: 'epicerie', city: 'Paris', street: '18 rue de Turenne', postcode: '75003', country: 'FR', marketing: true },
  { first: 'Tom', last: 'Mercier', home: 'epicerie', city: 'Saint-Mandé', street: '9 avenue Gallieni', postcode: '94160', country: 'FR', whatsapp: true, instagram: 'tom.mercier' },
  { first: 'Ambre', last: 'Dupont', home: 'epicerie', city: 'Paris', street: '71 rue de Bretagne', postcode: '75003', country: 'FR' },
  { first: 'Noah', last: 'Lambert', home: 'epicerie', city: 'Paris', street: '24 rue des Francs-Bourgeois', postcode: '75003', country: 'FR', marketing: true },
  { first: 'Julia', last: 'Bonnet', home: 'epicerie', city: 'Marseille', street: '12 rue Saint-Ferréol', postcode: '13001', country: 'FR', whatsapp: true, marketing: true },
  { first: 'Théo', last: 'François', home: 'epicerie', city: 'Paris', street: '3 place des Vosges', postcode: '75004', country: 'FR', instagram: 'theo.francois' },
  { first: 'Zoé', last: 'Martinez', home: 'epicerie', city: 'Paris', street: '44 rue de Bretagne', postcode: '75003', country: 'FR', marketing: true },
  { first: 'Oliver', last: 'Smith', home: 'larder', city: 'London', street: '14 Columbia Road', postcode: 'E2 7RG', country: 'GB', locale: 'en', marketing: true, group: 'fideles' },
  { first: 'Amelia', last: 'Jones', home: 'larder', city: 'London', street: '221 Upper Street', postcode: 'N1 1RQ', country: 'GB', locale: 'en', instagram: 'amelia.eats' },
  { first: 'Harry', last: 'Williams', home: 'larder', city: 'Bristol', street: '8 Park Street', postcode: 'BS1 5HX', country: 'GB', locale: 'en', whatsapp: true },
  { first: 'Isla', last: 'Brown', home: 'larder', city: 'Edinburgh', street: '32 Stockbridge Lane', postcode: 'EH3 6AA', country: 'GB', locale: 'en', marketing: true },
  { first: 'George', last: 'Taylor', home: 'larder', city: 'Manchester', street: '5 Deansgate', postcode: 'M3 2BW', country: 'GB', locale: 'en' },
  { first: 'Sophie', last: 'Evans', home: 'larder', city: 'London', street: '67 Marylebone High Street', postcode: 'W1U 5JF', country: 'GB', locale: 'en', whatsapp: true, marketing: true },
  { first: 'Margaux', last: 'Blanc', home: 'cave', city: 'Paris', street: '13 rue Cler', postcode: '75007', country: 'FR', whatsapp: true, instagram: 'margaux.blanc', marketing: true },
];

/**
 * A duplicate the shops made before they knew better: the same Camille Martin, who once wrote on
 * Instagram from another profile. The seed merges it into the first customer, leaving the trace.
 */
export const DUPLICATE = { of: 0, first: 'Camille', last: 'Martin', instagram: 'camille_m_paris', email: 'camille.m@example.net' };

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

/** The customer's e-mail, deterministic. */
export function customerEmail(c: DemoCustomer): string {
  const domain = c.country === 'GB' ? 'example.co.uk' : c.group === 'professionnels' ? 'example.fr' : 'example.com';
  return `${slug(c.first)}.${slug(c.last)}@${domain}`;
}

/** The customer's phone number in international form, from its position in the list (fiction ranges). */
export function customerPhone(c: DemoCustomer, index: number): string {
  if (c.country === 'GB') return `+44 7700 900${String(100 + index).slice(-3)}`;
  const n = String(index).padStart(2, '0');
  return c.group === 'professionnels' ? `+33 1 99 00 ${n} ${n}` : `+33 6 39 98 ${n} ${String(index * 7 % 100).padStart(2, '0')}`;
}
