/**
 * The demo seller: a deterministic, realistic catalogue (seeded PRNG, no Math.random) of a
 * small cross-border seller on Amazon US, Walmart and eBay. Each product has a demand story
 * (fast, slow, seasonal, new, dead, stocked out) and a daily sales history up to `today`, so
 * the pages built from it show what a real account would: stock, windowed sales, orders.
 */
import { addDays } from '../../lib/locale/dates';
import { seededRandom } from '../../tests/fixtures/builders/demo-data';

export type DemandStory = 'fast' | 'steady' | 'slow' | 'seasonal' | 'new' | 'dead' | 'stocked-out' | 'lumpy';

export interface CatalogListing {
  platform: 'amazon' | 'walmart' | 'ebay';
  marketplace: 'amazon.com' | 'walmart.com' | 'ebay.com';
  fulfillment: 'FBA' | 'WFS' | 'SELLER';
  sku: string;
  /** eBay item number / Walmart item id. */
  itemId?: string;
  /** Share of the product's demand that comes through this listing. */
  demandShare: number;
  available: number;
  inbound: number;
  reserved: number;
  unfulfillable: number;
  priceMinor: number;
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
  /** Units by age in the Amazon fulfilment network. */
  ageBuckets: { minDays: number; maxDays: number | null; units: number }[];
}

export const HISTORY_DAYS = 120;

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

