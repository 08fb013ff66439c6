import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { organizations } from "~db/schema";
import { db } from "~/db.server";
import { addRecyclerInput } from "~/forms/recycler";
import { listRecyclers } from "~/models/organization.server";
import { withTempTrigger } from "~/test/database";
import { createActor, createOrganization, lifecycleCast, nextNumber } from "~/test/factories";
import { addRecycler } from "./add-recycler.server";

const stored = (id: number) => db.select().from(organizations).where(eq(organizations.id, id)).get();

describe("addRecycler", () => {
  test("a coordinator adds a recycler: an approved organization of kind recycler with its accreditation number", () => {
    const { coordinator } = lifecycleCast();
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);
    const result = addRecycler(coordinator, { name: " Recyclagecentrum Noord NV ", accreditationNumber: " OVAM-WEEE-0001 " }, { now: at });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value).toEqual({ id: expect.any(Number), name: "Recyclagecentrum Noord NV", accreditationNumber: "OVAM-WEEE-0001" });
    expect(stored(result.value.id)).toMatchObject({
      kind: "recycler",
      status: "approved",
      approvedById: coordinator.userId,
      accreditationNumber: "OVAM-WEEE-0001",
    });
    expect(stored(result.value.id)?.approvedAt?.getTime()).toBe(at);
    expect(listRecyclers()).toContainEqual(result.value);
  });

  test("the name is unique among all organizations, as for schools that register", () => {
    const { coordinator } = lifecycleCast();
    const name = `Basisschool ${nextNumber()}`;
    createOrganization("school", "pending", name);
    const refusal = { ok: false, reason: "invalid-input", fields: { name: ["errors.organizationTaken"] } };
    expect(addRecycler(coordinator, { name, accreditationNumber: "WEEE-1" })).toEqual(refusal);
    const recycler = `Recycler ${nextNumber()}`;
    expect(addRecycler(coordinator, { name: recycler, accreditationNumber: "WEEE-2" }).ok).toBe(true);
    expect(addRecycler(coordinator, { name: recycler, accreditationNumber: "WEEE-3" })).toEqual(refusal);
  });

  test("a name taken between the check and the insert is refused the same way (the unique index decides)", () => {
    const name = `Recycler ${nextNumber()}`;
    // The check sees no such name; a trigger stands in for the writer that takes it just before the insert.
    const result = withTempTrigger(
      "take_name_first",
      `BEFORE INSERT ON organizations WHEN NEW.kind = 'recycler' AND NEW.name = '${name}' AND NOT EXISTS (SELECT 1 FROM organizations WHERE name = '${name}') BEGIN INSERT INTO organizations (name, kind, status) VALUES ('${name}', 'school', 'pending'); END`,
      () => addRecycler(lifecycleCast().coordinator, { name, accreditationNumber: "WEEE-4" }),
    );
    expect(result).toEqual({ ok: false, reason: "invalid-input", fields: { name: ["errors.organizationTaken"] } });
    expect(listRecyclers().some((recycler) => recycler.name === name)).toBe(false);
  });

  test("only a coordinator keeps recyclers", () => {
    for (const role of ["technician", "department", "recipient", "employee"] as const) {
      expect(addRecycler(createActor(role), { name: `Recycler ${nextNumber()}`, accreditationNumber: "WEEE-5" })).toEqual({ ok: false, reason: "forbidden" });
    }
  });

  test("the form's input: both fields required, trimmed, of bounded length, one printable line", () => {
    expect(addRecyclerInput.safeParse({ name: " A ", accreditationNumber: " B " })).toMatchObject({
      success: true,
      data: { name: "A", accreditationNumber: "B" },
    });
    const errorsOf = (input: unknown) => {
      const parsed = addRecyclerInput.safeParse(input);
      return parsed.success ? {} : parsed.error.flatten().fieldErrors;
    };
    expect(errorsOf({ name: "  ", accreditationNumber: "" })).toEqual({ name: ["errors.required"], accreditationNumber: ["errors.required"] });
    expect(errorsOf({ name: "x".repeat(121), accreditationNumber: "y".repeat(61) })).toEqual({
      name: ["errors.tooLong"],
      accreditationNumber: ["errors.tooLong"],
    });
    for (const unprintable of ["Line\nbreak", "Tab\there", "Bell\u0007", "Zero\u200bwidth", "Right-to-left\u202eoverride", "Para\u2029graph"]) {
      expect(errorsOf({ name: unprintable, accreditationNumber: "WEEE-1" }), JSON.stringify(unprintable)).toEqual({ name: ["errors.notPrintable"] });
    }
    expect(errorsOf({ name: "Lone \ud800 surrogate", accreditationNumber: "WEEE-1" })).toEqual({ name: ["errors.brokenCharacter"] });
    expect(errorsOf({ name: "Récupération Ürün Ελλάδα Россия NV", accreditationNumber: "WEEE/BE-2024 #17" })).toEqual({});
  });
});
