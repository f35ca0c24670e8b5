import { createContext, useContext, type ReactNode } from 'react';
import { languageFromTag, t as translate, type Language, type MessageKey } from '@/lib/i18n';

const LanguageContext = createContext<Language>(languageFromTag(globalThis.navigator?.language));

export function LanguageProvider({ language, children }: { language?: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={language ?? languageFromTag(globalThis.navigator?.language)}>{children}</LanguageContext.Provider>;
}

/** The UI language and a translator bound to it. */
export function useI18n() {
  const language = useContext(LanguageContext);
  return { language, t: (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params) };
}
