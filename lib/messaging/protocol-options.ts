/**
 * Messages of the options page (settings, import, products, charts, export, data).
 * Merged into the one protocol map in protocol.ts.
 */
export const optionsProtocol = {} as const;
