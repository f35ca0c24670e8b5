/**
 * Column header synonyms: what each column is called in each UI language the sellers use
 * (English, Simplified Chinese, German, Japanese; French, Italian and Spanish where known).
 * Readers find columns by header text, never by position or hashed class name, so a seller
 * who switches the UI language or reorders columns still gets the right numbers.
 *
 * Headers are compared after `normalizeHeader` (case, width, spaces and punctuation removed),
 * so "Units sold (last 30 days)" and "UNITS SOLD LAST 30 DAYS" are the same header.
 */

export type HeaderField =
  | 'sku'
  | 'asin'
  | 'fnsku'
  | 'title'
  | 'productDetails'
  | 'status'
  | 'publishStatus'
  | 'lifecycleStatus'
  | 'fulfillment'
  | 'available'
  | 'inbound'
  | 'reserved'
  | 'unfulfillable'
  | 'price'
  | 'dateCreated'
  | 'unitsSold7'
  | 'unitsSold30'
  | 'unitsSold60'
  | 'unitsSold90'
  | 'unitsOrdered'
  | 'daysOfSupply'
  | 'historicalDaysOfSupply'
  | 'recommendedAction'
  | 'storageCost'
  | 'recommendedQuantity'
  | 'recommendedShipDate'
  | 'alert'
  | 'itemId'
  | 'gtin'
  | 'watchers'
  | 'soldQuantity'
  | 'startDate'
  | 'variation'
  | 'orderId'
  | 'orderDate'
  | 'orderDetails'
  | 'orderProduct'
  | 'quantity'
  | 'orderStatus'
  | 'itemPrice'
  | 'shipmentName'
  | 'shipmentId'
  | 'shipTo'
  | 'shipmentStatus'
  | 'unitsExpected'
  | 'unitsLocated'
  | 'arrivalWindow';

