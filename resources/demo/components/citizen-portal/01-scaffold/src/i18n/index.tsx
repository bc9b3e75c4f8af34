import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import kk from './kk.json';
import ru from './ru.json';
import en from './en.json';

export type Language = 'kk' | 'ru' | 'en';
type Dictionary = Record<string, string>;

const dictionaries: Record<Language, Dictionary> = { kk, ru, en };
const STORAGE_KEY = 'qyzmet.language';

interface I18nContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: string, params?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'ru' || stored === 'en' || stored === 'kk' ? stored : 'kk';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);

  const t = useCallback(
    (key: string, params: Record<string, string | number> = {}) => {
      const template = dictionaries[language][key] ?? dictionaries.kk[key] ?? key;
      return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
    },
    [language],
  );

  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) {
    throw new Error('useI18n must be used inside <I18nProvider>');
  }
  return context;
}
