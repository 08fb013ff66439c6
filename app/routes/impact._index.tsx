// /impact: what reuse saved in a period — the coordinator sees the city, a department its own devices.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { BarChart } from "~/components/impact/charts";
import { ImpactMethod, ImpactTotals, MonthlyCharts, PeriodFilter, PeriodLine, useImpactFormat } from "~/components/impact/impact-view";
import { buttonClass } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { DepartmentTable } from "~/components/impact/department-table";
import { destinations, periodFromUrl } from "~/domain/impact";
import { pageTitle } from "~/i18n/meta";
import { impactPrices, impactSummary, impactYears, type ImpactScope } from "~/models/impact.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "impact.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "impact.view");
  const scope: ImpactScope = user.role === "coordinator" ? { kind: "all" } : { kind: "department", departmentId: user.organization.id };
  const url = new URL(request.url);
  const now = Date.now();
  const { period, invalid } = periodFromUrl(url, now);
  return {
    summary: impactSummary(period, scope, now),
    cityWide: scope.kind === "all",
    organizationName: user.organization.name,
    invalid,
    years: impactYears(now),
    prices: impactPrices(),
    query: new URLSearchParams({ from: period.from, to: period.to }).toString(),
  };
}

export default function ImpactDashboard() {
  const { summary, cityWide, organizationName, invalid, years, prices, query } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useImpactFormat();
  const life = summary.serviceLife;
  const years1 = (value: number | null) => (value === null ? "—" : t("impact.yearsValue", { value: format.number(value, 1) }));
  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t("impact.title")}</PageHeading>
        <p className="mt-1 text-slate-700">{cityWide ? t("impact.scopeCity") : t("impact.scopeDepartment", { name: organizationName })}</p>
        <PeriodLine period={summary.period} />
      </div>
      {invalid ? <Notice tone="warning">{t("impact.period.invalid")}</Notice> : null}
      <PeriodFilter period={summary.period} years={years} action="/impact" />
      <div className="flex flex-wrap gap-3">
        <Link to={`/impact/report?${query}`} className={buttonClass("secondary")}>
          {t("impact.report.open")}
        </Link>
        <a href={`/impact/report.pdf?${query}`} className={buttonClass("secondary")} download>
          {t("impact.report.pdf")}
        </a>
        <a href={`/impact/report.csv?${query}`} className={buttonClass("secondary")} download>
          {t("impact.report.csv")}
        </a>
        <Link to="/impact/public" className={buttonClass("secondary")}>
          {t("impact.publicLink")}
        </Link>
      </div>
      <ImpactTotals totals={summary.totals} devicesRecycled={summary.devicesRecycled} />
      {summary.totals.devicesRedeployed === 0 && summary.devicesRecycled === 0 ? <Notice>{t("impact.empty")}</Notice> : null}
      <MonthlyCharts byMonth={summary.byMonth} />
      {cityWide ? (
        <Card title={t("impact.departments.title")}>
          <BarChart
            title={t("impact.departments.chart")}
            summary={t("impact.departments.summary", { count: summary.byDepartment.length })}
            points={summary.byDepartment.map((row) => ({ label: row.departmentName, value: row.kgCo2eAvoided }))}
            labelHeading={t("impact.departments.department")}
            valueHeading={t("impact.figures.kgCo2eAvoided")}
            format={(value) => format.number(value)}
            tableCaption={t("impact.charts.numbers")}
          />
          <DepartmentTable rows={summary.byDepartment} />
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("impact.life.title")}>
          <table className="w-full text-left text-sm">
            <tbody>
              <tr className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {t("impact.life.recycledWithoutReuse", { count: life.recycledWithoutReuse.devices })}
                </th>
                <td className="py-2 text-right tabular-nums">{years1(life.recycledWithoutReuse.years)}</td>
              </tr>
              <tr className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {t("impact.life.reusedFirstLife", { count: life.reusedFirstLife.devices })}
                </th>
                <td className="py-2 text-right tabular-nums">{years1(life.reusedFirstLife.years)}</td>
              </tr>
              <tr>
                <th scope="row" className="py-2 pr-3 font-normal">
                  {t("impact.life.reusedSecondLife", { count: life.reusedSecondLife.redeployments })}
                </th>
                <td className="py-2 text-right tabular-nums">{years1(life.reusedSecondLife.years)}</td>
              </tr>
            </tbody>
          </table>
          <p className="mt-3 text-sm text-slate-700">{t("impact.life.explained")}</p>
        </Card>
        <Card title={t("impact.destinations.title")}>
          <BarChart
            title={t("impact.destinations.chart")}
            summary={destinations.map((place) => `${t(`impact.destinations.${place}`)}: ${summary.destinations[place]}`).join(", ")}
            points={destinations.map((place) => ({ label: t(`impact.destinations.${place}`), value: summary.destinations[place] }))}
            labelHeading={t("impact.destinations.where")}
            valueHeading={t("impact.destinations.devices")}
            format={(value) => format.number(value)}
            tableCaption={t("impact.charts.numbers")}
          />
        </Card>
      </div>
      <ImpactMethod prices={prices} />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
