import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { deviceRequests, notifications, outboxEmails } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import type { Role } from "~/domain/permissions";
import { applyTransition, registerDevice, type DeviceDetail, type DeviceInput } from "./device.server";
import { confirmMatch, recordHandover, releaseReservation } from "./match.server";
import { listNotifications } from "./notification.server";
import { insertOrganization } from "./organization.server";
import { listOutbox } from "./outbox.server";
import {
  approveRequest,
  cancelRequest,
  fileRequest,
  getRequest,
  listRequests,
  openRequestsForMatching,
  rejectRequest,
  type NewRequest,
  type RequestView,
  type ReviewResult,
} from "./request.server";
import { getSessionUser, insertUser, setUserLocale, type SessionUser } from "./user.server";
import { certifyDevice, recordWipe, validateWipe } from "./wipe.server";

const minute = 60 * 1000;
/** A clock that only moves forward, so that wipes always come after the collection they follow. */
let clock = Date.UTC(2026, 9, 1, 9, 0, 0);
function tick(): number {
  clock += minute;
  return clock;
}

type Person = { user: SessionUser; actor: UserActor };

let people = 0;

function person(role: Role, organizationId: number, name: string, locale?: "en" | "nl"): Person {
  people += 1;
  const userId = insertUser({ email: `${name.toLowerCase().replaceAll(" ", ".")}.${people}@demo.city`, name, role, organizationId, passwordHash: "x" });
  if (locale) setUserLocale(userId, locale);
  const user = getSessionUser(userId);
  if (!user) throw new Error("The person was not stored");
  return { user, actor: { kind: "user", userId, role, organizationId, organizationStatus: "approved" } };
}

let itServiceId: number;
let parksId: number;
let socialId: number;
let schoolId: number;
let nonprofitId: number;

let coordinator: Person;
let performer: Person;
let validator: Person;
let parksStaff: Person;
let teacher: Person;
let colleague: Person;
let englishTeacher: Person;
let nonprofitWorker: Person;
let employee: Person;
let otherEmployee: Person;

beforeAll(() => {
  itServiceId = insertOrganization({ name: "IT service", kind: "it_service", status: "approved" });
  parksId = insertOrganization({ name: "Parks department", kind: "department", status: "approved" });
  socialId = insertOrganization({ name: "Sociaal Huis", kind: "department", status: "approved" });
  schoolId = insertOrganization({ name: "Sunny Hill School", kind: "school", status: "approved" });
  nonprofitId = insertOrganization({ name: "Repair Café", kind: "nonprofit", status: "approved" });
  coordinator = person("coordinator", itServiceId, "Cora Coordinator");
  performer = person("technician", itServiceId, "Petra Performer");
  validator = person("technician", itServiceId, "Victor Validator");
  parksStaff = person("department", parksId, "Dora Department");
  teacher = person("recipient", schoolId, "Tom Teacher");
  colleague = person("recipient", schoolId, "Carla Colleague");
  englishTeacher = person("recipient", schoolId, "Emma English", "en");
  nonprofitWorker = person("recipient", nonprofitId, "Nina Nonprofit");
  employee = person("employee", socialId, "Eva Employee");
  otherEmployee = person("employee", socialId, "Otto Employee");
});

function newRequest(overrides: Partial<NewRequest> = {}): NewRequest {
  return {
    type: "laptop",
    quantity: 3,
    minRamGb: 4,
    minStorageGb: 128,
    minScreenInches: null,
    keyboardLayout: "any",
    purpose: "Homework club laptops",
    beneficiaries: 30,
    neededBy: "2027-01-31",
    ...overrides,
  };
}

function file(by: Person, overrides: Partial<NewRequest> = {}): RequestView {
  return fileRequest(by.user, newRequest(overrides));
}

function expectReviewed(result: ReviewResult): RequestView {
  if (!result.ok) throw new Error(`Expected a review, got ${JSON.stringify(result)}`);
  return result.request;
}

function approved(by: Person, overrides: Partial<NewRequest> = {}, priority = 50): RequestView {
  return expectReviewed(approveRequest(file(by, overrides).id, priority, coordinator.user.id, tick()));
}

function statusOf(requestId: number) {
  return getRequest(requestId)?.status;
}

function notificationCount(): number {
  return db.select({ total: count() }).from(notifications).get()?.total ?? 0;
}

