// /catalogue ("Aanbod"): what the city has on offer now, for those who may ask for it (schools,
// nonprofits, employees) and the coordinator. Reads only; the request form does the asking.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actorOf, requirePermission } from "~/auth/guards.server";
import { CatalogueCard, type CatalogueCardAction, type CatalogueCardData } from "~/components/catalogue/catalogue-card";
import { CatalogueFilters } from "~/components/catalogue/catalogue-filters";
import { RouteErrorBoundary } from "~/components/error-page";
import { focusAfterNavigation } from "~/components/ui/focus";
import { buttonClass } from "~/components/ui/form";
import { EmptyState, PageHeading } from "~/components/ui/page";
import { askForOneLikeThisQuery, catalogueGroupKey } from "~/domain/catalogue";
import { can } from "~/domain/permissions";
import { lenientCatalogueQuery } from "~/forms/catalogue";
import { formatNumber } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { certificatesOf, listCatalogue, type CatalogueGroup } from "~/models/catalogue.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "catalogue.title");

const CARDS_PER_PAGE = 24;
/** A card lists this many of its devices' certificates; the rest are counted. */
const CERTIFICATES_PER_CARD = 3;
const MAX_PAGE = 100_000;

function pageOf(search: URLSearchParams): number {
  const page = Number(search.get("page"));
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "catalogue.view");
  const search = new URL(request.url).searchParams;
  const query = lenientCatalogueQuery(search);
  const filtered = Object.entries(query).some(([field, value]) => field !== "sort" && value !== undefined);
  const { items, total } = listCatalogue(query);
  const pageCount = Math.max(1, Math.ceil(total / CARDS_PER_PAGE));
  const page = Math.min(pageOf(search), pageCount);
  const shown = items.slice((page - 1) * CARDS_PER_PAGE, page * CARDS_PER_PAGE);
  const certificates = certificatesOf(shown.flatMap((group) => group.deviceIds.slice(0, CERTIFICATES_PER_CARD)));
  const canAsk = can(actorOf(user), "request.create");
  const actionOf = (group: CatalogueGroup): CatalogueCardAction =>
    canAsk ? { kind: "ask", href: `/requests/new?${askForOneLikeThisQuery(group)}` } : { kind: "none" };
  const cards: CatalogueCardData[] = shown.map((group) => {
    const listed = group.deviceIds.slice(0, CERTIFICATES_PER_CARD).flatMap((id) => {
      const certificate = certificates.get(id);
      return certificate ? [{ number: certificate.number, methods: certificate.methods }] : [];
    });
    return {
      key: String(group.deviceIds[0] ?? catalogueGroupKey(group)),
      type: group.type,
      manufacturer: group.manufacturer,
      model: group.model,
      ramGb: group.ramGb,
      storageGb: group.storageGb,
      screenInches: group.screenInches,
      keyboardLayout: group.keyboardLayout,
      grade: group.grade,
      count: group.count,
      batteryHealth: group.batteryHealth,
      waitingRequests: group.waitingRequests,
      photos: [],
      certificates: listed,
      moreCertificates: group.count - listed.length,
      action: actionOf(group),
    };
  });
  return {
    cards,
    total,
    deviceTotal: items.reduce((sum, group) => sum + group.count, 0),
    page,
    pageCount,
    query,
    filtered,
    canAsk,
  };
}

function pageLink(searchParams: URLSearchParams, page: number): string {
  const next = new URLSearchParams(searchParams);
  next.set("page", String(page));
  return `?${next}`;
}

export default function CataloguePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { cards, total, deviceTotal, page, pageCount, query, filtered, canAsk } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/catalogue";

  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2">
        <PageHeading>{t("catalogue.title")}</PageHeading>
        <p className="text-slate-700">{t("catalogue.intro")}</p>
      </div>

      <CatalogueFilters query={query} />

      <p role="status" {...focusAfterNavigation} tabIndex={-1} className="text-sm text-slate-700">
        {loading
          ? t("catalogue.loading")
          : t("catalogue.summary", {
              count: total,
              formatted: formatNumber(total, language),
              devices: t("catalogue.count", { count: deviceTotal, formatted: formatNumber(deviceTotal, language) }),
            })}
      </p>

      {cards.length === 0 ? (
        <EmptyState>
          {filtered ? t("catalogue.emptyFiltered") : t("catalogue.empty")}{" "}
          {canAsk ? (
            <Link to="/requests/new" className="font-semibold text-emerald-800 underline">
              {t("catalogue.fileRequest")}
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label={t("catalogue.cardsLabel")}>
          {cards.map((card) => (
            <CatalogueCard key={card.key} card={card} />
          ))}
        </ul>
      )}

      {pageCount > 1 ? (
        <nav aria-label={t("catalogue.pagination")} className="flex flex-wrap items-center justify-between gap-3">
          {page > 1 ? (
            <Link to={pageLink(searchParams, page - 1)} className={buttonClass("secondary")}>
              {t("catalogue.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">
            {t("catalogue.pageOf", { page: formatNumber(page, language), pages: formatNumber(pageCount, language) })}
          </span>
          {page < pageCount ? (
            <Link to={pageLink(searchParams, page + 1)} className={buttonClass("secondary")}>
              {t("catalogue.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}

      {cards.length > 0 ? (
        <p className="max-w-3xl text-sm text-slate-700">{canAsk ? t("catalogue.howItWorks") : t("catalogue.howItWorksCoordinator")}</p>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
