// Shared PDF plumbing: pdfkit documents collected into one buffer, and QR codes as PNG images.
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

export type PdfDocument = InstanceType<typeof PDFDocument>;

/** Renders with pdfkit and resolves to the finished file. */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (document: PdfDocument) => Promise<void> | void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument(options);
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
    Promise.resolve(draw(document))
      .then(() => document.end())
      .catch(reject);
  });
}

export function qrCodePng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 300 });
}

export const millimetres = (value: number) => (value * 72) / 25.4;
