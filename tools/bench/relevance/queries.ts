/**
 * The labelled queries of `npm run bench:relevance`. Grades come from the generator's metadata (a
 * product's type and attributes, product-types.ts), never from what any search mode returned:
 *
 * - exact-title: 3 for the one product whose title begins with the query (its full title, or all but
 *   its last attribute words); 1 for every other product of that product's type.
 * - keyword, synonym, paraphrase: 2 for every product of an `asked` type (what the shopper wants);
 *   1 for every product of a `related` type (would do, or is a near miss: a stovetop kettle for
 *   "something to boil water").
 * - attribute: 2 for a product of an `asked` type that has the attribute value; 1 for a product of an
 *   asked type without it, and for every product of a `related` type.
 * - Everything else: 0.
 *
 * Classes: keyword queries use a noun that titles carry; synonym queries use words that appear nowhere
 * in the catalog (no title, description, attribute or category word starts with them: queries.spec.ts
 * checks), so only meaning can find them; paraphrase queries describe a need in other words.
 */
export type QueryClass = 'exact-title' | 'keyword' | 'synonym' | 'paraphrase' | 'attribute';

export const QUERY_CLASSES: readonly QueryClass[] = ['exact-title', 'keyword', 'synonym', 'paraphrase', 'attribute'];

export interface LabelledQuery {
  q: string;
  class: QueryClass;
  /** Type keys graded 2 (empty for exact-title, whose product names its type). */
  asked: string[];
  /** Type keys graded 1. */
  related: string[];
  /** Attribute queries: the attribute an asked type's product needs for grade 2. */
  attribute?: { name: string; value: string };
}

const exact = (q: string): LabelledQuery => ({ q, class: 'exact-title', asked: [], related: [] });
const about =
  (queryClass: 'keyword' | 'synonym' | 'paraphrase') =>
  (q: string, asked: string[], related: string[] = []): LabelledQuery => ({ q, class: queryClass, asked, related });
const keyword = about('keyword');
const synonym = about('synonym');
const paraphrase = about('paraphrase');
const attribute = (q: string, asked: string[], [name, value]: [string, string], related: string[] = []): LabelledQuery => ({
  q,
  class: 'attribute',
  asked,
  related,
  attribute: { name, value },
});

