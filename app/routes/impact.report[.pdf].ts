import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderImpactReportPdf } from "~/documents/impact-report-pdf.server";
import { env } from "~/env.server";
import { impactRequest } from "~/http/impact-request.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { custodyHead } from "~/models/custody.server";
import { impactReportDevices, impactSummary, procurementLessons } from "~/models/impact.server";

/** /impact/report.pdf: the Fair ICT report for the period, A4, with the custody head hash. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, period, now } = await impactRequest(request);
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  const t = await i18next.getFixedT(language);
  const pdf = await renderImpactReportPdf({
    cityName: env.CITY_NAME,
    scopeName: scope.kind === "all" ? t("impact.report.cityWide") : user.organization.name,
    summary: impactSummary(period, scope, now),
    devices: impactReportDevices(period, scope),
    lessons: procurementLessons(period, scope, now),
    head: custodyHead(),
    generatedAt: now,
    language,
    t,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="fair-ict-report-${period.from}-${period.to}.pdf"`,
    },
  });
}
