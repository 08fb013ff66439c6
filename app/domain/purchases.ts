// An employee's purchase and what Stripe's events do to it (issue 12). Events may arrive in any order
// and more than once: each is applied to the purchase as it stands, and says whether it changed it and
// whether the reserved device goes back to the shelf. Money decides: once paid, a late expiry or
// failure changes nothing; only a refund (the coordinator's, through Stripe) ends a paid purchase.

export const purchaseStatuses = ["pending", "paid", "expired", "failed", "refunded"] as const;
export type PurchaseStatus = (typeof purchaseStatuses)[number];

export const paymentEventKinds = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
] as const;
export type PaymentEventKind = (typeof paymentEventKinds)[number];

export type PaymentEvent =
  | { kind: "checkout.session.completed"; paymentStatus: "paid" | "unpaid" | "no_payment_required" }
  | { kind: Exclude<PaymentEventKind, "checkout.session.completed"> };

export type PaymentOutcome = { status: PurchaseStatus; changed: boolean; releaseDevice: boolean };

function unchanged(status: PurchaseStatus): PaymentOutcome {
  return { status, changed: false, releaseDevice: false };
}

/** The purchase after one of Stripe's events. */
export function applyPaymentEvent(status: PurchaseStatus, event: PaymentEvent): PaymentOutcome {
  if (status === "paid" || status === "refunded") return unchanged(status);
  const paid = event.kind === "checkout.session.async_payment_succeeded" || (event.kind === "checkout.session.completed" && event.paymentStatus === "paid");
  // The device was released when the purchase expired or failed: a payment that still arrives is recorded, not released again.
  if (paid) return { status: "paid", changed: true, releaseDevice: false };
  if (status !== "pending") return unchanged(status);
  if (event.kind === "checkout.session.expired") return { status: "expired", changed: true, releaseDevice: true };
  if (event.kind === "checkout.session.async_payment_failed") return { status: "failed", changed: true, releaseDevice: true };
  return unchanged(status);
}

/** Whether a purchase counts towards the one-per-period limit: one that expired, failed or was refunded does not. */
export function countsTowardsLimit(status: PurchaseStatus): boolean {
  return status === "pending" || status === "paid";
}
