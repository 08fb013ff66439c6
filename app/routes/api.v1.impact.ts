import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { apiError, apiJson, methodNotAllowed } from "~/api/responses.server";
import { periodFromQuery } from "~/domain/impact";
import { publicImpact } from "~/models/impact.server";

/**
 * GET /api/v1/impact?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv]: the city-wide figures anyone may see
 * (open data, CC0). Without from and to: this year.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return apiError(400, "bad_request", "format is json or csv.");
  const period = periodFromQuery({ from: url.searchParams.get("from"), to: url.searchParams.get("to") }, Date.now());
  if (!period) return apiError(400, "bad_request", "from and to are calendar days YYYY-MM-DD, from not after to.");
  const figures = publicImpact(period);
  if (format === "json") return apiJson(figures);
  const columns = ["month", "devicesRedeployed", "kgCo2eAvoided", "kgEwasteDiverted", "eurReplacementAvoided"] as const;
  const rows = [...figures.byMonth, { month: `${figures.from}/${figures.to}`, ...figures }].map((row) => columns.map((column) => row[column]));
  const csv = stringify([[...columns], ...rows]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="circuit-impact-${figures.from}-${figures.to}.csv"`,
      // Open data: the figures are dedicated to the public domain.
      "X-License": "CC0-1.0",
      Link: '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"',
    },
  });
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
