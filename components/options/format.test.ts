import { describe, expect, it } from 'vitest';
import { t, type Language } from '@/lib/i18n';
import { refusalMessage, type RefusalCode, type RefusalParams } from '@/lib/messaging/refusals';
import { RpcError } from '@/lib/messaging/rpc';
import { coverText, errorText, num } from './format';

const translator = (language: Language) => (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(language, key, params);
const zh = translator('zh-CN');
const mug = { platform: 'amazon', marketplace: 'amazon.com', sku: 'MUG-1' };

/** Every refusal (the type requires each code) with params as the background sends them, and its Chinese text. */
const CHINESE: Record<RefusalCode, [RefusalParams, string]> = {
  'listing-missing': [mug, '找不到 amazon.com 上的 MUG-1，它可能已被删除：请刷新页面。'],
  'return-missing': [{ id: 7 }, '找不到这条退货记录，它可能已被删除：请刷新页面。'],
  'warehouse-name-required': [{}, '请输入名称。'],
  'warehouse-name-too-long': [{ max: 200, length: 201 }, '最多 200 个字符（当前 201 个）。'],
  'warehouse-name-taken': [{ name: '东部仓' }, '已有名为 东部仓 的仓库。'],
  'warehouse-missing': [{ id: 'own:east' }, '该仓库已不存在：请刷新页面。'],
  'warehouse-default-kept': [{}, '默认仓库可以重命名，但不能删除'],
  'warehouse-in-use': [{ name: 'East', listings: 2 }, '将其商品移到其他仓库后才能删除'],
  'warehouse-not-own': [{ poolId: 'fba:NA' }, '只能选择您自己的仓库：FBA 和 WFS 库存由商品的配送渠道决定。'],
  'stock-at-amazon': [{ sku: 'MUG-1', marketplace: 'amazon.com' }, 'amazon.com 上的 MUG-1 由亚马逊配送（FBA）：库存在亚马逊的仓库中，不在您自己的仓库里。'],
  'stock-at-walmart': [{ sku: 'MUG-1', marketplace: 'walmart.com' }, 'walmart.com 上的 MUG-1 由沃尔玛配送（WFS）：库存在沃尔玛的仓库中，不在您自己的仓库里。'],
  'channel-unknown': [
    { sku: 'MUG-1', marketplace: 'amazon.com' },
    '尚不清楚 amazon.com 上的 MUG-1 的配送渠道，因此无法放入仓库：请打开它的商品页面，或导入包含它的报告。',
  ],
  'shipment-missing': [
    { shipmentId: 'FBA18DEDEDE1', marketplace: 'amazon.com' },
    '尚未读取到 amazon.com 的货件 FBA18DEDEDE1：请先在该站点打开您的“货件”页面，再重新选择。',
  ],
  'shipment-without-arrival': [{ shipmentId: 'FBA19NODATE1' }, '货件 FBA19NODATE1 没有显示预计到达日期：请改为手动输入日期。'],
  'nothing-inbound': [mug, 'amazon.com 上的 MUG-1 已没有在途商品。'],
  'product-missing': [{}, '找不到这个产品，它可能已被删除：请刷新页面。'],
  'account-missing': [{ account: 'amazon-b' }, '未知的卖家账户“amazon-b”：请先打开该账户的一个卖家后台页面，或选择其他账户。'],
  'account-merge-self': [{}, '请选择两个不同的账户。'],
  'account-merge-bad-reading': [
    { account: 'amazon-b', reason: 'available: Too small' },
    '账户“amazon-b”的一条已存读数已无法通过检查（available: Too small），因此未做任何合并，您的数据保持原样。请在“您的数据”中下载备份并报告此问题。',
  ],
  'account-merge-bad-order-line': [
    { account: 'amazon-b', reason: 'quantity: Too small' },
    '账户“amazon-b”的一条已存订单行已无法通过检查（quantity: Too small），因此未做任何合并，您的数据保持原样。请在“您的数据”中下载备份并报告此问题。',
  ],
  'order-missing': [{ id: 'po-1' }, '找不到该订单（可能已在其他标签页中取消）：请刷新页面。'],
};

describe('errorText', () => {
  it.each(Object.entries(CHINESE) as [RefusalCode, [RefusalParams, string]][])('says the %s refusal in Chinese', (code, [params, text]) => {
    // As the options page receives it: the failed reply's error, thrown by the client as RpcError.
    expect(errorText(zh, new RpcError(refusalMessage(code, params)))).toBe(text);
  });

  it('says a refusal in English with the same facts', () => {
    const error = new RpcError(refusalMessage('shipment-without-arrival', { shipmentId: 'FBA19NODATE1' }));
    expect(errorText(translator('en'), error)).toBe('Shipment FBA19NODATE1 shows no estimated arrival: enter the date instead.');
  });

  it('frames any other error as "something went wrong" in the UI language, with its own words', () => {
    expect(errorText(zh, new RpcError('No reply to export/listings-csv'))).toBe('出错了：No reply to export/listings-csv');
  });
});

describe('coverText and num', () => {
  const en = translator('en');
  it('show whole days of cover rounded down as the panels do, numbers in the UI language, and the dash for unknown', () => {
    expect(coverText('en', '—', 92.6, en)).toBe('92 d');
    expect(coverText('en', '—', 0.4, en)).toBe('0 d');
    expect(coverText('en', '—', null, en)).toBe('—');
    expect(num('en', '—', 1234.5, 1)).toBe('1,234.5');
    expect(num('en', '—', 1234.56)).toBe('1,235');
    expect(num('en', '—', null)).toBe('—');
    expect(num('zh-CN', '—', 0)).toBe('0');
  });
});
