// Shared PDF plumbing: pdfkit documents collected into one buffer, printed in an embedded Unicode font,
// and QR codes as PNG images.
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

export type PdfDocument = InstanceType<typeof PDFDocument>;

const resolvePackageFile = createRequire(import.meta.url).resolve;

/**
 * The font every document prints in: DejaVu Sans from the dejavu-fonts-ttf package (Bitstream Vera
 * licence: free to embed). pdfkit's built-in Helvetica knows only Windows-1252, so "Ş", "Ω" or "Ж" came
 * out as other characters; DejaVu covers Latin with its extensions, Greek and Cyrillic, among others.
 * pdfkit embeds only the glyphs a document uses. The names are the fonts' PostScript names, so that
 * naming one reuses the font already loaded instead of reading the file again.
 */
export const pdfFonts = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" } as const;

export const pdfFontFiles: Record<keyof typeof pdfFonts, string> = {
  regular: resolvePackageFile("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: resolvePackageFile("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};

/** Renders with pdfkit in the embedded fonts (pdfFonts.regular until told otherwise) and resolves to the finished file. */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (document: PdfDocument) => Promise<void> | void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // The default font is ours too: pdfkit would otherwise load Helvetica and write it into every file.
    const document = new PDFDocument({ ...options, font: pdfFontFiles.regular });
    document.registerFont(pdfFonts.regular, pdfFontFiles.regular).registerFont(pdfFonts.bold, pdfFontFiles.bold);
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
    Promise.resolve(draw(document))
      .then(() => document.end())
      .catch(reject);
  });
}

/**
 * Text typed in a multi-line field as the PDF should print it: browsers send line breaks as CR LF, and
 * pdfkit breaks lines at LF only (a CR would print as a missing glyph); a tab becomes a space.
 */
export function pdfLines(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ");
}

export function qrCodePng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 300 });
}

export const millimetres = (value: number) => (value * 72) / 25.4;
