/**
 * Sends the shipments a Shipments page shows (lib/platforms/amazon/shipments.ts), or the one
 * shipment with its SKUs a shipment's contents page shows (lib/platforms/amazon/shipment-contents.ts),
 * to the background, once per change: the page re-renders often (paging, sorting, a status updating)
 * and the same list need not be stored twice.
 */
import type { RequestOf } from '../messaging/protocol';
import type { PageRead } from '../platforms/types';

export type SendShipments = (request: RequestOf<'inbound/shipments-read'>) => Promise<unknown>;

/**
 * A function to call with every reading: it sends the reading's shipments when they differ from
 * the last ones sent (a failed send is tried again at the next reading).
 * @example const onRead = shipmentsSender(send); onRead(read); onRead(read) // sent once
 */
export function shipmentsSender(send: SendShipments, onError: (error: unknown) => void = () => {}): (read: PageRead) => void {
  let sent = '';
  return (read) => {
    if (!read.shipments || read.shipments.length === 0) return;
    const signature = JSON.stringify(read.shipments);
    if (signature === sent) return;
    sent = signature;
    send({ shipments: read.shipments }).catch((error: unknown) => {
      sent = '';
      onError(error);
    });
  };
}
