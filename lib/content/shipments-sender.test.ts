import { describe, expect, it, vi } from 'vitest';
import type { PageAccount } from '../accounts/registry';
import { unplannedPanel, type PanelData } from '../messaging/protocol';
import type { PageRead } from '../platforms/types';
import { shipmentsSender } from './shipments-sender';

const read = (status: 'shipped' | 'in-transit'): PageRead => ({ rows: [], anchors: [], diagnostics: [], shipments: [{ shipmentId: 'FBA17XYZ34CD', status }] });

describe('shipmentsSender', () => {
  it('sends a Shipments page\u2019s shipments once per change, nothing from other pages, and again after a failed send', async () => {
    const send = vi.fn().mockResolvedValue({ stored: 1, replanned: 0, panels: [] });
    const onRead = shipmentsSender(send);
    onRead({ rows: [], anchors: [], diagnostics: [] });
    onRead(read('shipped'));
    onRead(read('shipped'));
    expect(send).toHaveBeenCalledTimes(1);
    onRead(read('in-transit'));
    expect(send).toHaveBeenLastCalledWith({ shipments: read('in-transit').shipments });
    const failing = vi.fn().mockRejectedValueOnce(new Error('worker asleep')).mockResolvedValue({ stored: 1, replanned: 0, panels: [] });
    const errors: unknown[] = [];
    const retrying = shipmentsSender(failing, { onError: (e) => errors.push(e) });
    retrying(read('shipped'));
    await Promise.resolve();
    await Promise.resolve();
    retrying(read('shipped'));
    expect(failing).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(1);
  });

  it('sends the account the page shows (again when the seller switches account) and hands the answered panels on', async () => {
    const panel = unplannedPanel({ key: 'amazon|amazon.com|MUG-1', sku: 'MUG-1' });
    const send = vi.fn().mockResolvedValue({ stored: 1, replanned: 0, panels: [panel] });
    const shown: (readonly PanelData[])[] = [];
    let account: PageAccount | undefined = { seller: 'A2EUQ1WTGCTBG2', signal: 'merchant-id-attribute' };
    const onRead = shipmentsSender(send, { account: () => account, onPanels: (p) => shown.push(p) });
    onRead(read('shipped'));
    expect(send).toHaveBeenLastCalledWith({ shipments: read('shipped').shipments, account });
    await vi.waitFor(() => expect(shown).toEqual([[panel]]));
    onRead(read('shipped'));
    account = undefined;
    onRead(read('shipped'));
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith({ shipments: read('shipped').shipments });
  });
});
