// The priority rubric through the request commands: a school or nonprofit answers its questions when
// filing, the request keeps the answers and the computed priority, and approving with another
// priority needs a reason.
import { beforeAll, describe, expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { parseRubricAnswers } from "~/domain/priority-rubric";
import { commandValue, createActor, createOrganization, lifecycleCast, requestInput } from "~/test/factories";
import { approveRequest } from "./approve-request.server";
import { fileRequest } from "./file-request.server";

let coordinator: UserActor;
let teacher: UserActor;
let volunteer: UserActor;
let employee: UserActor;

const filedAt = Date.UTC(2026, 11, 1, 9, 0, 0);
const inTwoMonths = "2027-02-01";

beforeAll(() => {
  coordinator = lifecycleCast().coordinator;
  teacher = createActor("recipient", createOrganization("school"));
  volunteer = createActor("recipient", createOrganization("nonprofit"));
  employee = createActor("employee");
});

describe("the rubric when filing a request", () => {
  test("a school's answers are kept with the priority the rubric computes", () => {
    const request = commandValue(
      fileRequest(teacher, requestInput({ neededBy: inTwoMonths, pupilsWithoutDevice: 30, disadvantagedSharePercent: 60 }), { now: filedAt }),
    );
    expect(parseRubricAnswers(request.rubricAnswers)).toEqual({ kind: "school", pupilsWithoutDevice: 30, disadvantagedSharePercent: 60 });
    expect(request.rubricPriority).toBe(60);
    expect(request.priority).toBeNull();
  });

  test("a nonprofit's answers: people served and whether they are vulnerable; needed soon adds the urgency points", () => {
    const request = commandValue(
      fileRequest(volunteer, requestInput({ neededBy: "2026-12-20", peopleServed: 12, vulnerable: true, pupilsWithoutDevice: 500 }), { now: filedAt }),
    );
    expect(parseRubricAnswers(request.rubricAnswers)).toEqual({ kind: "nonprofit", peopleServed: 12, vulnerable: true });
    expect(request.rubricPriority).toBe(80);
  });

  test("an old body without answers stays valid: no rubric priority; half the answers is refused", () => {
    const request = commandValue(fileRequest(teacher, requestInput(), { now: filedAt }));
    expect(request).toMatchObject({ rubricAnswers: null, rubricPriority: null });
    expect(fileRequest(teacher, requestInput({ pupilsWithoutDevice: 4 }), { now: filedAt })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { disadvantagedSharePercent: ["errors.required"] },
    });
  });

  test("an employee's request is not scored by the rubric, whatever it sends", () => {
    const request = commandValue(
      fileRequest(employee, requestInput({ quantity: 1, pupilsWithoutDevice: 30, disadvantagedSharePercent: 90 }), { now: filedAt }),
    );
    expect(request).toMatchObject({ rubricAnswers: null, rubricPriority: null });
  });
});

describe("approving with the rubric's priority", () => {
  const schoolRequest = () =>
    commandValue(fileRequest(teacher, requestInput({ neededBy: inTwoMonths, pupilsWithoutDevice: 30, disadvantagedSharePercent: 60 }), { now: filedAt }));

  test("the rubric's priority is approved as it is, without a reason", () => {
    const approved = commandValue(approveRequest(coordinator, { requestId: schoolRequest().id, priority: 60 }));
    expect(approved).toMatchObject({ status: "approved", priority: 60, rubricPriority: 60, priorityReason: null });
  });

  test("another priority needs a reason, which is kept", () => {
    const request = schoolRequest();
    expect(approveRequest(coordinator, { requestId: request.id, priority: 75 })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { priorityReason: ["errors.request.priorityReasonRequired"] },
    });
    expect(approveRequest(coordinator, { requestId: request.id, priority: 75, priorityReason: "   " })).toMatchObject({ ok: false, reason: "invalid-input" });
    const approved = commandValue(approveRequest(coordinator, { requestId: request.id, priority: 75, priorityReason: " Two classes share one laptop " }));
    expect(approved).toMatchObject({ priority: 75, rubricPriority: 60, priorityReason: "Two classes share one laptop" });
  });

  test("a request without a rubric priority (an employee's) takes any priority without a reason", () => {
    const request = commandValue(fileRequest(employee, requestInput({ quantity: 1 }), { now: filedAt }));
    expect(commandValue(approveRequest(coordinator, { requestId: request.id, priority: 0 }))).toMatchObject({ priority: 0, priorityReason: null });
  });

  test("only a coordinator approves, before anything else is checked", () => {
    expect(approveRequest(teacher, { requestId: schoolRequest().id, priority: 10 })).toEqual({ ok: false, reason: "forbidden" });
  });
});
