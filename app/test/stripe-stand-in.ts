// A stand-in of Stripe's HTTP API for tests, on 127.0.0.1 and a free port: it answers the calls Circuit
// makes (Checkout Sessions created and read, refunds) with objects shaped like Stripe's, and records each
// request (method, path, form fields, idempotency key) so that tests can assert what was sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedStripeRequest = { method: string; path: string; fields: URLSearchParams; idempotencyKey: string | null };

export type StripeStandIn = {
  /** For STRIPE_API_BASE. */
  url: string;
  requests: RecordedStripeRequest[];
  /** Sessions created, by id: tests set their status as Stripe would. */
  sessions: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  const byIdempotencyKey = new Map<string, Record<string, unknown>>();
  let sequence = 0;
  const server = createServer(async (request, response) => {
    const address = new URL(request.url ?? "/", "http://stand-in");
    const fields = new URLSearchParams(await readBody(request));
    const idempotencyKey = typeof request.headers["idempotency-key"] === "string" ? request.headers["idempotency-key"] : null;
    requests.push({ method: request.method ?? "GET", path: address.pathname, fields, idempotencyKey });
    if (request.method === "POST" && address.pathname === "/v1/checkout/sessions") {
      const earlier = idempotencyKey ? byIdempotencyKey.get(idempotencyKey) : undefined;
      if (earlier) return reply(response, 200, earlier);
      sequence += 1;
      const id = `cs_test_standin_${sequence}`;
      const session = {
        id,
        object: "checkout.session",
        url: `${stripeStandInOrigin(server.address())}/pay/${id}`,
        status: "open",
        payment_status: "unpaid",
        amount_total: Number(fields.get("line_items[0][price_data][unit_amount]")),
        currency: fields.get("currency"),
        client_reference_id: fields.get("client_reference_id"),
        metadata: { purchaseId: fields.get("metadata[purchaseId]") },
        expires_at: Number(fields.get("expires_at")),
        payment_intent: `pi_test_standin_${sequence}`,
      };
      sessions.set(id, session);
      if (idempotencyKey) byIdempotencyKey.set(idempotencyKey, session);
      return reply(response, 200, session);
    }
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(address.pathname);
    if (request.method === "GET" && sessionPath) {
      const session = sessions.get(decodeURIComponent(sessionPath[1] ?? ""));
      return session ? reply(response, 200, session) : reply(response, 404, { error: { type: "invalid_request_error", message: "No such checkout.session" } });
    }
    if (request.method === "POST" && address.pathname === "/v1/refunds") {
      sequence += 1;
      return reply(response, 200, { id: `re_test_standin_${sequence}`, object: "refund", status: "succeeded", payment_intent: fields.get("payment_intent") });
    }
    reply(response, 404, { error: { type: "invalid_request_error", message: `The stand-in does not know ${request.method} ${address.pathname}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: stripeStandInOrigin(server.address()),
    requests,
    sessions,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function stripeStandInOrigin(address: string | AddressInfo | null): string {
  if (address === null || typeof address === "string") throw new Error("The Stripe stand-in is not listening on a port");
  return `http://127.0.0.1:${address.port}`;
}
