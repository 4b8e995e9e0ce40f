// The demo catalogue: a category tree with attribute definitions, ~60 products with their variants,
// costs and the shops that sell them. Prices are in cents, VAT included.
import type { ShopKey, SupplierKey } from './shops.ts';

export interface DemoAttribute {
  code: string;
  labelFr: string;
  labelEn: string;
  type: 'text' | 'number' | 'enum' | 'boolean';
  options?: string[];
}

export interface DemoCategory {
  key: string;
  name: string;
  nameEn: string;
  parent?: string;
  attributes?: DemoAttribute[];
}

export const CATEGORIES: DemoCategory[] = [
  { key: 'patisserie', name: 'Pâtisserie', nameEn: 'Patisserie', attributes: [{ code: 'parts', labelFr: 'Nombre de parts', labelEn: 'Servings', type: 'number' }, { code: 'allergenes', labelFr: 'Allergènes', labelEn: 'Allergens', type: 'text' }] },
  { key: 'entremets', name: 'Entremets', nameEn: 'Layer cakes', parent: 'patisserie' },
  { key: 'viennoiseries', name: 'Viennoiseries', nameEn: 'Viennoiseries', parent: 'patisserie' },
  { key: 'macarons', name: 'Macarons & biscuits', nameEn: 'Macarons & biscuits', parent: 'patisserie' },
  { key: 'fleurs', name: 'Fleurs', nameEn: 'Flowers', attributes: [{ code: 'taille', labelFr: 'Taille', labelEn: 'Size', type: 'enum', options: ['S', 'M', 'L'] }, { code: 'couleur', labelFr: 'Couleur', labelEn: 'Colour', type: 'enum', options: ['blanc', 'rose', 'rouge', 'jaune', 'mixte'] }] },
  { key: 'bouquets', name: 'Bouquets', nameEn: 'Bouquets', parent: 'fleurs' },
  { key: 'plantes', name: 'Plantes', nameEn: 'Plants', parent: 'fleurs' },
  { key: 'vins', name: 'Vins', nameEn: 'Wines', attributes: [{ code: 'couleur_vin', labelFr: 'Couleur', labelEn: 'Colour', type: 'enum', options: ['rouge', 'blanc', 'rosé', 'effervescent'] }, { code: 'millesime', labelFr: 'Millésime', labelEn: 'Vintage', type: 'number' }, { code: 'region', labelFr: 'Région', labelEn: 'Region', type: 'text' }, { code: 'bio', labelFr: 'Agriculture biologique', labelEn: 'Organic', type: 'boolean' }] },
  { key: 'rouges', name: 'Vins rouges', nameEn: 'Red wines', parent: 'vins' },
  { key: 'blancs', name: 'Vins blancs', nameEn: 'White wines', parent: 'vins' },
  { key: 'bulles', name: 'Champagnes & bulles', nameEn: 'Champagne & sparkling', parent: 'vins' },
  { key: 'epicerie', name: 'Épicerie fine', nameEn: 'Fine foods', attributes: [{ code: 'origine', labelFr: 'Origine', labelEn: 'Origin', type: 'text' }, { code: 'poids_g', labelFr: 'Poids (g)', labelEn: 'Weight (g)', type: 'number' }] },
  { key: 'huiles', name: 'Huiles & vinaigres', nameEn: 'Oils & vinegars', parent: 'epicerie' },
  { key: 'confitures', name: 'Confitures & miels', nameEn: 'Jams & honey', parent: 'epicerie' },
  { key: 'chocolats', name: 'Chocolats', nameEn: 'Chocolate', parent: 'epicerie' },
  { key: 'conserves', name: 'Conserves & terrines', nameEn: 'Terrines & preserves', parent: 'epicerie' },
  { key: 'coffrets', name: 'Coffrets cadeaux', nameEn: 'Gift boxes' },
];

export interface DemoVariant {
  sku: string;
  name: string;
  priceCents: number;
  costCents: number;
  attributes?: Record<string, unknown>;
  /** Units received into the depot at opening (purchase movement). */
  stock: number;
}

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  shops: ShopKey[];
  description: string;
  attributes?: Record<string, unknown>;
  en?: { name: string; description: string };
  /** The supplier that provides it (supplier product, restock orders). */
  supplier?: SupplierKey;
  /** A gift box: made of other variants (sku, quantity). */
  bundle?: Array<[string, number]>;
  variants: DemoVariant[];
}

