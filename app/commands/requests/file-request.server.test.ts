import { count } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { deviceRequests } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { getRequest } from "~/models/request.server";
import { createActor, createOrganization, requestInput } from "~/test/factories";
import { fileRequest } from "./file-request.server";

let schoolId: number;
let teacher: UserActor;

beforeAll(() => {
  schoolId = createOrganization("school", "approved", "Sunny Hill School");
  teacher = createActor("recipient", schoolId);
});

function requestCount(): number {
  return db.select({ total: count() }).from(deviceRequests).get()?.total ?? 0;
}

describe("fileRequest", () => {
  test("a school's member files for the organization: submitted, with the fields as given (purpose trimmed, no layout is any)", () => {
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);
    const result = fileRequest(teacher, requestInput({ purpose: "  Laptops for the homework club  ", keyboardLayout: "   ", minScreenInches: 13.3 }), {
      now: at,
    });
    if (!result.ok) throw new Error(result.reason);

    expect(result.value).toMatchObject({
      organizationId: schoolId,
      organizationName: "Sunny Hill School",
      requesterId: teacher.userId,
      requesterKind: "organization",
      status: "submitted",
      type: "laptop",
      quantity: 3,
      minScreenInches: 13.3,
      purpose: "Laptops for the homework club",
      keyboardLayout: "any",
      priority: null,
      reviewedAt: null,
      fulfilled: 0,
      reserved: 0,
    });
    expect(result.value.createdAt.getTime()).toBe(at);
    expect(getRequest(result.value.id)).toEqual(result.value);
  });

  test("a nonprofit's request is the organization's too; an employee's one device is their own", () => {
    const nonprofitWorker = createActor("recipient", createOrganization("nonprofit"));
    const nonprofitRequest = fileRequest(nonprofitWorker, requestInput({ keyboardLayout: " QWERTY-US " }));
    expect(nonprofitRequest.ok && nonprofitRequest.value).toMatchObject({ requesterKind: "organization", keyboardLayout: "QWERTY-US" });

    const employee = createActor("employee");
    const personal = fileRequest(employee, requestInput({ quantity: 1 }));
    expect(personal.ok && personal.value).toMatchObject({
      requesterKind: "employee",
      requesterId: employee.userId,
      organizationId: employee.organizationId,
      quantity: 1,
    });
  });

  test("an employee asking for more than one device is told so at the quantity, and nothing is filed", () => {
    const before = requestCount();
    expect(fileRequest(createActor("employee"), requestInput({ quantity: 2 }))).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { quantity: ["errors.request.employeeOneDevice"] },
    });
    expect(requestCount()).toBe(before);
  });

  test("staff who receive nothing, and members of a school still pending, may not file", () => {
    const before = requestCount();
    const pendingMember = createActor("recipient", createOrganization("school", "pending"), "pending");
    for (const actor of [createActor("coordinator"), createActor("technician"), createActor("department"), pendingMember]) {
      expect(fileRequest(actor, requestInput())).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(requestCount()).toBe(before);
  });
});
