/**
 * The relevance catalog's product types in their category tree (department > group > leaf). A type's
 * titles use one of its nouns each; its descriptions are one to three of its sentences, in ordinary words
 * and deliberately short of every word a shopper might use (the synonym queries rely on that, and
 * queries.spec.ts checks it).
 */
export interface ProductType {
  /** Stable key the labelled queries grade by. */
  key: string;
  /** Title nouns, taken in turn by the type's products. */
  nouns: string[];
  /** Attribute name -> values; each product takes one value of each, and its title names them. */
  attributes: Record<string, string[]>;
  /** What it does first, then details: a description is the first and zero to two of the others. */
  sentences: string[];
}

export interface CategoryNode {
  name: string;
  children?: CategoryNode[];
  /** Leaves only: the types filed under it. */
  types?: ProductType[];
}

const type = (key: string, nouns: string[], attributes: Record<string, string[]>, sentences: string[]): ProductType => ({ key, nouns, attributes, sentences });

const HOT_DRINKS = [
  type('electric-kettle', ['electric kettle', 'water boiler', 'cordless kettle'], { capacity: ['1.0 l', '1.5 l', '1.7 l'], material: ['stainless steel', 'glass', 'plastic'] }, [
    'Boils water for tea in a few minutes.',
    'Switches itself off once the water is ready.',
    'Lifts off its powered base to pour.',
  ]),
  type('stovetop-kettle', ['stovetop kettle', 'whistling kettle'], { capacity: ['2 l', '2.5 l', '3 l'], material: ['stainless steel', 'enamel', 'copper'] }, [
    'Heats water on a gas, electric or induction hob.',
    'Whistles loudly when the water boils.',
    'A heat-proof handle stays cool while you pour.',
  ]),
  type('coffee-grinder', ['coffee grinder', 'burr grinder', 'bean mill'], { operation: ['manual', 'electric'] }, [
    'Grinds whole coffee beans fresh for each brew.',
    'Set it from coarse for a French press to fine for espresso.',
    'A hopper holds enough beans for a week of mornings.',
  ]),
  type('espresso-machine', ['espresso machine', 'coffee machine'], { pressure: ['15 bar', '19 bar'] }, [
    'Pulls rich shots of espresso at home.',
    'A steam wand froths milk for lattes and cappuccinos.',
    'Heats up in under a minute.',
  ]),
  type('toaster', ['toaster'], { slots: ['2-slot', '4-slot'] }, [
    'Browns bread, bagels and crumpets evenly.',
    'Seven browning levels and a defrost button.',
    'A crumb tray slides out for cleaning.',
  ]),
];

const FOOD_PREPARATION = [
  type('blender', ['blender', 'jug blender', 'personal blender'], { power: ['600 W', '1000 W', '1200 W'] }, [
    'Purees soups, fruit and vegetables in seconds.',
    'Strong blades crush ice for frozen drinks.',
    'The jug and blades go in the dishwasher.',
  ]),
  type('hand-mixer', ['hand mixer', 'electric whisk'], { speeds: ['5-speed', '9-speed'] }, [
    'Whips cream and beats eggs and cake batter.',
    'Comes with beaters and dough hooks.',
    'Light enough to hold over a bowl for long.',
  ]),
  type('kitchen-scale', ['kitchen scale', 'digital scale'], { capacity: ['5 kg', '10 kg'] }, [
    'Weighs ingredients to the gram for baking.',
    'A tare button zeroes the bowl.',
    'Reads in grams, ounces and millilitres.',
  ]),
  type('chef-knife', ['chef knife', 'cook knife'], { length: ['15 cm', '20 cm'], steel: ['German steel', 'Damascus steel'] }, [
    'Slices, dices and chops vegetables, meat and herbs.',
    'A balanced handle for long prep sessions.',
    'Holds a keen edge for months.',
  ]),
  type('cutting-board', ['cutting board', 'chopping board'], { material: ['bamboo', 'oak', 'plastic'] }, [
    'A firm surface for chopping that is kind to knife edges.',
    'A groove around the edge catches juices.',
    'Rubber feet stop it sliding on the counter.',
  ]),
];