const ITEMS: [sku: string, title: string, story: DemandStory, meanDaily: number, priceCents: number][] = [
  ['PC-IP15-CLR', 'Clear Phone Case for iPhone 15, Shockproof Slim Cover', 'fast', 34, 1299],
  ['PC-IP15-BLK', 'Matte Black Phone Case for iPhone 15 with Camera Guard', 'fast', 22, 1399],
  ['PC-S24-CLR', 'Clear Case for Samsung Galaxy S24, Anti-Yellowing', 'steady', 9, 1199],
  ['SP-IP15-2PK', 'Tempered Glass Screen Protector iPhone 15 (2 Pack)', 'fast', 41, 899],
  ['CBL-USBC-2M', 'USB-C to USB-C Cable 2 m, 60W Braided', 'steady', 15, 999],
  ['CBL-LTG-1M', 'Lightning Cable 1 m MFi Certified', 'slow', 1.6, 899],
  ['CHG-30W-WHT', '30W USB-C Wall Charger, GaN, White', 'steady', 11, 1999],
  ['KIT-SPAT-SET', 'Silicone Spatula Set of 5, Heat Resistant 600°F', 'steady', 7, 1699],
  ['KIT-GARLIC', 'Stainless Steel Garlic Press with Cleaning Brush', 'slow', 2.2, 1299],
  ['KIT-MAT-XL', 'Extra Large Silicone Baking Mat 16x24 in', 'lumpy', 3, 1899],
  ['KIT-TIMER-MAG', 'Magnetic Digital Kitchen Timer, Loud Alarm', 'dead', 0, 999],
  ['PET-BOWL-SLOW', 'Slow Feeder Dog Bowl, Anti-Choking, Medium', 'steady', 8, 1499],
  ['PET-BRUSH-DESHED', 'Deshedding Brush for Dogs and Cats', 'fast', 18, 1599],
  ['PET-TOY-ROPE3', 'Dog Rope Toys, 3 Pack for Aggressive Chewers', 'stocked-out', 12, 1299],
  ['PET-LEASH-LED', 'LED Light-Up Dog Leash, USB Rechargeable, 5 ft', 'seasonal', 4, 1799],
  ['TOY-MAG-TILES-60', 'Magnetic Building Tiles 60 pcs STEM Toy', 'seasonal', 9, 3999],
  ['TOY-PUZZLE-1000', 'Jigsaw Puzzle 1000 Pieces, Night City', 'seasonal', 5, 1999],
  ['TOY-SLIME-KIT', 'DIY Slime Kit for Girls, 24 Colors', 'seasonal', 6, 2499],
  ['XMAS-LIGHTS-100', 'Christmas String Lights 100 LED, Warm White, 33 ft', 'seasonal', 14, 1699],
  ['XMAS-ORN-24', 'Shatterproof Christmas Ornaments Set of 24, Red & Gold', 'seasonal', 10, 2299],
  ['HOME-LAMP-DESK', 'LED Desk Lamp with Wireless Charger, Dimmable', 'steady', 5, 3499],
  ['HOME-HOOKS-20', 'Adhesive Wall Hooks, 20 Pack, Heavy Duty', 'fast', 26, 899],
  ['HOME-ORG-DRAWER', 'Drawer Organizer Trays, 16 Piece Set', 'slow', 1.2, 2199],
  ['HOME-CURTAIN-OLD', 'Blackout Curtains 52x84, Navy (2 Panels) - old version', 'dead', 0, 2999],
  ['BEAUTY-ROLLER', 'Jade Face Roller and Gua Sha Set', 'lumpy', 2.5, 1599],
  ['BEAUTY-BRUSH-14', 'Makeup Brush Set 14 pcs with Case', 'slow', 1.8, 1899],
  ['FIT-BAND-5', 'Resistance Bands Set of 5 with Handles', 'steady', 6, 2599],
  ['FIT-BOTTLE-1L', 'Motivational Water Bottle 1 L with Time Marker', 'new', 10, 1999],
  ['FIT-MAT-6MM', 'Yoga Mat 6 mm Non-Slip, Purple', 'slow', 2, 2799],
  ['OFF-NOTE-A5', 'A5 Dotted Notebook, Hardcover, 160 Pages', 'steady', 5, 1299],
  ['OFF-PEN-GEL12', 'Gel Pens 12 Pack, 0.5 mm, Black', 'fast', 19, 999],
  ['OFF-STAND-LAP', 'Adjustable Laptop Stand, Aluminum', 'new', 6, 2999],
  ['CAR-MOUNT-MAG', 'Magnetic Car Phone Mount for Dashboard', 'steady', 8, 1599],
  ['CAR-VAC-MINI', 'Handheld Car Vacuum, Cordless, 8000Pa', 'slow', 1.4, 3999],
  ['GARDEN-GLOVE-3', 'Gardening Gloves for Women, 3 Pairs', 'dead', 0, 1299],
  ['TRAVEL-CUBE-6', 'Packing Cubes for Travel, 6 Set', 'steady', 4, 2399],
  ['TRAVEL-ADAPT-UNI', 'Universal Travel Adapter with 2 USB-C', 'new', 3, 2599],
  ['BABY-BIB-SIL3', 'Silicone Baby Bibs, 3 Pack', 'slow', 1.1, 1399],
  ['JEWEL-HOOP-GLD', '14K Gold Plated Hoop Earrings, Lightweight', 'lumpy', 1.5, 1499],
  ['JEWEL-NECK-INIT', 'Initial Necklace, Dainty Gold Letter Pendant', 'seasonal', 3, 1699],
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
    case 'dead':
      return 0;
    default:
      return weekly;
  }
}

/**
 * Builds the demo catalogue for a given `today` (ISO date). Same input, same catalogue.
 * @example buildDemoCatalog('2026-11-22', 7).length // 40
 */
