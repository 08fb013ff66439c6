import { describe, expect, test } from "vitest";
import { organizationContactForm } from "~/forms/organization-contact";
import { organizationContact } from "~/models/organization.server";
import { createActor, createOrganization, lifecycleCast } from "~/test/factories";
import { updateOrganizationContact } from "./update-organization-contact.server";

describe("updateOrganizationContact", () => {
  test("a department member keeps their own department's address and contact", () => {
    const departmentId = createOrganization("department");
    const member = createActor("department", departmentId);
    const result = updateOrganizationContact(member, { organizationId: departmentId, address: "  Markt 1\n9000 Gent ", contact: "Els, 09 123 45 67" });
    expect(result.ok && result.value).toMatchObject({ id: departmentId, address: "Markt 1\n9000 Gent", contact: "Els, 09 123 45 67", openingHours: null });
  });

  test("a department member may not change another organization's", () => {
    const member = createActor("department");
    const otherDepartment = createOrganization("department");
    expect(updateOrganizationContact(member, { organizationId: otherDepartment, address: "Elsewhere 2" })).toEqual({ ok: false, reason: "out-of-scope" });
    expect(organizationContact(otherDepartment)?.address).toBeNull();
  });

  test("the coordinator keeps any organization's, the IT service's opening hours included; empty clears a field", () => {
    const { coordinator, itServiceId } = lifecycleCast();
    const saved = updateOrganizationContact(coordinator, { organizationId: itServiceId, address: "Stadhuis, loket 3", openingHours: "ma–vr 9.00–12.00" });
    expect(saved.ok && saved.value).toMatchObject({ address: "Stadhuis, loket 3", openingHours: "ma–vr 9.00–12.00" });
    const cleared = updateOrganizationContact(coordinator, { organizationId: itServiceId, address: "Stadhuis, loket 3", openingHours: "" });
    expect(cleared.ok && cleared.value.openingHours).toBeNull();
  });

  test("refuses an unknown organization, and roles without the permission", () => {
    const { coordinator } = lifecycleCast();
    expect(updateOrganizationContact(coordinator, { organizationId: 999_999, address: "x" })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "organization",
    });
    const technician = createActor("technician", lifecycleCast().itServiceId);
    expect(updateOrganizationContact(technician, { organizationId: lifecycleCast().itServiceId, openingHours: "always" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  test("the form refuses characters a pickup receipt could not print, and overlong text", () => {
    expect(organizationContactForm.safeParse({ organizationId: 1, address: "Markt 1\u0007" }).success).toBe(false);
    expect(organizationContactForm.safeParse({ organizationId: 1, contact: "x".repeat(301) }).success).toBe(false);
    expect(organizationContactForm.safeParse({ organizationId: 1, address: "Korenmarkt 1\n9000 Gent" }).success).toBe(true);
  });
});
