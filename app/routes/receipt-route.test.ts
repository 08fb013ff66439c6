// The handover receipt: what it prints for a request's devices, and who may open it (the requesting
// organization and staff; 404 for an unknown request or one with nothing handed over yet).
import { expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { confirmMatch } from "~/commands/matches/confirm-match.server";
import { signHandover } from "~/commands/devices/sign-handover.server";
import { handOverDevice } from "~/commands/devices/hand-over-device.server";
import { currentCertificate } from "~/models/wipe.server";
import { approvedRequest, commandValue, createActor, deviceInState, lifecycleCast, readyForPickup } from "~/test/factories";
import { signedInRequest, thrownStatus } from "~/test/requests";
import { pdfText } from "../../e2e/support/pdf-text";
import { loader } from "./requests.$id.receipt[.pdf]";

async function openReceipt(person: UserActor, requestId: number): Promise<{ status: number; response: Response | null }> {
  const request = await signedInRequest(person, `http://circuit.test/requests/${requestId}/receipt.pdf`);
  try {
    const response = await loader({ request, params: { id: String(requestId) }, context: { cspNonce: "" } });
    return { status: response.status, response };
  } catch (thrown) {
    const status = thrownStatus(thrown);
    if (status === null) throw thrown;
    return { status, response: null };
  }
}

test("lists every device handed over for the request with serial, asset tag, certificate number, signer and organization", async () => {
  const teacher = createActor("recipient");
  const request = approvedRequest(teacher, { quantity: 2, minRamGb: 0, minStorageGb: 0 });
  const devices = [deviceInState("listed"), deviceInState("listed")];
  for (const device of devices) commandValue(confirmMatch(lifecycleCast().coordinator, { deviceId: device.id, requestId: request.id }));
  const { pickupCode } = readyForPickup(request.id, [devices[0]!.id]);
  commandValue(signHandover(teacher, { deviceIds: [devices[0]!.id], pickupCode, signedBy: "Tom Teacher" }));
  commandValue(handOverDevice(lifecycleCast().technician, { deviceId: devices[1]!.id, signedBy: "Zoë Ğüneş" }));

  const { status, response } = await openReceipt(teacher, request.id);
  expect(status).toBe(200);
  expect(response?.headers.get("Content-Type")).toBe("application/pdf");
  const text = (await pdfText(new Uint8Array(await response!.arrayBuffer()))).text.replace(/\s+/g, " ");
  expect(text).toContain("Overhandigingsbewijs");
  expect(text).toContain(`Aanvraag #${request.id}`);
  expect(text).toContain(request.organizationName);
  for (const device of devices) {
    expect(text).toContain(device.assetTag);
    expect(text).toContain(device.serial);
    expect(text).toContain(currentCertificate(device.id)!.number);
  }
  expect(text).toContain("Tom Teacher");
  expect(text).toContain("Zoë Ğüneş");
});

test("the requesting organization and staff open it; another school may not; unknown or nothing handed over is 404", async () => {
  const teacher = createActor("recipient");
  const device = deviceInState("deployed", { requester: teacher });
  const colleague = createActor("recipient", teacher.organizationId);
  for (const person of [teacher, colleague, lifecycleCast().technician, lifecycleCast().coordinator]) {
    expect((await openReceipt(person, device.requestId!)).status).toBe(200);
  }
  expect((await openReceipt(createActor("recipient"), device.requestId!)).status).toBe(403);
  expect((await openReceipt(createActor("department"), device.requestId!)).status).toBe(403);
  expect((await openReceipt(teacher, 987_654)).status).toBe(404);
  const reserved = deviceInState("reserved", { requester: teacher });
  expect((await openReceipt(teacher, reserved.requestId!)).status).toBe(404);
});