function outboxCount(): number {
  return db.select({ total: count() }).from(outboxEmails).get()?.total ?? 0;
}

function mailFor(who: Person) {
  return listOutbox().filter((email) => email.toAddress === who.user.email);
}

// Devices, for the parts of a request's life that need one (reserved, fulfilled).

let deviceCounter = 0;

/** The device after a successful change; any refusal fails the test with its reason. */
function expectOk(result: { ok: true; device: DeviceDetail } | { ok: false }): DeviceDetail {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result.device;
}

/** A laptop registered, collected, wiped (performed and validated by two technicians), certified and listed. */
function listedLaptop(overrides: Partial<DeviceInput> = {}): DeviceDetail {
  deviceCounter += 1;
  const n = String(deviceCounter).padStart(4, "0");
  const input: DeviceInput = {
    assetTag: `REQ-${n}`,
    serial: `RSN-${n}`,
    manufacturer: "Lenovo",
    model: "ThinkPad T480",
    type: "laptop",
    ramGb: 8,
    storageGb: 256,
    keyboardLayout: "AZERTY-BE",
    media: [{ serial: `RDRV-${n}`, kind: "SSD", capacityGb: 256 }],
    ...overrides,
  };
  const device = expectOk(registerDevice(input, parksId, parksStaff.actor, tick()));
  expectOk(applyTransition(device.id, { action: "collect", itServiceId }, performer.actor, tick()));
  for (const medium of device.media) {
    const recorded = recordWipe(
      device.id,
      medium.id,
      { method: "clear", technique: "overwrite", rounds: 1, tool: "nwipe", toolVersion: "0.35", verification: "full", result: "pass" },
      performer.user.id,
      tick(),
    );
    if (!recorded.ok) throw new Error(`Expected a wipe record, got ${JSON.stringify(recorded)}`);
    const validated = validateWipe(recorded.record.id, validator.user.id, tick());
    if (!validated.ok) throw new Error(`Expected a validation, got ${JSON.stringify(validated)}`);
  }
  expectOk(certifyDevice(device.id, performer.actor, tick()));
  return expectOk(applyTransition(device.id, { action: "list", grade: "B" }, performer.actor, tick()));
}

function reserve(deviceId: number, requestId: number): DeviceDetail {
  return expectOk(confirmMatch(deviceId, requestId, coordinator.actor, tick()));
}

function handOver(deviceId: number): DeviceDetail {
  return expectOk(recordHandover(deviceId, "Tom Teacher", performer.actor, null, tick()));
}

describe("fileRequest", () => {
  test("a school's request is submitted on behalf of the organization, with its fields as given", () => {
    const request = fileRequest(teacher.user, newRequest({ purpose: "  Laptops for the homework club  ", keyboardLayout: "   ", minScreenInches: 13.3 }));

    expect(request).toMatchObject({
      organizationId: schoolId,
      organizationName: "Sunny Hill School",
      requesterId: teacher.user.id,
      requesterName: "Tom Teacher",
      requesterKind: "organization",
      status: "submitted",
      type: "laptop",
      quantity: 3,
      minRamGb: 4,
      minStorageGb: 128,
      minScreenInches: 13.3,
      purpose: "Laptops for the homework club",
      keyboardLayout: "any",
      beneficiaries: 30,
      neededBy: "2027-01-31",
      priority: null,
      rejectionReason: null,
      reviewedAt: null,
      fulfilled: 0,
      reserved: 0,
    });
    expect(getRequest(request.id)).toEqual(request);
  });

  test("a nonprofit's request is an organization request too; an employee's is personal", () => {
    const nonprofitRequest = file(nonprofitWorker, { keyboardLayout: " QWERTY-US " });
    expect(nonprofitRequest).toMatchObject({ requesterKind: "organization", organizationId: nonprofitId, status: "submitted", keyboardLayout: "QWERTY-US" });

    const personal = file(employee, { quantity: 1, purpose: "Working from home" });
    expect(personal).toMatchObject({
      requesterKind: "employee",
      requesterId: employee.user.id,
      requesterName: "Eva Employee",
      organizationId: socialId,
      organizationName: "Sociaal Huis",
      status: "submitted",
      quantity: 1,
    });
  });

  test("every request gets its own id", () => {
    const first = file(teacher);
    const second = file(teacher);
    expect(second.id).toBeGreaterThan(first.id);
    expect(getRequest(first.id)?.id).toBe(first.id);
    expect(getRequest(987654)).toBeNull();
  });
});

