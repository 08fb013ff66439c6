// The pieces the impact dashboard, the printable Fair ICT report and the public page share: the period
// filter (plain GET forms: works without JavaScript), the totals, the monthly charts, the rule.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/form";
import { Card } from "~/components/ui/page";
import type { ImpactFigures } from "~/domain/impact";
import { formatNumber, intlLocale } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { BarChart, LineChart } from "./charts";

const controlClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900";
const labelClass = "block text-sm font-semibold text-slate-800";

export function useImpactFormat() {
  const language = useLanguage();
  return {
    number: (value: number, digits = 0) => formatNumber(value, language, { maximumFractionDigits: digits }),
    euro: (value: number) => formatNumber(value, language, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
    month: (month: string) =>
      new Intl.DateTimeFormat(intlLocale(language), { month: "short", year: "2-digit", timeZone: "UTC" }).format(
        new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15)),
      ),
    day: (day: string) => new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`)),
  };
}

export type PeriodView = { from: string; to: string };

/** The period as chosen: which year and quarter when it is one, for the filter's defaults. */
function periodParts(period: PeriodView): { year: string; quarter: string; custom: boolean } {
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return { year, quarter: "", custom: false };
  for (const quarter of [1, 2, 3, 4]) {
    const first = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
    const last = new Date(Date.UTC(Number(year), quarter * 3, 0)).toISOString().slice(0, 10);
    if (period.from === first && period.to === last) return { year, quarter: String(quarter), custom: false };
  }
  return { year, quarter: "", custom: true };
}

export function PeriodFilter({ period, years, action }: { period: PeriodView; years: number[]; action: string }) {
  const { t } = useTranslation();
  const parts = periodParts(period);
  return (
    <Card title={t("impact.period.title")}>
      <div className="grid gap-6 md:grid-cols-2">
        <Form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("impact.period.byYear")}>
          <div>
            <label htmlFor="period-year" className={labelClass}>
              {t("impact.period.year")}
            </label>
            <select id="period-year" name="year" defaultValue={parts.year} className={controlClass}>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="period-quarter" className={labelClass}>
              {t("impact.period.quarter")}
            </label>
            <select id="period-quarter" name="quarter" defaultValue={parts.quarter} className={controlClass}>
              <option value="">{t("impact.period.wholeYear")}</option>
              {[1, 2, 3, 4].map((quarter) => (
                <option key={quarter} value={quarter}>
                  {t("impact.period.quarterN", { quarter })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("impact.period.show")}
          </button>
        </Form>
        <Form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("impact.period.custom")}>
          <div>
            <label htmlFor="period-from" className={labelClass}>
              {t("impact.period.from")}
            </label>
            <input id="period-from" type="date" name="from" required defaultValue={parts.custom ? period.from : ""} className={controlClass} />
          </div>
          <div>
            <label htmlFor="period-to" className={labelClass}>
              {t("impact.period.to")}
            </label>
            <input id="period-to" type="date" name="to" required defaultValue={parts.custom ? period.to : ""} className={controlClass} />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("impact.period.showCustom")}
          </button>
        </Form>
      </div>
    </Card>
  );
}

export function PeriodLine({ period }: { period: PeriodView }) {
  const { t } = useTranslation();
  const format = useImpactFormat();
  return <p className="mt-1 text-slate-700">{t("impact.period.line", { from: format.day(period.from), to: format.day(period.to) })}</p>;
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-total={testId}>
        {value}
      </dd>
    </div>
  );
}

export function ImpactTotals({ totals, devicesRecycled }: { totals: ImpactFigures; devicesRecycled?: number }) {
  const { t } = useTranslation();
  const format = useImpactFormat();
  return (
    <section aria-labelledby="impact-totals-heading">
      <h2 id="impact-totals-heading" className="mb-3 text-lg font-semibold text-slate-900">
        {t("impact.totals.title")}
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat testId="devicesRedeployed" label={t("impact.figures.devicesRedeployed")} value={format.number(totals.devicesRedeployed)} />
        <Stat testId="kgCo2eAvoided" label={t("impact.figures.kgCo2eAvoided")} value={t("impact.kgValue", { value: format.number(totals.kgCo2eAvoided) })} />
        <Stat
          testId="kgEwasteDiverted"
          label={t("impact.figures.kgEwasteDiverted")}
          value={t("impact.kgValue", { value: format.number(totals.kgEwasteDiverted) })}
        />
        <Stat testId="eurReplacementAvoided" label={t("impact.figures.eurReplacementAvoided")} value={format.euro(totals.eurReplacementAvoided)} />
        {devicesRecycled === undefined ? null : (
          <Stat testId="devicesRecycled" label={t("impact.figures.devicesRecycled")} value={format.number(devicesRecycled)} />
        )}
      </dl>
    </section>
  );
}

export function MonthlyCharts({ byMonth }: { byMonth: ({ month: string } & ImpactFigures)[] }) {
  const { t } = useTranslation();
  const format = useImpactFormat();
  const devices = byMonth.map((month) => ({ label: format.month(month.month), value: month.devicesRedeployed }));
  let running = 0;
  const cumulative = byMonth.map((month) => ({ label: format.month(month.month), value: (running += month.kgCo2eAvoided) }));
  const busiest = [...byMonth].sort((a, b) => b.devicesRedeployed - a.devicesRedeployed)[0];
  const totalDevices = byMonth.reduce((sum, month) => sum + month.devicesRedeployed, 0);
  return (
    <section aria-labelledby="impact-months-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="impact-months-heading" className="mb-3 text-lg font-semibold text-slate-900">
        {t("impact.months.title")}
      </h2>
      <div className="grid gap-8 lg:grid-cols-2">
        <BarChart
          title={t("impact.months.devicesChart")}
          summary={
            busiest && totalDevices > 0
              ? t("impact.months.devicesSummary", { total: format.number(totalDevices), month: format.month(busiest.month), count: busiest.devicesRedeployed })
              : t("impact.months.none")
          }
          points={devices}
          labelHeading={t("impact.months.month")}
          valueHeading={t("impact.figures.devicesRedeployed")}
          format={(value) => format.number(value)}
          tableCaption={t("impact.charts.numbers")}
        />
        <LineChart
          title={t("impact.months.carbonChart")}
          summary={t("impact.months.carbonSummary", { total: format.number(running) })}
          points={cumulative}
          labelHeading={t("impact.months.month")}
          valueHeading={t("impact.months.cumulativeKg")}
          format={(value) => format.number(value)}
          tableCaption={t("impact.charts.numbers")}
        />
      </div>
    </section>
  );
}

/** The counting rule and the sources, as the code applies them (app/domain/impact.ts). */
export function ImpactMethod({ prices }: { prices: Record<string, number> }) {
  const { t } = useTranslation();
  const format = useImpactFormat();
  return (
    <Card title={t("impact.method.title")}>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t("impact.method.redeployment")}</li>
        <li>{t("impact.method.once")}</li>
        <li>{t("impact.method.carbon")}</li>
        <li>{t("impact.method.ewaste")}</li>
        <li>
          {t("impact.method.price", {
            prices: Object.entries(prices)
              .map(([type, price]) => `${t(`deviceTypes.${type}`)} ${format.euro(price)}`)
              .join(", "),
          })}
        </li>
        <li>{t("impact.method.life")}</li>
      </ul>
      <p className="mt-3 text-sm text-slate-700">
        {t("impact.boaviztaCredit")}{" "}
        <a className="text-blue-800 underline" href="https://github.com/Boavizta/environmental-footprint-data" rel="noreferrer">
          Boavizta
        </a>
      </p>
    </Card>
  );
}
