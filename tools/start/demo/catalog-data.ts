/** One leaf category's vocabulary: 5 items x 3 qualifiers make its 15 products. */
export interface LeafData {
  name: string;
  /** What the items are, with a base price in cents. */
  items: readonly [string, number][];
  qualifiers: readonly string[];
  materials: readonly string[];
  /** A sentence about what this kind of product is for. */
  use: string;
}

export interface RootData {
  name: string;
  leaves: readonly LeafData[];
}

export const COLOURS = ['charcoal', 'sand', 'forest green', 'navy', 'terracotta', 'ivory'];

/** The demo catalog's tree: five departments of three categories each. */
export const CATALOG_TREE: readonly RootData[] = [
  {
    name: 'Home & Kitchen',
    leaves: [
      { name: 'Cookware', items: [['Skillet', 3900], ['Saucepan', 2900], ['Dutch oven', 8900], ['Wok', 3400], ['Stockpot', 4900]], qualifiers: ['Classic', 'Pro', 'Compact'], materials: ['cast iron', 'stainless steel', 'carbon steel'], use: 'Heats evenly on gas, electric and induction hobs.' },
      { name: 'Tableware', items: [['Dinner plate set', 3200], ['Pasta bowl set', 2800], ['Mug pair', 1900], ['Serving platter', 2400], ['Glass tumbler set', 2200]], qualifiers: ['Everyday', 'Stoneware', 'Bistro'], materials: ['stoneware', 'porcelain', 'recycled glass'], use: 'Dishwasher and microwave safe, made to be used every day.' },
      { name: 'Textiles', items: [['Linen tea towel', 900], ['Table runner', 2100], ['Throw blanket', 5900], ['Cushion cover', 1800], ['Apron', 2500]], qualifiers: ['Washed', 'Striped', 'Heavyweight'], materials: ['linen', 'organic cotton', 'wool blend'], use: 'Softens with every wash and keeps its colour.' },
    ],
  },
  {
    name: 'Electronics',
    leaves: [
      { name: 'Audio', items: [['Wireless headphones', 12900], ['Bluetooth speaker', 7900], ['Earbuds', 8900], ['Turntable', 19900], ['Desk speakers', 14900]], qualifiers: ['Studio', 'Travel', 'Mini'], materials: ['aluminium', 'recycled plastic', 'walnut'], use: 'Clear sound with up to 30 hours of battery life.' },
      { name: 'Accessories', items: [['USB-C charger', 2900], ['Power bank', 3900], ['Charging cable', 1200], ['Laptop sleeve', 3400], ['Phone stand', 1900]], qualifiers: ['Fast', 'Slim', 'Braided'], materials: ['aluminium', 'recycled nylon', 'silicone'], use: 'Works with phones, tablets and laptops alike.' },
      { name: 'Smart home', items: [['Smart plug', 1900], ['Motion sensor', 2900], ['LED bulb', 1500], ['Thermostat', 12900], ['Door sensor', 2400]], qualifiers: ['Matter', 'Zigbee', 'Wi-Fi'], materials: ['white plastic', 'matte black plastic', 'brushed metal'], use: 'Set up in minutes and controlled from any phone.' },
    ],
  },
  {
    name: 'Fashion',
    leaves: [
      { name: 'Bags', items: [['Tote bag', 3900], ['Backpack', 7900], ['Crossbody bag', 5900], ['Weekender', 11900], ['Belt bag', 3400]], qualifiers: ['Canvas', 'Leather', 'Waxed'], materials: ['canvas', 'vegetable-tanned leather', 'waxed cotton'], use: 'Roomy, with an inner pocket for the small things.' },
      { name: 'Shoes', items: [['Sneakers', 8900], ['Chelsea boots', 14900], ['Loafers', 11900], ['Sandals', 5900], ['Running shoes', 10900]], qualifiers: ['Low', 'Classic', 'Trail'], materials: ['suede', 'full-grain leather', 'recycled mesh'], use: 'Cushioned insole, true to size.' },
      { name: 'Outerwear', items: [['Rain jacket', 12900], ['Wool coat', 24900], ['Puffer vest', 8900], ['Denim jacket', 9900], ['Fleece', 6900]], qualifiers: ['Packable', 'Tailored', 'Oversized'], materials: ['recycled polyester', 'merino wool', 'organic denim'], use: 'Layers well from autumn to spring.' },
    ],
  },
  {
    name: 'Sports & Outdoors',
    leaves: [
      { name: 'Camping', items: [['Two-person tent', 19900], ['Sleeping bag', 12900], ['Camp stove', 5900], ['Headlamp', 2900], ['Folding chair', 4900]], qualifiers: ['Ultralight', 'Family', 'Expedition'], materials: ['ripstop nylon', 'aluminium', 'polyester'], use: 'Light to carry and quick to pitch.' },
      { name: 'Cycling', items: [['Helmet', 6900], ['Bike light set', 3900], ['Saddle bag', 2900], ['Floor pump', 4400], ['Cycling gloves', 2400]], qualifiers: ['Commuter', 'Road', 'Gravel'], materials: ['polycarbonate', 'aluminium', 'cordura'], use: 'Made for daily rides in any weather.' },
      { name: 'Fitness', items: [['Yoga mat', 3900], ['Kettlebell', 4900], ['Resistance band set', 1900], ['Jump rope', 1400], ['Foam roller', 2400]], qualifiers: ['Studio', 'Home', 'Travel'], materials: ['natural rubber', 'cast iron', 'cork'], use: 'Grippy, durable and easy to clean.' },
    ],
  },
  {
    name: 'Books & Stationery',
    leaves: [
      { name: 'Notebooks', items: [['Dotted notebook', 1600], ['Weekly planner', 2200], ['Sketchbook', 1900], ['Pocket journal', 1200], ['Lined notebook', 1500]], qualifiers: ['A5', 'A4', 'Pocket'], materials: ['recycled paper', 'linen cover', 'kraft card'], use: 'Fountain-pen friendly paper that lies flat.' },
      { name: 'Pens', items: [['Fountain pen', 4900], ['Gel pen set', 1200], ['Brush pen', 900], ['Mechanical pencil', 1400], ['Ballpoint pen', 2900]], qualifiers: ['Fine', 'Medium', 'Bold'], materials: ['brass', 'aluminium', 'resin'], use: 'Smooth ink flow and a balanced grip.' },
      { name: 'Art supplies', items: [['Watercolour set', 3400], ['Acrylic paint set', 2900], ['Pastel set', 2400], ['Canvas panel pack', 1900], ['Brush set', 1700]], qualifiers: ['Student', 'Artist', 'Travel'], materials: ['sable-style synthetic', 'cotton', 'birch wood'], use: 'Rich pigments for beginners and professionals.' },
    ],
  },
];