const one = (sku: string, priceCents: number, costCents: number, stock: number, attributes?: Record<string, unknown>): DemoVariant[] =>
  [{ sku, name: 'Standard', priceCents, costCents, stock, attributes }];
const cake = (sku: string, prices: [number, number, number], cost: number, stock: number): DemoVariant[] => [
  { sku: `${sku}-4`, name: '4 parts', priceCents: prices[0], costCents: cost, stock, attributes: { parts: 4 } },
  { sku: `${sku}-6`, name: '6 parts', priceCents: prices[1], costCents: Math.round(cost * 1.4), stock, attributes: { parts: 6 } },
  { sku: `${sku}-8`, name: '8 parts', priceCents: prices[2], costCents: Math.round(cost * 1.8), stock: Math.round(stock / 2), attributes: { parts: 8 } },
];
const bouquet = (sku: string, prices: [number, number, number], cost: number, stock: number): DemoVariant[] => [
  { sku: `${sku}-s`, name: 'Petit', priceCents: prices[0], costCents: cost, stock, attributes: { taille: 'S' } },
  { sku: `${sku}-m`, name: 'Moyen', priceCents: prices[1], costCents: Math.round(cost * 1.5), stock, attributes: { taille: 'M' } },
  { sku: `${sku}-l`, name: 'Généreux', priceCents: prices[2], costCents: Math.round(cost * 2.1), stock: Math.round(stock / 2), attributes: { taille: 'L' } },
];
const wine = (sku: string, price: number, cost: number, stock: number, magnum = false): DemoVariant[] => [
  { sku: `${sku}-75`, name: 'Bouteille 75 cl', priceCents: price, costCents: cost, stock },
  ...(magnum ? [{ sku: `${sku}-150`, name: 'Magnum 150 cl', priceCents: Math.round(price * 2.3), costCents: Math.round(cost * 2.2), stock: Math.round(stock / 6) }] : []),
];
const jar = (sku: string, small: [number, number, number], large: [number, number, number], stock: number): DemoVariant[] => [
  { sku: `${sku}-${small[0]}`, name: `${small[0]} g`, priceCents: small[1], costCents: small[2], stock, attributes: { poids_g: small[0] } },
  { sku: `${sku}-${large[0]}`, name: `${large[0]} g`, priceCents: large[1], costCents: large[2], stock: Math.round(stock / 2), attributes: { poids_g: large[0] } },
];