export const HEADER_SYNONYMS: Readonly<Record<HeaderField, readonly string[]>> = {
  sku: [
    'SKU',
    'Seller SKU',
    'Merchant SKU',
    // Send to Amazon's shipment pages (?).
    'MSKU',
    'Custom label (SKU)',
    'Custom label',
    'Vendor SKU',
    'Seller SKU ID',
    '卖家 SKU',
    '商品 SKU',
    'Verkäufer-SKU',
    'Händler-SKU',
    '出品者SKU',
    'SKU vendeur',
    'SKU venditore',
    'SKU del vendedor',
    'Benutzerdefiniertes Label (SKU)',
    '自定义标签 (SKU)',
    'カスタムラベル (SKU)',
    'Libellé personnalisé (SKU)',
  ],
  // Business Reports name the child (the listing's own) ASIN so; its parent's, "(Parent) ASIN", is no listing.
  asin: [
    'ASIN',
    '(Child) ASIN',
    'Child ASIN',
    '(Untergeordnete) ASIN',
    '（子）ASIN',
    '子ASIN',
    '(ASIN enfant)',
    'ASIN enfant',
    '(ASIN figlio)',
    '(ASIN secundario)',
  ],
  fnsku: ['FNSKU'],
  title: [
    'Title',
    'Product name',
    'Item name',
    'Product title',
    'Listing title',
    '商品名称',
    '标题',
    '商品标题',
    'Produktname',
    'Titel',
    'Artikelbezeichnung',
    '商品名',
    'タイトル',
    'Nom du produit',
    'Titre',
    'Nome prodotto',
    'Titolo',
    'Nombre del producto',
    'Título',
  ],
  productDetails: [
    'Product details',
    'Product',
    'Product info',
    'Product information',
    'Item',
    'Item details',
    '商品详情',
    '商品信息',
    '商品',
    'Produktdetails',
    'Produkt',
    'Produktinformationen',
    '商品の詳細',
    '商品情報',
    'Détails du produit',
    'Produit',
    'Dettagli prodotto',
    'Prodotto',
    'Detalles del producto',
    'Producto',
  ],
  status: ['Status', 'Listing status', '状态', '商品状态', 'Angebotsstatus', 'ステータス', '出品ステータス', 'Statut', 'Stato', 'Estado'],
  publishStatus: [
    'Publish status',
    'Published status',
    'Publishing status',
    '发布状态',
    'Veröffentlichungsstatus',
    '公開ステータス',
    'Estado de publicación',
    'Statut de publication',
  ],
  lifecycleStatus: [
    'Lifecycle status',
    'Item lifecycle',
    'Lifecycle',
    '生命周期状态',
    'Lebenszyklusstatus',
    'ライフサイクルステータス',
    'Estado del ciclo de vida',
    'Statut du cycle de vie',
  ],
  fulfillment: [
    'Fulfilled by',
    'Fulfillment channel',
    'Fulfillment',
    'Fulfillment type',
    'Fulfilment',
    'Fulfilment channel',
    '配送渠道',
    '配送方式',
    '发货方',
    'Versand durch',
    'Versandart',
    'Versandkanal',
    '出荷元',
    'フルフィルメント',
    'Expédié par',
    'Canal de traitement',
    'Spedito da',
    'Gestito da',
    'Enviado por',
    'Gestionado por',
    // Walmart México (Spanish) and Walmart.ca (French) wordings, inferred (?).
    'Tipo de fulfillment',
    'Tipo de cumplimiento',
    'Type de traitement',
    // Spellings of "Fulfilled by: Amazon" lines inside product cells (lib/platforms/shared/fulfilment.ts).
    'Shipped by',
    '配送者',
    '配送方',
    'Versender',
  ],
  available: [
    'Available',
    'Available quantity',
    'Available qty',
    'Available units',
    'Available to sell',
    'Inventory',
    'On hand',
    '可售',
    '可售数量',
    '可售库存',
    '可用数量',
    'Verfügbar',
    'Verfügbare Menge',
    'Verfügbare Einheiten',
    'Verfügbarer Bestand',
    '可售数量',
    '販売可能',
    '販売可能数',
    '販売可能在庫',
    '在庫数',
    '利用可能',
    'Disponible',
    'Quantité disponible',
    'Disponibile',
    'Quantità disponibile',
    'Cantidad disponible',
    'Disponibles',
    // Walmart México's Manage Items and WFS inventory.
    'Inventario',
    'Unidades disponibles',
  ],
  inbound: [
    'Inbound',
    'Inbound units',
    'Inbound quantity',
    '入库中',
    '入库',
    '在途',
    'Eingehend',
    'Eingehende Einheiten',
    'Im Zulauf',
    '入荷中',
    '入荷予定',
    'Entrant',
    'En cours d’acheminement',
    'In entrata',
    'Entrante',
    'En camino',
    'Unidades entrantes',
  ],
  reserved: [
    'Reserved',
    'Reserved units',
    'Reserved quantity',
    '预留',
    '预留数量',
    '已预留',
    'Reserviert',
    'Reservierte Einheiten',
    '予約済み',
    '予約済',
    'Réservé',
    'Riservato',
    'Reservado',
    'Unidades reservadas',
  ],
  unfulfillable: [
    'Unfulfillable',
    'Unsellable',
    'Damaged',
    '不可售',
    '不可售数量',
    'Nicht verkäuflich',
    'Nicht versandfähig',
    '販売不可',
    '販売不可能',
    'Invendable',
    'Non vendibile',
    'No apto para la venta',
    'No vendible',
  ],
  price: [
    'Price',
    'Price + shipping',
    'Your price',
    'Current price',
    'Start price',
    'Item price',
    '价格',
    '价格 + 运费',
    '您的价格',
    '当前价格',
    'Preis',
    'Preis + Versand',
    'Ihr Preis',
    'Aktueller Preis',
    '価格',
    '価格 + 配送料',
    '出品価格',
    '現在の価格',
    'Prix',
    'Prix + livraison',
    'Prezzo',
    'Prezzo + spedizione',
    'Precio',
    'Precio + envío',
  ],
  dateCreated: [
    'Date created',
    'Created',
    'Created date',
    '创建日期',
    'Erstellungsdatum',
    '作成日',
    'Date de création',
    'Data di creazione',
    'Fecha de creación',
  ],
  unitsSold7: [
    'Units sold last 7 days',
    'Units sold t7',
    'Units shipped t7',
    'Units sold (7 days)',
    'Last 7 days units sold',
    '过去 7 天售出商品数量',
    '7 天销量',
    '已售商品数量 (过去 7 天)',
    'Verkaufte Einheiten (letzte 7 Tage)',
    'Verkaufte Einheiten 7 Tage',
    '販売数 (過去7日間)',
    '過去7日間の販売数',
    'Unités vendues (7 derniers jours)',
    'Unità vendute (ultimi 7 giorni)',
    'Unidades vendidas (últimos 7 días)',
  ],
  // Business Reports' units ordered over the date range the seller picked ("Units Ordered - B2B"
  // is the business customers' part of it and, carrying a digit after the synonym, is not matched).
  unitsOrdered: [
    'Units ordered',
    'Bestellte Einheiten',
    '已订购商品数量',
    '订购数量',
    '注文された商品点数',
    'Unités commandées',
    'Unità ordinate',
    'Unidades pedidas',
  ],
  unitsSold30: [
    'Units sold last 30 days',
    'Units sold t30',
    'Units shipped t30',
    'Units sold (30 days)',
    'Last 30 days units sold',
    'Sales last 30 days (units)',
    '过去 30 天售出商品数量',
    '30 天销量',
    '已售商品数量 (过去 30 天)',
    'Verkaufte Einheiten (letzte 30 Tage)',
    'Verkaufte Einheiten 30 Tage',
    '販売数 (過去30日間)',
    '過去30日間の販売数',
    'Unités vendues (30 derniers jours)',
    'Unità vendute (ultimi 30 giorni)',
    'Unidades vendidas (últimos 30 días)',
  ],
  unitsSold60: [
    'Units sold last 60 days',
    'Units sold t60',
    'Units shipped t60',
    '过去 60 天售出商品数量',
    'Verkaufte Einheiten (letzte 60 Tage)',
    '販売数 (過去60日間)',
  ],
  unitsSold90: [
    'Units sold last 90 days',
    'Units sold t90',
    'Units shipped t90',
    'Units sold (90 days)',
    '过去 90 天售出商品数量',
    '90 天销量',
    '已售商品数量 (过去 90 天)',
    'Verkaufte Einheiten (letzte 90 Tage)',
    'Verkaufte Einheiten 90 Tage',
    '販売数 (過去90日間)',
    '過去90日間の販売数',
    'Unités vendues (90 derniers jours)',
    'Unità vendute (ultimi 90 giorni)',
    'Unidades vendidas (últimos 90 días)',
  ],
  historicalDaysOfSupply: [
    'Historical days of supply',
    'Historical days of supply (units)',
    '历史供货天数',
    '历史库存供应天数',
    'Historische Vorratsdauer in Tagen',
    '過去の在庫日数',
  ],
  daysOfSupply: [
    'Days of supply',
    'Total days of supply',
    'Days of supply at Amazon fulfillment network',
    'Days of cover',
    '供货天数',
    '库存供应天数',
    'Vorratsdauer in Tagen',
    'Tage Vorrat',
    '在庫日数',
    '供給日数',
    'Jours d’approvisionnement',
    'Giorni di fornitura',
    'Días de suministro',
  ],
  recommendedAction: [
    'Recommended action',
    'Recommendation',
    '建议操作',
    '推荐操作',
    'Empfohlene Maßnahme',
    '推奨される対応',
    '推奨アクション',
    'Action recommandée',
    'Azione consigliata',
    'Acción recomendada',
  ],
  storageCost: [
    'Estimated storage cost',
    'Estimated storage cost next month',
    'Storage cost',
    '预计仓储费',
    '预计下月仓储费',
    'Geschätzte Lagergebühren',
    'Voraussichtliche Lagergebühren',
    '推定保管手数料',
    'Frais de stockage estimés',
    'Costi di stoccaggio stimati',
    'Costes de almacenamiento estimados',
  ],
  recommendedQuantity: [
    'Recommended replenishment qty',
    'Recommended quantity',
    'Recommended order quantity',
    'Suggested units',
    '建议补货数量',
    '推荐补货数量',
    'Empfohlene Nachschubmenge',
    'Empfohlene Menge',
    '推奨補充数量',
    '推奨数量',
    'Quantité de réapprovisionnement recommandée',
    'Quantità di rifornimento consigliata',
    'Cantidad de reposición recomendada',
  ],
  recommendedShipDate: [
    'Recommended ship date',
    'Ship by',
    '建议发货日期',
    'Empfohlenes Versanddatum',
    '推奨発送日',
    'Date d’expédition recommandée',
    'Data di spedizione consigliata',
    'Fecha de envío recomendada',
  ],
  alert: ['Alert', 'Alerts', '提醒', '警报', 'Warnung', 'Hinweis', 'アラート', 'Alerte', 'Avviso', 'Alerta'],
  itemId: [
    'Item ID',
    'Item number',
    'Walmart item ID',
    'WPID',
    '商品编号',
    '物品编号',
    'Artikelnummer',
    '商品番号',
    'Numéro de l’objet',
    'Numero oggetto',
    'Número de artículo',
    'ID del artículo',
  ],
  gtin: ['GTIN', 'UPC', 'EAN', 'GTIN/UPC', 'Product ID'],
  watchers: ['Watchers', 'Watching', '关注人数', 'Beobachter', 'ウォッチ数', 'Observateurs', 'Osservatori', 'Seguidores'],
  soldQuantity: [
    'Sold',
    'Sold quantity',
    'Quantity sold',
    '已售出',
    '已售数量',
    'Verkauft',
    'Verkaufte Menge',
    '販売済み',
    '販売数',
    'Vendus',
    'Quantité vendue',
    'Venduti',
    'Vendidos',
  ],
  startDate: ['Start date', 'Listed on', '开始日期', 'Startdatum', 'Angebotsbeginn', '開始日', 'Date de début', 'Data di inizio', 'Fecha de inicio'],
  variation: [
    'Variation details',
    'Variations',
    'Variation',
    '多属性详情',
    '变体',
    'Varianten',
    'Variantendetails',
    'バリエーション',
    'Variantes',
    'Varianti',
    'Variaciones',
  ],
  orderId: [
    'Order ID',
    'Order number',
    'Order #',
    'Customer order #',
    'Customer order number',
    'Order no.',
    '订单编号',
    '订单号',
    'Bestellnummer',
    '注文番号',
    'Numéro de commande',
    'Numero ordine',
    'Número de pedido',
  ],
  orderDate: [
    'Order date',
    'Purchase date',
    'Date sold',
    'Order placed',
    '订单日期',
    '下单日期',
    '售出日期',
    'Bestelldatum',
    'Verkaufsdatum',
    '注文日',
    '販売日',
    'Date de commande',
    'Data ordine',
    'Fecha del pedido',
    // eBay.fr.
    'Date de vente',
  ],
  orderDetails: ['Order details', '订单详情', 'Bestelldetails', '注文の詳細', 'Détails de la commande', 'Dettagli ordine', 'Detalles del pedido'],
  orderProduct: [
    'Product name',
    'Product',
    'Item',
    'Items',
    '商品名称',
    '商品',
    'Produktname',
    'Artikel',
    '商品名',
    'Nom du produit',
    'Nome prodotto',
    'Nombre del producto',
    // eBay.fr names the listing so.
    'Objet',
  ],
  quantity: ['Quantity', 'Qty', 'Units', 'Quantity ordered', '数量', 'Menge', 'Anzahl', '数量 (個)', 'Quantité', 'Quantità', 'Cantidad'],
  orderStatus: [
    'Order status',
    'Status',
    '订单状态',
    '状态',
    'Bestellstatus',
    'Status',
    '注文ステータス',
    'ステータス',
    'Statut de la commande',
    'Stato ordine',
    'Estado del pedido',
    // The plain word, as eBay.fr and Walmart México head the column.
    'Statut',
    'Estado',
  ],
  itemPrice: [
    'Item price',
    'Price',
    'Sold for',
    'Unit price',
    '商品价格',
    '售价',
    'Artikelpreis',
    'Verkauft für',
    '商品価格',
    '販売価格',
    'Prix de l’article',
    'Prezzo articolo',
    'Precio del artículo',
    // eBay.fr.
    'Vendu pour',
  ],
  // Amazon's Shipments page (Send to Amazon / Shipping queue): one row per inbound shipment.
  shipmentName: ['Shipment name', 'Shipment', 'Name', '货件名称', '货件', 'Sendungsname', 'Sendung', '出荷名', '納品プラン名'],
  shipmentId: ['Shipment ID', '货件编号', '货件 ID', 'Sendungs-ID', 'Sendungsnummer', '出荷ID', '納品ID'],
  shipTo: [
    'Ship to',
    'Destination',
    'Destination FC',
    'Fulfillment center',
    '配送至',
    '目的地',
    '运营中心',
    'Versand an',
    'Zielort',
    'Logistikzentrum',
    '配送先',
    '納品先',
  ],
  shipmentStatus: ['Status', 'Shipment status', '状态', '货件状态', 'Versandstatus', 'Sendungsstatus', 'ステータス', '出荷ステータス'],
  unitsExpected: [
    'Units expected',
    'Expected units',
    'Units shipped',
    // A shipment's contents (amazon/shipment-contents): units shipped per SKU (?).
    'Shipped',
    'Shipped units',
    'Versandte Einheiten',
    '出荷数',
    'Total units',
    '预计数量',
    '预计商品数量',
    '已发货商品数量',
    'Erwartete Einheiten',
    '予定数量',
    '予定ユニット数',
  ],
  unitsLocated: [
    'Units located',
    'Units received',
    'Received units',
    'Received',
    'Eingegangene Einheiten',
    '已找到商品数量',
    '已接收商品数量',
    '已收到',
    'Gefundene Einheiten',
    'Erhaltene Einheiten',
    '受領済み数量',
    '受領数',
  ],
  arrivalWindow: [
    'Estimated arrival',
    'Estimated arrival date',
    'Expected arrival',
    'Delivery window',
    'Estimated delivery',
    'Estimated delivery date',
    'Arrival window',
    '预计到达时间',
    '预计到达日期',
    '预计送达',
    '送达时间段',
    'Voraussichtliche Ankunft',
    'Lieferzeitraum',
    'Voraussichtliche Zustellung',
    '到着予定日',
    '配送予定日',
    '納品期間',
  ],
};