const POTS_AND_PANS = [
  type('frying-pan', ['frying pan', 'fry pan', 'saute pan'], { material: ['cast iron', 'non-stick', 'carbon steel'], size: ['24 cm', '28 cm'] }, [
    'For searing steak, frying eggs and browning onions.',
    'Works on gas, electric and induction hobs.',
    'Goes in the oven up to 250 degrees.',
  ]),
  type('saucepan', ['saucepan', 'milk pan'], { size: ['16 cm', '18 cm', '20 cm'], material: ['stainless steel', 'copper'] }, [
    'For sauces, porridge, rice and boiled eggs.',
    'A glass lid lets you watch it cook.',
    'A pouring lip on both sides.',
  ]),
  type('stock-pot', ['stock pot', 'soup pot'], { capacity: ['6 l', '8 l', '10 l'] }, [
    'Big enough for soups, stews and pasta for a crowd.',
    'Two side handles for lifting it when full.',
    'A thick base that does not scorch.',
  ]),
  type('wok', ['wok', 'stir-fry pan'], { material: ['carbon steel', 'cast iron', 'non-stick'] }, [
    'For stir-fries, steaming and deep frying.',
    'Heats fast and evenly across its curved base.',
    'A long handle and a helper grip.',
  ]),
  type('roasting-tin', ['roasting tin', 'baking dish'], { size: ['30 cm', '38 cm'] }, [
    'Roasts chicken, vegetables and potatoes in the oven.',
    'Deep sides keep the juices in.',
    'A rack lifts the meat off the base.',
  ]),
];

const DRINKWARE = [
  type('travel-mug', ['travel mug', 'commuter cup'], { capacity: ['350 ml', '450 ml'], lid: ['leak-proof lid', 'sliding lid'] }, [
    'Keeps coffee or tea hot for hours on your commute.',
    'Fits most car cup holders.',
    'Double walls so the outside never burns your hand.',
  ]),
  type('vacuum-flask', ['vacuum flask', 'insulated bottle'], { capacity: ['500 ml', '750 ml', '1 l'] }, [
    'Keeps drinks hot for 12 hours or cold for 24.',
    'The screw cap doubles as a cup.',
    'Slim enough for a coat pocket on a day hike.',
  ]),
  type('water-bottle', ['water bottle', 'sports bottle'], { material: ['Tritan', 'aluminium', 'stainless steel'], capacity: ['500 ml', '750 ml'] }, [
    'A refillable bottle for the gym, school or office.',
    'Dishwasher safe and free of BPA.',
    'A loop on the cap to carry it by.',
  ]),
  type('coffee-mug', ['coffee mug', 'ceramic mug'], { capacity: ['300 ml', '400 ml'] }, [
    'A mug for hot drinks at home or at the office.',
    'Safe in the microwave and the dishwasher.',
    'A wide handle that fits four fingers.',
  ]),
];

const LAMPS = [
  type('desk-lamp', ['desk lamp', 'task lamp', 'reading lamp'], { light: ['warm white', 'daylight'], feature: ['dimmable', 'USB port'] }, [
    'Lights up your desk for work and reading.',
    'An arm that bends to put the light where you need it.',
    'Uses LEDs that last for years.',
  ]),
  type('floor-lamp', ['floor lamp', 'standing lamp'], { light: ['warm white', 'daylight'], height: ['150 cm', '180 cm'] }, [
    'A tall light for a corner of the living room.',
    'Gives soft light over a sofa or an armchair.',
    'A foot switch on the cable.',
  ]),
  type('pendant-light', ['pendant light', 'ceiling shade'], { material: ['rattan', 'metal', 'glass'] }, [
    'Hangs from the ceiling over a dining table or kitchen island.',
    'The cord shortens to the height you want.',
    'Takes a standard E27 bulb.',
  ]),
  type('string-lights', ['string lights', 'fairy lights'], { length: ['5 m', '10 m', '20 m'], power: ['battery', 'solar', 'plug-in'] }, [
    'Tiny bulbs on a thin wire for gardens, balconies and parties.',
    'Steady or twinkling, with a timer.',
    'Safe to leave out in the rain.',
  ]),
];