describe("listRequests", () => {
  // Organizations and people of their own, so that the lists are exactly known.
  let riverSchool: Person;
  let riverColleague: Person;
  let hillSchool: Person;
  let clerk: Person;
  let clerkColleague: Person;
  let scoped: { river: RequestView[]; hill: RequestView[]; clerk: RequestView[]; clerkColleague: RequestView[] };

  beforeAll(() => {
    const riverId = insertOrganization({ name: "River School", kind: "school", status: "approved" });
    const hillId = insertOrganization({ name: "Hill Youth Club", kind: "nonprofit", status: "approved" });
    const libraryId = insertOrganization({ name: "Library department", kind: "department", status: "approved" });
    riverSchool = person("recipient", riverId, "Rita River");
    riverColleague = person("recipient", riverId, "Rob River");
    hillSchool = person("recipient", hillId, "Hugo Hill");
    clerk = person("employee", libraryId, "Clara Clerk");
    clerkColleague = person("employee", libraryId, "Cees Clerk");
    scoped = {
      river: [file(riverSchool), file(riverColleague, { type: "tablet" }), file(riverSchool, { type: "desktop" })],
      hill: [file(hillSchool)],
      clerk: [file(clerk, { quantity: 1 })],
      clerkColleague: [file(clerkColleague, { quantity: 1 })],
    };
  });

  const ids = (requests: { id: number }[]) => requests.map((request) => request.id).sort((a, b) => a - b);

  test("a coordinator sees every request, and the total counts them all", () => {
    const everything = db.select({ id: deviceRequests.id }).from(deviceRequests).all();
    const list = listRequests(coordinator.user);
    expect(ids(list.items)).toEqual(ids(everything));
    expect(list.total).toBe(everything.length);
    for (const request of Object.values(scoped).flat()) expect(list.items.map((item) => item.id)).toContain(request.id);
  });

  test("a recipient sees their organization's requests, including a colleague's, and no one else's", () => {
    for (const member of [riverSchool, riverColleague]) {
      const list = listRequests(member.user);
      expect(ids(list.items)).toEqual(ids(scoped.river));
      expect(list.total).toBe(3);
      expect(list.items.every((item) => item.organizationId === member.user.organization.id)).toBe(true);
    }
    expect(ids(listRequests(hillSchool.user).items)).toEqual(ids(scoped.hill));
  });

  test("an employee sees only their own requests, not a colleague's of the same department", () => {
    expect(ids(listRequests(clerk.user).items)).toEqual(ids(scoped.clerk));
    expect(listRequests(clerk.user).total).toBe(1);
    expect(ids(listRequests(clerkColleague.user).items)).toEqual(ids(scoped.clerkColleague));
  });

  test("staff who file no requests see none", () => {
    expect(listRequests(parksStaff.user)).toEqual({ items: [], total: 0 });
    expect(listRequests(performer.user)).toEqual({ items: [], total: 0 });
  });

  test("newest first", () => {
    const list = listRequests(riverSchool.user).items.map((item) => item.id);
    expect(list).toEqual([...list].sort((a, b) => b - a));
  });

  test("the status filter narrows the list and its total, within the person's scope", () => {
    const [first, second, third] = scoped.river;
    expectReviewed(approveRequest(first!.id, 40, coordinator.user.id, tick()));
    expectReviewed(rejectRequest(second!.id, "Tablets are not available", coordinator.user.id, tick()));

    const approvedForRiver = listRequests(riverSchool.user, { status: "approved" });
    expect(approvedForRiver.items.map((item) => item.id)).toEqual([first!.id]);
    expect(approvedForRiver.total).toBe(1);
    expect(listRequests(riverSchool.user, { status: "rejected" }).items.map((item) => item.id)).toEqual([second!.id]);
    expect(listRequests(riverSchool.user, { status: "submitted" })).toMatchObject({ total: 1, items: [{ id: third!.id }] });
    expect(listRequests(riverSchool.user, { status: "fulfilled" })).toEqual({ items: [], total: 0 });
    expect(listRequests(hillSchool.user, { status: "approved" })).toEqual({ items: [], total: 0 });

    const allApproved = listRequests(coordinator.user, { status: "approved" });
    expect(allApproved.items.map((item) => item.id)).toContain(first!.id);
    expect(allApproved.items.every((item) => item.status === "approved")).toBe(true);
    expect(allApproved.total).toBe(allApproved.items.length);
    expect(allApproved.total).toBe(db.select({ total: count() }).from(deviceRequests).where(eq(deviceRequests.status, "approved")).get()?.total);
  });
});

