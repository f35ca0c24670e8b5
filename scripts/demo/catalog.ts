/**
 * The demo seller: a deterministic, realistic catalogue (seeded PRNG, no Math.random) of a
 * small cross-border seller on Amazon US (FBA and seller-fulfilled), Amazon Europe (one product
 * on pan-European FBA), Walmart (WFS and seller-fulfilled) and eBay. Each product has a demand
 * story and a daily sales history up to `today`, and each physical stock a position a real
 * seller would hold:
 * - FBA / WFS: about five months on hand (a 70-day lead time plus 60 days of target cover and
 *   the safety stock), with a shipment on its way for the faster sellers;
 * - the seller's own warehouse: ONE stock per product, listed on its channels the way sellers
 *   do it (one channel lists the whole stock, the others a share), so every channel's listed
 *   quantity is consistent with the same shelf;
 * - a handful in trouble (one sold out while it sells, one running out before a reorder could
 *   arrive, one oversold because every channel listed the last units), a few overstocked or
 *   declining, the dead ones, one new launch, and one whose FBA stock runs short while its
 *   warehouse stock is more than it needs (a transfer between the two).
 * Stock is sized from each pool's recent demand (the rate a forecast sees), so the positions
 * mean the same whatever the date the demo runs on.
 */
import { addDays, isoDateInZone } from '../../lib/locale/dates';
import { marketplaceById } from '../../lib/locale/markets';
import { seededRandom } from '../../tests/fixtures/builders/demo-data';

export type DemandStory = 'fast' | 'steady' | 'slow' | 'seasonal' | 'new' | 'dead' | 'declining' | 'lumpy';

export type DemoMarketplace = 'amazon.com' | 'amazon.de' | 'amazon.fr' | 'walmart.com' | 'ebay.com';

export interface CatalogListing {
  platform: 'amazon' | 'walmart' | 'ebay';
  marketplace: DemoMarketplace;
  fulfillment: 'FBA' | 'WFS' | 'SELLER';
  sku: string;
  /** eBay item number / Walmart item id. */
  itemId?: string;
  /** Share of the product's demand that comes through this listing. */
  demandShare: number;
  /** FBA / WFS: the pool's sellable units. Seller-fulfilled: the quantity this channel lists. */
  available: number;
  inbound: number;
  reserved: number;
  unfulfillable: number;
  priceMinor: number;
  currency: 'USD' | 'EUR';
  status: 'active' | 'inactive' | 'suppressed';
  /** Units sold per day, oldest first, ending `today` (the last day is partial: about half). */
  dailySales: number[];
}

export interface DemoProduct {
  sku: string;
  asin: string;
  gtin: string;
  title: string;
  story: DemandStory;
  /** ISO date the product was first listed. */
  launchDate: string;
  costMinor: number;
  listings: CatalogListing[];
  /** Units by age in the Amazon fulfilment network (the US pool; EU listings carry their own). */
  ageBuckets: { minDays: number; maxDays: number | null; units: number }[];
  /** Age buckets of the pan-European FBA pool, when the product is sold there. */
  euAgeBuckets?: { minDays: number; maxDays: number | null; units: number }[];
  /** The seller's own-warehouse units (what is on the shelf), when the product is kept there. */
  warehouseUnits?: number;
}

export const HISTORY_DAYS = 120;

/** Days the stock sizing averages demand over (the forecast's window). */
const RATE_DAYS = 28;

/** Poisson draw (Knuth for small means, normal approximation above 30). */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= random();
  } while (p > limit);
  return k - 1;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A channel a product is listed on: marketplace, who fulfils it, share of the product's demand. */
interface ChannelSpec {
  market: DemoMarketplace;
  fulfillment: CatalogListing['fulfillment'];
  share: number;
  /** Sold out (FBA) or listed at 0 (own warehouse) for the last N days: no sales since. */
  outForDays?: number;
  /** Units sold so far today on this channel (replaces the random draw). */
  soldToday?: number;
}

