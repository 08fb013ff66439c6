import { describe, expect, test } from "vitest";
import { recycleDevice } from "~/commands/devices/recycle-device.server";
import { updateRecycler } from "~/commands/organizations/update-recycler.server";
import { db } from "~/db.server";
import { commandValue, createRecycler, deviceInState, lifecycleCast } from "~/test/factories";
import { verifyLedger } from "./custody.server";
import { publicVerification, staffCustodyTimeline } from "./device-custody-view.server";
import { getDevice, writeTransition } from "./device.server";

describe("a recycler in the custody views", () => {
  test("is shown by its current name and accreditation number, looked up by the id the event holds", () => {
    const { technician, coordinator } = lifecycleCast();
    const recyclerId = createRecycler("Recyclagecentrum Oost NV", "OVAM-WEEE-0100");
    const device = deviceInState("collected");
    commandValue(recycleDevice(technician, { deviceId: device.id, recyclerId, certificateNumber: "RCO-000042" }));
    const shown = { recycler: "Recyclagecentrum Oost NV", recyclerAccreditation: "OVAM-WEEE-0100", certificateNumber: "RCO-000042" };

    const staff = staffCustodyTimeline(device.id);
    expect(staff.chainIntact).toBe(true);
    expect(staff.entries.at(-1)).toMatchObject({ type: "recycle", to: { kind: "organization", name: "Recyclagecentrum Oost NV" }, details: shown });
    expect(staff.entries.at(-1)?.details).not.toHaveProperty("recyclerId");

    const verification = publicVerification(device.publicId)!;
    expect(verification.deviceChainIntact).toBe(true);
    expect(verification.events.at(-1)).toMatchObject({ to: { kind: "organization", name: "Recyclagecentrum Oost NV" }, details: shown });

    // A renewed accreditation shows on the devices the recycler took before, and the chain still verifies.
    commandValue(updateRecycler(coordinator, { recyclerId, accreditationNumber: "OVAM-WEEE-0200" }));
    expect(publicVerification(device.publicId)!.events.at(-1)?.details).toEqual({ ...shown, recyclerAccreditation: "OVAM-WEEE-0200" });
    expect(staffCustodyTimeline(device.id).chainIntact).toBe(true);
    expect(verifyLedger().intact).toBe(true);
  });

  test("an event from before recyclers were organizations keeps its typed name, and the chain verifies", () => {
    const { technician, itServiceId } = lifecycleCast();
    const device = deviceInState("collected");
    // Written as the recycle command wrote it before: the recycler by name, in the holder and the details.
    db.transaction((tx) => {
      const written = writeTransition(
        tx,
        device.id,
        {
          ok: true,
          to: "recycled",
          event: {
            type: "recycle",
            fromStatus: "collected",
            toStatus: "recycled",
            fromHolder: { kind: "organization", organizationId: itServiceId },
            toHolder: { kind: "recycler", name: "GreenCycle NV" },
            details: { recycler: "GreenCycle NV", certificateNumber: "R2-2025-0007" },
          },
        },
        technician,
        Date.now(),
      );
      if (!written) throw new Error("the legacy event was not written");
    });
    expect(getDevice(device.id)).toMatchObject({ status: "recycled", holder: { kind: "recycler", name: "GreenCycle NV" }, holderLabel: "GreenCycle NV" });

    const staff = staffCustodyTimeline(device.id);
    expect(staff.chainIntact).toBe(true);
    expect(staff.entries.at(-1)).toMatchObject({
      to: { kind: "recycler", name: "GreenCycle NV" },
      details: { recycler: "GreenCycle NV", certificateNumber: "R2-2025-0007" },
    });
    const verification = publicVerification(device.publicId)!;
    expect(verification.deviceChainIntact).toBe(true);
    expect(verification.events.at(-1)?.details).toEqual({ recycler: "GreenCycle NV", certificateNumber: "R2-2025-0007" });
    expect(verifyLedger().intact).toBe(true);
  });
});
