import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { invites, outboxEmails } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { INVITE_VALIDITY_MS } from "~/domain/invites";
import type { UserActor } from "~/domain/lifecycle";
import { findInvite } from "~/models/invite.server";
import { getSessionUser } from "~/models/user.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, createOrganization, lifecycleCast, nextNumber } from "~/test/factories";
import { createInvite, type CreateInviteOptions } from "./create-invite.server";

const origin = "https://circuit.example";
const dutch: CreateInviteOptions = { origin, language: "nl" };

let coordinator: UserActor;
let departmentId: number;
let itServiceId: number;

beforeAll(() => {
  ({ coordinator, itServiceId } = lifecycleCast());
  departmentId = createOrganization("department", "approved", "Parks department");
});

const newAddress = () => `new-colleague-${nextNumber()}@demo.city`;
const inviteRows = (email: string) => db.select().from(invites).where(eq(invites.email, email)).all();
const mailTo = (email: string) => db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)).all();
const outboxCount = () => db.select({ total: count() }).from(outboxEmails).get()?.total ?? 0;

describe("createInvite", () => {
  test("stores only the token's hash, for the normalized address, valid for seven days", () => {
    const email = newAddress();
    const at = Date.UTC(2026, 10, 30, 9, 0, 0);
    const invited = commandValue(
      createInvite(coordinator, { email: `  ${email.toUpperCase()} `, role: "department", organizationId: departmentId }, { ...dutch, now: at }),
    );

    expect(invited).toMatchObject({ email, link: `${origin}/invite/${invited.token}` });
    expect(invited.expiresAt.getTime()).toBe(at + INVITE_VALIDITY_MS);
    const [row, ...others] = inviteRows(email);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      tokenHash: sha256Hex(invited.token),
      role: "department",
      organizationId: departmentId,
      invitedById: coordinator.userId,
      usedAt: null,
    });
    expect(row?.createdAt.getTime()).toBe(at);
    for (const column of Object.values(row ?? {})) expect(String(column instanceof Date ? column.getTime() : column)).not.toContain(invited.token);
    expect(findInvite(invited.token, at)).toMatchObject({ email, role: "department", organizationName: "Parks department", state: "usable" });
  });

  test("queues the e-mail with the link, written in the coordinator's language", () => {
    const inviter = getSessionUser(coordinator.userId)!.name;
    const email = newAddress();
    const invited = commandValue(createInvite(coordinator, { email, role: "technician", organizationId: itServiceId }, dutch));
    const [mail, ...others] = mailTo(email);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ subject: "Uw uitnodiging voor Circuit", sentAt: null });
    expect(mail?.body).toContain(`${inviter} nodigt u uit voor Circuit`);
    expect(mail?.body).toContain(invited.link);

    const english = newAddress();
    commandValue(createInvite(coordinator, { email: english, role: "department", organizationId: departmentId }, { origin, language: "en" }));
    expect(mailTo(english)[0]).toMatchObject({ subject: "Your invitation to Circuit" });
    expect(mailTo(english)[0]?.body).toContain(`${inviter} invites you to join Circuit for Parks department.`);
  });

  test("refuses an address that has an account, and an organization that does not fit the role, at their fields", () => {
    const taken = getSessionUser(createActor("employee").userId)!.email;
    expect(createInvite(coordinator, { email: taken, role: "department", organizationId: departmentId }, dutch)).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { email: ["errors.emailTaken"] },
    });
    const email = newAddress();
    expect(createInvite(coordinator, { email, role: "technician", organizationId: departmentId }, dutch)).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { organizationId: ["errors.organizationForRole.technician"] },
    });
    expect(createInvite(coordinator, { email, role: "department", organizationId: createOrganization("school") }, dutch)).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { organizationId: ["errors.organizationForRole.department"] },
    });
    expect(createInvite(coordinator, { email, role: "department", organizationId: 987_654 }, dutch)).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { organizationId: ["errors.choose"] },
    });
    expect(inviteRows(email)).toEqual([]);
    expect(mailTo(email)).toEqual([]);
  });

  test("only a coordinator invites", () => {
    const email = newAddress();
    for (const actor of [lifecycleCast().technician, createActor("department", departmentId)]) {
      expect(createInvite(actor, { email, role: "department", organizationId: departmentId }, dutch)).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(inviteRows(email)).toEqual([]);
  });

  test("stores no invite when the e-mail cannot be queued", () => {
    const email = newAddress();
    const before = outboxCount();
    expect(() =>
      withTempTrigger("fail_outbox", "BEFORE INSERT ON outbox_emails BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        createInvite(coordinator, { email, role: "department", organizationId: departmentId }, dutch),
      ),
    ).toThrow(/forced/);
    expect(inviteRows(email)).toEqual([]);
    expect(outboxCount()).toBe(before);
  });
});