/** How the seller lists one own-warehouse stock on its channels. */
type OwnListing =
  /** The first own channel lists the whole stock, the others half of it (a cap against overselling). */
  | 'main-full'
  /** Every channel lists the whole stock (how the last units get sold twice). */
  | 'each-full';

interface ProductSpec {
  sku: string;
  title: string;
  story: DemandStory;
  /** Units per day across all channels before the story's shape. */
  meanDaily: number;
  priceCents: number;
  channels: ChannelSpec[];
  /** Days of the pool's recent demand on hand and inbound, per stock pool. */
  fba?: [onHand: number, inbound: number];
  eu?: [onHand: number, inbound: number];
  wfs?: [onHand: number, inbound: number];
  /** The own warehouse: days of its channels' recent demand on the shelf (or units, for the dead). */
  own?: { days?: number; units?: number; list?: OwnListing };
  /** Units on hand for a dead product's FBA stock (no demand to size it from). */
  deadUnits?: number;
  status?: CatalogListing['status'];
}

const ch = (market: DemoMarketplace, fulfillment: CatalogListing['fulfillment'], share: number, extra: Partial<ChannelSpec> = {}): ChannelSpec => ({
  market,
  fulfillment,
  share,
  ...extra,
});

/**
 * The products. Most are stocked the way a seller with a 70-day lead time stocks them (about
 * five months at FBA/WFS, four in the own warehouse, some on the water); the exceptions are
 * the stories the demo shows.
 */