describe("approveRequest and rejectRequest", () => {
  test("approving stores the status, the priority, the reviewer and the time", () => {
    const request = file(teacher);
    const at = tick();
    const result = expectReviewed(approveRequest(request.id, 70, coordinator.user.id, at));
    expect(result).toMatchObject({ id: request.id, status: "approved", priority: 70, rejectionReason: null });
    expect(result.reviewedAt?.getTime()).toBe(at);
    expect(getRequest(request.id)).toEqual(result);
    const row = db.select().from(deviceRequests).where(eq(deviceRequests.id, request.id)).get();
    expect(row?.reviewedById).toBe(coordinator.user.id);
  });

  test("rejecting stores the status and the reason (trimmed)", () => {
    const request = file(teacher);
    const result = expectReviewed(rejectRequest(request.id, "  We have no desktops this term  ", coordinator.user.id, tick()));
    expect(result).toMatchObject({ status: "rejected", rejectionReason: "We have no desktops this term", priority: null });
    expect(result.reviewedAt).not.toBeNull();
  });

  test("only a submitted request is reviewed: a second review is refused and changes nothing", () => {
    const approvedOnce = file(teacher);
    const firstAt = tick();
    expectReviewed(approveRequest(approvedOnce.id, 70, coordinator.user.id, firstAt));
    const [notificationsBefore, outboxBefore] = [notificationCount(), outboxCount()];

    expect(approveRequest(approvedOnce.id, 10, coordinator.user.id, tick())).toEqual({ ok: false, reason: "not-submitted" });
    expect(rejectRequest(approvedOnce.id, "Changed my mind", coordinator.user.id, tick())).toEqual({ ok: false, reason: "not-submitted" });
    const after = getRequest(approvedOnce.id);
    expect(after).toMatchObject({ status: "approved", priority: 70, rejectionReason: null });
    expect(after?.reviewedAt?.getTime()).toBe(firstAt);

    const rejectedOnce = file(teacher);
    expectReviewed(rejectRequest(rejectedOnce.id, "Out of scope", coordinator.user.id, tick()));
    const [notificationsMid, outboxMid] = [notificationCount(), outboxCount()];
    expect(approveRequest(rejectedOnce.id, 90, coordinator.user.id, tick())).toEqual({ ok: false, reason: "not-submitted" });
    expect(rejectRequest(rejectedOnce.id, "Again", coordinator.user.id, tick())).toEqual({ ok: false, reason: "not-submitted" });
    expect(getRequest(rejectedOnce.id)).toMatchObject({ status: "rejected", rejectionReason: "Out of scope", priority: null });

    // The refused reviews told no one anything.
    expect(notificationCount()).toBe(notificationsMid);
    expect(outboxCount()).toBe(outboxMid);
    expect(notificationsMid).toBe(notificationsBefore + 1);
    expect(outboxMid).toBe(outboxBefore + 1);
  });

  test("a cancelled request cannot be reviewed", () => {
    const request = file(teacher);
    expect(cancelRequest(request.id, teacher.user)).toEqual({ ok: true });
    expect(approveRequest(request.id, 50, coordinator.user.id, tick())).toEqual({ ok: false, reason: "not-submitted" });
    expect(statusOf(request.id)).toBe("cancelled");
  });

  test("an unknown request is not-found", () => {
    const [notificationsBefore, outboxBefore] = [notificationCount(), outboxCount()];
    expect(approveRequest(987654, 50, coordinator.user.id, tick())).toEqual({ ok: false, reason: "not-found" });
    expect(rejectRequest(987654, "No", coordinator.user.id, tick())).toEqual({ ok: false, reason: "not-found" });
    expect([notificationCount(), outboxCount()]).toEqual([notificationsBefore, outboxBefore]);
  });

  test("approval notifies the requester in the app and by e-mail in Dutch by default", () => {
    const request = file(teacher);
    const colleagueNotificationsBefore = listNotifications(colleague.user.id).length;
    expectReviewed(approveRequest(request.id, 70, coordinator.user.id, tick()));

    const [latest] = listNotifications(teacher.user.id, 1);
    expect(latest).toMatchObject({
      kind: "requestApproved",
      values: { request: `#${request.id}`, priority: "70", reason: "" },
      link: "/requests",
      read: false,
    });

    const [mail] = mailFor(teacher);
    expect(mail?.subject).toBe(`Aanvraag #${request.id} is goedgekeurd (prioriteit 70)`);
    expect(mail?.body).toContain(`Uw aanvraag #${request.id} voor toestellen is goedgekeurd met prioriteit 70.`);
    expect(mail?.sentAt).toBeNull();
    // Only the requester hears about it, not a colleague of the same school.
    expect(listNotifications(colleague.user.id)).toHaveLength(colleagueNotificationsBefore);
    expect(mailFor(colleague).some((email) => email.subject.includes(`#${request.id}`))).toBe(false);
  });

  test("rejection notifies the requester with the reason, in English when they chose English", () => {
    const request = file(englishTeacher);
    expectReviewed(rejectRequest(request.id, " Only desktops this term ", coordinator.user.id, tick()));

    const [latest] = listNotifications(englishTeacher.user.id, 1);
    expect(latest).toMatchObject({
      kind: "requestRejected",
      values: { request: `#${request.id}`, reason: "Only desktops this term", priority: "" },
      link: "/requests",
    });

    const [mail] = mailFor(englishTeacher);
    expect(mail?.subject).toBe(`Request #${request.id} is not approved`);
    expect(mail?.body).toBe(`Your request #${request.id} was not approved. Reason: Only desktops this term`);
  });

  test("an English-speaking requester's approval and a Dutch-speaking requester's rejection", () => {
    const english = file(englishTeacher);
    expectReviewed(approveRequest(english.id, 30, coordinator.user.id, tick()));
    expect(mailFor(englishTeacher)[0]?.subject).toBe(`Request #${english.id} is approved (priority 30)`);
    expect(listNotifications(englishTeacher.user.id, 1)[0]?.kind).toBe("requestApproved");

    const dutch = file(employee, { quantity: 1 });
    expectReviewed(rejectRequest(dutch.id, "Geen laptops meer", coordinator.user.id, tick()));
    const [mail] = mailFor(employee);
    expect(mail?.subject).toBe(`Aanvraag #${dutch.id} is niet goedgekeurd`);
    expect(mail?.body).toBe(`Uw aanvraag #${dutch.id} werd niet goedgekeurd. Reden: Geen laptops meer`);
    expect(listNotifications(employee.user.id, 1)[0]).toMatchObject({
      kind: "requestRejected",
      values: { request: `#${dutch.id}`, reason: "Geen laptops meer" },
    });
  });
});

