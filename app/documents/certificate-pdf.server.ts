// The data-wipe certificate as a PDF: the city, the device, every medium with every field of a
// NIST SP 800-88 certificate of sanitization, who performed and who validated, the certificate
// number, and a QR code to the public verification page.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { CertificateView } from "~/models/wipe.server";
import { qrCodePng, renderPdf, type PdfDocument } from "./pdf.server";

export type CertificateDocumentInput = {
  cityName: string;
  certificate: CertificateView;
  device: { assetTag: string; serial: string; manufacturer: string; model: string; type: string; publicId: string; departmentName: string };
  verifyUrl: string;
  language: Language;
  t: TFunction;
};

const ink = "#0f172a";
const muted = "#475569";
const accent = "#065f46";

function labelValue(document: PdfDocument, label: string, value: string, x: number, y: number, width: number): number {
  document.font("Helvetica").fontSize(8).fillColor(muted).text(label, x, y, { width });
  document
    .font("Helvetica")
    .fontSize(10)
    .fillColor(ink)
    .text(value || "—", x, document.y + 1, { width });
  return document.y;
}

export function renderCertificatePdf({ cityName, certificate, device, verifyUrl, language, t }: CertificateDocumentInput): Promise<Buffer> {
  return renderPdf(
    {
      size: "A4",
      margin: 50,
      info: {
        Title: `${t("certificate.title")} ${certificate.number}`,
        Author: cityName,
        Subject: `${device.manufacturer} ${device.model} ${device.assetTag}`,
      },
      lang: language,
    },
    async (document) => {
      const left = document.page.margins.left;
      const width = document.page.width - left - document.page.margins.right;
      const qr = await qrCodePng(verifyUrl);

      document.font("Helvetica-Bold").fontSize(10).fillColor(accent).text(cityName.toUpperCase(), left, 50, { characterSpacing: 1 });
      document
        .font("Helvetica-Bold")
        .fontSize(20)
        .fillColor(ink)
        .text(t("certificate.title"), left, document.y + 4, { width: width - 110 });
      document
        .font("Helvetica")
        .fontSize(10)
        .fillColor(muted)
        .text(t("certificate.standard"), { width: width - 110 });
      document.image(qr, left + width - 96, 46, { width: 96 });
      document
        .font("Helvetica")
        .fontSize(7)
        .fillColor(muted)
        .text(t("certificate.scanToVerify"), left + width - 110, 146, { width: 110, align: "center" });

      let y = Math.max(document.y, 160) + 14;
      document.rect(left, y, width, 54).fillAndStroke("#ecfdf5", "#a7f3d0");
      document.fillColor(ink);
      labelValue(document, t("certificate.number"), certificate.number, left + 12, y + 10, 160);
      labelValue(document, t("certificate.issued"), formatDate(certificate.issuedAt, language), left + 190, y + 10, 140);
      labelValue(document, t("certificate.issuedBy"), certificate.issuedByName, left + 350, y + 10, width - 362);
      y += 70;

      document.font("Helvetica-Bold").fontSize(12).fillColor(ink).text(t("certificate.deviceSection"), left, y);
      y = document.y + 6;
      const column = width / 3;
      labelValue(document, t("device.model"), `${device.manufacturer} ${device.model}`, left, y, column - 10);
      labelValue(document, t("device.type"), t(`deviceTypes.${device.type}`), left + column, y, column - 10);
      const afterFirstRow = labelValue(document, t("device.assetTag"), device.assetTag, left + 2 * column, y, column - 10);
      y = afterFirstRow + 6;
      labelValue(document, t("device.serial"), device.serial, left, y, column - 10);
      labelValue(document, t("device.department"), device.departmentName, left + column, y, column - 10);
      y = labelValue(document, t("certificate.verifyAt"), verifyUrl, left + 2 * column, y, column - 10) + 14;

      document
        .font("Helvetica-Bold")
        .fontSize(12)
        .fillColor(ink)
        .text(t("certificate.mediaSection", { count: certificate.records.length }), left, y);
      y = document.y + 6;
      if (certificate.records.length === 0) {
        document.font("Helvetica").fontSize(10).fillColor(ink).text(t("certificate.noMedia"), left, y, { width });
        y = document.y + 8;
      }
      certificate.records.forEach((record, index) => {
        if (y > document.page.height - 230) {
          document.addPage();
          y = document.page.margins.top;
        }
        document.rect(left, y, width, 1).fill("#cbd5e1");
        y += 8;
        document
          .font("Helvetica-Bold")
          .fontSize(10)
          .fillColor(ink)
          .text(t("certificate.medium", { number: index + 1, serial: record.mediumSerial }), left, y);
        y = document.y + 4;
        const quarter = width / 4;
        const cells: [string, string][] = [
          [t("certificate.mediumMakeModel"), [record.mediumManufacturer, record.mediumModel].filter(Boolean).join(" ") || "—"],
          [t("medium.kind"), record.mediumKind],
          [t("medium.capacityGb"), String(record.mediumCapacityGb)],
          [t("wipe.method"), t(`wipeMethods.${record.method}`)],
          [t("wipe.technique"), `${t(`wipeTechniques.${record.technique}`)}${record.rounds ? ` (${t("wipe.roundsValue", { count: record.rounds })})` : ""}`],
          [t("wipe.tool"), `${record.tool} ${record.toolVersion}`],
          [t("wipe.verification"), `${t(`wipeVerifications.${record.verification}`)}${record.samplePercent ? ` (${record.samplePercent} %)` : ""}`],
          [t("wipe.result"), t(`wipeResults.${record.result}`)],
          [t("certificate.performedBy"), record.performedByName],
          [t("certificate.performedOn"), formatDateTime(record.finishedAt ?? record.recordedAt, language)],
          [t("certificate.validatedBy"), record.validatedByName ?? "—"],
          [t("certificate.validatedOn"), record.validatedAt ? formatDateTime(record.validatedAt, language) : "—"],
        ];
        for (let row = 0; row < cells.length; row += 4) {
          const bottoms = cells
            .slice(row, row + 4)
            .map(([label, value], offset) => labelValue(document, label, value, left + offset * quarter, y, quarter - 8));
          y = Math.max(...bottoms) + 5;
        }
        if (record.notes) {
          y = labelValue(document, t("wipe.notes"), record.notes, left, y, width) + 5;
        }
        y += 4;
      });

      if (y > document.page.height - 120) {
        document.addPage();
        y = document.page.margins.top;
      }
      document
        .font("Helvetica")
        .fontSize(9)
        .fillColor(muted)
        .text(t("certificate.statement", { city: cityName }), left, y + 10, { width });
    },
  );
}