const PRODUCTS: ProductSpec[] = [
  {
    sku: 'PC-IP15-CLR',
    title: 'Clear Phone Case for iPhone 15, Shockproof Slim Cover',
    story: 'fast',
    meanDaily: 34,
    priceCents: 1299,
    channels: [ch('amazon.com', 'FBA', 0.65), ch('walmart.com', 'WFS', 0.2), ch('ebay.com', 'SELLER', 0.15)],
    fba: [152, 12],
    wfs: [152, 12],
    own: { days: 126 },
  },
  // Sold out on Amazon four days ago while it sells; the next shipment is on its way.
  {
    sku: 'PC-IP15-BLK',
    title: 'Matte Black Phone Case for iPhone 15 with Camera Guard',
    story: 'fast',
    meanDaily: 22,
    priceCents: 1399,
    channels: [ch('amazon.com', 'FBA', 0.75, { outForDays: 4 }), ch('walmart.com', 'SELLER', 0.25)],
    fba: [0, 24],
    own: { days: 125 },
  },
  {
    sku: 'PC-S24-CLR',
    title: 'Clear Case for Samsung Galaxy S24, Anti-Yellowing',
    story: 'steady',
    meanDaily: 9,
    priceCents: 1199,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('ebay.com', 'SELLER', 0.3)],
    fba: [148, 12],
    own: { days: 130 },
  },
  {
    sku: 'SP-IP15-2PK',
    title: 'Tempered Glass Screen Protector iPhone 15 (2 Pack)',
    story: 'fast',
    meanDaily: 41,
    priceCents: 899,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('walmart.com', 'WFS', 0.3)],
    fba: [152, 12],
    wfs: [152, 12],
  },
  {
    sku: 'CBL-USBC-2M',
    title: 'USB-C to USB-C Cable 2 m, 60W Braided',
    story: 'steady',
    meanDaily: 15,
    priceCents: 999,
    channels: [ch('amazon.com', 'FBA', 0.65), ch('walmart.com', 'WFS', 0.2), ch('ebay.com', 'SELLER', 0.15)],
    fba: [149, 10],
    wfs: [150, 0],
    own: { days: 134 },
  },
  // Lightning cables fade as phones move to USB-C: declining, and the last order was too big.
  {
    sku: 'CBL-LTG-1M',
    title: 'Lightning Cable 1 m MFi Certified',
    story: 'declining',
    meanDaily: 4,
    priceCents: 899,
    channels: [ch('amazon.com', 'FBA', 1)],
    fba: [260, 0],
  },
  {
    sku: 'CHG-30W-WHT',
    title: '30W USB-C Wall Charger, GaN, White',
    story: 'steady',
    meanDaily: 11,
    priceCents: 1999,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('ebay.com', 'SELLER', 0.15), ch('walmart.com', 'SELLER', 0.15)],
    fba: [150, 12],
    own: { days: 132 },
  },
  {
    sku: 'KIT-SPAT-SET',
    title: 'Silicone Spatula Set of 5, Heat Resistant 600°F',
    story: 'steady',
    meanDaily: 7,
    priceCents: 1699,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('walmart.com', 'SELLER', 0.25)],
    fba: [149, 10],
    own: { days: 128 },
  },
  {
    sku: 'KIT-GARLIC',
    title: 'Stainless Steel Garlic Press with Cleaning Brush',
    story: 'slow',
    meanDaily: 2.6,
    priceCents: 1299,
    channels: [ch('amazon.com', 'SELLER', 0.7), ch('ebay.com', 'SELLER', 0.3)],
    own: { days: 134 },
  },
  // Lumpy (a few bulk orders) and overstocked after one of them was read as a trend.
  {
    sku: 'KIT-MAT-XL',
    title: 'Extra Large Silicone Baking Mat 16x24 in',
    story: 'lumpy',
    meanDaily: 3,
    priceCents: 1899,
    channels: [ch('amazon.com', 'FBA', 1)],
    fba: [215, 0],
  },
  {
    sku: 'KIT-TIMER-MAG',
    title: 'Magnetic Digital Kitchen Timer, Loud Alarm',
    story: 'dead',
    meanDaily: 0,
    priceCents: 999,
    channels: [ch('amazon.com', 'FBA', 1)],
    deadUnits: 220,
  },
  {
    sku: 'PET-BOWL-SLOW',
    title: 'Slow Feeder Dog Bowl, Anti-Choking, Medium',
    story: 'steady',
    meanDaily: 8,
    priceCents: 1499,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('walmart.com', 'WFS', 0.3)],
    fba: [151, 12],
    wfs: [152, 0],
  },
  {
    sku: 'PET-BRUSH-DESHED',
    title: 'Deshedding Brush for Dogs and Cats',
    story: 'fast',
    meanDaily: 18,
    priceCents: 1599,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('walmart.com', 'WFS', 0.15), ch('ebay.com', 'SELLER', 0.15)],
    fba: [152, 12],
    wfs: [151, 12],
    own: { days: 130 },
  },
  // Listed at 0 on Amazon for nine days (a sync reset it) while the warehouse stock sells on Walmart.
  {
    sku: 'PET-TOY-ROPE3',
    title: 'Dog Rope Toys, 3 Pack for Aggressive Chewers',
    story: 'steady',
    meanDaily: 12,
    priceCents: 1299,
    channels: [ch('walmart.com', 'SELLER', 0.4), ch('amazon.com', 'SELLER', 0.6, { outForDays: 9 })],
    own: { days: 130 },
  },
  {
    sku: 'PET-LEASH-LED',
    title: 'LED Light-Up Dog Leash, USB Rechargeable, 5 ft',
    story: 'seasonal',
    meanDaily: 4,
    priceCents: 1799,
    channels: [ch('amazon.com', 'FBA', 0.8), ch('ebay.com', 'SELLER', 0.2)],
    fba: [155, 8],
    own: { days: 132 },
  },
  // The holiday rush came early: running out before an order placed today could arrive.
  {
    sku: 'TOY-MAG-TILES-60',
    title: 'Magnetic Building Tiles 60 pcs STEM Toy',
    story: 'seasonal',
    meanDaily: 9,
    priceCents: 3999,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('walmart.com', 'WFS', 0.25)],
    fba: [34, 0],
    wfs: [155, 8],
  },
  {
    sku: 'TOY-PUZZLE-1000',
    title: 'Jigsaw Puzzle 1000 Pieces, Night City',
    story: 'seasonal',
    meanDaily: 5,
    priceCents: 1999,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('walmart.com', 'SELLER', 0.15), ch('ebay.com', 'SELLER', 0.15)],
    fba: [155, 8],
    own: { days: 132 },
  },
  {
    sku: 'TOY-SLIME-KIT',
    title: 'DIY Slime Kit for Girls, 24 Colors',
    story: 'seasonal',
    meanDaily: 6,
    priceCents: 2499,
    channels: [ch('amazon.com', 'FBA', 1)],
    fba: [155, 8],
  },
  // Sold from the seller's warehouse on three channels: one stock, one reorder shown on all three.
  {
    sku: 'XMAS-LIGHTS-100',
    title: 'Christmas String Lights 100 LED, Warm White, 33 ft',
    story: 'seasonal',
    meanDaily: 14,
    priceCents: 1699,
    channels: [ch('amazon.com', 'SELLER', 0.55), ch('walmart.com', 'SELLER', 0.25), ch('ebay.com', 'SELLER', 0.2)],
    own: { days: 132 },
  },
  {
    sku: 'XMAS-ORN-24',
    title: 'Shatterproof Christmas Ornaments Set of 24, Red & Gold',
    story: 'seasonal',
    meanDaily: 10,
    priceCents: 2299,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('walmart.com', 'WFS', 0.3)],
    fba: [155, 8],
    wfs: [155, 8],
  },
  // Oversold: every channel listed the last units, and today's orders on two of them add up to more.
  {
    sku: 'HOME-LAMP-DESK',
    title: 'LED Desk Lamp with Wireless Charger, Dimmable',
    story: 'steady',
    meanDaily: 5,
    priceCents: 3499,
    channels: [
      ch('amazon.com', 'SELLER', 0.5, { soldToday: 3 }),
      ch('ebay.com', 'SELLER', 0.3, { soldToday: 3 }),
      ch('walmart.com', 'SELLER', 0.2, { soldToday: 0 }),
    ],
    own: { units: 5, list: 'each-full' },
  },
  {
    sku: 'HOME-HOOKS-20',
    title: 'Adhesive Wall Hooks, 20 Pack, Heavy Duty',
    story: 'fast',
    meanDaily: 26,
    priceCents: 899,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('walmart.com', 'WFS', 0.25)],
    fba: [152, 12],
    wfs: [149, 12],
  },
  {
    sku: 'HOME-ORG-DRAWER',
    title: 'Drawer Organizer Trays, 16 Piece Set',
    story: 'slow',
    meanDaily: 2.4,
    priceCents: 2199,
    channels: [ch('ebay.com', 'SELLER', 0.5), ch('walmart.com', 'SELLER', 0.5)],
    own: { days: 134 },
  },
  {
    sku: 'HOME-CURTAIN-OLD',
    title: 'Blackout Curtains 52x84, Navy (2 Panels) - old version',
    story: 'dead',
    meanDaily: 0,
    priceCents: 2999,
    channels: [ch('amazon.com', 'FBA', 1)],
    deadUnits: 272,
    status: 'inactive',
  },
  {
    sku: 'BEAUTY-ROLLER',
    title: 'Jade Face Roller and Gua Sha Set',
    story: 'steady',
    meanDaily: 3,
    priceCents: 1599,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('walmart.com', 'WFS', 0.25)],
    fba: [149, 0],
    wfs: [149, 0],
  },
  {
    sku: 'BEAUTY-BRUSH-14',
    title: 'Makeup Brush Set 14 pcs with Case',
    story: 'slow',
    meanDaily: 2.2,
    priceCents: 1899,
    channels: [ch('amazon.com', 'FBA', 1)],
    fba: [151, 0],
  },
  {
    sku: 'FIT-BAND-5',
    title: 'Resistance Bands Set of 5 with Handles',
    story: 'steady',
    meanDaily: 6,
    priceCents: 2599,
    channels: [ch('amazon.com', 'FBA', 0.8), ch('ebay.com', 'SELLER', 0.2)],
    fba: [150, 12],
    own: { days: 132 },
  },
  // The new launch: listed 40 days ago, still ramping up; the second shipment is on its way.
  {
    sku: 'FIT-BOTTLE-1L',
    title: 'Motivational Water Bottle 1 L with Time Marker',
    story: 'new',
    meanDaily: 10,
    priceCents: 1999,
    channels: [ch('amazon.com', 'FBA', 0.8), ch('walmart.com', 'SELLER', 0.2)],
    fba: [150, 12],
    own: { days: 130 },
  },
  // Losing out to a newer model: declining, so no reorder, and the stock it has is enough.
  {
    sku: 'FIT-MAT-6MM',
    title: 'Yoga Mat 6 mm Non-Slip, Purple',
    story: 'declining',
    meanDaily: 3,
    priceCents: 2799,
    channels: [ch('amazon.com', 'FBA', 1)],
    fba: [150, 0],
  },
  // Ordered half a year's worth to reach a price break.
  {
    sku: 'OFF-NOTE-A5',
    title: 'A5 Dotted Notebook, Hardcover, 160 Pages',
    story: 'steady',
    meanDaily: 5,
    priceCents: 1299,
    channels: [ch('amazon.com', 'FBA', 1)],
    fba: [185, 0],
  },
  {
    sku: 'OFF-PEN-GEL12',
    title: 'Gel Pens 12 Pack, 0.5 mm, Black',
    story: 'fast',
    meanDaily: 19,
    priceCents: 999,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('ebay.com', 'SELLER', 0.15), ch('walmart.com', 'SELLER', 0.15)],
    fba: [152, 12],
    own: { days: 130 },
  },
  {
    sku: 'OFF-STAND-LAP',
    title: 'Adjustable Laptop Stand, Aluminum',
    story: 'steady',
    meanDaily: 6,
    priceCents: 2999,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('walmart.com', 'WFS', 0.25)],
    fba: [150, 12],
    wfs: [150, 0],
  },
  {
    sku: 'CAR-MOUNT-MAG',
    title: 'Magnetic Car Phone Mount for Dashboard',
    story: 'steady',
    meanDaily: 8,
    priceCents: 1599,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('ebay.com', 'SELLER', 0.25)],
    fba: [148, 12],
    own: { days: 130 },
  },
  {
    sku: 'CAR-VAC-MINI',
    title: 'Handheld Car Vacuum, Cordless, 8000Pa',
    story: 'slow',
    meanDaily: 2.4,
    priceCents: 3999,
    channels: [ch('amazon.com', 'SELLER', 0.7), ch('walmart.com', 'SELLER', 0.3)],
    own: { days: 134 },
  },
  // Dead: no sale in months; its last units sit in FBA and one eBay listing nobody buys from.
  {
    sku: 'GARDEN-GLOVE-3',
    title: 'Gardening Gloves for Women, 3 Pairs',
    story: 'dead',
    meanDaily: 0,
    priceCents: 1299,
    channels: [ch('amazon.com', 'FBA', 0.8), ch('ebay.com', 'SELLER', 0.2)],
    deadUnits: 316,
    own: { units: 40 },
  },
  {
    sku: 'TRAVEL-CUBE-6',
    title: 'Packing Cubes for Travel, 6 Set',
    story: 'steady',
    meanDaily: 4,
    priceCents: 2399,
    channels: [ch('amazon.com', 'FBA', 0.8), ch('walmart.com', 'SELLER', 0.2)],
    fba: [149, 0],
    own: { days: 130 },
  },
  // Also sold in Europe from one pan-European FBA stock, on amazon.de and amazon.fr.
  {
    sku: 'TRAVEL-ADAPT-UNI',
    title: 'Universal Travel Adapter with 2 USB-C',
    story: 'steady',
    meanDaily: 7,
    priceCents: 2599,
    channels: [ch('amazon.com', 'FBA', 0.45), ch('amazon.de', 'FBA', 0.25), ch('amazon.fr', 'FBA', 0.15), ch('ebay.com', 'SELLER', 0.15)],
    fba: [150, 10],
    eu: [91, 12],
    own: { days: 132 },
  },
  {
    sku: 'BABY-BIB-SIL3',
    title: 'Silicone Baby Bibs, 3 Pack',
    story: 'slow',
    meanDaily: 2.4,
    priceCents: 1399,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('walmart.com', 'SELLER', 0.25)],
    fba: [151, 0],
    own: { days: 130 },
  },
  // Too many for how slowly they sell (own warehouse): excess, a markdown on the excess only.
  {
    sku: 'JEWEL-HOOP-GLD',
    title: '14K Gold Plated Hoop Earrings, Lightweight',
    story: 'slow',
    meanDaily: 2,
    priceCents: 1499,
    channels: [ch('amazon.com', 'SELLER', 0.6), ch('ebay.com', 'SELLER', 0.4)],
    own: { days: 280 },
  },
  {
    sku: 'JEWEL-NECK-INIT',
    title: 'Initial Necklace, Dainty Gold Letter Pendant',
    story: 'seasonal',
    meanDaily: 3,
    priceCents: 1699,
    channels: [ch('amazon.com', 'FBA', 0.75), ch('walmart.com', 'SELLER', 0.25)],
    fba: [155, 8],
    own: { days: 132 },
  },
  // Runs out at FBA in three weeks while the warehouse holds far more than its eBay sales need:
  // moving units from the warehouse to FBA bridges the gap until a reorder could arrive.
  {
    sku: 'KIT-KNIFE-SET3',
    title: 'Kitchen Knife Set of 3 with Sheaths, German Steel',
    story: 'steady',
    meanDaily: 8,
    priceCents: 2999,
    channels: [ch('amazon.com', 'FBA', 0.7), ch('ebay.com', 'SELLER', 0.3)],
    fba: [20, 0],
    own: { days: 280 },
  },
];