describe("cancelRequest", () => {
  test("the requester cancels their own submitted or approved request, once", () => {
    const submitted = file(teacher);
    expect(cancelRequest(submitted.id, teacher.user)).toEqual({ ok: true });
    expect(statusOf(submitted.id)).toBe("cancelled");
    expect(cancelRequest(submitted.id, teacher.user)).toEqual({ ok: false, reason: "not-cancellable" });

    const request = approved(employee, { quantity: 1 });
    expect(cancelRequest(request.id, employee.user)).toEqual({ ok: true });
    expect(statusOf(request.id)).toBe("cancelled");
  });

  test("no one cancels a request they cannot see", () => {
    const schoolRequest = file(teacher);
    const personal = file(employee, { quantity: 1 });

    expect(cancelRequest(schoolRequest.id, nonprofitWorker.user)).toEqual({ ok: false, reason: "not-found" });
    expect(cancelRequest(schoolRequest.id, employee.user)).toEqual({ ok: false, reason: "not-found" });
    expect(cancelRequest(personal.id, otherEmployee.user)).toEqual({ ok: false, reason: "not-found" });
    expect(cancelRequest(personal.id, teacher.user)).toEqual({ ok: false, reason: "not-found" });
    expect(cancelRequest(personal.id, parksStaff.user)).toEqual({ ok: false, reason: "not-found" });
    expect(statusOf(schoolRequest.id)).toBe("submitted");
    expect(statusOf(personal.id)).toBe("submitted");
    expect(cancelRequest(987654, teacher.user)).toEqual({ ok: false, reason: "not-found" });

    // A school's request belongs to the school: a colleague may withdraw it.
    expect(cancelRequest(schoolRequest.id, colleague.user)).toEqual({ ok: true });
    expect(statusOf(schoolRequest.id)).toBe("cancelled");
  });

  test("a rejected request cannot be cancelled", () => {
    const request = file(teacher);
    expectReviewed(rejectRequest(request.id, "No", coordinator.user.id, tick()));
    expect(cancelRequest(request.id, teacher.user)).toEqual({ ok: false, reason: "not-cancellable" });
    expect(statusOf(request.id)).toBe("rejected");
  });

  test("not while a device is reserved for it; again once the reservation is released", () => {
    const request = approved(teacher, { quantity: 2 });
    const device = listedLaptop();
    reserve(device.id, request.id);
    expect(getRequest(request.id)?.reserved).toBe(1);

    expect(cancelRequest(request.id, teacher.user)).toEqual({ ok: false, reason: "not-cancellable" });
    expect(statusOf(request.id)).toBe("approved");

    expectOk(releaseReservation(device.id, "School closed for the week", coordinator.actor, tick()));
    expect(getRequest(request.id)?.reserved).toBe(0);
    expect(cancelRequest(request.id, teacher.user)).toEqual({ ok: true });
    expect(statusOf(request.id)).toBe("cancelled");
  });

  test("a partly fulfilled request can be cancelled (nothing reserved); a fulfilled one cannot", () => {
    const partly = approved(teacher, { quantity: 2 });
    const first = listedLaptop();
    reserve(first.id, partly.id);
    handOver(first.id);
    expect(getRequest(partly.id)).toMatchObject({ status: "partly-fulfilled", fulfilled: 1, reserved: 0 });
    expect(cancelRequest(partly.id, teacher.user)).toEqual({ ok: true });
    expect(getRequest(partly.id)).toMatchObject({ status: "cancelled", fulfilled: 1 });

    const whole = approved(teacher, { quantity: 1 });
    const second = listedLaptop();
    reserve(second.id, whole.id);
    handOver(second.id);
    expect(statusOf(whole.id)).toBe("fulfilled");
    expect(cancelRequest(whole.id, teacher.user)).toEqual({ ok: false, reason: "not-cancellable" });
    expect(statusOf(whole.id)).toBe("fulfilled");
  });
});

