import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { INVITE_VALIDITY_MS, type InvitableRole } from "~/domain/invites";
import { createInvite } from "~/commands/invites/create-invite.server";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, createOrganization, lifecycleCast } from "~/test/factories";
import { findInvite } from "./invite.server";
import { getOrganization } from "./organization.server";

const createdAt = Date.UTC(2026, 10, 30, 9, 0, 0);
const hour = 60 * 60 * 1000;

let coordinator: UserActor;
let departmentId: number;
let itServiceId: number;

beforeAll(() => {
  ({ coordinator, itServiceId } = lifecycleCast());
  departmentId = createOrganization("department");
});

/** An invite made by the command (app/commands/invites/ has its own tests), created at `now`. */
function invite(options: { role?: InvitableRole; organizationId?: number; email?: string; now?: number } = {}) {
  const email = options.email ?? `${randomUUID()}@demo.city`;
  const created = commandValue(
    createInvite(
      coordinator,
      { email, role: options.role ?? "department", organizationId: options.organizationId ?? departmentId },
      { origin: "http://localhost", language: "en", now: options.now ?? createdAt },
    ),
  );
  return { ...created, email };
}

describe("findInvite", () => {
  test("describes a usable invite by its token, and nothing for an unknown one", () => {
    const { token, email } = invite({ role: "technician", organizationId: itServiceId });
    expect(findInvite(token, createdAt + hour)).toMatchObject({
      email,
      role: "technician",
      organizationName: getOrganization(itServiceId)?.name,
      state: "usable",
    });
    expect(findInvite(token, createdAt + INVITE_VALIDITY_MS)?.state).toBe("expired");
    expect(findInvite("no-such-token", createdAt)).toBeNull();
  });
});