const BEDDING = [
  type('duvet', ['duvet', 'quilt'], { warmth: ['4.5 tog', '10.5 tog', '13.5 tog'], size: ['single', 'double', 'king'] }, [
    'Keeps you warm at night in bed.',
    'A light one for summer or a heavy one for winter.',
    'Machine washable at 40 degrees.',
  ]),
  type('pillow', ['pillow', 'bed pillow'], { filling: ['memory foam', 'feather', 'microfibre'] }, [
    'Supports your head and neck while you sleep.',
    'Keeps its shape night after night.',
    'A removable cover that washes easily.',
  ]),
  type('bed-sheets', ['sheet set', 'fitted sheet'], { material: ['cotton', 'linen', 'bamboo'], size: ['single', 'double', 'king'] }, [
    'Soft sheets that breathe on warm nights.',
    'Deep pockets fit thick mattresses.',
    'Gets softer with every wash.',
  ]),
  type('weighted-blanket', ['weighted blanket'], { weight: ['5 kg', '7 kg', '9 kg'] }, [
    'Even, gentle pressure that helps you settle and fall asleep.',
    'Glass beads sewn into small squares so the weight stays spread.',
    'A cover that zips off for washing.',
  ]),
];

const CLEANING = [
  type('vacuum-cleaner', ['vacuum cleaner', 'stick vacuum', 'cordless vacuum'], { power: ['corded', 'cordless'] }, [
    'Picks up dust, crumbs and pet hair from carpets and hard floors.',
    'A crevice tool reaches into corners.',
    'Empties with one press over the bin.',
  ]),
  type('robot-vacuum', ['robot vacuum', 'robotic cleaner'], { navigation: ['laser mapping', 'camera mapping'] }, [
    'Cleans the floors by itself on a schedule and docks to recharge.',
    'Maps your rooms and keeps away from the stairs.',
    'Start it from your phone while you are out.',
  ]),
  type('steam-mop', ['steam mop'], { tank: ['350 ml', '500 ml'] }, [
    'Cleans tiled and wooden floors with hot steam and no chemicals.',
    'Ready to use in thirty seconds.',
    'Washable microfibre pads.',
  ]),
  type('air-purifier', ['air purifier', 'HEPA purifier'], { room: ['up to 20 m2', 'up to 40 m2'] }, [
    'Filters dust, pollen and smoke out of the air in a room.',
    'A night mode that is almost silent.',
    'A light tells you when to change the filter.',
  ]),
];

const HOME_OFFICE = [
  type('office-chair', ['office chair', 'desk chair', 'task chair'], { upholstery: ['mesh', 'fabric', 'leather'] }, [
    'Adjustable height and lumbar support for long days at a desk.',
    'Armrests that move up, down and sideways.',
    'Rolls quietly on hard floors and carpet.',
  ]),
  type('standing-desk', ['standing desk', 'sit-stand desk'], { width: ['120 cm', '140 cm', '160 cm'] }, [
    'A motorised frame raises it so you can work on your feet.',
    'Remembers three heights at the press of a button.',
    'Steady at full height.',
  ]),
  type('bookshelf', ['bookshelf', 'bookcase'], { shelves: ['3-shelf', '5-shelf'], finish: ['oak', 'pine', 'white'] }, [
    'Holds books, files and plants on open shelves.',
    'Comes with a strap to fix it to the wall.',
    'Adjustable shelf heights.',
  ]),
];

const AUDIO = [
  type('headphones', ['over-ear headphones', 'headphones', 'studio headphones'], { connectivity: ['wireless', 'wired'], feature: ['noise cancelling', 'foldable'] }, [
    'Big cushioned cups that cover your ears.',
    'Detailed sound for music, films and calls.',
    'Comfortable for a whole day of listening.',
  ]),
  type('earbuds', ['earbuds', 'in-ear buds'], { connectivity: ['wireless'], feature: ['noise cancelling', 'sport fit'] }, [
    'Tiny buds that sit in your ears and charge in their case.',
    'Touch controls for calls and tracks.',
    'Stay put during workouts.',
  ]),
  type('bluetooth-speaker', ['bluetooth speaker', 'portable speaker'], { rating: ['IPX5', 'IPX7'] }, [
    'Plays music from your phone anywhere, indoors or out.',
    'Splash-proof and small enough for a bag.',
    'Twelve hours of play on a charge.',
  ]),
  type('soundbar', ['soundbar'], { channels: ['2.1', '3.1', '5.1'] }, [
    'Sits under the TV for clearer dialogue and fuller sound.',
    'Connects with one HDMI cable.',
    'A wireless subwoofer for deep bass.',
  ]),
];