/** Demand multiplier for a day, by story (day 0 = oldest, today = HISTORY_DAYS - 1). */
function storyShape(story: DemandStory, day: number, date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekly = weekday === 0 || weekday === 6 ? 1.15 : 0.95;
  const month = Number(date.slice(5, 7));
  const dayOfMonth = Number(date.slice(8, 10));
  switch (story) {
    case 'seasonal': {
      // Gifts: climbs through November into December, quiet in late summer.
      const seasonal = month === 12 ? 3 : month === 11 ? 1.4 + dayOfMonth / 15 : month === 10 ? 1.1 : 0.7;
      return seasonal * weekly;
    }
    case 'new':
      return day < HISTORY_DAYS - 40 ? 0 : Math.min(1, (day - (HISTORY_DAYS - 40)) / 30) * weekly;
    case 'declining':
      // From twice the base rate four months ago to about half of it today.
      return (2 - (1.5 * day) / (HISTORY_DAYS - 1)) * weekly;
    case 'dead':
      return 0;
    default:
      return weekly;
  }
}

const MARKET_PLATFORM: Record<DemoMarketplace, CatalogListing['platform']> = {
  'amazon.com': 'amazon',
  'amazon.de': 'amazon',
  'amazon.fr': 'amazon',
  'walmart.com': 'walmart',
  'ebay.com': 'ebay',
};