export function buildDemoCatalog(today: string, seed = 20261122): DemoProduct[] {
  const random = seededRandom(seed);
  const firstDay = addDays(today, -(HISTORY_DAYS - 1));
  return ITEMS.map(([sku, title, story, meanDaily, priceCents], index) => {
    const asin = `B0${(0xc0ffee + index * 7919).toString(36).toUpperCase().padStart(8, 'X').slice(-8)}`;
    const gtin = String(840000000000 + index * 1013 + 7).padStart(12, '0');
    const channels: CatalogListing["fulfillment"][] = index % 5 === 3 ? ['SELLER'] : ['FBA'];
    const onWalmart = index % 3 !== 2;
    const onEbay = index % 2 === 0;
    const shares: [CatalogListing["platform"], CatalogListing["fulfillment"], number][] = [['amazon', channels[0]!, 0.65]];
    if (onWalmart) shares.push(['walmart', index % 4 === 0 ? 'WFS' : 'SELLER', 0.2]);
    if (onEbay) shares.push(['ebay', 'SELLER', 0.15]);
    const totalShare = shares.reduce((s, [, , share]) => s + share, 0);

    const listings: CatalogListing[] = shares.map(([platform, fulfillment, share], li) => {
      const demandShare = share / totalShare;
      const sales: number[] = [];
      let stockoutFrom = Number.POSITIVE_INFINITY;
      if (story === 'stocked-out' && platform === 'amazon') stockoutFrom = HISTORY_DAYS - 9;
      for (let day = 0; day < HISTORY_DAYS; day++) {
        const date = addDays(firstDay, day);
        const lumpy = story === 'lumpy' ? (random() < 0.25 ? 4 : 0) : 1;
        const mean = meanDaily * demandShare * storyShape(story, day, date) * lumpy;
        let units = day >= stockoutFrom ? 0 : poisson(random, mean);
        if (day === HISTORY_DAYS - 1) units = Math.floor(units / 2);
        sales.push(units);
      }
      const dailyMean = meanDaily * demandShare;
      // Stock positions chosen so the demo shows every kind of answer.
      // A seller with a 70-day lead time keeps roughly 60-160 days; a few run low, as in real accounts.
      const coverDays =
        story === 'dead' ? 260 + index * 3 : story === 'stocked-out' && platform === 'amazon' ? 0 : story === 'fast' ? 12 + (index % 4) * 30 : story === 'seasonal' ? 25 + (index % 3) * 30 : story === 'new' ? 30 : 60 + (index % 6) * 20;
      const available = story === 'dead' ? 180 + index * 4 : Math.round(dailyMean * coverDays);
      const inbound = story === 'fast' && index % 2 === 0 ? Math.round(dailyMean * 20) : 0;
      const itemNumber = platform === 'ebay' ? String(3960000000 + index * 131 + li) : platform === 'walmart' ? String(5100000 + index * 17) : undefined;
      return {
        platform,
        marketplace: platform === 'amazon' ? 'amazon.com' : platform === 'walmart' ? 'walmart.com' : 'ebay.com',
        fulfillment,
        sku,
        ...(itemNumber ? { itemId: itemNumber } : {}),
        demandShare,
        available,
        inbound,
        reserved: Math.round(available * 0.03),
        unfulfillable: index % 7 === 0 ? 2 : 0,
        priceMinor: platform === 'ebay' ? priceCents - 100 : priceCents,
        status: story === 'dead' && index % 2 === 0 ? 'inactive' : 'active',
        dailySales: sales,
      } satisfies CatalogListing;
    });

    const fba = listings.find((l) => l.fulfillment === 'FBA');
    const fbaUnits = fba ? fba.available + fba.reserved : 0;
    const ageBuckets =
      story === 'dead'
        ? [
            { minDays: 0, maxDays: 90, units: 0 },
            { minDays: 91, maxDays: 180, units: Math.round(fbaUnits * 0.2) },
            { minDays: 181, maxDays: 270, units: Math.round(fbaUnits * 0.5) },
            { minDays: 271, maxDays: 365, units: fbaUnits - Math.round(fbaUnits * 0.2) - Math.round(fbaUnits * 0.5) },
            { minDays: 366, maxDays: null, units: 0 },
          ]
        : [
            { minDays: 0, maxDays: 90, units: fbaUnits },
            { minDays: 91, maxDays: 180, units: 0 },
            { minDays: 181, maxDays: 270, units: 0 },
            { minDays: 271, maxDays: 365, units: 0 },
            { minDays: 366, maxDays: null, units: 0 },
          ];

    return {
      sku,
      asin,
      gtin,
      title,
      story,
      launchDate: story === 'new' ? addDays(today, -40) : addDays(today, -(400 + index * 9)),
      costMinor: Math.round(priceCents * 0.35),
      listings,
      ageBuckets,
    };
  });
}