export const PRODUCTS: DemoProduct[] = [
  // Pâtisserie Lumière
  { sku: 'pl-paris-brest', name: 'Paris-Brest', category: 'entremets', shops: ['patisserie'], description: 'Pâte à choux croustillante, crème mousseline au praliné noisette du Piémont.', attributes: { allergenes: 'gluten, œufs, lait, fruits à coque' }, variants: cake('pl-paris-brest', [2400, 3400, 4400], 900, 12) },
  { sku: 'pl-fraisier', name: 'Fraisier', category: 'entremets', shops: ['patisserie'], description: 'Génoise légère, crème mousseline vanille de Madagascar et fraises de Plougastel.', attributes: { allergenes: 'gluten, œufs, lait' }, variants: cake('pl-fraisier', [2600, 3600, 4600], 1000, 10) },
  { sku: 'pl-foret-noire', name: 'Forêt-Noire', category: 'entremets', shops: ['patisserie'], description: 'Biscuit chocolat, chantilly et griottes au kirsch.', attributes: { allergenes: 'gluten, œufs, lait' }, variants: cake('pl-foret-noire', [2500, 3500, 4500], 950, 10) },
  { sku: 'pl-tarte-citron', name: 'Tarte au citron meringuée', category: 'entremets', shops: ['patisserie'], description: 'Pâte sablée, crémeux citron de Menton, meringue italienne flambée.', attributes: { allergenes: 'gluten, œufs, lait' }, variants: cake('pl-tarte-citron', [2200, 3000, 3900], 800, 14) },
  { sku: 'pl-opera', name: 'Opéra', category: 'entremets', shops: ['patisserie'], description: 'Biscuit Joconde imbibé au café, ganache et crème au beurre, glaçage miroir.', attributes: { allergenes: 'gluten, œufs, lait, amandes' }, variants: cake('pl-opera', [2700, 3800, 4900], 1100, 8) },
  { sku: 'pl-croissant', name: 'Croissant pur beurre', category: 'viennoiseries', shops: ['patisserie'], description: 'Beurre AOP Charentes-Poitou, feuilletage en trois tours.', variants: one('pl-croissant', 140, 45, 120) },
  { sku: 'pl-pain-chocolat', name: 'Pain au chocolat', category: 'viennoiseries', shops: ['patisserie'], description: 'Deux barres de chocolat noir 70 %.', variants: one('pl-pain-chocolat', 160, 50, 120) },
  { sku: 'pl-brioche', name: 'Brioche Nanterre', category: 'viennoiseries', shops: ['patisserie'], description: 'Brioche moelleuse au beurre, à partager au petit-déjeuner.', variants: one('pl-brioche', 890, 280, 30) },
  { sku: 'pl-kouign-amann', name: 'Kouign-amann', category: 'viennoiseries', shops: ['patisserie'], description: 'Spécialité bretonne caramélisée au beurre demi-sel.', variants: one('pl-kouign-amann', 390, 120, 3) },
  { sku: 'pl-macarons', name: 'Boîte de macarons', category: 'macarons', shops: ['patisserie', 'larder'], description: 'Pistache, framboise, chocolat, vanille, caramel au beurre salé.', en: { name: 'Box of macarons', description: 'Pistachio, raspberry, chocolate, vanilla and salted caramel.' }, variants: [
    { sku: 'pl-macarons-6', name: 'Boîte de 6', priceCents: 1200, costCents: 420, stock: 40, attributes: { parts: 6 } },
    { sku: 'pl-macarons-12', name: 'Boîte de 12', priceCents: 2200, costCents: 800, stock: 30, attributes: { parts: 12 } },
    { sku: 'pl-macarons-24', name: 'Boîte de 24', priceCents: 4100, costCents: 1500, stock: 15, attributes: { parts: 24 } },
  ] },
  { sku: 'pl-sables', name: 'Sablés bretons', category: 'macarons', shops: ['patisserie', 'epicerie'], description: 'Au beurre de baratte et fleur de sel de Guérande.', variants: one('pl-sables', 650, 210, 50) },
  { sku: 'pl-madeleines', name: 'Madeleines au miel', category: 'macarons', shops: ['patisserie'], description: 'Sachet de 12 madeleines au miel de lavande.', en: { name: 'Honey madeleines', description: 'A bag of 12 madeleines with lavender honey.' }, variants: one('pl-madeleines', 790, 250, 40) },
  { sku: 'pl-eclair', name: 'Éclair au chocolat', category: 'entremets', shops: ['patisserie'], description: 'Pâte à choux, crème pâtissière au chocolat grand cru, glaçage fondant.', attributes: { allergenes: 'gluten, œufs, lait' }, variants: one('pl-eclair', 480, 150, 40, { parts: 1 }) },
  { sku: 'pl-millefeuille', name: 'Millefeuille vanille', category: 'entremets', shops: ['patisserie'], description: 'Feuilletage caramélisé, crème diplomate à la vanille Bourbon.', attributes: { allergenes: 'gluten, œufs, lait' }, variants: cake('pl-millefeuille', [2300, 3200, 4200], 850, 10) },
  { sku: 'pl-financiers', name: 'Financiers amande', category: 'macarons', shops: ['patisserie'], description: 'Beurre noisette et amandes de Valensole, par 8.', variants: one('pl-financiers', 880, 300, 35) },

  // L'Atelier des Fleurs
  { sku: 'af-roses-rouges', name: 'Bouquet de roses rouges', category: 'bouquets', shops: ['fleurs'], supplier: 'grossiste', description: 'Roses rouges Grand Prix, tiges de 60 cm.', attributes: { couleur: 'rouge' }, variants: bouquet('af-roses-rouges', [3500, 5500, 8900], 1200, 20) },
  { sku: 'af-champetre', name: 'Bouquet champêtre', category: 'bouquets', shops: ['fleurs'], supplier: 'grossiste', description: 'Fleurs de saison, composition libre de nos fleuristes.', attributes: { couleur: 'mixte' }, variants: bouquet('af-champetre', [2900, 4500, 6900], 950, 20) },
  { sku: 'af-pivoines', name: 'Bouquet de pivoines', category: 'bouquets', shops: ['fleurs'], supplier: 'grossiste', description: 'Pivoines Sarah Bernhardt, en saison de mai à juin.', attributes: { couleur: 'rose' }, variants: bouquet('af-pivoines', [3900, 5900, 8500], 1400, 12) },
  { sku: 'af-tulipes', name: 'Botte de tulipes', category: 'bouquets', shops: ['fleurs'], supplier: 'grossiste', description: 'Tulipes françaises, 20 tiges.', attributes: { couleur: 'jaune' }, variants: one('af-tulipes', 2400, 800, 25) },
  { sku: 'af-renoncules', name: 'Bouquet de renoncules', category: 'bouquets', shops: ['fleurs'], supplier: 'grossiste', description: 'Renoncules du Var, tons pastel.', attributes: { couleur: 'mixte' }, variants: bouquet('af-renoncules', [3200, 4800, 7200], 1100, 15) },
  { sku: 'af-lys-blancs', name: 'Bouquet de lys blancs', category: 'bouquets', shops: ['fleurs'], supplier: 'grossiste', description: 'Lys Casablanca très parfumés.', attributes: { couleur: 'blanc' }, variants: bouquet('af-lys-blancs', [3400, 5200, 7800], 1150, 3) },
  { sku: 'af-deuil', name: 'Couronne de deuil', category: 'bouquets', shops: ['fleurs'], supplier: 'grossiste', description: 'Couronne de roses et lys blancs, livrée au funérarium.', attributes: { couleur: 'blanc' }, variants: one('af-deuil', 12000, 4500, 5) },
  { sku: 'af-orchidee', name: 'Orchidée Phalaenopsis', category: 'plantes', shops: ['fleurs'], supplier: 'grossiste', description: 'Deux hampes, cache-pot en céramique.', attributes: { couleur: 'blanc' }, variants: one('af-orchidee', 3900, 1500, 18) },
  { sku: 'af-olivier', name: 'Olivier en pot', category: 'plantes', shops: ['fleurs'], supplier: 'grossiste', description: 'Olivier de 80 cm, pot en terre cuite.', variants: one('af-olivier', 6900, 2800, 8) },
  { sku: 'af-monstera', name: 'Monstera deliciosa', category: 'plantes', shops: ['fleurs'], supplier: 'grossiste', description: 'Plante d’intérieur facile, 70 cm.', variants: one('af-monstera', 4500, 1800, 10) },
  { sku: 'af-lavande', name: 'Lavande de Provence', category: 'plantes', shops: ['fleurs', 'larder'], supplier: 'grossiste', description: 'Pot de lavande vraie, parfum garanti.', en: { name: 'Provence lavender', description: 'A pot of true lavender, fragrance guaranteed.' }, variants: one('af-lavande', 1500, 500, 30) },
  { sku: 'af-hortensia', name: 'Hortensia bleu', category: 'plantes', shops: ['fleurs'], supplier: 'grossiste', description: 'Hortensia en pot, floraison de mai à septembre.', variants: one('af-hortensia', 3200, 1200, 12) },

  // La Cave Saint-Vincent
  { sku: 'cv-saint-emilion', name: 'Saint-Émilion Grand Cru 2018', category: 'rouges', shops: ['cave', 'larder'], supplier: 'domaine', description: 'Merlot et cabernet franc, élevé 18 mois en fût de chêne.', attributes: { couleur_vin: 'rouge', millesime: 2018, region: 'Bordeaux', bio: false }, en: { name: 'Saint-Émilion Grand Cru 2018', description: 'Merlot and cabernet franc, 18 months in oak.' }, variants: wine('cv-saint-emilion', 3900, 1900, 48, true) },
  { sku: 'cv-trois-chenes-rouge', name: 'Domaine des Trois Chênes rouge 2020', category: 'rouges', shops: ['cave'], supplier: 'domaine', description: 'Le vin du domaine : fruit noir, tanins soyeux.', attributes: { couleur_vin: 'rouge', millesime: 2020, region: 'Bordeaux', bio: true }, variants: wine('cv-trois-chenes-rouge', 1800, 800, 96, true) },
  { sku: 'cv-trois-chenes-blanc', name: 'Domaine des Trois Chênes blanc 2022', category: 'blancs', shops: ['cave'], supplier: 'domaine', description: 'Sauvignon et sémillon, agrumes et fleurs blanches.', attributes: { couleur_vin: 'blanc', millesime: 2022, region: 'Bordeaux', bio: true }, variants: wine('cv-trois-chenes-blanc', 1600, 700, 60) },
  { sku: 'cv-pomerol', name: 'Pomerol 2016', category: 'rouges', shops: ['cave'], supplier: 'domaine', description: 'Grande année, à boire ou à garder dix ans.', attributes: { couleur_vin: 'rouge', millesime: 2016, region: 'Bordeaux', bio: false }, variants: wine('cv-pomerol', 6500, 3500, 18, true) },
  { sku: 'cv-chablis', name: 'Chablis Premier Cru 2021', category: 'blancs', shops: ['cave', 'larder'], description: 'Minéral, tendu, notes d’agrumes et de silex.', attributes: { couleur_vin: 'blanc', millesime: 2021, region: 'Bourgogne', bio: false }, en: { name: 'Chablis Premier Cru 2021', description: 'Mineral and taut, citrus and flint.' }, variants: wine('cv-chablis', 3200, 1600, 36) },
  { sku: 'cv-sancerre', name: 'Sancerre blanc 2022', category: 'blancs', shops: ['cave'], description: 'Sauvignon de Loire, frais et fruité.', attributes: { couleur_vin: 'blanc', millesime: 2022, region: 'Loire', bio: true }, variants: wine('cv-sancerre', 2400, 1150, 40) },
  { sku: 'cv-chateauneuf', name: 'Châteauneuf-du-Pape 2019', category: 'rouges', shops: ['cave'], description: 'Grenache, syrah, mourvèdre : épices et garrigue.', attributes: { couleur_vin: 'rouge', millesime: 2019, region: 'Rhône', bio: false }, variants: wine('cv-chateauneuf', 4200, 2100, 30, true) },
  { sku: 'cv-morgon', name: 'Morgon Côte du Py 2021', category: 'rouges', shops: ['cave'], description: 'Gamay de granite, cerise et pivoine.', attributes: { couleur_vin: 'rouge', millesime: 2021, region: 'Beaujolais', bio: true }, variants: wine('cv-morgon', 2100, 950, 2) },
  { sku: 'cv-bandol-rose', name: 'Bandol rosé 2023', category: 'rouges', shops: ['cave'], description: 'Rosé de gastronomie, mourvèdre majoritaire.', attributes: { couleur_vin: 'rosé', millesime: 2023, region: 'Provence', bio: false }, variants: wine('cv-bandol-rose', 2300, 1050, 45) },
  { sku: 'cv-champagne-brut', name: 'Champagne Brut Réserve', category: 'bulles', shops: ['cave', 'larder'], description: 'Assemblage des trois cépages, 36 mois sur lattes.', attributes: { couleur_vin: 'effervescent', region: 'Champagne', bio: false }, en: { name: 'Champagne Brut Réserve', description: 'All three grapes, 36 months on the lees.' }, variants: wine('cv-champagne-brut', 3800, 1900, 60, true) },
  { sku: 'cv-champagne-rose', name: 'Champagne Rosé', category: 'bulles', shops: ['cave'], description: 'Rosé d’assemblage, fruits rouges et finesse.', attributes: { couleur_vin: 'effervescent', region: 'Champagne', bio: false }, variants: wine('cv-champagne-rose', 4900, 2500, 24) },
  { sku: 'cv-cremant', name: 'Crémant de Loire', category: 'bulles', shops: ['cave'], description: 'Chenin et chardonnay, bulles fines.', attributes: { couleur_vin: 'effervescent', region: 'Loire', bio: true }, variants: wine('cv-cremant', 1450, 650, 72) },
  { sku: 'cv-sauternes', name: 'Sauternes 2017 (50 cl)', category: 'blancs', shops: ['cave'], supplier: 'domaine', description: 'Liquoreux : abricot confit, miel et safran.', attributes: { couleur_vin: 'blanc', millesime: 2017, region: 'Bordeaux', bio: false }, variants: one('cv-sauternes-50', 3500, 1700, 20) },
  { sku: 'cv-meursault', name: 'Meursault 2020', category: 'blancs', shops: ['cave', 'larder'], description: 'Chardonnay ample et beurré, notes de noisette grillée.', attributes: { couleur_vin: 'blanc', millesime: 2020, region: 'Bourgogne', bio: false }, en: { name: 'Meursault 2020', description: 'Rich, buttery chardonnay with toasted hazelnut notes.' }, variants: wine('cv-meursault', 5400, 2900, 18) },
  { sku: 'cv-riesling', name: 'Riesling Grand Cru 2020', category: 'blancs', shops: ['cave'], description: 'Alsace, sec et ciselé.', attributes: { couleur_vin: 'blanc', millesime: 2020, region: 'Alsace', bio: true }, variants: wine('cv-riesling', 2800, 1300, 30) },

  // Épicerie Fine du Marais
  { sku: 'em-huile-olive', name: 'Huile d’olive vierge extra', category: 'huiles', shops: ['epicerie', 'larder'], description: 'Moulin de la vallée des Baux, fruité vert.', attributes: { origine: 'Vallée des Baux-de-Provence' }, en: { name: 'Extra virgin olive oil', description: 'From a mill in the Baux valley, green and fruity.' }, variants: [
    { sku: 'em-huile-olive-50', name: '50 cl', priceCents: 2200, costCents: 1100, stock: 40 },
    { sku: 'em-huile-olive-100', name: '1 L', priceCents: 3900, costCents: 2000, stock: 20 },
  ] },
  { sku: 'em-vinaigre-xeres', name: 'Vinaigre de Xérès', category: 'huiles', shops: ['epicerie'], description: 'Vieilli 25 ans en soleras.', attributes: { origine: 'Jerez' }, variants: one('em-vinaigre-xeres', 1450, 600, 30) },
  { sku: 'em-confiture-abricot', name: 'Confiture d’abricot du Roussillon', category: 'confitures', shops: ['epicerie'], description: 'Cuite au chaudron, 65 % de fruits.', attributes: { origine: 'Roussillon' }, variants: jar('em-confiture-abricot', [220, 690, 250], [370, 990, 380], 40) },
  { sku: 'em-confiture-figue', name: 'Confiture de figue violette', category: 'confitures', shops: ['epicerie'], description: 'Figues de Solliès, pointe de vanille.', attributes: { origine: 'Solliès-Pont' }, variants: jar('em-confiture-figue', [220, 750, 270], [370, 1090, 410], 30) },
  { sku: 'em-miel-lavande', name: 'Miel de lavande', category: 'confitures', shops: ['epicerie', 'larder'], description: 'Miel crémeux du plateau de Valensole.', attributes: { origine: 'Valensole' }, en: { name: 'Lavender honey', description: 'Creamy honey from the Valensole plateau.' }, variants: jar('em-miel-lavande', [250, 990, 420], [500, 1690, 760], 35) },
  { sku: 'em-miel-chataignier', name: 'Miel de châtaignier', category: 'confitures', shops: ['epicerie'], description: 'Miel corsé des Cévennes.', attributes: { origine: 'Cévennes' }, variants: jar('em-miel-chataignier', [250, 950, 400], [500, 1590, 720], 3) },
  { sku: 'em-chocolat-noir', name: 'Tablette chocolat noir 72 %', category: 'chocolats', shops: ['epicerie', 'larder'], description: 'Cacao du Pérou, torréfié sur place.', attributes: { origine: 'Pérou' }, en: { name: 'Dark chocolate bar 72%', description: 'Peruvian cacao, roasted in our workshop.' }, variants: one('em-chocolat-noir', 590, 210, 80, { poids_g: 100 }) },
  { sku: 'em-pralines', name: 'Pralines roses de Lyon', category: 'chocolats', shops: ['epicerie'], description: 'Amandes enrobées de sucre rose.', attributes: { origine: 'Lyon' }, variants: one('em-pralines', 690, 240, 40, { poids_g: 200 }) },
  { sku: 'em-truffes', name: 'Truffes au chocolat', category: 'chocolats', shops: ['epicerie', 'patisserie'], description: 'Ganache fondante roulée dans le cacao.', variants: one('em-truffes', 1490, 520, 35, { poids_g: 250 }) },
  { sku: 'em-rillettes', name: 'Rillettes de canard', category: 'conserves', shops: ['epicerie', 'larder'], description: 'Canard du Sud-Ouest, cuisson lente.', attributes: { origine: 'Gers' }, en: { name: 'Duck rillettes', description: 'South-west duck, slow-cooked.' }, variants: one('em-rillettes', 790, 330, 50, { poids_g: 180 }) },
  { sku: 'em-foie-gras', name: 'Foie gras de canard entier', category: 'conserves', shops: ['epicerie'], description: 'Mi-cuit, au sel de Guérande et poivre.', attributes: { origine: 'Landes' }, variants: jar('em-foie-gras', [180, 3200, 1500], [300, 4900, 2400], 20) },
  { sku: 'em-the-earl-grey', name: 'Thé Earl Grey à la bergamote', category: 'conserves', shops: ['epicerie', 'larder'], description: 'Thé noir de Ceylan et bergamote de Calabre, en vrac.', attributes: { origine: 'Sri Lanka' }, en: { name: 'Earl Grey tea with bergamot', description: 'Ceylon black tea and Calabrian bergamot, loose leaf.' }, variants: one('em-the-earl-grey', 1150, 420, 30, { poids_g: 100 }) },
  { sku: 'em-caramels', name: 'Caramels au beurre salé', category: 'chocolats', shops: ['epicerie', 'patisserie'], description: 'Caramels tendres au beurre de Bretagne et fleur de sel.', attributes: { origine: 'Bretagne' }, variants: one('em-caramels', 790, 260, 45, { poids_g: 150 }) },
  { sku: 'em-sardines', name: 'Sardines millésimées 2023', category: 'conserves', shops: ['epicerie'], description: 'Sardines de Quiberon à l’huile d’olive.', attributes: { origine: 'Quiberon' }, variants: one('em-sardines', 890, 380, 45, { poids_g: 115 }) },
  { sku: 'em-moutarde', name: 'Moutarde de Dijon à l’ancienne', category: 'conserves', shops: ['epicerie', 'larder'], description: 'Graines de moutarde de Bourgogne.', attributes: { origine: 'Dijon' }, en: { name: 'Old-style Dijon mustard', description: 'Burgundy mustard seeds.' }, variants: one('em-moutarde', 490, 170, 60, { poids_g: 210 }) },

  // Gift boxes
  { sku: 'cx-apero', name: 'Coffret Apéritif', category: 'coffrets', shops: ['epicerie', 'cave', 'larder'], description: 'Une bouteille de crémant, des rillettes de canard et des sablés au sel.', en: { name: 'Aperitif gift box', description: 'A bottle of crémant, duck rillettes and salted shortbread.' }, bundle: [['cv-cremant-75', 1], ['em-rillettes', 1], ['pl-sables', 1]], variants: one('cx-apero', 3400, 1300, 15) },
  { sku: 'cx-saint-valentin', name: 'Coffret Saint-Valentin', category: 'coffrets', shops: ['fleurs', 'patisserie'], description: 'Un petit bouquet de roses rouges et une boîte de 12 macarons.', bundle: [['af-roses-rouges-s', 1], ['pl-macarons-12', 1]], variants: one('cx-saint-valentin', 5200, 1700, 10) },
  { sku: 'cx-gourmand', name: 'Hamper « Gourmet »', category: 'coffrets', shops: ['larder'], description: 'Champagne, foie gras, chocolat noir et miel de lavande.', en: { name: 'The Gourmet Hamper', description: 'Champagne, foie gras, dark chocolate and lavender honey.' }, bundle: [['cv-champagne-brut-75', 1], ['em-foie-gras-180', 1], ['em-chocolat-noir', 2], ['em-miel-lavande-250', 1]], variants: one('cx-gourmand', 8900, 3400, 8) },
];