/** Which physical stock a channel draws from. */
function poolOf(channel: ChannelSpec): 'fba' | 'eu' | 'wfs' | 'own' {
  if (channel.fulfillment === 'FBA') return channel.market === 'amazon.com' ? 'fba' : 'eu';
  return channel.fulfillment === 'WFS' ? 'wfs' : 'own';
}

/** Units by age for a stock of `units` selling `rate` a day, received in step with its sales. */
function ageBucketsFor(units: number, rate: number, dead: boolean): DemoProduct['ageBuckets'] {
  if (dead) {
    const b1 = Math.round(units * 0.2);
    const b2 = Math.round(units * 0.5);
    return [
      { minDays: 0, maxDays: 90, units: 0 },
      { minDays: 91, maxDays: 180, units: b1 },
      { minDays: 181, maxDays: 270, units: b2 },
      { minDays: 271, maxDays: 365, units: units - b1 - b2 },
      { minDays: 366, maxDays: null, units: 0 },
    ];
  }
  // Whatever is beyond 90 days of sales has been there longer than 90 days, and so on.
  const quarter = Math.max(1, Math.round(rate * 90));
  const b0 = Math.min(units, quarter);
  const b1 = Math.min(units - b0, quarter);
  const b2 = Math.min(units - b0 - b1, quarter);
  return [
    { minDays: 0, maxDays: 90, units: b0 },
    { minDays: 91, maxDays: 180, units: b1 },
    { minDays: 181, maxDays: 270, units: b2 },
    { minDays: 271, maxDays: 365, units: units - b0 - b1 - b2 },
    { minDays: 366, maxDays: null, units: 0 },
  ];
}

