import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { impactRequest } from "~/http/impact-request.server";
import { impactReportDevices } from "~/models/impact.server";

/** /impact/report.csv: the Fair ICT report's device rows (redeployed and recycled) for the period. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, period } = await impactRequest(request);
  const rows = impactReportDevices(period, scope);
  const header = [
    "kind",
    "date",
    "assetTag",
    "manufacturer",
    "model",
    "type",
    "department",
    "destination",
    "certificateNumber",
    "kgCo2eAvoided",
    "carbonSource",
    "carbonReference",
  ];
  const csv = stringify([
    header,
    ...rows.map((row) => [
      row.kind,
      new Date(row.at).toISOString(),
      row.assetTag,
      row.manufacturer,
      row.model,
      row.type,
      row.departmentName,
      row.destination,
      row.certificateNumber ?? "",
      row.kgCo2e,
      row.carbonSource ?? "",
      row.carbonReference ?? "",
    ]),
  ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="fair-ict-report-${period.from}-${period.to}.csv"`,
    },
  });
}
