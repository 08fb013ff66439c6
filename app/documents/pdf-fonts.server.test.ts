// The certificate and the label sheet print Latin with its extensions, Greek and Cyrillic as typed,
// in the embedded DejaVu fonts and in no font of pdfkit's own (Helvetica knows Windows-1252 only).
import { beforeAll, describe, expect, test } from "vitest";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import type { UserActor } from "~/domain/lifecycle";
import { i18next } from "~/i18n/i18next.server";
import { getDevice } from "~/models/device.server";
import { latestCertificate } from "~/models/wipe.server";
import { commandValue, deviceInState, lifecycleCast, nextNumber, passingWipe, wipeEveryMedium } from "~/test/factories";
import { pdfText } from "../../e2e/support/pdf-text";
import { renderCertificatePdf } from "./certificate-pdf.server";
import { renderLabelSheetPdf } from "./labels-pdf.server";
import { pdfLines } from "./pdf.server";

let technician: UserActor;
let validator: UserActor;

beforeAll(() => {
  ({ technician, validator } = lifecycleCast());
});

/** The text pdf.js reads back, with runs of white space as one space (it splits lines into pieces). */
async function textOf(pdf: Buffer): Promise<string> {
  return (await pdfText(new Uint8Array(pdf))).text.replace(/\s+/g, " ");
}

/** The fonts a PDF names: pdfkit writes embedded ones as a subset tag and the font's name, "ABCDEF+DejaVuSans". */
function fontNames(pdf: Buffer): string[] {
  return [...new Set([...pdf.toString("latin1").matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((match) => match[1] ?? ""))].sort();
}

const embeddedDejaVu = /^[A-Z]{6}\+DejaVuSans(-Bold)?$/;

describe("PDFs print what was typed, in any of the scripts the embedded font covers", () => {
  test("a certificate with Turkish, Greek and Cyrillic in its serials, model and notes", async () => {
    const n = nextNumber();
    const device = deviceInState("collected", {
      input: {
        assetTag: `ŞAH-${n}`,
        serial: `Şahin-${n}`,
        manufacturer: "Ωmega",
        model: "Жуков Ultra",
        media: [{ serial: `Жуков-${n}`, kind: "SSD", capacityGb: 256 }],
      },
    });
    wipeEveryMedium(device, { performer: technician, validator }, { fields: passingWipe({ tool: "Ωwipe", notes: "Проверено: всё чисто\r\nÇalışıyor" }) });
    commandValue(certifyDevice(validator, { deviceId: device.id }));
    const certified = getDevice(device.id)!;
    const pdf = await renderCertificatePdf({
      cityName: "Stad Ørsted",
      certificate: latestCertificate(device.id)!,
      device: certified,
      verifyUrl: `http://localhost/verify/${certified.publicId}`,
      language: "en",
      t: await i18next.getFixedT("en"),
    });

    const text = await textOf(pdf);
    for (const typed of [`Şahin-${n}`, "Ωmega Жуков Ultra", `ŞAH-${n}`, `Жуков-${n}`, "Ωwipe", "Проверено: всё чисто", "Çalışıyor", "STAD ØRSTED"]) {
      expect(text).toContain(typed);
    }
    expect(fontNames(pdf)).not.toHaveLength(0);
    for (const font of fontNames(pdf)) expect(font).toMatch(embeddedDejaVu);
  });

  test("a label sheet with the same", async () => {
    const t = await i18next.getFixedT("nl");
    const pdf = await renderLabelSheetPdf({
      devices: [
        { assetTag: "ŞAH-1", manufacturer: "Ωmega", model: "Жуков", publicId: "a" },
        { assetTag: "ΩΜΕΓΑ-2", manufacturer: "Škoda", model: "Ærø", publicId: "b" },
      ],
      origin: "http://localhost",
      cityName: "Stad Ørsted",
      t,
    });

    const text = await textOf(pdf);
    for (const typed of ["ŞAH-1", "Ωmega Жуков", "ΩΜΕΓΑ-2", "Škoda Ærø", "Stad Ørsted"]) expect(text).toContain(typed);
    for (const font of fontNames(pdf)) expect(font).toMatch(embeddedDejaVu);
  });

  test("line breaks from a browser's text area print as line breaks, a tab as a space", () => {
    expect(pdfLines("one\r\ntwo\rthree\nfour\tfive")).toBe("one\ntwo\nthree\nfour five");
  });
});
