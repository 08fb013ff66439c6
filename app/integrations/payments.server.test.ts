import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeStandIn, type StripeStandIn } from "~/test/stripe-stand-in";
import { createCheckoutSession, paymentSettings, stripeClient, verifiedWebhookEvent } from "./payments.server";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());

describe("payment settings", () => {
  it("are off without a secret key", () => {
    expect(paymentSettings({})).toBeNull();
    expect(paymentSettings({ STRIPE_SECRET_KEY: "  " })).toBeNull();
  });

  it("read the webhook secret and the API base", () => {
    expect(paymentSettings({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", STRIPE_API_BASE: "http://127.0.0.1:12111" })).toEqual({
      secretKey: "sk_test_1",
      webhookSecret: "whsec_1",
      apiBase: new URL("http://127.0.0.1:12111"),
    });
    expect(() => paymentSettings({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_API_BASE: "ftp://x" })).toThrow(/STRIPE_API_BASE/);
  });
});

describe("a Checkout Session for a purchase", () => {
  it("sends the amount in cents, EUR, Bancontact and cards, the purchase id as reference and metadata, an idempotency key per purchase", async () => {
    const settings = paymentSettings({ STRIPE_SECRET_KEY: "sk_test_standin", STRIPE_API_BASE: standIn.url });
    if (!settings) throw new Error("settings expected");
    const stripe = stripeClient(settings);
    const expiresAt = Date.UTC(2026, 11, 2, 12, 30);
    const checkout = {
      purchaseId: 41,
      deviceName: "Lenovo ThinkPad T14 (CIR-000041)",
      amountCents: 21_000,
      customerEmail: "mia@demo.city",
      locale: "nl" as const,
      successUrl: "http://localhost/shop/purchases/41",
      cancelUrl: "http://localhost/shop",
      expiresAt,
    };
    const session = await createCheckoutSession(stripe, checkout);
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_standin_\d+$/);

    const sent = standIn.requests.filter((request) => request.path === "/v1/checkout/sessions").at(-1);
    expect(sent?.method).toBe("POST");
    expect(sent?.idempotencyKey).toBe("circuit-purchase-41");
    const fields = Object.fromEntries(sent?.fields ?? []);
    expect(fields).toMatchObject({
      mode: "payment",
      currency: "eur",
      "allowed_payment_method_types[0]": "bancontact",
      "allowed_payment_method_types[1]": "card",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": "21000",
      "line_items[0][price_data][product_data][name]": "Lenovo ThinkPad T14 (CIR-000041)",
      client_reference_id: "41",
      "metadata[purchaseId]": "41",
      customer_email: "mia@demo.city",
      locale: "nl",
      expires_at: String(expiresAt / 1000),
    });

    // The same purchase asked twice (a retried request) gets the same session.
    expect(await createCheckoutSession(stripe, checkout)).toEqual(session);
  });
});

describe("webhook signatures", () => {
  const secret = "whsec_test_standin";
  const stripe = stripeClient({ secretKey: "sk_test_standin", webhookSecret: secret, apiBase: null });
  const payload = JSON.stringify({
    id: "evt_1",
    object: "event",
    type: "checkout.session.completed",
    data: { object: { id: "cs_1", payment_status: "paid", metadata: { purchaseId: "41" } } },
  });

  it("a body signed with the secret is read as its event", () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(verifiedWebhookEvent(stripe, payload, header, secret)).toMatchObject({ id: "evt_1", type: "checkout.session.completed" });
  });

  it("a wrong secret, a changed body or no header is refused", () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" });
    expect(() => verifiedWebhookEvent(stripe, payload, header, secret)).toThrow();
    const good = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(() => verifiedWebhookEvent(stripe, payload.replace("41", "42"), good, secret)).toThrow();
    expect(() => verifiedWebhookEvent(stripe, payload, null, secret)).toThrow();
  });
});
