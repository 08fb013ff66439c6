import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyPaymentEvent, countsTowardsLimit, paymentEventKinds, purchaseStatuses, type PaymentEvent, type PurchaseStatus } from "./purchases";

const completedPaid: PaymentEvent = { kind: "checkout.session.completed", paymentStatus: "paid" };
const completedUnpaid: PaymentEvent = { kind: "checkout.session.completed", paymentStatus: "unpaid" };
const asyncSucceeded: PaymentEvent = { kind: "checkout.session.async_payment_succeeded" };
const asyncFailed: PaymentEvent = { kind: "checkout.session.async_payment_failed" };
const expired: PaymentEvent = { kind: "checkout.session.expired" };

describe("a purchase's status from Stripe's events", () => {
  it("a completed, paid session marks it paid; the device stays reserved for its handover", () => {
    expect(applyPaymentEvent("pending", completedPaid)).toEqual({ status: "paid", changed: true, releaseDevice: false });
  });

  it("a completed session still waiting for a Bancontact or bank payment stays pending until the async result", () => {
    expect(applyPaymentEvent("pending", completedUnpaid)).toEqual({ status: "pending", changed: false, releaseDevice: false });
    expect(applyPaymentEvent("pending", asyncSucceeded)).toEqual({ status: "paid", changed: true, releaseDevice: false });
    expect(applyPaymentEvent("pending", asyncFailed)).toEqual({ status: "failed", changed: true, releaseDevice: true });
  });

  it("an expired session releases the device", () => {
    expect(applyPaymentEvent("pending", expired)).toEqual({ status: "expired", changed: true, releaseDevice: true });
  });

  it("an expiry or a failure that arrives after the payment changes nothing", () => {
    expect(applyPaymentEvent("paid", expired)).toEqual({ status: "paid", changed: false, releaseDevice: false });
    expect(applyPaymentEvent("paid", asyncFailed)).toEqual({ status: "paid", changed: false, releaseDevice: false });
  });

  it("the same event twice changes nothing the second time", () => {
    for (const event of [completedPaid, asyncSucceeded, asyncFailed, expired]) {
      const first = applyPaymentEvent("pending", event);
      expect(applyPaymentEvent(first.status, event)).toEqual({ status: first.status, changed: false, releaseDevice: false });
    }
  });

  it("a refunded purchase stays refunded whatever arrives late", () => {
    for (const kind of paymentEventKinds) {
      const event: PaymentEvent = kind === "checkout.session.completed" ? completedPaid : { kind };
      expect(applyPaymentEvent("refunded", event)).toEqual({ status: "refunded", changed: false, releaseDevice: false });
    }
  });

  it("a payment after an expiry is recorded as paid (the money came), without a second release", () => {
    // Stripe does not take payment on an expired session; should its events cross, the money decides.
    expect(applyPaymentEvent("expired", completedPaid)).toEqual({ status: "paid", changed: true, releaseDevice: false });
  });

  it("in any order and any repetition, the device is released at most once, and never once paid", () => {
    const events = fc.constantFrom(completedPaid, completedUnpaid, asyncSucceeded, asyncFailed, expired);
    fc.assert(
      fc.property(fc.array(events, { maxLength: 12 }), (sequence) => {
        let status: PurchaseStatus = "pending";
        let releases = 0;
        let everPaid = false;
        for (const event of sequence) {
          const outcome = applyPaymentEvent(status, event);
          if (outcome.releaseDevice) {
            releases += 1;
            expect(everPaid).toBe(false);
          }
          status = outcome.status;
          everPaid ||= status === "paid";
          if (everPaid) expect(status).toBe("paid");
        }
        expect(releases).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("the fairness limit", () => {
  it("counts pending and paid purchases, not expired, failed or refunded ones", () => {
    expect(purchaseStatuses.filter(countsTowardsLimit)).toEqual(["pending", "paid"]);
  });
});
