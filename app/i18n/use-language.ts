import { useTranslation } from "react-i18next";
import { defaultLanguage, isSupportedLanguage, type Language } from "./config";

/** The language the page is rendered in, typed. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isSupportedLanguage(i18n.language) ? i18n.language : defaultLanguage;
}
