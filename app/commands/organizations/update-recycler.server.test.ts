import { describe, expect, test } from "vitest";
import { getRecycler } from "~/models/organization.server";
import { createActor, createOrganization, createRecycler, lifecycleCast } from "~/test/factories";
import { updateRecycler } from "./update-recycler.server";

describe("updateRecycler", () => {
  test("a coordinator changes a recycler's accreditation number; the name stays", () => {
    const recyclerId = createRecycler("Recycler Zuid NV", "WEEE-OLD");
    expect(updateRecycler(lifecycleCast().coordinator, { recyclerId, accreditationNumber: " RECUPEL-NEW " })).toEqual({
      ok: true,
      value: { id: recyclerId, name: "Recycler Zuid NV", accreditationNumber: "RECUPEL-NEW" },
    });
    expect(getRecycler(recyclerId)?.accreditationNumber).toBe("RECUPEL-NEW");
  });

  test("an unknown id, or an organization that is not a recycler, is not found and keeps what it had", () => {
    const { coordinator, itServiceId } = lifecycleCast();
    const schoolId = createOrganization("school");
    for (const recyclerId of [987_654, itServiceId, schoolId]) {
      expect(updateRecycler(coordinator, { recyclerId, accreditationNumber: "WEEE-X" })).toEqual({ ok: false, reason: "not-found", entity: "organization" });
    }
  });

  test("only a coordinator keeps recyclers", () => {
    const recyclerId = createRecycler(undefined, "WEEE-KEPT");
    expect(updateRecycler(createActor("technician"), { recyclerId, accreditationNumber: "WEEE-X" })).toEqual({ ok: false, reason: "forbidden" });
    expect(getRecycler(recyclerId)?.accreditationNumber).toBe("WEEE-KEPT");
  });
});
