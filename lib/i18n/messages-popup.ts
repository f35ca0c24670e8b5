/** UI strings of the popup (popup and in-page panels), English and Simplified Chinese with the same keys. */
export const popupEn = {} as const;

export const popupZhCN: Record<keyof typeof popupEn, string> = {};
