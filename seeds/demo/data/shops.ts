// The demo business: five shops of one French group, its people and its two suppliers.

/** Every demo user signs in with this password (the README lists the users). */
export const DEMO_PASSWORD = 'comptoir-demo';

export type ShopKey = 'patisserie' | 'fleurs' | 'cave' | 'epicerie' | 'larder';

export interface DemoShop {
  key: ShopKey;
  code: string;
  name: string;
  domain: string;
  locale: 'fr' | 'en';
  legalName: string;
  vatNumber: string;
  theme: Record<string, string>;
}

/** The first shop is also the marker of a seeded database: if its code exists, the demo is there. */
export const SHOPS: DemoShop[] = [
  {
    key: 'patisserie', code: 'patisserie-lumiere', name: 'Pâtisserie Lumière', domain: 'patisserie-lumiere.fr', locale: 'fr',
    legalName: 'Lumière Gourmandises SAS', vatNumber: 'FR40123456789',
    theme: { primary: '#c9a227', accent: '#5b3a29', font: 'Playfair Display', logo: 'lumiere.svg' },
  },
  {
    key: 'fleurs', code: 'atelier-des-fleurs', name: "L'Atelier des Fleurs", domain: 'atelier-des-fleurs.fr', locale: 'fr',
    legalName: 'Atelier des Fleurs SARL', vatNumber: 'FR52234567891',
    theme: { primary: '#d96c8a', accent: '#3f6b4a', font: 'Cormorant Garamond', logo: 'atelier.svg' },
  },
  {
    key: 'cave', code: 'cave-saint-vincent', name: 'La Cave Saint-Vincent', domain: 'cave-saint-vincent.fr', locale: 'fr',
    legalName: 'Cave Saint-Vincent SAS', vatNumber: 'FR63345678912',
    theme: { primary: '#7b1e3a', accent: '#d4b483', font: 'Libre Baskerville', logo: 'saint-vincent.svg' },
  },
  {
    key: 'epicerie', code: 'epicerie-du-marais', name: 'Épicerie Fine du Marais', domain: 'epicerie-du-marais.fr', locale: 'fr',
    legalName: 'Comptoir du Marais SAS', vatNumber: 'FR74456789123',
    theme: { primary: '#2f5d50', accent: '#e8c07d', font: 'Lora', logo: 'marais.svg' },
  },
  {
    key: 'larder', code: 'the-french-larder', name: 'The French Larder', domain: 'thefrenchlarder.co.uk', locale: 'en',
    legalName: 'The French Larder Ltd', vatNumber: 'GB123456789',
    theme: { primary: '#1d3557', accent: '#e63946', font: 'Inter', logo: 'larder.svg' },
  },
];

export type DemoRole = 'admin' | 'staff' | 'marketer' | 'supplier';

export interface DemoUser {
  email: string;
  displayName: string;
  role: DemoRole;
  /** Shops of a staff or marketer membership; none means every shop. */
  shops?: ShopKey[];
  supplier?: SupplierKey;
}

export const USERS: DemoUser[] = [
  { email: 'admin@comptoir.test', displayName: 'Claire Admin', role: 'admin' },
  { email: 'staff@comptoir.test', displayName: 'Julien Vendeur', role: 'staff', shops: ['patisserie', 'fleurs'] },
  { email: 'marketer@comptoir.test', displayName: 'Inès Marketing', role: 'marketer' },
  { email: 'fournisseur1@comptoir.test', displayName: 'Pierre Domaine', role: 'supplier', supplier: 'domaine' },
  { email: 'fournisseur2@comptoir.test', displayName: 'Sophie Grossiste', role: 'supplier', supplier: 'grossiste' },
];

export type SupplierKey = 'domaine' | 'grossiste';

export interface DemoSupplier {
  key: SupplierKey;
  name: string;
  email: string;
  phone: string;
  leadTimeDays: number;
  contacts: Array<{ name: string; email: string; phone: string; role: string }>;
  warehouse: { code: string; name: string; city: string };
}

export const SUPPLIERS: DemoSupplier[] = [
  {
    key: 'domaine', name: 'Domaine des Trois Chênes', email: 'commandes@trois-chenes.fr', phone: '+33 5 57 24 61 10', leadTimeDays: 5,
    contacts: [
      { name: 'Pierre Lacombe', email: 'pierre@trois-chenes.fr', phone: '+33 6 12 45 78 90', role: 'Gérant' },
      { name: 'Anne Vidal', email: 'anne@trois-chenes.fr', phone: '+33 6 23 56 89 01', role: 'Expéditions' },
    ],
    warehouse: { code: 'chai-trois-chenes', name: 'Chai du Domaine des Trois Chênes', city: 'Saint-Émilion' },
  },
  {
    key: 'grossiste', name: 'Fleurs de Rungis Grossiste', email: 'pro@fleurs-rungis.fr', phone: '+33 1 46 87 30 30', leadTimeDays: 1,
    contacts: [
      { name: 'Sophie Marchand', email: 'sophie@fleurs-rungis.fr', phone: '+33 6 34 67 90 12', role: 'Commerciale' },
      { name: 'Karim Benali', email: 'karim@fleurs-rungis.fr', phone: '+33 6 45 78 01 23', role: 'Logistique' },
    ],
    warehouse: { code: 'rungis-halle-fleurs', name: 'Halle aux fleurs de Rungis', city: 'Rungis' },
  },
];

/** The group's own depot, where the shops' stock is kept. */
export const OWN_WAREHOUSE = { code: 'depot-paris-11', name: 'Dépôt Paris 11e', city: 'Paris' };