/**
 * The default seed. Sales are random draws, and a month of draws can by chance look like a trend
 * (a 3-a-day item selling 2 a day for four weeks reads as "declining"); this seed's draws tell
 * no story the catalogue did not mean to (checked on the urgency of every listing).
 */
export const DEMO_SEED = 10;

/**
 * The demo seller's today: the day in its westernmost marketplace (amazon.com, Pacific time). A
 * UTC date would, between UTC and Pacific midnight, date pages and reports a day ahead of the
 * marketplace's day, and readers rightly refuse a report range that ends tomorrow.
 * @example demoToday(new Date('2026-12-04T01:30:00Z')) // '2026-12-03'
 */
export function demoToday(now = new Date()): string {
  return isoDateInZone(now, marketplaceById('amazon.com')!.timeZone);
}

/**
 * Builds the demo catalogue for a given `today` (ISO date). Same input, same catalogue.
 * @example buildDemoCatalog('2026-11-22').length // 41
 */
export function buildDemoCatalog(today: string, seed = DEMO_SEED): DemoProduct[] {
  const firstDay = addDays(today, -(HISTORY_DAYS - 1));
  const dates = Array.from({ length: HISTORY_DAYS }, (_, day) => addDays(firstDay, day));
  return PRODUCTS.map((spec, index) => {
    const { sku, title, story, meanDaily, priceCents } = spec;
    // One stream per product: editing one product leaves every other product's history as it was.
    const random = seededRandom(seed + index * 7919);
    const asin = `B0${(0xc0ffee + index * 7919).toString(36).toUpperCase().padStart(8, 'X').slice(-8)}`;
    const gtin = String(840000000000 + index * 1013 + 7).padStart(12, '0');
    const totalShare = spec.channels.reduce((s, c) => s + c.share, 0);

    // Sales history per channel, and the demand rate a forecast sees now (last RATE_DAYS days, expected).
    const histories = spec.channels.map((channel) => {
      const demandShare = channel.share / totalShare;
      const outFrom = channel.outForDays === undefined ? HISTORY_DAYS : HISTORY_DAYS - channel.outForDays;
      const sales: number[] = [];
      const expected: number[] = [];
      for (let day = 0; day < HISTORY_DAYS; day++) {
        const shape = storyShape(story, day, dates[day]!);
        const lumpy = story === 'lumpy' ? (random() < 0.25 ? 4 : 0) : 1;
        let units = day >= outFrom ? 0 : poisson(random, meanDaily * demandShare * shape * lumpy);
        if (day === HISTORY_DAYS - 1) units = channel.soldToday ?? Math.floor(units / 2);
        sales.push(units);
        // A channel that cannot sell now (sold out, listed at 0) still counts at its usual rate.
        expected.push(meanDaily * demandShare * shape);
      }
      // The rate now: the last four weeks (the last two while a launch ramps up).
      const mean = (days: number) => expected.slice(-days).reduce((a, b) => a + b, 0) / days;
      return { channel, demandShare, sales, rate: story === 'new' ? mean(14) : mean(RATE_DAYS) };
    });
    const poolRate = (pool: ReturnType<typeof poolOf>) => histories.filter((h) => poolOf(h.channel) === pool).reduce((s, h) => s + h.rate, 0);
    const units = (days: number, pool: ReturnType<typeof poolOf>) => Math.round(days * poolRate(pool));

    const fbaUnits = spec.deadUnits ?? units(spec.fba?.[0] ?? 0, 'fba');
    const fbaInbound = spec.deadUnits !== undefined ? 0 : units(spec.fba?.[1] ?? 0, 'fba');
    const euUnits = units(spec.eu?.[0] ?? 0, 'eu');
    const euInbound = units(spec.eu?.[1] ?? 0, 'eu');
    const warehouse = spec.own?.units ?? units(spec.own?.days ?? 0, 'own');
    const ownChannels = histories.filter((h) => poolOf(h.channel) === 'own');
    const ownList = spec.own?.list ?? 'main-full';

    const listings: CatalogListing[] = histories.map(({ channel, demandShare, sales }, li) => {
      const platform = MARKET_PLATFORM[channel.market];
      const pool = poolOf(channel);
      const soldToday = sales[sales.length - 1]!;
      let available: number;
      let inbound = 0;
      if (pool === 'fba') [available, inbound] = [fbaUnits, fbaInbound];
      else if (pool === 'eu') [available, inbound] = [euUnits, euInbound];
      else if (pool === 'wfs') [available, inbound] = [units(spec.wfs?.[0] ?? 0, 'wfs'), units(spec.wfs?.[1] ?? 0, 'wfs')];
      else if (channel.outForDays !== undefined) available = 0;
      else {
        // The seller synced the listed quantities this morning; each channel has counted down its own sales since.
        const main = ownChannels.find((h) => h.channel.outForDays === undefined)?.channel === channel;
        const synced = ownList === 'each-full' || main ? warehouse : Math.round(warehouse / 2);
        available = Math.max(0, synced - soldToday);
      }
      const itemNumber = platform === 'ebay' ? String(3960000000 + index * 131 + li) : platform === 'walmart' ? String(5100000 + index * 17) : undefined;
      const eur = channel.market === 'amazon.de' || channel.market === 'amazon.fr';
      return {
        platform,
        marketplace: channel.market,
        fulfillment: channel.fulfillment,
        sku,
        ...(itemNumber ? { itemId: itemNumber } : {}),
        demandShare,
        available,
        inbound,
        reserved: pool === 'own' ? 0 : Math.round(available * 0.03),
        unfulfillable: pool !== 'own' && index % 7 === 0 ? 2 : 0,
        priceMinor: platform === 'ebay' ? priceCents - 100 : eur ? Math.round(priceCents * 0.95) : priceCents,
        currency: eur ? 'EUR' : 'USD',
        status: spec.status ?? 'active',
        dailySales: sales,
      } satisfies CatalogListing;
    });

    const fba = listings.find((l) => l.marketplace === 'amazon.com' && l.fulfillment === 'FBA');
    const eu = listings.find((l) => l.fulfillment === 'FBA' && l.marketplace !== 'amazon.com');
    return {
      sku,
      asin,
      gtin,
      title,
      story,
      launchDate: story === 'new' ? addDays(today, -40) : addDays(today, -(400 + index * 9)),
      costMinor: Math.round(priceCents * 0.35),
      listings,
      ageBuckets: ageBucketsFor(fba ? fba.available + fba.reserved : 0, poolRate('fba'), story === 'dead'),
      ...(eu ? { euAgeBuckets: ageBucketsFor(eu.available + eu.reserved, poolRate('eu'), false) } : {}),
      ...(ownChannels.length > 0 ? { warehouseUnits: warehouse } : {}),
    };
  });
}
