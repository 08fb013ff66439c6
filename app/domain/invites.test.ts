import { expect, test } from "vitest";
import { INVITE_VALIDITY_MS, inviteState, organizationKindFor } from "./invites";

const created = Date.UTC(2026, 10, 1);

test("an invite is usable until seven days after it was made", () => {
  const invite = { expiresAt: created + INVITE_VALIDITY_MS, usedAt: null };
  expect(inviteState(invite, created)).toBe("usable");
  expect(inviteState(invite, created + INVITE_VALIDITY_MS - 1)).toBe("usable");
  expect(inviteState(invite, created + INVITE_VALIDITY_MS)).toBe("expired");
});

test("a used invite stays used, expired or not", () => {
  const invite = { expiresAt: created + INVITE_VALIDITY_MS, usedAt: created + 1000 };
  expect(inviteState(invite, created + 2000)).toBe("used");
  expect(inviteState(invite, created + 2 * INVITE_VALIDITY_MS)).toBe("used");
});

test("technicians join the IT service, department staff a department", () => {
  expect(organizationKindFor("technician")).toBe("it_service");
  expect(organizationKindFor("department")).toBe("department");
});
