import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { languageFromTag, t as translate, type Language, type MessageKey } from '@/lib/i18n';
import { rpc } from './runtime';

const LanguageContext = createContext<Language>(languageFromTag(globalThis.navigator?.language));

/** The language setting ('auto' follows the browser), read from the background. */
function useLanguageSetting(): Language {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => rpc('settings/get', {}) });
  const choice = settings.data?.settings.language ?? 'auto';
  return choice === 'auto' ? languageFromTag(globalThis.navigator?.language) : choice;
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const language = useLanguageSetting();
  return (
    <LanguageContext.Provider value={language}>
      <div lang={language}>{children}</div>
    </LanguageContext.Provider>
  );
}

/** The UI language and a translator bound to it. */
export function useI18n() {
  const language = useContext(LanguageContext);
  return { language, t: (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params) };
}
