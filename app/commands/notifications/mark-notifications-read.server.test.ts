import { describe, expect, test } from "vitest";
import { listNotifications, notify } from "~/models/notification.server";
import { createActor, createOrganization } from "~/test/factories";
import { markNotificationsRead } from "./mark-notifications-read.server";

function notified(userId: string, times: number): number[] {
  for (let index = 0; index < times; index += 1) notify(userId, "requestApproved", { requestNumber: String(index) }, null);
  return listNotifications(userId, times).map((notification) => notification.id);
}

describe("markNotificationsRead", () => {
  test("marks the actor's notifications up to the newest one shown, and no others", () => {
    const teacher = createActor("recipient");
    const colleague = createActor("recipient");
    const [newest = 0, shown = 0] = notified(teacher.userId, 2);
    notified(colleague.userId, 1);
    // The newest arrived after the page was shown: it stays unread.
    expect(markNotificationsRead(teacher, { upToId: shown })).toEqual({ ok: true, value: { marked: 1 } });
    expect(listNotifications(teacher.userId).map((notification) => [notification.id, notification.read])).toEqual([
      [newest, false],
      [shown, true],
    ]);
    expect(listNotifications(colleague.userId).every((notification) => !notification.read)).toBe(true);
    // Someone else's ids change nothing of theirs.
    expect(markNotificationsRead(createActor("employee"), { upToId: newest })).toEqual({ ok: true, value: { marked: 0 } });
    expect(listNotifications(teacher.userId)[0]?.read).toBe(false);
  });

  test("a member of an organization still pending is refused", () => {
    const pending = createActor("recipient", createOrganization("school", "pending"), "pending");
    const [id = 0] = notified(pending.userId, 1);
    expect(markNotificationsRead(pending, { upToId: id })).toEqual({ ok: false, reason: "forbidden" });
    expect(listNotifications(pending.userId)[0]?.read).toBe(false);
  });
});
