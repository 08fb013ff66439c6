// The data-wipe certificate as a PDF: the city, the device, every medium with every attempt of the
// cycle (failed ones included, the deciding one marked) and every field of a NIST SP 800-88
// certificate of sanitization, who performed and who validated, or the validated "no storage
// present" record of a device without media, the certificate number, and a QR code to the public
// verification page.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { CertificateView } from "~/models/wipe.server";
import { pdfFonts, pdfLines, qrCodePng, renderPdf, type PdfDocument } from "./pdf.server";

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
const failed = "#b91c1c";

type CertificateAttempt = CertificateView["attempts"][number];

/** The certificate's attempts grouped by medium, in the order the query gives them (by medium, then oldest first). */
function attemptsByMedium(attempts: CertificateAttempt[]): { medium: CertificateAttempt; attempts: CertificateAttempt[] }[] {
  const groups = new Map<number, { medium: CertificateAttempt; attempts: CertificateAttempt[] }>();
  for (const attempt of attempts) {
    const group = groups.get(attempt.mediumId);
    if (group) group.attempts.push(attempt);
    else groups.set(attempt.mediumId, { medium: attempt, attempts: [attempt] });
  }
  return [...groups.values()];
}

function labelValue(document: PdfDocument, label: string, value: string, x: number, y: number, width: number): number {
  document.font(pdfFonts.regular).fontSize(8).fillColor(muted).text(label, x, y, { width });
  document
    .font(pdfFonts.regular)
    .fontSize(10)
    .fillColor(ink)
    .text(pdfLines(value) || "—", x, document.y + 1, { width });
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

      document.font(pdfFonts.bold).fontSize(10).fillColor(accent).text(cityName.toUpperCase(), left, 50, { characterSpacing: 1 });
      document
        .font(pdfFonts.bold)
        .fontSize(20)
        .fillColor(ink)
        .text(t("certificate.title"), left, document.y + 4, { width: width - 110 });
      document
        .font(pdfFonts.regular)
        .fontSize(10)
        .fillColor(muted)
        .text(t("certificate.standard"), { width: width - 110 });
      document.image(qr, left + width - 96, 46, { width: 96 });
      document
        .font(pdfFonts.regular)
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

      document.font(pdfFonts.bold).fontSize(12).fillColor(ink).text(t("certificate.deviceSection"), left, y);
      y = document.y + 6;
      const column = width / 3;
      labelValue(document, t("device.model"), `${device.manufacturer} ${device.model}`, left, y, column - 10);
      labelValue(document, t("device.type"), t(`deviceTypes.${device.type}`), left + column, y, column - 10);
      const afterFirstRow = labelValue(document, t("device.assetTag"), device.assetTag, left + 2 * column, y, column - 10);
      y = afterFirstRow + 6;
      labelValue(document, t("device.serial"), device.serial, left, y, column - 10);
      labelValue(document, t("device.department"), device.departmentName, left + column, y, column - 10);
      y = labelValue(document, t("certificate.verifyAt"), verifyUrl, left + 2 * column, y, column - 10) + 14;

      const media = attemptsByMedium(certificate.attempts);
      document
        .font(pdfFonts.bold)
        .fontSize(12)
        .fillColor(ink)
        .text(t("certificate.mediaSection", { count: media.length }), left, y);
      y = document.y + 6;
      if (media.length === 0) {
        const absence = certificate.storageAbsence;
        const line =
          absence && absence.validatedAt
            ? t("certificate.noStoragePresent", {
                recordedBy: absence.recordedByName,
                recordedOn: formatDate(absence.recordedAt, language),
                validatedBy: absence.validatedByName ?? "—",
                validatedOn: formatDate(absence.validatedAt, language),
              })
            : t("certificate.noMedia");
        document.font(pdfFonts.regular).fontSize(10).fillColor(ink).text(line, left, y, { width });
        y = document.y + 4;
        if (absence?.notes) y = labelValue(document, t("wipe.notes"), absence.notes, left, y, width) + 4;
        y += 4;
      }
      const quarter = width / 4;
      const row = (cells: [string, string][]) => {
        for (let start = 0; start < cells.length; start += 4) {
          const bottoms = cells
            .slice(start, start + 4)
            .map(([label, value], offset) => labelValue(document, label, value, left + offset * quarter, y, quarter - 8));
          y = Math.max(...bottoms) + 5;
        }
      };
      media.forEach(({ medium, attempts }, index) => {
        if (y > document.page.height - 230) {
          document.addPage();
          y = document.page.margins.top;
        }
        document.rect(left, y, width, 1).fill("#cbd5e1");
        y += 8;
        document
          .font(pdfFonts.bold)
          .fontSize(10)
          .fillColor(ink)
          .text(t("certificate.medium", { number: index + 1, serial: medium.mediumSerial }), left, y);
        y = document.y + 4;
        row([
          [t("certificate.mediumMakeModel"), [medium.mediumManufacturer, medium.mediumModel].filter(Boolean).join(" ") || "—"],
          [t("medium.kind"), medium.mediumKind],
          [t("medium.capacityGb"), String(medium.mediumCapacityGb)],
          [t("certificate.attempts"), t("certificate.mediumAttempts", { count: attempts.length })],
        ]);
        // Every attempt of the cycle, oldest first, failures included: the latest decides.
        attempts.forEach((attempt, attemptIndex) => {
          if (y > document.page.height - 150) {
            document.addPage();
            y = document.page.margins.top;
          }
          const heading = `${t("certificate.attempt", { number: attemptIndex + 1, count: attempts.length, result: t(`wipeResults.${attempt.result}`) })} ${
            attempt.deciding ? t("certificate.decidingAttempt") : t("certificate.supersededAttempt")
          }`;
          document
            .font(pdfFonts.bold)
            .fontSize(9)
            .fillColor(attempt.result === "fail" ? failed : attempt.deciding ? accent : muted)
            .text(heading, left + 8, y, { width: width - 8 });
          y = document.y + 3;
          row([
            [t("wipe.method"), t(`wipeMethods.${attempt.method}`)],
            [
              t("wipe.technique"),
              `${t(`wipeTechniques.${attempt.technique}`)}${attempt.rounds ? ` (${t("wipe.roundsValue", { count: attempt.rounds })})` : ""}`,
            ],
            [t("wipe.tool"), `${attempt.tool} ${attempt.toolVersion}`],
            [t("wipe.verification"), `${t(`wipeVerifications.${attempt.verification}`)}${attempt.samplePercent ? ` (${attempt.samplePercent} %)` : ""}`],
            [t("certificate.performedBy"), attempt.performedByName],
            [t("certificate.performedOn"), formatDateTime(attempt.finishedAt ?? attempt.recordedAt, language)],
            [t("certificate.validatedBy"), attempt.validatedByName ?? "—"],
            [t("certificate.validatedOn"), attempt.validatedAt ? formatDateTime(attempt.validatedAt, language) : "—"],
          ]);
          if (attempt.notes) {
            y = labelValue(document, t("wipe.notes"), attempt.notes, left, y, width) + 5;
          }
          y += 3;
        });
        y += 4;
      });

      if (y > document.page.height - 120) {
        document.addPage();
        y = document.page.margins.top;
      }
      document
        .font(pdfFonts.regular)
        .fontSize(9)
        .fillColor(muted)
        .text(t("certificate.statement", { city: cityName }), left, y + 10, { width });
    },
  );
}