export const LABELLED_QUERIES: readonly LabelledQuery[] = [
  exact('Ostrel D103 Electric Kettle 1.7 l glass'),
  exact('Halcyra V157 Bean Mill electric'),
  exact('Fjellmark G366 Frying Pan non-stick'),
  exact('Calder R494 Travel Mug 450 ml leak-proof lid'),
  exact('Istra C602 Reading Lamp daylight'),
  exact('Pellan D703 Quilt 4.5 tog double'),
  exact('Jorvik M831 Robotic Cleaner laser mapping'),
  exact('Marrow P993 Over-ear Headphones wireless foldable'),
  exact('Aurelia C1222 Monitor 32 inch 4K'),
  exact('Calder L1330 Power Bank 20000 mAh'),
  exact('Aurelia E1404 Running Shoes neutral'),
  exact('Brisko G1586 Dome Tent 4-person'),
  exact('Norvale K1849 Walking Boots waterproof'),
  exact('Govan L1950 Daypack 30 l'),

  keyword('kettle', ['electric-kettle', 'stovetop-kettle']),
  keyword('headphones', ['headphones'], ['earbuds']),
  keyword('tent', ['tent']),
  keyword('backpack', ['backpack'], ['duffel-bag']),
  keyword('lamp', ['desk-lamp', 'floor-lamp'], ['pendant-light', 'string-lights', 'headlamp']),
  keyword('blender', ['blender'], ['hand-mixer']),
  keyword('helmet', ['bike-helmet']),
  keyword('yoga mat', ['yoga-mat']),
  keyword('duvet', ['duvet'], ['weighted-blanket']),
  keyword('keyboard', ['keyboard'], ['mouse']),
  keyword('sandals', ['sandals'], ['slippers']),
  keyword('power bank', ['power-bank'], ['wall-charger']),
  keyword('smartwatch', ['smartwatch'], ['fitness-tracker', 'gps-watch']),
  keyword('sleeping bag', ['sleeping-bag']),

  synonym('teakettle', ['electric-kettle', 'stovetop-kettle']),
  synonym('thermos', ['vacuum-flask'], ['travel-mug']),
  synonym('trainers', ['running-shoes', 'sneakers']),
  synonym('earphones', ['earbuds'], ['headphones']),
  synonym('hoover', ['vacuum-cleaner'], ['robot-vacuum']),
  synonym('comforter', ['duvet'], ['weighted-blanket']),
  synonym('torch', ['flashlight'], ['headlamp']),
  synonym('rucksack', ['backpack'], ['hydration-vest']),
  synonym('anorak', ['rain-jacket'], ['down-jacket']),
  synonym('skillet', ['frying-pan'], ['wok']),
  synonym('liquidiser', ['blender']),
  synonym('hoodie', ['hooded-sweatshirt'], ['fleece']),
  synonym('flip flops', ['sandals']),
  synonym('parka', ['down-jacket'], ['rain-jacket']),

  paraphrase('something to boil water', ['electric-kettle'], ['stovetop-kettle']),
  paraphrase('keep my coffee hot on the go', ['travel-mug', 'vacuum-flask']),
  paraphrase('shoes for jogging', ['running-shoes'], ['sneakers']),
  paraphrase('listen to music without disturbing anyone', ['headphones', 'earbuds']),
  paraphrase('light for reading at my desk', ['desk-lamp'], ['floor-lamp']),
  paraphrase('stay warm on a cold night outdoors', ['sleeping-bag'], ['down-jacket', 'tent']),
  paraphrase('grind beans for my morning cup', ['coffee-grinder'], ['espresso-machine']),
  paraphrase('protect my head when riding', ['bike-helmet']),
  paraphrase('see the trail in the dark', ['headlamp', 'flashlight'], ['bike-light']),
  paraphrase('carry my laptop to work', ['backpack'], ['tote-bag']),
  paraphrase('charge my phone away from home', ['power-bank'], ['wall-charger']),
  paraphrase('clean the floors without lifting a finger', ['robot-vacuum'], ['vacuum-cleaner', 'steam-mop']),
  paraphrase('count my steps every day', ['fitness-tracker'], ['smartwatch', 'gps-watch']),
  paraphrase('stay dry in a downpour', ['rain-jacket']),
  paraphrase('cook dinner at the campsite', ['camping-stove']),
  paraphrase('weigh flour for a cake', ['kitchen-scale']),
  paraphrase('somewhere to put my books', ['bookshelf']),
  paraphrase('work on my feet instead of sitting', ['standing-desk']),
  paraphrase('build strength at home', ['dumbbells', 'kettlebell', 'resistance-bands'], ['yoga-mat']),
  paraphrase('better sound for watching films', ['soundbar'], ['bluetooth-speaker']),
  paraphrase('breathe cleaner air at home', ['air-purifier']),

  attribute('wireless headphones', ['headphones'], ['connectivity', 'wireless'], ['earbuds']),
  attribute('noise cancelling earbuds', ['earbuds'], ['feature', 'noise cancelling']),
  attribute('stainless steel kettle', ['electric-kettle', 'stovetop-kettle'], ['material', 'stainless steel']),
  attribute('glass kettle', ['electric-kettle', 'stovetop-kettle'], ['material', 'glass']),
  attribute('waterproof hiking boots', ['hiking-boots'], ['upper', 'waterproof']),
  attribute('cast iron frying pan', ['frying-pan'], ['material', 'cast iron'], ['wok']),
  attribute('mechanical keyboard', ['keyboard'], ['switches', 'mechanical']),
  attribute('memory foam pillow', ['pillow'], ['filling', 'memory foam']),
  attribute('4-person tent', ['tent'], ['sleeps', '4-person']),
  attribute('down sleeping bag', ['sleeping-bag'], ['fill', 'down']),
  attribute('27 inch monitor', ['monitor'], ['size', '27 inch']),
  attribute('solar string lights', ['string-lights'], ['power', 'solar']),
  attribute('wireless mouse', ['mouse'], ['connectivity', 'wireless']),
];
