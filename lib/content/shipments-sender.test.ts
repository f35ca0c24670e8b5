import { describe, expect, it, vi } from 'vitest';
import type { PageRead } from '../platforms/types';
import { shipmentsSender } from './shipments-sender';

const read = (status: 'shipped' | 'in-transit'): PageRead => ({ rows: [], anchors: [], diagnostics: [], shipments: [{ shipmentId: 'FBA17XYZ34CD', status }] });

describe('shipmentsSender', () => {
  it('sends a Shipments page\u2019s shipments once per change, nothing from other pages, and again after a failed send', async () => {
    const send = vi.fn().mockResolvedValue({ stored: 1, replanned: 0 });
    const onRead = shipmentsSender(send);
    onRead({ rows: [], anchors: [], diagnostics: [] });
    onRead(read('shipped'));
    onRead(read('shipped'));
    expect(send).toHaveBeenCalledTimes(1);
    onRead(read('in-transit'));
    expect(send).toHaveBeenLastCalledWith({ shipments: read('in-transit').shipments });
    const failing = vi.fn().mockRejectedValueOnce(new Error('worker asleep')).mockResolvedValue({});
    const errors: unknown[] = [];
    const retrying = shipmentsSender(failing, (e) => errors.push(e));
    retrying(read('shipped'));
    await Promise.resolve();
    await Promise.resolve();
    retrying(read('shipped'));
    expect(failing).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(1);
  });
});
