// How much of everything the large seed makes, at a scale (1 = the full volume), and the fixed
// date it is all placed around (never now(), so the same seed gives the same rows any day).
export const BASE_DATE = Date.UTC(2026, 10, 1); // 2026-11-01: "today" for the seed
export const HISTORY_DAYS = 730; // orders spread over the two years before it

export interface Counts {
  shops: number;
  ownWarehouses: number;
  suppliers: number;
  products: number;
  customers: number;
  orders: number;
}

export function countsAt(scale: number): Counts {
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be in (0, 10], not ${scale}`);
  const at = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  return {
    shops: at(50, 3),
    ownWarehouses: at(4, 2),
    suppliers: at(40, 3),
    products: at(30_000, 20),
    customers: at(200_000, 50),
    orders: at(1_000_000, 100),
  };
}

export const FIRST_NAMES = ['Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Jade', 'Louise', 'Alice', 'Lina', 'Sarah', 'Julie',
  'Marie', 'Anne', 'Claire', 'Sophie', 'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Adam', 'Raphaël', 'Thomas',
  'Nathan', 'Paul', 'Léo', 'Théo', 'Antoine', 'Julien', 'Nicolas', 'Pierre', 'Mehdi', 'Karim', 'Yasmine', 'Fatou', 'Nora',
  'Ibrahim', 'Mathis', 'Clément', 'Elise', 'Margaux', 'Zoé', 'Victor', 'Romain', 'Océane', 'Noah', 'Maël', 'Rose'];
export const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
  'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure',
  'Rousseau', 'Blanc', 'Guerin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clement', 'Gauthier',
  'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Diallo', 'Nguyen', 'Benali', 'Haddad', 'Traoré', 'Da Silva'];
export const CITIES: ReadonlyArray<readonly [string, string]> = [['Paris', '75011'], ['Lyon', '69003'], ['Marseille', '13006'],
  ['Toulouse', '31000'], ['Nice', '06000'], ['Nantes', '44000'], ['Strasbourg', '67000'], ['Montpellier', '34000'],
  ['Bordeaux', '33000'], ['Lille', '59000'], ['Rennes', '35000'], ['Reims', '51100'], ['Grenoble', '38000'], ['Dijon', '21000']];
export const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Voltaire', 'rue du Moulin',
  'place de la Mairie', 'rue des Écoles', 'allée des Tilleuls', 'chemin des Vignes', 'rue Pasteur'];
export const EMAIL_DOMAINS = ['example.com', 'example.fr', 'example.net', 'mail.example.org'];

export const BRANDS = ['Atelier Lumen', 'Bois & Co', 'Céladon', 'Douceur', 'Épure', 'Fil d\'Or', 'Garance', 'Hêtre', 'Iris',
  'Jardin Secret', 'Kapok', 'Lin Blanc', 'Mistral', 'Nacre', 'Olivier', 'Pampa', 'Quartz', 'Rivage', 'Saline', 'Tilleul',
  'Ulysse', 'Vermeil', 'Wabi', 'Xylo', 'Yuzu', 'Zéphyr', 'Alpaga', 'Basalte', 'Cobalt', 'Dune', 'Ébène', 'Fjord', 'Givre',
  'Houle', 'Indigo', 'Jasmin', 'Korail', 'Lagune', 'Myrtille', 'Nomade', 'Orage', 'Pivoine', 'Roseau', 'Sirocco', 'Topaze',
  'Ulmo', 'Velours', 'Willow', 'Yonne', 'Zinc', 'Argile', 'Bruyère', 'Cèdre', 'Dahlia', 'Estran', 'Fougère', 'Granit',
  'Hibiscus', 'Ivoire', 'Jade Studio'];
export const ADJECTIVES = ['classique', 'douce', 'naturelle', 'légère', 'premium', 'artisanale', 'vintage', 'moderne', 'bio',
  'essentielle', 'grande', 'petite', 'tressée', 'brodée', 'recyclée', 'nomade', 'sauvage', 'urbaine', 'minérale', 'solaire'];
export const TAGS = ['nouveauté', 'best-seller', 'fait-main', 'éco', 'cadeau', 'soldes', 'made-in-france', 'édition-limitée'];

/** Category roots: slug, name, English name, attribute template, VAT rate, subcategory names. */
export const ROOTS: ReadonlyArray<{ slug: string; fr: string; en: string; template: 'apparel' | 'colour' | 'volume' | 'none'; vat: number; subs: string[] }> = [
  { slug: 'mode', fr: 'Mode', en: 'Fashion', template: 'apparel', vat: 2000, subs: ['robes', 'chemises', 'pulls', 'pantalons', 'vestes', 'jupes', 't-shirts', 'manteaux'] },
  { slug: 'chaussures', fr: 'Chaussures', en: 'Shoes', template: 'apparel', vat: 2000, subs: ['baskets', 'bottes', 'sandales', 'escarpins', 'mocassins', 'chaussons'] },
  { slug: 'maison', fr: 'Maison', en: 'Home', template: 'colour', vat: 2000, subs: ['coussins', 'plaids', 'vases', 'bougies', 'luminaires', 'tapis', 'rideaux', 'miroirs'] },
  { slug: 'cuisine', fr: 'Cuisine', en: 'Kitchen', template: 'colour', vat: 2000, subs: ['vaisselle', 'verres', 'ustensiles', 'linge-de-table', 'rangement'] },
  { slug: 'beaute', fr: 'Beauté', en: 'Beauty', template: 'volume', vat: 2000, subs: ['soins-visage', 'soins-corps', 'parfums', 'maquillage', 'cheveux', 'bain'] },
  { slug: 'epicerie', fr: 'Épicerie fine', en: 'Fine food', template: 'volume', vat: 550, subs: ['thes', 'cafes', 'confitures', 'huiles', 'biscuits', 'chocolats', 'epices'] },
  { slug: 'enfants', fr: 'Enfants', en: 'Kids', template: 'apparel', vat: 2000, subs: ['bebe', 'jouets', 'vetements-enfants', 'chambre', 'eveil'] },
  { slug: 'sport', fr: 'Sport', en: 'Sport', template: 'apparel', vat: 2000, subs: ['yoga', 'running', 'randonnee', 'natation', 'velo'] },
  { slug: 'jardin', fr: 'Jardin', en: 'Garden', template: 'none', vat: 2000, subs: ['pots', 'outils', 'graines', 'mobilier-jardin', 'arrosage'] },
  { slug: 'papeterie', fr: 'Papeterie', en: 'Stationery', template: 'colour', vat: 2000, subs: ['carnets', 'stylos', 'cartes', 'agendas', 'emballages'] },
  { slug: 'livres', fr: 'Livres', en: 'Books', template: 'none', vat: 550, subs: ['romans', 'cuisine-livres', 'jeunesse', 'beaux-livres', 'pratique'] },
  { slug: 'bijoux', fr: 'Bijoux', en: 'Jewellery', template: 'colour', vat: 2000, subs: ['colliers', 'bagues', 'boucles', 'bracelets', 'montres'] },
];
export const SIZES = ['XS', 'S', 'M', 'L', 'XL'];
export const COLOURS = ['#1F2937', '#F9FAFB', '#B91C1C', '#1D4ED8', '#047857', '#D97706', '#7C3AED', '#DB2777', '#A16207', '#6B7280'];
export const VOLUMES = [30, 50, 100, 150, 250, 500];
