// The scan box's fallback decoder (jsQR, for browsers without a QR BarcodeDetector) reads the QR code
// the label sheet prints (node-qrcode, error correction M): the label's URL comes back, and the
// scan lookup recognizes it as the device's public id.
import jsQR from "jsqr";
import QRCode from "qrcode";
import { describe, expect, test } from "vitest";
import { scanTarget } from "~/domain/scan";

/** The QR code as the camera would see it: black modules on white, `scale` pixels each, a quiet zone around. */
function renderQr(text: string, scale = 6, margin = 4): { data: Uint8ClampedArray; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = (modules.size + 2 * margin) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < scale; y += 1) {
        for (let x = 0; x < scale; x += 1) {
          const offset = (((row + margin) * scale + y) * size + (column + margin) * scale + x) * 4;
          data.fill(0, offset, offset + 3);
        }
      }
    }
  }
  return { data, size };
}

describe("reading a label's QR code with jsQR", () => {
  test("gives back the label's URL, which names the device's public id", () => {
    const url = "https://circuit.stad.example.be/verify/q9X_2b-LmN0pRsTu";
    const { data, size } = renderQr(url);
    const decoded = jsQR(data, size, size, { inversionAttempts: "dontInvert" });
    expect(decoded?.data).toBe(url);
    expect(scanTarget(decoded!.data)).toEqual({ kind: "public-id", publicId: "q9X_2b-LmN0pRsTu" });
  });

  test("finds nothing in a blank frame", () => {
    const blank = new Uint8ClampedArray(200 * 200 * 4).fill(255);
    expect(jsQR(blank, 200, 200)).toBeNull();
  });
});
