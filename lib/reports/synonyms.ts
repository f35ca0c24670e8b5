/**
 * Header texts shared by several reports, in the languages sellers run Seller Central,
 * Seller Center and Seller Hub in (English, Simplified Chinese, German, Japanese, plus
 * French/Spanish/Italian where they were easy to know). Compared after headerWords (lib/locale/headers.ts),
 * so case, "-", "_" and spaces do not matter. Translations are best knowledge, not copies
 * of real files: see tests/fixtures/reports/*.md for what is uncertain.
 */

export const SKU = [
  'sku',
  'seller-sku',
  'seller sku',
  'merchant sku',
  'merchant-sku',
  'msku',
  'your sku',
  '卖家sku',
  '卖家 sku',
  '商家sku',
  '商品sku',
  'sku编码',
  'händler-sku',
  'verkäufer-sku',
  'artikelnummer des verkäufers',
  '出品者sku',
  'セラーsku',
  '出品者 sku',
  'sku vendeur',
  'sku del vendedor',
  'sku venditore',
] as const;

export const FNSKU = ['fnsku', 'fn sku', '亚马逊配送sku', 'fnsku编码'] as const;
export const ASIN = ['asin', 'asin1', 'product asin', '商品asin'] as const;

export const TITLE = [
  'product-name',
  'product name',
  'item-name',
  'item name',
  'title',
  'product title',
  'item title',
  'listing title',
  '商品名称',
  '产品名称',
  '商品标题',
  '品名',
  'produktname',
  'artikelname',
  'artikelbezeichnung',
  'produkttitel',
  'titel',
  '商品名',
  'タイトル',
  '製品名',
  'nom du produit',
  'titre',
  'nombre del producto',
  'nome del prodotto',
] as const;

export const YOUR_PRICE = [
  'your-price',
  'your price',
  'price',
  'item price',
  'listing price',
  '您的价格',
  '你的价格',
  '价格',
  '售价',
  'ihr preis',
  'preis',
  'verkaufspreis',
  '価格',
  '出品価格',
  'お客様の価格',
  '販売価格',
  'votre prix',
  'prix',
  'precio',
  'prezzo',
] as const;

export const CURRENCY = [
  'currency',
  'currency code',
  'currency-code',
  '币种',
  '货币',
  '货币代码',
  'währung',
  'währungscode',
  '通貨',
  '通貨コード',
  'devise',
  'moneda',
  'valuta',
] as const;

export const SNAPSHOT_DATE = [
  'snapshot-date',
  'snapshot date',
  'report date',
  'as of date',
  '快照日期',
  '报告日期',
  'stichtag',
  'momentaufnahme-datum',
  'berichtsdatum',
  'スナップショット日',
  'スナップショット日付',
  'レポート日付',
] as const;

export const CONDITION = [
  'condition',
  'item-condition',
  'item condition',
  '状况',
  '商品状况',
  'zustand',
  'コンディション',
  'état',
  'estado',
  'condizione',
] as const;