/**
 * The words of a header, the one normal form page readers and report parsers compare headers in:
 * NFKC (full-width to ASCII), lower case, ß as ss, without a byte-order mark, and separators
 * (spaces, _, hyphens and dashes, ., :, brackets, /, quotes, *) collapsed to one space; spaces
 * next to CJK text carry nothing ("AFN 可售数量" is "AFN可售数量").
 * @example headerWords('AFN_Fulfillable-Quantity ') // 'afn fulfillable quantity'
 * @example headerWords('Vendor (Seller) SKU') // 'vendor seller sku'
 * @example headerWords('AFN 可售数量') // 'afn可售数量'
 * @example headerWords('Sessions – Total') // 'sessions total'
 */
export function headerWords(text: string): string {
  return (
    text
      .slice(0, 300)
      .normalize('NFKC')
      .replace(/^\uFEFF/, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      // En and em dashes too: UK Business Reports write "Sessions – Total".
      .replace(/[\s_\-\u2010-\u2015\u2212.:()[\]/"'*]+/g, ' ')
      .replace(/ ?([\u3000-\u9fff\uf900-\ufaff]) ?/g, '$1')
      .trim()
  );
}

/**
 * Header texts already normalised: one page read maps its headers several times (finding the
 * grid, then saying which signal found each column), and every read of a page type sees the same
 * few headers, so each is normalised once (a page's first read runs before the JIT has warmed up).
 */
const normalizedHeaders = new Map<string, string>();
const MAX_REMEMBERED_HEADERS = 1024;

/**
 * The comparable form of a header: its words (headerWords) without spaces, punctuation or
 * symbols (sort arrows, help-icon glyphs), so "Units sold (last 7 days)" and "UNITS SOLD LAST 7
 * DAYS ▲" are one header.
 * @example normalizeHeader(' Units Sold (last 7 days) ▲') // 'unitssoldlast7days'
 */
export function normalizeHeader(text: string): string {
  let normalized = normalizedHeaders.get(text);
  if (normalized === undefined) {
    normalized = headerWords(text).replace(/[^\p{L}\p{N}]+/gu, '');
    // Bounded: header texts come from pages, and a hostile page could show many distinct ones.
    if (normalizedHeaders.size >= MAX_REMEMBERED_HEADERS) normalizedHeaders.clear();
    normalizedHeaders.set(text, normalized);
  }
  return normalized;
}

/** Every header field, in declaration order (the runtime list of HeaderField). */
export const HEADER_FIELDS = Object.keys(HEADER_SYNONYMS) as [HeaderField, ...HeaderField[]];

/**
 * A column the seller taught on one page type and marketplace: the column whose header reads
 * `header` (any spelling; compared after normalizeHeader) holds `field`. Taught columns win
 * over the synonyms, because the seller looked at the page.
 */
export interface TaughtHeader {
  field: HeaderField;
  header: string;
  /**
   * A machine hint of the taught column's header cell (`name=value`, e.g.
   * `class=shui-dt-column__title` or `data-column=sku`; lib/platforms/shared/grid.ts
   * machineHints): used when no header reads `header` any more, so a taught column survives the
   * page renaming its header. Absent: taught by header text alone.
   */
  hint?: string;
}

/** The page's machine hints beside its header texts (lib/platforms/shared/grid.ts machineHints). */
export interface MachineHints<F extends string> {
  /** Each column's hints, in column order (`name=value` strings). */
  columns?: readonly (readonly string[])[];
  /** Hints that name a field on this page type (the adapter's declaration), tried after the header synonyms. */
  fields?: Partial<Record<F, readonly string[]>>;
}

export interface HeaderMap<F extends string> {
  /** Column index of each field found. */
  columns: Map<F, number>;
  /** How many headers were recognised at all (0 suggests an unknown UI language). */
  recognised: number;
}

const normalizedCache = new Map<HeaderField, string[]>();
function normalizedSynonyms(field: HeaderField): string[] {
  let list = normalizedCache.get(field);
  if (!list) {
    list = [...new Set(HEADER_SYNONYMS[field].map(normalizeHeader))].filter((s) => s.length > 0);
    normalizedCache.set(field, list);
  }
  return list;
}

/**
 * Maps header texts (in column order) to the wanted fields. Taught columns come first (a taught
 * header the page shows is that field, else the column carrying the taught machine hint); then an
 * exact synonym match wins; otherwise a header that starts with a synonym (e.g. "Available
 * (editable)") matches the longest such synonym; last, a column whose machine hints name a field
 * (`machine.fields`, e.g. eBay's `shui-dt-column__listingSKU` under an unknown header language).
 * Each field takes its first matching column; each column one field.
 * @example mapHeaders(['Status', 'SKU', 'Verfügbar'], ['sku', 'available']).columns.get('available') // 2
 * @example mapHeaders(['Headline', 'SKU'], ['title', 'sku'], [{ field: 'title', header: 'headline' }]).columns.get('title') // 0
 * @example mapHeaders(['Renamed', 'SKU'], ['title', 'sku'], [{ field: 'title', header: 'Headline', hint: 'data-column=name' }], { columns: [['data-column=name'], []] }).columns.get('title') // 0
 */
export function mapHeaders<F extends HeaderField>(
  headers: readonly string[],
  fields: readonly F[],
  taught: readonly TaughtHeader[] = [],
  machine: MachineHints<F> = {},
): HeaderMap<F> {
  const columns = new Map<F, number>();
  const taken = new Set<number>();
  const norm = headers.map(normalizeHeader);
  const hinted = (hint: string | undefined) => (hint && machine.columns ? machine.columns.findIndex((h, i) => !taken.has(i) && h.includes(hint)) : -1);
  // Pass 0: what the seller taught, for the fields this page type reads.
  for (const { field, header, hint } of taught) {
    if (!(fields as readonly HeaderField[]).includes(field) || columns.has(field as F)) continue;
    const wanted = normalizeHeader(header);
    const byText = wanted ? norm.findIndex((h, i) => !taken.has(i) && h === wanted) : -1;
    const index = byText >= 0 ? byText : hinted(hint);
    if (index >= 0) {
      columns.set(field as F, index);
      taken.add(index);
    }
  }
  // Pass 1: exact matches, in field order.
  for (const field of fields) {
    if (columns.has(field)) continue;
    const syns = normalizedSynonyms(field);
    const index = norm.findIndex((h, i) => !taken.has(i) && syns.includes(h));
    if (index >= 0) {
      columns.set(field, index);
      taken.add(index);
    }
  }
  // Pass 2: prefix matches for what is left, longest synonym first.
  const candidates: { field: F; index: number; length: number }[] = [];
  for (const field of fields) {
    if (columns.has(field)) continue;
    for (const syn of normalizedSynonyms(field)) {
      if (syn.length < 2) continue;
      norm.forEach((h, i) => {
        // The rest of the header must not carry a number: "Days of supply 0-90" or
        // "在庫日数 0～90日" is another column (an age bucket), not "Days of supply".
        if (!taken.has(i) && h.length > syn.length && h.startsWith(syn) && !/\d/.test(h.slice(syn.length))) {
          candidates.push({ field, index: i, length: syn.length });
        }
      });
    }
  }
  candidates.sort((a, b) => b.length - a.length || a.index - b.index);
  for (const c of candidates) {
    if (columns.has(c.field) || taken.has(c.index)) continue;
    columns.set(c.field, c.index);
    taken.add(c.index);
  }
  // Pass 3: the page's own machine hints, for fields no header named.
  for (const field of fields) {
    if (columns.has(field)) continue;
    for (const hint of machine.fields?.[field] ?? []) {
      const index = hinted(hint);
      if (index < 0) continue;
      columns.set(field, index);
      taken.add(index);
      break;
    }
  }
  return { columns, recognised: taken.size };
}
