import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLanguage, i18nOptions, isSupportedLanguage } from "~/i18n/config";

async function hydrate() {
  const pageLanguage = document.documentElement.lang;
  await i18next.use(initReactI18next).init({ ...i18nOptions, lng: isSupportedLanguage(pageLanguage) ? pageLanguage : defaultLanguage });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
