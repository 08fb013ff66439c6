import { describe, expect, test } from "vitest";
import { getOutboxEmail } from "~/models/outbox.server";
import { createActor, outboxEmail } from "~/test/factories";
import { resendEmail } from "./resend-email.server";

describe("resendEmail", () => {
  test("a coordinator puts a failed message back in the queue: pending, all attempts again, due now", () => {
    const id = outboxEmail("failed");
    const result = resendEmail(createActor("coordinator"), { emailId: id });
    expect(result).toEqual({ ok: true, value: { id, toAddress: getOutboxEmail(id)!.toAddress } });
    expect(getOutboxEmail(id)).toMatchObject({ status: "pending", attempts: 0, lastError: null, claimToken: null, nextAttemptAt: new Date(0) });
  });

  test("other roles may not", () => {
    const id = outboxEmail("failed");
    expect(resendEmail(createActor("technician"), { emailId: id })).toEqual({ ok: false, reason: "forbidden" });
    expect(getOutboxEmail(id)?.status).toBe("failed");
  });

  test("a message that does not exist", () => {
    expect(resendEmail(createActor("coordinator"), { emailId: 999_999 })).toEqual({ ok: false, reason: "not-found", entity: "email" });
  });

  test.each(["pending", "sending", "sent", "retrying"] as const)("a %s message is not sent again by hand (it would go out twice)", (status) => {
    const id = outboxEmail(status);
    expect(resendEmail(createActor("coordinator"), { emailId: id })).toEqual({ ok: false, reason: "email-not-failed" });
    expect(getOutboxEmail(id)?.status).toBe(status);
  });

  test("two coordinators at once: the second is refused", () => {
    const id = outboxEmail("failed");
    expect(resendEmail(createActor("coordinator"), { emailId: id }).ok).toBe(true);
    expect(resendEmail(createActor("coordinator"), { emailId: id })).toEqual({ ok: false, reason: "email-not-failed" });
  });
});
