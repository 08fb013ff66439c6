import { count } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { outboxEmails } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listNotifications } from "~/models/notification.server";
import { listOutbox } from "~/models/outbox.server";
import { getRequest } from "~/models/request.server";
import { getSessionUser } from "~/models/user.server";
import { withTempTrigger } from "~/test/database";
import { approvedRequest, commandValue, createActor, lifecycleCast, submittedRequest } from "~/test/factories";
import { setLanguage } from "../accounts/set-language.server";
import { rejectRequest } from "./reject-request.server";

let coordinator: UserActor;
let teacher: UserActor;

beforeAll(() => {
  coordinator = lifecycleCast().coordinator;
  teacher = createActor("recipient");
});

/** The e-mail queued for this person, newest first. */
const mailTo = (actor: UserActor) => listOutbox().filter((mail) => mail.toAddress === getSessionUser(actor.userId)?.email);
const outboxCount = () => db.select({ total: count() }).from(outboxEmails).get()?.total ?? 0;

describe("rejectRequest", () => {
  test("stores the status and the reason (trimmed), and tells the requester why, in Dutch by default", () => {
    const employee = createActor("employee");
    const request = submittedRequest(employee, { quantity: 1 });
    const rejected = commandValue(rejectRequest(coordinator, { requestId: request.id, reason: "  Geen laptops meer  " }));

    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Geen laptops meer", priority: null });
    expect(rejected.reviewedAt).not.toBeNull();
    expect(listNotifications(employee.userId, 1)[0]).toMatchObject({
      kind: "requestRejected",
      values: { request: `#${request.id}`, reason: "Geen laptops meer", priority: "" },
      link: "/requests",
    });
    const [mail] = mailTo(employee);
    expect(mail?.subject).toBe(`Aanvraag #${request.id} is niet goedgekeurd`);
    expect(mail?.body).toContain(`Uw aanvraag #${request.id} werd niet goedgekeurd. Reden: Geen laptops meer`);
  });

  test("in English for a requester who chose English", () => {
    const english = createActor("recipient");
    commandValue(setLanguage(english, { language: "en" }));
    const request = submittedRequest(english);
    commandValue(rejectRequest(coordinator, { requestId: request.id, reason: "Only desktops this term" }));
    const [mail] = mailTo(english);
    expect(mail?.subject).toBe(`Request #${request.id} is not approved`);
    expect(mail?.body).toContain(`Your request #${request.id} was not approved. Reason: Only desktops this term`);
  });

  test("an approved request is not rejected afterwards, and no one is told anything", () => {
    const request = approvedRequest(teacher);
    const before = outboxCount();
    expect(rejectRequest(coordinator, { requestId: request.id, reason: "Changed my mind" })).toEqual({ ok: false, reason: "not-submitted" });
    expect(getRequest(request.id)).toMatchObject({ status: "approved", rejectionReason: null });
    expect(outboxCount()).toBe(before);
  });

  test("an unknown request is not found; only a coordinator rejects", () => {
    expect(rejectRequest(coordinator, { requestId: 987_654, reason: "No" })).toEqual({ ok: false, reason: "not-found", entity: "request" });
    const request = submittedRequest(teacher);
    for (const actor of [teacher, lifecycleCast().technician]) {
      expect(rejectRequest(actor, { requestId: request.id, reason: "No" })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(getRequest(request.id)?.status).toBe("submitted");
  });

  test("when the notification cannot be written, the rejection is undone", () => {
    const request = submittedRequest(teacher);
    const before = outboxCount();
    expect(() =>
      withTempTrigger("fail_notification", "BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        rejectRequest(coordinator, { requestId: request.id, reason: "No" }),
      ),
    ).toThrow(/forced/);
    expect(getRequest(request.id)).toMatchObject({ status: "submitted", rejectionReason: null, reviewedAt: null });
    expect(outboxCount()).toBe(before);
  });
});