/** Quantity price breaks: buy at least `min` and pay `priceCents` each. */
export const PRICE_BREAKS: Array<{ variant: string; min: number; priceCents: number }> = [
  { variant: 'pl-croissant', min: 10, priceCents: 120 },
  { variant: 'pl-croissant', min: 50, priceCents: 105 },
  { variant: 'cv-trois-chenes-rouge-75', min: 6, priceCents: 1620 },
  { variant: 'cv-trois-chenes-rouge-75', min: 12, priceCents: 1530 },
  { variant: 'cv-cremant-75', min: 6, priceCents: 1300 },
];

/** Customer groups and their negotiated prices. */
export const CUSTOMER_GROUPS = [
  { code: 'professionnels', name: 'Professionnels (CHR)', description: 'Restaurants, hôtels et traiteurs' },
  { code: 'fideles', name: 'Clients fidèles', description: 'Plus de cinq commandes' },
];
export const GROUP_PRICES: Array<{ group: string; variant: string; priceCents: number }> = [
  { group: 'professionnels', variant: 'cv-champagne-brut-75', priceCents: 3200 },
  { group: 'professionnels', variant: 'pl-croissant', priceCents: 95 },
  { group: 'professionnels', variant: 'em-huile-olive-100', priceCents: 3300 },
];
