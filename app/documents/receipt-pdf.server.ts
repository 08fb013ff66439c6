// The handover receipt as a PDF: who received which devices for a request — each device with its
// serial, asset tag and the wipe certificate it left with, when it was handed over, who signed for it
// and who recorded it — for the recipient's files and the IT service's.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { HandoverReceiptLine } from "~/models/pickup.server";
import { pdfFonts, pdfLines, renderPdf, type PdfDocument } from "./pdf.server";

export type ReceiptDocumentInput = {
  cityName: string;
  requestId: number;
  /** The school or nonprofit, or the employee, that received the devices. */
  receivedBy: string;
  requesterName: string;
  lines: HandoverReceiptLine[];
  verifyUrl: string;
  language: Language;
  t: TFunction;
};

const ink = "#0f172a";
const muted = "#475569";
const accent = "#065f46";

function labelValue(document: PdfDocument, label: string, value: string, x: number, y: number, width: number): number {
  document.font(pdfFonts.regular).fontSize(8).fillColor(muted).text(label, x, y, { width });
  document
    .font(pdfFonts.regular)
    .fontSize(10)
    .fillColor(ink)
    .text(pdfLines(value) || "—", x, document.y + 1, { width });
  return document.y;
}

export function renderReceiptPdf({ cityName, requestId, receivedBy, requesterName, lines, verifyUrl, language, t }: ReceiptDocumentInput): Promise<Buffer> {
  return renderPdf(
    {
      size: "A4",
      margin: 50,
      info: { Title: `${t("receipt.title")} ${t("receipt.request", { request: requestId })}`, Author: cityName, Subject: receivedBy },
      lang: language,
    },
    (document) => {
      const left = document.page.margins.left;
      const width = document.page.width - left - document.page.margins.right;

      document.font(pdfFonts.bold).fontSize(10).fillColor(accent).text(cityName.toUpperCase(), left, 50, { characterSpacing: 1 });
      document
        .font(pdfFonts.bold)
        .fontSize(20)
        .fillColor(ink)
        .text(t("receipt.title"), left, document.y + 4, { width });
      document
        .font(pdfFonts.regular)
        .fontSize(11)
        .fillColor(muted)
        .text(t("receipt.request", { request: requestId }), { width });

      let y = document.y + 14;
      document.rect(left, y, width, 50).fillAndStroke("#ecfdf5", "#a7f3d0");
      labelValue(document, t("receipt.organization"), receivedBy, left + 12, y + 10, width / 2 - 20);
      labelValue(document, t("receipt.requester"), requesterName, left + width / 2, y + 10, width / 2 - 12);
      y += 66;

      document
        .font(pdfFonts.bold)
        .fontSize(12)
        .fillColor(ink)
        .text(t("receipt.devicesSection", { count: lines.length }), left, y);
      y = document.y + 6;
      const quarter = width / 4;
      for (const line of lines) {
        if (y > document.page.height - 160) {
          document.addPage();
          y = document.page.margins.top;
        }
        document.rect(left, y, width, 1).fill("#cbd5e1");
        y += 8;
        document.font(pdfFonts.bold).fontSize(10).fillColor(ink).text(`${line.manufacturer} ${line.model}`, left, y, { width });
        y = document.y + 4;
        const cells: [string, string][] = [
          [t("receipt.assetTag"), line.assetTag],
          [t("receipt.serial"), line.serial],
          [t("receipt.certificate"), line.certificateNumber ?? "—"],
          [t("receipt.handedOver"), formatDateTime(line.signedAt, language)],
        ];
        y = Math.max(...cells.map(([label, value], index) => labelValue(document, label, value, left + index * quarter, y, quarter - 8))) + 5;
        const signature = t("receipt.signature", { name: line.signedByName, date: formatDate(line.signedAt, language) });
        const bottoms = [
          labelValue(document, t("receipt.signedBy"), signature, left, y, 2 * quarter - 8),
          labelValue(document, t("receipt.recordedBy"), line.recordedByName, left + 2 * quarter, y, 2 * quarter - 8),
        ];
        y = Math.max(...bottoms) + 10;
      }
      document
        .font(pdfFonts.regular)
        .fontSize(8)
        .fillColor(muted)
        .text(t("receipt.footer", { url: verifyUrl }), left, y + 6, { width });
    },
  );
}
