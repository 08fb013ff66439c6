import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { deviceRequests, notifications, outboxEmails } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listNotifications } from "~/models/notification.server";
import { listOutbox } from "~/models/outbox.server";
import { getRequest } from "~/models/request.server";
import { getSessionUser } from "~/models/user.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, createOrganization, lifecycleCast, submittedRequest } from "~/test/factories";
import { setLanguage } from "../accounts/set-language.server";
import { approveRequest } from "./approve-request.server";
import { cancelRequest } from "./cancel-request.server";

let coordinator: UserActor;
let teacher: UserActor;
let colleague: UserActor;

beforeAll(() => {
  coordinator = lifecycleCast().coordinator;
  const schoolId = createOrganization("school");
  teacher = createActor("recipient", schoolId);
  colleague = createActor("recipient", schoolId);
});

const total = (table: typeof notifications | typeof outboxEmails) => db.select({ total: count() }).from(table).get()?.total ?? 0;
/** The e-mail queued for this person, newest first. */
const mailTo = (actor: UserActor) => listOutbox().filter((mail) => mail.toAddress === getSessionUser(actor.userId)?.email);

describe("approveRequest", () => {
  test("stores the status, the priority, the reviewer and the time", () => {
    const request = submittedRequest(teacher);
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);
    const approved = commandValue(approveRequest(coordinator, { requestId: request.id, priority: 70 }, { now: at }));
    expect(approved).toMatchObject({ id: request.id, status: "approved", priority: 70, rejectionReason: null });
    expect(approved.reviewedAt?.getTime()).toBe(at);
    expect(getRequest(request.id)).toEqual(approved);
    expect(db.select().from(deviceRequests).where(eq(deviceRequests.id, request.id)).get()?.reviewedById).toBe(coordinator.userId);
  });

  test("tells the requester, in the app and by e-mail in Dutch by default, and no one else", () => {
    const request = submittedRequest(teacher);
    const colleagueNotifications = listNotifications(colleague.userId).length;
    commandValue(approveRequest(coordinator, { requestId: request.id, priority: 70 }));

    expect(listNotifications(teacher.userId, 1)[0]).toMatchObject({
      kind: "requestApproved",
      values: { request: `#${request.id}`, priority: "70", reason: "" },
      link: "/requests",
      read: false,
    });
    const [mail] = mailTo(teacher);
    expect(mail?.subject).toBe(`Aanvraag #${request.id} is goedgekeurd (prioriteit 70)`);
    expect(mail?.body).toContain(`Uw aanvraag #${request.id} voor toestellen is goedgekeurd met prioriteit 70.`);
    expect(mail?.sentAt).toBeNull();
    expect(listNotifications(colleague.userId)).toHaveLength(colleagueNotifications);
  });

  test("writes the e-mail in the language the requester chose", () => {
    const english = createActor("recipient");
    commandValue(setLanguage(english, { language: "en" }));
    const request = submittedRequest(english);
    commandValue(approveRequest(coordinator, { requestId: request.id, priority: 30 }));
    expect(mailTo(english)[0]?.subject).toBe(`Request #${request.id} is approved (priority 30)`);
  });

  test("only a submitted request is reviewed: a second review, or one of a cancelled request, is refused and tells no one", () => {
    const request = submittedRequest(teacher);
    const firstAt = Date.UTC(2026, 9, 2, 9, 0, 0);
    commandValue(approveRequest(coordinator, { requestId: request.id, priority: 70 }, { now: firstAt }));
    const cancelled = submittedRequest(teacher);
    commandValue(cancelRequest(teacher, { requestId: cancelled.id }));
    const [notificationsBefore, mailBefore] = [total(notifications), total(outboxEmails)];

    expect(approveRequest(coordinator, { requestId: request.id, priority: 10 })).toEqual({ ok: false, reason: "not-submitted" });
    expect(approveRequest(coordinator, { requestId: cancelled.id, priority: 10 })).toEqual({ ok: false, reason: "not-submitted" });
    expect(getRequest(request.id)).toMatchObject({ status: "approved", priority: 70 });
    expect(getRequest(request.id)?.reviewedAt?.getTime()).toBe(firstAt);
    expect(getRequest(cancelled.id)?.status).toBe("cancelled");
    expect([total(notifications), total(outboxEmails)]).toEqual([notificationsBefore, mailBefore]);
  });

  test("an unknown request is not found; only a coordinator reviews", () => {
    expect(approveRequest(coordinator, { requestId: 987_654, priority: 50 })).toEqual({ ok: false, reason: "not-found", entity: "request" });
    const request = submittedRequest(teacher);
    for (const actor of [teacher, lifecycleCast().technician, createActor("department")]) {
      expect(approveRequest(actor, { requestId: request.id, priority: 50 })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(getRequest(request.id)?.status).toBe("submitted");
  });

  test("when the e-mail cannot be queued, the approval and the notification are undone too", () => {
    const request = submittedRequest(teacher);
    const notificationsBefore = total(notifications);
    expect(() =>
      withTempTrigger("fail_outbox", "BEFORE INSERT ON outbox_emails BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        approveRequest(coordinator, { requestId: request.id, priority: 50 }),
      ),
    ).toThrow(/forced/);
    expect(getRequest(request.id)).toMatchObject({ status: "submitted", priority: null, reviewedAt: null });
    expect(total(notifications)).toBe(notificationsBefore);
  });
});
