// The one module that talks to Stripe (issue 12): settings from STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET
// and STRIPE_API_BASE (tests point the SDK at a stand-in of Stripe's HTTP API), Checkout Sessions for a
// purchase, refunds, and the webhook signature check. Without a secret key, payments are off and callers
// say so; nothing else depends on Stripe.
import Stripe from "stripe";

export type PaymentSettings = { secretKey: string; webhookSecret: string | null; apiBase: URL | null };

/** The settings from the environment, or null when payments are not configured. */
export function paymentSettings(environment: Record<string, string | undefined>): PaymentSettings | null {
  const secretKey = environment.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) return null;
  const base = environment.STRIPE_API_BASE?.trim();
  let apiBase: URL | null = null;
  if (base) {
    apiBase = new URL(base);
    if (apiBase.protocol !== "http:" && apiBase.protocol !== "https:") throw new Error(`STRIPE_API_BASE must be an http(s) address, not ${base}`);
  }
  return { secretKey, webhookSecret: environment.STRIPE_WEBHOOK_SECRET?.trim() || null, apiBase };
}

export function stripeClient(settings: PaymentSettings): Stripe {
  const base = settings.apiBase;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol === "https:" ? "https" : "http" }
      : {}),
  });
}

export type CheckoutRequest = {
  purchaseId: number;
  deviceName: string;
  amountCents: number;
  customerEmail: string;
  /** The employee's language for Stripe's page: "nl" or "en". */
  locale: "nl" | "en";
  successUrl: string;
  cancelUrl: string;
  /** Epoch ms when the session stops taking payment (Stripe allows 30 minutes to 24 hours). */
  expiresAt: number;
};

/** A Checkout Session for one purchase: EUR, Bancontact and cards, the purchase id as reference and metadata, one idempotency key per purchase. */
export async function createCheckoutSession(stripe: Stripe, request: CheckoutRequest): Promise<{ id: string; url: string }> {
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      currency: "eur",
      // stripe 23 pins an API version where Checkout takes `allowed_payment_method_types` (its changelog
      // removes `payment_method_types` from session creation).
      allowed_payment_method_types: ["bancontact", "card"],
      line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: request.amountCents, product_data: { name: request.deviceName } } }],
      client_reference_id: String(request.purchaseId),
      metadata: { purchaseId: String(request.purchaseId) },
      customer_email: request.customerEmail,
      locale: request.locale,
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
      expires_at: Math.floor(request.expiresAt / 1000),
    },
    { idempotencyKey: `circuit-purchase-${request.purchaseId}` },
  );
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { id: session.id, url: session.url };
}

/** Checks a webhook's signature on the raw body; throws Stripe's signature error when it does not hold. */
export function verifiedWebhookEvent(stripe: Stripe, rawBody: string, signatureHeader: string | null, webhookSecret: string): Stripe.Event {
  // A missing header fails the same check as a wrong one.
  return stripe.webhooks.constructEvent(rawBody, signatureHeader ?? "", webhookSecret);
}