const WEARABLES = [
  type('smartwatch', ['smartwatch', 'smart watch'], { case: ['41 mm', '45 mm'] }, [
    'Shows messages, tracks workouts and measures heart rate on your wrist.',
    'Pay at the till with a tap.',
    'A bright screen you can read in sunlight.',
  ]),
  type('fitness-tracker', ['fitness tracker', 'activity band'], { display: ['colour screen', 'mono screen'] }, [
    'Counts steps, tracks sleep and reminds you to move.',
    'A slim band you forget you are wearing.',
    'A week of battery life.',
  ]),
  type('gps-watch', ['GPS running watch', 'GPS watch'], { battery: ['20 h GPS', '40 h GPS'] }, [
    'Records your route, pace and distance on runs and rides.',
    'Training plans and recovery advice after each session.',
    'Water resistant to 50 metres.',
  ]),
];

const COMPUTER_ACCESSORIES = [
  type('keyboard', ['keyboard', 'office keyboard'], { switches: ['mechanical', 'membrane'], connectivity: ['wireless', 'wired'] }, [
    'Keys with a satisfying travel for typing and gaming.',
    'Backlit keys for late evenings.',
    'Pairs with three devices and switches between them.',
  ]),
  type('mouse', ['mouse', 'computer mouse'], { connectivity: ['wireless', 'wired'], shape: ['ergonomic', 'ambidextrous'] }, [
    'Moves the cursor smoothly on almost any desk.',
    'Quiet clicks and a scroll wheel.',
    'Shaped to rest your hand on.',
  ]),
  type('monitor', ['monitor', 'computer display'], { size: ['24 inch', '27 inch', '32 inch'], resolution: ['Full HD', '4K'] }, [
    'A sharp screen for work, photos and games.',
    'The stand tilts, swivels and raises.',
    'Easy on the eyes over long hours.',
  ]),
  type('laptop-stand', ['laptop stand', 'notebook riser'], { material: ['aluminium', 'wood'] }, [
    'Raises your screen to eye level to spare your neck.',
    'Folds flat into a bag.',
    'Open design keeps the machine cool.',
  ]),
  type('webcam', ['webcam'], { resolution: ['1080p', '4K'] }, [
    'A camera for video calls with a built-in microphone.',
    'Clips onto any screen.',
    'Adjusts to dim rooms by itself.',
  ]),
];

const PHONE_ACCESSORIES = [
  type('phone-case', ['phone case', 'phone cover'], { material: ['silicone', 'leather', 'clear'] }, [
    'Protects your phone from drops and scratches.',
    'Raised edges around the camera and screen.',
    'Slim enough for a pocket.',
  ]),
  type('power-bank', ['power bank', 'battery pack'], { capacity: ['10000 mAh', '20000 mAh'] }, [
    'Recharges your phone on the go, twice over.',
    'Charges two devices at once.',
    'Small enough to carry every day.',
  ]),
  type('wall-charger', ['wall charger', 'USB-C charger'], { power: ['20 W', '65 W'] }, [
    'Plugs into the socket and fast-charges phones and tablets.',
    'Also powers a laptop.',
    'Folding pins for travel.',
  ]),
  type('screen-protector', ['screen protector', 'tempered glass'], { fit: ['6.1 inch', '6.7 inch'] }, [
    'A thin glass layer that takes the scratches instead of your screen.',
    'A frame lines it up perfectly.',
    'Keeps the touch as sensitive as ever.',
  ]),
];

const RUNNING = [
  type('running-shoes', ['running shoes', 'road running shoes'], { support: ['neutral', 'stability'], drop: ['4 mm drop', '8 mm drop'] }, [
    'Light, cushioned shoes for road runs and races.',
    'A breathable mesh upper.',
    'Grippy soles for wet pavements.',
  ]),
  type('running-shorts', ['running shorts'], { inseam: ['5 inch', '7 inch'] }, [
    'Light shorts with a zip pocket for keys.',
    'Built-in liner and quick-drying fabric.',
    'Reflective details for evening runs.',
  ]),
  type('hydration-vest', ['hydration vest', 'running vest'], { capacity: ['5 l', '12 l'] }, [
    'Carries water, gels and a layer on long runs.',
    'Soft bottles sit in front within reach.',
    'Snug so it does not bounce.',
  ]),
];