describe("openRequestsForMatching", () => {
  test("only approved and partly fulfilled requests with open slots, with their count of open slots", () => {
    const submitted = file(nonprofitWorker);
    const rejected = file(nonprofitWorker);
    expectReviewed(rejectRequest(rejected.id, "No", coordinator.user.id, tick()));
    const cancelled = approved(nonprofitWorker);
    expect(cancelRequest(cancelled.id, nonprofitWorker.user)).toEqual({ ok: true });
    const open = approved(nonprofitWorker, { quantity: 4 });

    // Partly fulfilled, with one more reserved: 3 − 1 − 1 = 1 open slot.
    const partly = approved(nonprofitWorker, { quantity: 3 });
    const [handedOver, held] = [listedLaptop(), listedLaptop()];
    reserve(handedOver.id, partly.id);
    handOver(handedOver.id);
    reserve(held.id, partly.id);
    expect(getRequest(partly.id)).toMatchObject({ status: "partly-fulfilled", fulfilled: 1, reserved: 1 });

    // Approved but every slot reserved: nothing open.
    const allReserved = approved(nonprofitWorker, { quantity: 1 });
    reserve(listedLaptop().id, allReserved.id);
    // Fulfilled.
    const fulfilled = approved(nonprofitWorker, { quantity: 1 });
    const fulfilledDevice = listedLaptop();
    reserve(fulfilledDevice.id, fulfilled.id);
    handOver(fulfilledDevice.id);
    expect(statusOf(fulfilled.id)).toBe("fulfilled");

    const openIds = new Map(openRequestsForMatching().map((request) => [request.id, request.openSlots]));
    expect(openIds.get(open.id)).toBe(4);
    expect(openIds.get(partly.id)).toBe(1);
    for (const closed of [submitted, rejected, cancelled, allReserved, fulfilled]) expect(openIds.has(closed.id)).toBe(false);
    for (const request of openRequestsForMatching()) {
      expect(["approved", "partly-fulfilled"]).toContain(request.status);
      expect(request.openSlots).toBeGreaterThan(0);
      expect(request.openSlots).toBe(request.quantity - request.fulfilled - request.reserved);
    }
  });
});
