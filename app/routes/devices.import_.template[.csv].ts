// Circuit's import template: its headers in Dutch or English (?lang=), with a UTF-8 byte-order mark and
// the delimiter that language's Excel expects, so that it opens right and maps itself when uploaded.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { templateHeaders } from "~/domain/device-import/columns";
import { csvLine, delimiterFor } from "~/http/csv.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "device.register");
  const language = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "nl";
  const headers = Object.values(templateHeaders[language]);
  const delimiter = delimiterFor(language);
  // The same device in both languages; only the price is written as that language's spreadsheet writes it.
  const example = [
    "IT-0001",
    "5CG7281XYZ",
    "HP",
    "EliteBook 840 G5",
    "Laptop",
    "Intel Core i5-8350U",
    "8",
    "256",
    "14",
    "AZERTY-BE",
    "85",
    "1,5",
    "",
    "24/12/2019",
    language === "en" ? "1049.00" : "1.049,00",
    "",
    "S3YJNX0K",
    "SSD",
    "256",
  ];
  const body = "\uFEFF" + csvLine(headers, delimiter) + csvLine(example, delimiter);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="circuit-import-template-${language}.csv"`,
    },
  });
}
