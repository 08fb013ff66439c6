// /impact/report: the Fair ICT report for a period as a printable page (the PDF and CSV carry the same).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteErrorBoundary } from "~/components/error-page";
import { DepartmentTable } from "~/components/impact/department-table";
import { ImpactMethod, ImpactTotals, MonthlyCharts, PeriodLine, useImpactFormat } from "~/components/impact/impact-view";
import { buttonClass } from "~/components/ui/form";
import { Card, PageHeading } from "~/components/ui/page";
import { env } from "~/env.server";
import { impactRequest } from "~/http/impact-request.server";
import { pageTitle } from "~/i18n/meta";
import { custodyHead } from "~/models/custody.server";
import { impactPrices, impactReportDevices, impactSummary, procurementLessons } from "~/models/impact.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "impact.report.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, period, now } = await impactRequest(request);
  return {
    cityName: env.CITY_NAME,
    scopeName: scope.kind === "all" ? null : user.organization.name,
    summary: impactSummary(period, scope, now),
    devices: impactReportDevices(period, scope),
    lessons: procurementLessons(period, scope, now),
    head: custodyHead(),
    generatedAt: now,
    prices: impactPrices(),
    query: new URLSearchParams({ from: period.from, to: period.to }).toString(),
  };
}

export default function ImpactReport() {
  const { cityName, scopeName, summary, devices, lessons, head, generatedAt, prices, query } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useImpactFormat();
  const cell = "py-1 pr-3";
  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t("impact.report.title")}</PageHeading>
        <p className="mt-1 text-lg">
          {cityName} — {scopeName ?? t("impact.report.cityWide")}
        </p>
        <PeriodLine period={summary.period} />
      </div>
      <div className="flex flex-wrap gap-3 print:hidden">
        <a href={`/impact/report.pdf?${query}`} className={buttonClass("secondary")} download>
          {t("impact.report.pdf")}
        </a>
        <a href={`/impact/report.csv?${query}`} className={buttonClass("secondary")} download>
          {t("impact.report.csv")}
        </a>
        <Link to={`/impact?${query}`} className={buttonClass("secondary")}>
          {t("impact.title")}
        </Link>
      </div>
      <ImpactTotals totals={summary.totals} devicesRecycled={summary.devicesRecycled} />
      <MonthlyCharts byMonth={summary.byMonth} />
      <Card title={t("impact.departments.title")}>
        <DepartmentTable rows={summary.byDepartment} />
      </Card>
      <Card title={t("impact.report.devicesTitle")}>
        {devices.length === 0 ? (
          <p className="text-slate-700">{t("impact.report.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  {["date", "kind", "assetTag", "device", "destination", "certificate"].map((key) => (
                    <th key={key} scope="col" className={cell}>
                      {t(`impact.report.${key}`)}
                    </th>
                  ))}
                  <th scope="col" className="py-1 text-right">
                    kg CO2e
                  </th>
                </tr>
              </thead>
              <tbody>
                {devices.map((row) => (
                  <tr key={`${row.kind}-${row.assetTag}-${row.at}`} className="border-b border-slate-100">
                    <td className={cell}>{format.day(new Date(row.at).toISOString().slice(0, 10))}</td>
                    <td className={cell}>{t(`impact.report.kinds.${row.kind}`)}</td>
                    <td className={`${cell} font-mono`}>{row.assetTag}</td>
                    <td className={cell}>
                      {row.manufacturer} {row.model}
                    </td>
                    <td className={cell}>{row.kind === "recycled" ? row.destination : t(`impact.destinations.${row.destination}`)}</td>
                    <td className={`${cell} font-mono`}>{row.certificateNumber ?? "—"}</td>
                    <td className="py-1 text-right tabular-nums">{row.kgCo2e > 0 ? format.number(row.kgCo2e) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("impact.report.lessonsTitle")}>
        <p className="mb-3 text-slate-700">{t("impact.report.lessonsIntro")}</p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                {["device", "devices", "firstLife", "secondLife", "reused", "recycled"].map((key) => (
                  <th key={key} scope="col" className={cell}>
                    {t(`impact.report.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lessons.map((lesson) => (
                <tr key={`${lesson.manufacturer}-${lesson.model}`} className="border-b border-slate-100">
                  <td className={cell}>
                    {lesson.manufacturer} {lesson.model}
                  </td>
                  <td className={cell}>{format.number(lesson.devices)}</td>
                  <td className={cell}>{lesson.firstLifeYears === null ? "—" : format.number(lesson.firstLifeYears, 1)}</td>
                  <td className={cell}>{lesson.secondLifeYears === null ? "—" : format.number(lesson.secondLifeYears, 1)}</td>
                  <td className={cell}>{format.number(lesson.reusedShare * 100)} %</td>
                  <td className={cell}>{format.number(lesson.recycledShare * 100)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <ImpactMethod prices={prices} />
      <Card title={t("impact.report.ledgerTitle")}>
        <p>{t("impact.report.ledger", { date: format.day(new Date(generatedAt).toISOString().slice(0, 10)), seq: head?.seq ?? 0 })}</p>
        <p className="mt-1 font-mono text-sm break-all" data-head-hash>
          {head?.hash ?? "—"}
        </p>
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
