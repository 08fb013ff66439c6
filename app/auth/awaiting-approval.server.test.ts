// A member of a school or nonprofit that is not yet approved hears that it waits for approval, not that their role lacks access.
import { expect, test } from "vitest";
import { createActor } from "~/test/factories";
import { signedInRequest } from "~/test/requests";
import { requirePermission } from "./guards.server";

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (thrown) {
    return thrown;
  }
  throw new Error("Expected a refusal");
}

test("a pending school's member is refused a request page with the reason that it awaits approval", async () => {
  const pending = createActor("recipient", undefined, "pending");
  const thrown = await refusalOf(requirePermission(await signedInRequest(pending, "http://circuit.test/requests/new"), "request.create"));
  expect(thrown).toMatchObject({ data: { reason: "awaiting-approval" }, init: { status: 403 } });
});

test("a role that may not do it at all is told so, approved or not", async () => {
  const department = createActor("department");
  const thrown = await refusalOf(requirePermission(await signedInRequest(department, "http://circuit.test/matching"), "match.run"));
  expect(thrown).toMatchObject({ data: { reason: "forbidden" }, init: { status: 403 } });
  const pending = createActor("recipient", undefined, "pending");
  const alsoThrown = await refusalOf(requirePermission(await signedInRequest(pending, "http://circuit.test/matching"), "match.run"));
  expect(alsoThrown).toMatchObject({ data: { reason: "forbidden" } });
});
