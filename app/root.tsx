import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData, type Location } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { actorOf, getOptionalUser } from "~/auth/guards.server";
import { errorKindOf, RouteErrorBoundary } from "~/components/error-page";
import { mayScanDevices, navigationFor } from "~/components/navigation";
import { useNonce } from "~/components/nonce";
import { ScanBox } from "~/components/scan-box";
import { SkipLink, useFocusAfterNavigation, useSpaceActivatesButtonLinks } from "~/components/ui/focus";
import { AnnouncerProvider, StatusRegion } from "~/components/ui/live-region";
import { outboxPageEnabled } from "~/env.server";
import { readFlash } from "~/http/flash.server";
import { supportedLanguages } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [language, user, { flash, clearHeader }] = await Promise.all([i18next.getLocale(request), getOptionalUser(request), readFlash(request)]);
  return data(
    {
      language,
      flash,
      user: user && { name: user.name, role: user.role, organizationName: user.organization.name },
      navigation: navigationFor(user && actorOf(user), { devMailbox: outboxPageEnabled }),
      canScan: user ? mayScanDevices(actorOf(user)) : false,
    },
    { headers: clearHeader ? { "Set-Cookie": clearHeader } : {} },
  );
}

export const handle = { i18n: "common" };

export const meta: MetaFunction = ({ matches, error }) => {
  if (!error) return [{ title: "Circuit" }];
  return pageTitle(matches, `errorPage.${errorKindOf(error)}.title`);
};

function LanguageSwitcher() {
  const { t } = useTranslation();
  const current = useLanguage();
  const location = useLocation();
  const names = { nl: "Nederlands", en: "English" } as const;
  return (
    <Form method="post" action="/set-language" aria-label={t("language.switcherLabel")} className="flex items-center gap-1">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {supportedLanguages.map((language) => (
        <button
          key={language}
          type="submit"
          name="lng"
          value={language}
          lang={language}
          aria-pressed={language === current}
          className="rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-pressed:bg-emerald-800 aria-pressed:text-white"
        >
          {names[language]}
        </button>
      ))}
    </Form>
  );
}

function SiteHeader() {
  const { t } = useTranslation();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const user = rootData?.user;
  // The scan page has its own box.
  const location = useLocation();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <NavLink to="/" className="flex items-center gap-2 text-xl font-bold text-slate-900 no-underline">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-emerald-700" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M4 12a8 8 0 0 1 13.7-5.6M20 12a8 8 0 0 1-13.7 5.6M17 3v4h-4M7 21v-4h4" />
          </svg>
          Circuit
        </NavLink>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitcher />
          {user ? (
            <div className="flex items-center gap-3">
              <p className="text-sm text-slate-700">
                <span className="font-semibold text-slate-900">{user.name}</span>
                <span className="sr-only">, </span>
                <span className="block text-xs">
                  {t(`roles.${user.role}`)} · {user.organizationName}
                </span>
              </p>
              <Form method="post" action="/logout">
                <button type="submit" className="rounded-md border border-slate-400 px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100">
                  {t("auth.signOut")}
                </button>
              </Form>
            </div>
          ) : (
            <NavLink
              to="/login"
              className="rounded-md bg-emerald-800 px-3 py-1 text-sm font-semibold text-white no-underline hover:bg-emerald-900 hover:text-white"
            >
              {t("auth.signIn")}
            </NavLink>
          )}
        </div>
      </div>
      {rootData?.canScan && location.pathname !== "/scan" ? (
        <div className="mx-auto max-w-6xl px-4 pb-2 sm:flex sm:justify-end">
          <ScanBox />
        </div>
      ) : null}
      {rootData?.navigation.length ? (
        <nav aria-label={t("nav.label")} className="border-t border-slate-100">
          {/* On a phone the entries stay on one line that scrolls sideways, so the page's own content starts on the first screen. */}
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 py-1 sm:flex-wrap">
            {rootData.navigation.map((item) => (
              <li key={item.to} className="shrink-0">
                <NavLink
                  to={item.to}
                  end={item.to === "/"}
                  className="block rounded px-3 py-2 text-sm font-medium text-slate-800 no-underline hover:bg-slate-100 aria-[current=page]:bg-emerald-50 aria-[current=page]:text-emerald-900 aria-[current=page]:underline"
                >
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-3 px-4 py-6 text-sm text-slate-700">
        <p>{t("footer.tagline")}</p>
        <div className="flex flex-wrap gap-4">
          <NavLink to="/impact/public">{t("footer.impact")}</NavLink>
          <NavLink to="/accessibility">{t("footer.accessibility")}</NavLink>
        </div>
      </div>
    </footer>
  );
}

/** The confirmation of the last action, in the page's live region (present, empty, from the first render). */
function FlashRegion() {
  const { t } = useTranslation();
  const flash = useRouteLoaderData<typeof loader>("root")?.flash;
  const location = useLocation();
  // A message belongs to the page it was loaded with: after a failed form submission the root
  // loader is not reloaded, and the old message must not stand beside the new error.
  const shownAt = useRef<{ flash: typeof flash; locationKey: string } | null>(null);
  if (shownAt.current?.flash !== flash) shownAt.current = { flash, locationKey: location.key };
  const shown = flash && shownAt.current?.locationKey === location.key ? flash : null;
  return <StatusRegion flash={shown ? t(shown.key, shown.values) : null} />;
}

/**
 * Scroll positions are kept per history entry. An entry the browser adds for an in-page link (#…) has
 * no key of its own ("default"): sharing that one key, it would carry a position from one page over to
 * the next, so such entries keep none. On the server the location's own key is returned, which Remix
 * ignores there.
 */
function scrollKey(location: Location): string {
  if (location.key !== "default" || typeof document === "undefined") return location.key;
  return `in-page-${location.pathname}-${Math.random()}`;
}

/** Focus after navigations and Space on button-like links: behaviour of the whole document, set up once. */
function KeyboardSupport() {
  useFocusAfterNavigation();
  useSpaceActivatesButtonLinks();
  return null;
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nonce = useNonce();
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <AnnouncerProvider>
          <KeyboardSupport />
          <SkipLink>{t("layout.skipToContent")}</SkipLink>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            <FlashRegion />
            {children}
          </main>
          <SiteFooter />
        </AnnouncerProvider>
        <ScrollRestoration nonce={nonce} getKey={scrollKey} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  useChangeLanguage(rootData?.language ?? "nl");
  return <Outlet />;
}

export const ErrorBoundary = RouteErrorBoundary;
