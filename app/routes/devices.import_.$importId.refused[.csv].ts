// The refused rows of a committed import, as the file had them plus their line and reasons in the
// reader's language, so that they can be fixed and uploaded again.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { lifecycleActorOf, requirePermission } from "~/auth/guards.server";
import { parseCsv } from "~/domain/device-import/parse";
import { mayEditRegistration } from "~/domain/lifecycle";
import { messageParts } from "~/forms/fields";
import { csvLine, delimiterFor } from "~/http/csv.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { translate } from "~/i18n/lookup";
import { getDeviceImport } from "~/models/device-import.server";

const refusedSchema = z.object({ refusedRows: z.array(z.object({ line: z.number(), fields: z.record(z.array(z.string())).optional() })) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "device.register");
  const stored = getDeviceImport(Number(params.importId));
  if (!stored || stored.status !== "committed") throw new Response("Not found", { status: 404 });
  if (!mayEditRegistration(lifecycleActorOf(user), stored.departmentId)) throw new Response("Forbidden", { status: 403 });
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  const { refusedRows } = refusedSchema.parse(JSON.parse(stored.result ?? "{}"));
  const reasons = new Map(refusedRows.map((row) => [row.line, row.fields ?? {}]));
  const table = parseCsv(stored.csvText);
  const delimiter = delimiterFor(language);
  const say = (key: string) => translate(language, key);
  let body = "\uFEFF" + csvLine([say("imports.lineColumn"), ...table.headers, say("imports.reasonColumn")], delimiter);
  for (const row of table.rows) {
    const fields = reasons.get(row.line);
    if (!fields) continue;
    const reason = Object.entries(fields)
      .map(
        ([field, messages]) =>
          `${translate(language, `imports.fields.${field}`)}: ${messages.map((message) => translate(language, messageParts(message).key, messageParts(message).values)).join(" ")}`,
      )
      .join(" | ");
    body += csvLine([row.line, ...table.headers.map((_, index) => row.cells[index] ?? ""), reason], delimiter);
  }
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="refused-rows-${stored.id}.csv"` },
  });
}
