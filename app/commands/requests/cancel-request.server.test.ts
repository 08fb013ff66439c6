import { beforeAll, describe, expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { getRequest } from "~/models/request.server";
import { approvedRequest, commandValue, createActor, createOrganization, deviceInState, lifecycleCast, submittedRequest } from "~/test/factories";
import { confirmMatch } from "../matches/confirm-match.server";
import { handOverDevice } from "../devices/hand-over-device.server";
import { releaseDevice } from "../devices/release-device.server";
import { cancelRequest } from "./cancel-request.server";
import { rejectRequest } from "./reject-request.server";

let schoolId: number;
let teacher: UserActor;
let colleague: UserActor;
let employee: UserActor;

beforeAll(() => {
  schoolId = createOrganization("school");
  teacher = createActor("recipient", schoolId);
  colleague = createActor("recipient", schoolId);
  employee = createActor("employee");
});

const statusOf = (requestId: number) => getRequest(requestId)?.status;

describe("cancelRequest", () => {
  test("the requester withdraws a submitted or approved request, once", () => {
    const submitted = submittedRequest(teacher);
    const cancelled = cancelRequest(teacher, { requestId: submitted.id });
    expect(cancelled.ok && cancelled.value.status).toBe("cancelled");
    expect(cancelRequest(teacher, { requestId: submitted.id })).toEqual({ ok: false, reason: "not-cancellable" });

    const personal = approvedRequest(employee, { quantity: 1 });
    expect(cancelRequest(employee, { requestId: personal.id }).ok).toBe(true);
    expect(statusOf(personal.id)).toBe("cancelled");
  });

  test("a school's request belongs to the school: a colleague may withdraw it", () => {
    const request = submittedRequest(teacher);
    expect(cancelRequest(colleague, { requestId: request.id }).ok).toBe(true);
    expect(statusOf(request.id)).toBe("cancelled");
  });

  test("a request outside the person's scope is refused as out of scope, an unknown one as not found", () => {
    const schoolRequest = submittedRequest(teacher);
    const personal = submittedRequest(employee, { quantity: 1 });
    const otherSchool = createActor("recipient", createOrganization("nonprofit"));
    const otherEmployee = createActor("employee", employee.organizationId);

    for (const [actor, requestId] of [
      [otherSchool, schoolRequest.id],
      [employee, schoolRequest.id],
      [otherEmployee, personal.id],
      [teacher, personal.id],
    ] as const) {
      expect(cancelRequest(actor, { requestId })).toEqual({ ok: false, reason: "out-of-scope" });
    }
    expect(cancelRequest(teacher, { requestId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "request" });
    expect([statusOf(schoolRequest.id), statusOf(personal.id)]).toEqual(["submitted", "submitted"]);
  });

  test("withdrawing is the requester's: a coordinator or a technician may not", () => {
    const request = submittedRequest(teacher);
    expect(cancelRequest(lifecycleCast().coordinator, { requestId: request.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(cancelRequest(lifecycleCast().technician, { requestId: request.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(statusOf(request.id)).toBe("submitted");
  });

  test("a rejected request cannot be cancelled", () => {
    const request = submittedRequest(teacher);
    commandValue(rejectRequest(lifecycleCast().coordinator, { requestId: request.id, reason: "No" }));
    expect(cancelRequest(teacher, { requestId: request.id })).toEqual({ ok: false, reason: "not-cancellable" });
    expect(statusOf(request.id)).toBe("rejected");
  });

  test("not while a device is reserved for it; again once the reservation is released", () => {
    const device = deviceInState("reserved", { requester: teacher });
    const requestId = device.requestId!;
    expect(cancelRequest(teacher, { requestId })).toEqual({ ok: false, reason: "not-cancellable" });
    expect(statusOf(requestId)).toBe("approved");

    commandValue(releaseDevice(lifecycleCast().coordinator, { deviceId: device.id, reason: "The school closed for the week" }));
    expect(cancelRequest(teacher, { requestId }).ok).toBe(true);
    expect(statusOf(requestId)).toBe("cancelled");
  });

  test("a partly fulfilled request can be cancelled (nothing reserved); a fulfilled one cannot", () => {
    const { coordinator, technician } = lifecycleCast();
    const partly = approvedRequest(teacher, { quantity: 2, minRamGb: 0, minStorageGb: 0 });
    const first = deviceInState("listed");
    commandValue(confirmMatch(coordinator, { deviceId: first.id, requestId: partly.id }));
    commandValue(handOverDevice(technician, { deviceId: first.id, signedBy: "Tom Teacher" }));
    expect(getRequest(partly.id)).toMatchObject({ status: "partly-fulfilled", fulfilled: 1, reserved: 0 });
    expect(cancelRequest(teacher, { requestId: partly.id }).ok).toBe(true);
    expect(getRequest(partly.id)).toMatchObject({ status: "cancelled", fulfilled: 1 });

    const fulfilled = deviceInState("deployed", { requester: teacher }).requestId!;
    expect(statusOf(fulfilled)).toBe("fulfilled");
    expect(cancelRequest(teacher, { requestId: fulfilled })).toEqual({ ok: false, reason: "not-cancellable" });
    expect(statusOf(fulfilled)).toBe("fulfilled");
  });
});
