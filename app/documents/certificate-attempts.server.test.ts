// What the certificate PDF says about a device's wipes: every attempt of the cycle per medium, failed
// ones included and the deciding one marked, or the validated "no storage present" record.
import { beforeAll, describe, expect, test } from "vitest";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import { recordWipe } from "~/commands/wipes/record-wipe.server";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import type { UserActor } from "~/domain/lifecycle";
import { i18next } from "~/i18n/i18next.server";
import type { Language } from "~/i18n/config";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { latestCertificate } from "~/models/wipe.server";
import { commandValue, deviceInState, lifecycleCast, nextNumber, noStoragePresent, passingWipe, wipeEveryMedium } from "~/test/factories";
import { pdfText } from "../../e2e/support/pdf-text";
import { renderCertificatePdf } from "./certificate-pdf.server";

const minute = 60_000;
let technician: UserActor;
let validator: UserActor;

beforeAll(() => {
  ({ technician, validator } = lifecycleCast());
});

async function certificateText(device: DeviceDetail, language: Language): Promise<string> {
  const certificate = latestCertificate(device.id)!;
  const pdf = await renderCertificatePdf({
    cityName: "Stad Testdorp",
    certificate,
    device,
    verifyUrl: `http://localhost/verify/${device.publicId}`,
    language,
    t: await i18next.getFixedT(language),
  });
  // pdf.js splits lines into pieces; spaces between them are enough for these checks.
  return (await pdfText(new Uint8Array(pdf))).text.replace(/\s+/g, " ");
}

// Each test renders PDFs with embedded fonts: seconds on a busy 2-core machine, past the default 5 s limit.
describe("the certificate PDF", { timeout: 30_000 }, () => {
  test("lists a medium's validated pass, the fail after it and the newer pass that decides, in both languages", async () => {
    const serial = `ATT-${nextNumber()}`;
    const device = deviceInState("collected", { input: { media: [{ serial, kind: "SSD", capacityGb: 256 }] } });
    const start = Date.now() + minute;
    wipeEveryMedium(device, { performer: technician, validator }, { now: start });
    commandValue(
      recordWipe(technician, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe({ result: "fail" }) }, { now: start + 2 * minute }),
    );
    const rewipe = commandValue(recordWipe(technician, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() }, { now: start + 3 * minute }));
    commandValue(validateWipe(validator, { wipeId: rewipe.id }, { now: start + 4 * minute }));
    commandValue(certifyDevice(validator, { deviceId: device.id }, { now: start + 5 * minute }));
    const certified = getDevice(device.id)!;

    const english = await certificateText(certified, "en");
    expect(english).toContain(serial);
    expect(english).toContain("3 attempts in this cycle; the latest decides");
    expect(english).toContain("Attempt 1 of 3: Pass (superseded by a later attempt)");
    expect(english).toContain("Attempt 2 of 3: Fail (superseded by a later attempt)");
    expect(english).toContain("Attempt 3 of 3: Pass (deciding)");
    expect(english).toContain("Storage medium (1)");

    const dutch = await certificateText(certified, "nl");
    expect(dutch).toContain("Poging 2 van 3: Mislukt (vervangen door een latere poging)");
    expect(dutch).toContain("Poging 3 van 3: Geslaagd (beslissend)");
  });

  test("prints the no-storage record of a laptop without media: who checked, who validated, what was checked", async () => {
    const device = deviceInState("collected", { input: { media: [] } });
    noStoragePresent(device, { performer: technician, validator }, { notes: "Drive bay and M.2 slot empty" });
    commandValue(certifyDevice(technician, { deviceId: device.id }));
    const certified = getDevice(device.id)!;
    const [technicianName, validatorName] = [
      latestCertificate(device.id)!.storageAbsence!.recordedByName,
      latestCertificate(device.id)!.storageAbsence!.validatedByName,
    ];

    const english = await certificateText(certified, "en");
    expect(english).toContain(`No storage present — checked by ${technicianName} on`);
    expect(english).toContain(`validated by ${validatorName} on`);
    expect(english).toContain("Drive bay and M.2 slot empty");
    expect(english).not.toContain("The device has no storage media.");
    expect(await certificateText(certified, "nl")).toContain(`Geen opslag aanwezig — nagekeken door ${technicianName} op`);
  });

  test("a monitor without media says it has none", async () => {
    const device = deviceInState("wiped", { input: { type: "monitor", media: [] } });
    expect(await certificateText(getDevice(device.id)!, "en")).toContain("The device has no storage media.");
  });
});