const CYCLING = [
  type('bike-helmet', ['bike helmet', 'cycling helmet'], { style: ['road', 'mountain', 'urban'] }, [
    'Protects your head on roads and trails.',
    'Vents keep you cool on climbs.',
    'A dial at the back for a snug fit.',
  ]),
  type('bike-light', ['bike light set', 'front bike light'], { output: ['400 lumen', '800 lumen'] }, [
    'Bright lights to see and be seen after dark.',
    'Recharges over USB.',
    'Clips on and off the bars in seconds.',
  ]),
  type('floor-pump', ['floor pump', 'track pump'], { pressure: ['11 bar', '16 bar'] }, [
    'Inflates tyres quickly with a pressure gauge.',
    'Fits both valve types.',
    'A wide base holds it steady.',
  ]),
  type('cycling-gloves', ['cycling gloves'], { cuff: ['full finger', 'fingerless'] }, [
    'Padded palms that ease the pressure on long rides.',
    'Touchscreen fingertips.',
    'Pull tabs to take them off.',
  ]),
];

const CAMPING = [
  type('tent', ['tent', 'dome tent', 'backpacking tent'], { sleeps: ['2-person', '3-person', '4-person'] }, [
    'A waterproof shelter for nights outdoors that pitches in minutes.',
    'Two doors and a porch for boots and bags.',
    'Packs down small.',
  ]),
  type('sleeping-bag', ['sleeping bag', 'mummy bag'], { season: ['3-season', '4-season'], fill: ['down', 'synthetic'] }, [
    'Keeps you warm through cold nights under canvas.',
    'A hood and a draught collar hold the heat in.',
    'Squeezes into its own stuff sack.',
  ]),
  type('camping-stove', ['camping stove', 'gas stove'], { fuel: ['butane', 'multi-fuel'] }, [
    'A small burner for cooking meals and boiling water at camp.',
    'Folds into a cup-sized case.',
    'A windshield keeps the flame steady.',
  ]),
  type('headlamp', ['headlamp', 'LED headlamp'], { output: ['300 lumen', '600 lumen'] }, [
    'A light on a strap around your head that leaves your hands free.',
    'A red mode that keeps your night vision.',
    'Recharges over USB.',
  ]),
  type('flashlight', ['flashlight', 'LED flashlight'], { output: ['500 lumen', '1000 lumen'] }, [
    'A bright handheld light for power cuts and walks after dark.',
    'Survives drops and rain.',
    'Zooms from a wide beam to a spot.',
  ]),
];

const FITNESS = [
  type('yoga-mat', ['yoga mat', 'exercise mat'], { thickness: ['4 mm', '6 mm'] }, [
    'A grippy, cushioned mat for yoga, pilates and stretching.',
    'Rolls up with a carry strap.',
    'Wipes clean after class.',
  ]),
  type('dumbbells', ['dumbbell set', 'adjustable dumbbells'], { weight: ['2 x 5 kg', '2 x 10 kg', '2 x 20 kg'] }, [
    'Weights for curls, presses and rows at home.',
    'Change the load in seconds with a dial.',
    'Rubber ends spare your floor.',
  ]),
  type('kettlebell', ['kettlebell'], { weight: ['8 kg', '12 kg', '16 kg'] }, [
    'A cast iron ball with a handle for swings and squats.',
    'A flat base so it stands upright.',
    'A wide handle for two hands.',
  ]),
  type('resistance-bands', ['resistance bands', 'loop bands'], { levels: ['3 levels', '5 levels'] }, [
    'Stretchy bands that add load to squats, rows and physio exercises.',
    'Light enough to pack for a trip.',
    'Colour-coded by strength.',
  ]),
  type('jump-rope', ['jump rope', 'speed rope'], { cable: ['steel cable', 'PVC cord'] }, [
    'Fast cardio in a small space.',
    'Ball bearings in the handles for smooth turns.',
    'Cut it to your height.',
  ]),
];

const SHOES = [
  type('hiking-boots', ['hiking boots', 'walking boots'], { upper: ['waterproof', 'breathable'] }, [
    'Grip and ankle support for rocky trails.',
    'A lining that keeps your feet dry in puddles.',
    'Comfortable from the first walk.',
  ]),
  type('sandals', ['sandals', 'sliders'], { strap: ['adjustable strap', 'slip-on'] }, [
    'Open shoes for the beach and hot days.',
    'Soft footbeds and quick-drying straps.',
    'Light enough to pack for a holiday.',
  ]),
  type('sneakers', ['sneakers', 'low-top shoes'], { upper: ['canvas', 'leather', 'suede'] }, [
    'Everyday shoes for town and weekends.',
    'A classic low-top shape.',
    'Rubber soles that last.',
  ]),
  type('slippers', ['slippers', 'house shoes'], { lining: ['wool', 'fleece'] }, [
    'Warm, soft shoes to wear around the house.',
    'Non-slip soles for tiled floors.',
    'Machine washable.',
  ]),
];

