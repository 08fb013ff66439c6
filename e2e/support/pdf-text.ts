// The text of a PDF, for asserting what a generated document says (pdf.js, Mozilla's PDF reader).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    const content = await (await document.getPage(pageNumber)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  return { pages: document.numPages, text: parts.join(" ") };
}
