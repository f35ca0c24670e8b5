/**
 * Messages of the popup and the in-page panels (details and charts on expand, page settings).
 * Merged into the one protocol map in protocol.ts.
 */
export const popupProtocol = {} as const;