const BAGS = [
  type('backpack', ['backpack', 'daypack', 'laptop backpack'], { capacity: ['20 l', '30 l'] }, [
    'Carries a laptop, lunch and a jacket on your back.',
    'Padded straps and a back panel that breathes.',
    'A hidden pocket for your passport.',
  ]),
  type('duffel-bag', ['duffel bag', 'gym bag', 'weekender'], { capacity: ['40 l', '60 l'] }, [
    'A roomy bag for the gym or a weekend away.',
    'A separate pocket for shoes.',
    'Carry it by hand or on a shoulder strap.',
  ]),
  type('tote-bag', ['tote bag', 'shopper'], { material: ['canvas', 'leather'] }, [
    'An open bag for shopping, books and everyday things.',
    'Long handles to wear on the shoulder.',
    'An inside pocket for keys.',
  ]),
  type('wallet', ['wallet', 'card holder'], { material: ['leather', 'nylon'] }, [
    'Holds cards, notes and coins in a slim fold.',
    'Blocks contactless skimming.',
    'Fits a front pocket.',
  ]),
];

const OUTERWEAR = [
  type('rain-jacket', ['rain jacket', 'waterproof shell'], { fit: ['regular', 'slim'] }, [
    'Keeps you dry in wind and heavy rain.',
    'Packs into its own pocket.',
    'Taped seams and an adjustable hood.',
  ]),
  type('down-jacket', ['down jacket', 'puffer jacket'], { fill: ['600 fill', '800 fill'] }, [
    'Light, warm and packable for cold days.',
    'Traps heat even in freezing wind.',
    'Zip hand pockets.',
  ]),
  type('fleece', ['fleece jacket', 'fleece'], { weight: ['100 weight', '200 weight'] }, [
    'A soft mid layer for chilly walks.',
    'Dries fast and stays warm when damp.',
    'A full zip and two pockets.',
  ]),
  type('hooded-sweatshirt', ['hooded sweatshirt', 'zip sweatshirt'], { fabric: ['cotton', 'organic cotton'] }, [
    'A cosy cotton top with a hood and a front pocket.',
    'Brushed inside for softness.',
    'Ribbed cuffs that keep their shape.',
  ]),
];

/** Five departments, fourteen groups, nineteen leaves. */
export const CATEGORY_TREE: CategoryNode[] = [
  {
    name: 'Kitchen',
    children: [
      { name: 'Small appliances', children: [{ name: 'Hot drinks', types: HOT_DRINKS }, { name: 'Food preparation', types: FOOD_PREPARATION }] },
      { name: 'Cookware', children: [{ name: 'Pots and pans', types: POTS_AND_PANS }, { name: 'Drinkware', types: DRINKWARE }] },
    ],
  },
  {
    name: 'Home',
    children: [
      { name: 'Lighting', children: [{ name: 'Lamps', types: LAMPS }] },
      { name: 'Bedroom', children: [{ name: 'Bedding', types: BEDDING }] },
      { name: 'Housekeeping', children: [{ name: 'Cleaning', types: CLEANING }] },
      { name: 'Furniture', children: [{ name: 'Home office', types: HOME_OFFICE }] },
    ],
  },
  {
    name: 'Electronics',
    children: [
      { name: 'Audio and wearables', children: [{ name: 'Audio', types: AUDIO }, { name: 'Wearables', types: WEARABLES }] },
      { name: 'Computing', children: [{ name: 'Computer accessories', types: COMPUTER_ACCESSORIES }, { name: 'Phone accessories', types: PHONE_ACCESSORIES }] },
    ],
  },
  {
    name: 'Sports',
    children: [
      { name: 'Running and cycling', children: [{ name: 'Running', types: RUNNING }, { name: 'Cycling', types: CYCLING }] },
      { name: 'Outdoors', children: [{ name: 'Camping', types: CAMPING }] },
      { name: 'Training', children: [{ name: 'Fitness', types: FITNESS }] },
    ],
  },
  {
    name: 'Fashion',
    children: [
      { name: 'Footwear', children: [{ name: 'Shoes', types: SHOES }] },
      { name: 'Accessories', children: [{ name: 'Bags', types: BAGS }] },
      { name: 'Clothing', children: [{ name: 'Outerwear', types: OUTERWEAR }] },
    ],
  },
];
