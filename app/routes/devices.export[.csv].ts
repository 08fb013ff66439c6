// The device list as CSV, with the list's own filters (?status=&type=&departmentId=&q=), streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { deviceListQuerySchema, searchParamsObject } from "~/forms/device";
import { streamedCsvResponse } from "~/http/csv.server";
import { requireRegistryScope } from "~/http/scoped-device.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { deviceExportHeader, deviceExportRows } from "~/models/exports.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireRegistryScope(request);
  const query = deviceListQuerySchema.safeParse(searchParamsObject(request.url));
  const filters = query.success ? query.data : {};
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  return streamedCsvResponse("devices.csv", language, [...deviceExportHeader], deviceExportRows(scope, filters));
}
