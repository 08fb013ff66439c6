// A sheet of device labels: A4 with 3 × 8 labels of 70 × 37 mm (standard label paper without
// margins), each with the asset tag, the model and a QR code to the device's public page.
import type { TFunction } from "i18next";
import { millimetres, pdfFonts, qrCodePng, renderPdf, type PdfDocument } from "./pdf.server";

export type LabelDevice = { assetTag: string; manufacturer: string; model: string; publicId: string };

const columns = 3;
const rows = 8;
const labelWidth = millimetres(70);
const labelHeight = millimetres(297 / rows);
const padding = millimetres(3);

function largestFittingSize(document: PdfDocument, text: string, width: number, largest: number, smallest: number): number {
  let size = largest;
  while (size > smallest && document.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

export function renderLabelSheetPdf({
  devices,
  origin,
  cityName,
  t,
}: {
  devices: LabelDevice[];
  origin: string;
  cityName: string;
  t: TFunction;
}): Promise<Buffer> {
  return renderPdf({ size: "A4", margin: 0, info: { Title: t("labels.title"), Author: cityName } }, async (document) => {
    for (const [index, device] of devices.entries()) {
      const slot = index % (columns * rows);
      if (index > 0 && slot === 0) document.addPage({ size: "A4", margin: 0 });
      const x = (slot % columns) * labelWidth;
      const y = Math.floor(slot / columns) * labelHeight;
      const url = `${origin}/verify/${device.publicId}`;
      const qrSize = labelHeight - 2 * padding;
      document.image(await qrCodePng(url), x + padding, y + padding, { width: qrSize, height: qrSize });
      const textX = x + padding * 2 + qrSize;
      const textWidth = labelWidth - qrSize - padding * 3;
      document
        .font(pdfFonts.regular)
        .fontSize(6)
        .fillColor("#334155")
        .text(cityName, textX, y + padding + 1, { width: textWidth, lineBreak: false, ellipsis: true });
      // The asset tag stays on one line: a long one is set smaller, and cut with an ellipsis only below 7 pt.
      document.font(pdfFonts.bold).fontSize(largestFittingSize(document, device.assetTag, textWidth, 11, 7));
      document.fillColor("#0f172a").text(device.assetTag, textX, y + padding + 10, { width: textWidth, height: document.currentLineHeight(), ellipsis: true });
      document
        .font(pdfFonts.regular)
        .fontSize(7.5)
        .fillColor("#0f172a")
        .text(`${device.manufacturer} ${device.model}`, textX, y + padding + 25, { width: textWidth, height: 20, ellipsis: true });
      document
        .font(pdfFonts.regular)
        .fontSize(6)
        .fillColor("#334155")
        .text(t("labels.scan"), textX, y + labelHeight - padding - 9, { width: textWidth, lineBreak: false, ellipsis: true });
    }
  });
}
