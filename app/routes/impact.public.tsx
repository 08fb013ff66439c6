// /impact/public: the city-wide figures anyone may see (no sign-in): totals and the monthly chart, no
// department breakdown and no device lists; the same figures as open data at /api/v1/impact.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteErrorBoundary } from "~/components/error-page";
import { ImpactMethod, ImpactTotals, MonthlyCharts, PeriodFilter, PeriodLine } from "~/components/impact/impact-view";
import { Notice, PageHeading } from "~/components/ui/page";
import { periodFromUrl } from "~/domain/impact";
import { pageTitle } from "~/i18n/meta";
import { impactPrices, impactYears, publicImpact } from "~/models/impact.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "impact.public.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const now = Date.now();
  const { period, invalid } = periodFromUrl(new URL(request.url), now);
  const { byMonth, from, to, ...totals } = publicImpact(period, now);
  return { period: { from, to }, totals, byMonth, invalid, years: impactYears(now), prices: impactPrices() };
}

export default function PublicImpact() {
  const { period, totals, byMonth, invalid, years, prices } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const query = new URLSearchParams({ from: period.from, to: period.to }).toString();
  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t("impact.public.title")}</PageHeading>
        <p className="mt-1 text-slate-700">{t("impact.public.intro")}</p>
        <PeriodLine period={period} />
      </div>
      {invalid ? <Notice tone="warning">{t("impact.period.invalid")}</Notice> : null}
      <PeriodFilter period={period} years={years} action="/impact/public" />
      <ImpactTotals totals={totals} />
      <MonthlyCharts byMonth={byMonth} />
      <ImpactMethod prices={prices} />
      <p className="text-sm text-slate-700">
        {t("impact.public.openData")}{" "}
        <a className="text-blue-800 underline" href={`/api/v1/impact?${query}`}>
          JSON
        </a>
        {" · "}
        <a className="text-blue-800 underline" href={`/api/v1/impact?${query}&format=csv`}>
          CSV
        </a>
        {" · "}
        <a className="text-blue-800 underline" href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license noreferrer">
          CC0 1.0
        </a>
      </p>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
