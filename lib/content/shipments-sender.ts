/**
 * Sends the shipments a Shipments page shows (lib/platforms/amazon/shipments.ts), or the one
 * shipment with its SKUs a shipment's contents page shows (lib/platforms/amazon/shipment-contents.ts),
 * to the background, once per change: the page re-renders often (paging, sorting, a status updating)
 * and the same list need not be stored twice. The background answers the panels of the listings
 * the contents name, which the contents page's rows show.
 */
import type { PageAccount } from '../accounts/registry';
import type { PanelData, RequestOf, ResponseOf } from '../messaging/protocol';
import type { PageRead } from '../platforms/types';

export type SendShipments = (request: RequestOf<'inbound/shipments-read'>) => Promise<ResponseOf<'inbound/shipments-read'>>;

interface ShipmentsSenderOptions {
  /** The seller account the page shows, asked at each send (absent: it shows none). */
  account?: () => PageAccount | undefined;
  /** The panels the background answered for the SKUs the shipments' contents list (their rows show them). */
  onPanels?: (panels: readonly PanelData[]) => void;
  onError?: (error: unknown) => void;
}

/**
 * A function to call with every reading: it sends the reading's shipments when they differ from
 * the last ones sent (a failed send is tried again at the next reading), with the account the
 * page shows, and hands the answered panels on.
 * @example const onRead = shipmentsSender(send); onRead(read); onRead(read) // sent once
 */
export function shipmentsSender(send: SendShipments, options: ShipmentsSenderOptions = {}): (read: PageRead) => void {
  let sent = '';
  return (read) => {
    if (!read.shipments || read.shipments.length === 0) return;
    const account = options.account?.();
    const signature = JSON.stringify([read.shipments, account?.seller ?? '']);
    if (signature === sent) return;
    sent = signature;
    send({ shipments: read.shipments, ...(account ? { account } : {}) }).then(
      (reply) => options.onPanels?.(reply.panels),
      (error: unknown) => {
        sent = '';
        options.onError?.(error);
      },
    );
  };
}
