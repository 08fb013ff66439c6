// The whole custody ledger as CSV, each event with its previous hash and its hash, so that the chain can
// be verified elsewhere; streamed. For those who see every device (coordinator, technician).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { streamedCsvResponse } from "~/http/csv.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { ledgerExportHeader, ledgerExportRows } from "~/models/exports.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "device.viewAll");
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  return streamedCsvResponse("custody-ledger.csv", language, [...ledgerExportHeader], ledgerExportRows());
}
