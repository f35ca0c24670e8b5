import { describe, expect, it } from 'vitest';
import { alertText } from '../../content/codes';

describe('fee-aware alerts', () => {
  it('tell the amount as money in whole units of its currency', () => {
    const send = (amountMinor: number, currency: string) => ({ code: 'fba-floor-send', params: { units: 1, date: '2026-12-10', amountMinor, currency } });
    expect(alertText('en', send(4_351, 'EUR'))).toContain('(~€44 at risk)');
    expect(alertText('en', send(4_321, 'JPY'))).toContain('(~¥4,321 at risk)');
    expect(alertText('zh-CN', send(4_321, 'USD'))).toContain('约 US$43 费用风险');
  });

  it("read as the issue's examples, in both languages", () => {
    const send = { code: 'fba-floor-send', params: { units: 120, date: '2026-12-10', amountMinor: 4_321, currency: 'USD' } };
    expect(alertText('en', send)).toBe('Send 120 by 12/10/2026 to stay above the low-inventory floor (~$43 at risk)');
    expect(alertText('zh-CN', send)).toContain('120');
    const markDown = { code: 'fba-aged-mark-down', params: { units: 80, date: '2027-01-15', amountMinor: 2_600, currency: 'USD' } };
    expect(alertText('en', markDown)).toBe('Mark down or remove 80 before 1/15/2027 (aged surcharge ~$26)');
    const later = { code: 'fba-q4-send-later', params: { amountMinor: 3_100, currency: 'USD', date: '2027-01-02' } };
    expect(alertText('en', later)).toBe('Sending now costs ~$31 more in Q4 storage than sending 1/2/2027');
  });
});
