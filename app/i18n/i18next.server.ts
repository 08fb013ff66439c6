// Language detection on the server: the language a person chose (a cookie, set by the switcher),
// then the browser's Accept-Language, then Dutch.
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLanguage, i18nOptions, supportedLanguages } from "./config";

export const languageCookie = createCookie("circuit_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: i18nOptions,
});
