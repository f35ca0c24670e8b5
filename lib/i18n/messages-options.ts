/** UI strings of the options (options page), English and Simplified Chinese with the same keys. */
export const optionsEn = {} as const;

export const optionsZhCN: Record<keyof typeof optionsEn, string> = {};
