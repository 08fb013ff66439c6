import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { organizations } from "~db/schema";
import { db } from "~/db.server";
import { getOrganization } from "~/models/organization.server";
import { createActor, createOrganization, lifecycleCast } from "~/test/factories";
import { reviewOrganization } from "./review-organization.server";

const stored = (id: number) => db.select().from(organizations).where(eq(organizations.id, id)).get();

describe("reviewOrganization", () => {
  test("a coordinator approves a pending school: approved, by whom and when", () => {
    const { coordinator } = lifecycleCast();
    const schoolId = createOrganization("school", "pending", "Basisschool Het Anker");
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);
    const result = reviewOrganization(coordinator, { organizationId: schoolId, decision: "approved" }, { now: at });
    expect(result).toEqual({ ok: true, value: getOrganization(schoolId) });
    expect(stored(schoolId)).toMatchObject({ status: "approved", approvedById: coordinator.userId });
    expect(stored(schoolId)?.approvedAt?.getTime()).toBe(at);
  });

  test("or rejects a pending nonprofit", () => {
    const nonprofitId = createOrganization("nonprofit", "pending");
    const result = reviewOrganization(lifecycleCast().coordinator, { organizationId: nonprofitId, decision: "rejected" });
    expect(result.ok && result.value.status).toBe("rejected");
  });

  test("an organization is reviewed once: a second decision is refused and changes nothing", () => {
    const { coordinator } = lifecycleCast();
    const schoolId = createOrganization("school", "pending");
    expect(reviewOrganization(coordinator, { organizationId: schoolId, decision: "rejected" }).ok).toBe(true);
    expect(reviewOrganization(coordinator, { organizationId: schoolId, decision: "approved" })).toEqual({ ok: false, reason: "not-pending" });
    expect(stored(schoolId)?.status).toBe("rejected");
    // City organizations are approved from the start: there is nothing to review.
    expect(reviewOrganization(coordinator, { organizationId: createOrganization("department"), decision: "rejected" })).toEqual({
      ok: false,
      reason: "not-pending",
    });
  });

  test("an unknown organization is not found; only a coordinator reviews", () => {
    expect(reviewOrganization(lifecycleCast().coordinator, { organizationId: 987_654, decision: "approved" })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "organization",
    });
    const schoolId = createOrganization("school", "pending");
    for (const actor of [lifecycleCast().technician, createActor("department"), createActor("recipient", schoolId, "pending")]) {
      expect(reviewOrganization(actor, { organizationId: schoolId, decision: "approved" })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(stored(schoolId)?.status).toBe("pending");
  });
});
