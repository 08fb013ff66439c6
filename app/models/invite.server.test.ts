import { beforeAll, describe, expect, test } from "vitest";
import { INVITE_VALIDITY_MS } from "~/domain/invites";
import { createdInvite, createOrganization, lifecycleCast } from "~/test/factories";
import { findInvite } from "./invite.server";
import { getOrganization } from "./organization.server";

const createdAt = Date.UTC(2026, 10, 30, 9, 0, 0);
const hour = 60 * 60 * 1000;

let departmentId: number;
let itServiceId: number;

beforeAll(() => {
  ({ itServiceId } = lifecycleCast());
  departmentId = createOrganization("department");
});

const invite = (options: Parameters<typeof createdInvite>[0] = {}) => createdInvite({ organizationId: departmentId, now: createdAt, ...options });

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
