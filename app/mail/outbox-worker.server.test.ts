// The outbox delivered to a real SMTP server (smtp-server on 127.0.0.1): what arrives, refusals and a
// server that is down, a restart in the middle, and two workers on one database. Time is injected.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { asc, eq, inArray, ne } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { outboxEmails } from "~db/schema";
import { resendEmail } from "~/commands/outbox/resend-email.server";
import { db, openDatabase } from "~/db.server";
import { createMailTransport, type MailTransport } from "~/integrations/mail.server";
import { getOutboxEmail, interruptedSendError, queueEmail } from "~/models/outbox.server";
import { closedPort, decodeHeader, parseMessage, partOfType, startSmtpServer, type TestSmtpServer } from "~/test/smtp-server";
import { commandValue, createActor } from "~/test/factories";
import { createOutboxWorker, defaultLeaseMs, retryDelaysMs, type OutboxWorker } from "./outbox-worker.server";

const site = { cityName: "Stad Demostad", publicUrl: "https://circuit.demostad.be" };
const from = "Stad Demostad <circuit@demostad.be>";

let smtp: TestSmtpServer;
let transport: MailTransport;
const clock = { now: Date.parse("2031-03-01T09:00:00Z") };

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = createMailTransport({ smtpUrl: smtp.url, from, replyTo: "Hergebruik <hergebruik@demostad.be>" });
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refuseWith(null);
  smtp.hangAfterData(false);
});
// Each test starts with nothing due: what a test left unsent does not reach the next one's worker.
afterEach(() => {
  db.update(outboxEmails).set({ status: "failed", claimToken: null }).where(ne(outboxEmails.status, "sent")).run();
});

function workerWith(options: { transport?: MailTransport; database?: typeof db } = {}): OutboxWorker {
  return createOutboxWorker({
    database: options.database ?? db,
    transport: options.transport ?? transport,
    messageIdDomain: "demostad.be",
    now: () => clock.now,
  });
}

/** Queues messages and returns their ids (the newest rows). */
function queue(count: number, to = "school@example.org"): number[] {
  for (let index = 0; index < count; index += 1) queueEmail({ to, subject: `Message ${index + 1}`, body: `Body ${index + 1}`, language: "nl" }, db, site);
  return db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .orderBy(asc(outboxEmails.id))
    .all()
    .map((row) => row.id)
    .slice(-count);
}

const arrivedIds = () => smtp.received.map((message) => parseMessage(message.raw).headers.get("message-id"));

describe("a message that arrives", () => {
  test("has the right headers, its language in both parts, links on PUBLIC_URL, and is marked sent with the server's answer", async () => {
    queueEmail(
      {
        to: "leerkracht@school.example",
        subject: "Request #7 is approved\r\nBcc: spy@evil.example",
        body: "Your request #7 is approved.\n\nMatching will propose devices.",
        language: "en",
        link: { href: "/requests/7" },
      },
      db,
      site,
    );
    const [outcome] = await workerWith().drain();
    expect(outcome?.outcome).toBe("sent");
    expect(smtp.received).toHaveLength(1);
    const received = smtp.received[0]!;
    expect(received.to).toEqual(["leerkracht@school.example"]);
    expect(received.from).toBe("circuit@demostad.be");
    const message = parseMessage(received.raw);
    expect(message.headers.has("bcc")).toBe(false);
    expect(received.raw).not.toMatch(/^bcc:/im);
    expect(decodeHeader(message.headers.get("subject") ?? "")).toBe("Request #7 is approved Bcc: spy@evil.example");
    expect(message.headers.get("from")).toBe(from);
    expect(message.headers.get("reply-to")).toBe("Hergebruik <hergebruik@demostad.be>");
    expect(message.headers.get("content-language")).toBe("en");
    expect(message.headers.get("list-unsubscribe")).toBeUndefined();
    expect(message.headers.get("content-type")).toMatch(/^multipart\/alternative/);

    const text = partOfType(message, "text/plain");
    expect(text).toContain("Your request #7 is approved.");
    expect(text).toMatch(/Open in Circuit:\r?\nhttps:\/\/circuit\.demostad\.be\/requests\/7/);
    expect(text).toContain("Stad Demostad");
    const html = partOfType(message, "text/html");
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("<h1");
    expect(html).toContain("<p");
    expect(html).toMatch(/<a href="https:\/\/circuit\.demostad\.be\/requests\/7"[^>]*>Open in Circuit<\/a>/);
    expect(html).toContain("Stad Demostad");

    const row = getOutboxEmail(outcome!.id)!;
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(1);
    expect(row.sentAt?.getTime()).toBe(clock.now);
    expect(row.messageId).toBe(message.headers.get("message-id"));
    expect(row.messageId).toMatch(/^<circuit-outbox-\d+-\d+@demostad\.be>$/);
    expect(row.serverResponse).toMatch(/^250 .*queued as TEST\d+/);
  });

  test("in Dutch for a Dutch recipient, with the invite link in the text and as a named link in the HTML", async () => {
    const link = "https://circuit.demostad.be/invite/abc123";
    queueEmail(
      {
        to: "nieuw@demostad.be",
        subject: "Uw uitnodiging voor Circuit",
        body: `Maak uw account aan:\n${link}`,
        language: "nl",
        link: { href: link, label: "Maak uw account aan" },
      },
      db,
      site,
    );
    await workerWith().drain();
    const message = parseMessage(smtp.received[0]!.raw);
    expect(message.headers.get("content-language")).toBe("nl");
    expect(partOfType(message, "text/plain")).toContain(link);
    expect(partOfType(message, "text/plain")).toContain("dienstbericht");
    const html = partOfType(message, "text/html");
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain(`<a href="${link}" style="color:#1d4ed8;text-decoration:underline">Maak uw account aan</a>`);
  });
});

test("a line break in an address adds no recipient: it stays one (bad) address, which the server refuses", async () => {
  queueEmail({ to: "leerkracht@school.example\r\nBcc: spy@evil.example", subject: "Hello", body: "Hello", language: "en" }, db, site);
  const [outcome] = await workerWith().drain();
  expect(outcome).toMatchObject({ outcome: "retrying" });
  expect(outcome?.outcome === "retrying" && outcome.error).toMatch(/501/);
  expect(getOutboxEmail(outcome!.id)?.toAddress).toBe("leerkracht@school.example Bcc: spy@evil.example");
  expect(smtp.received).toHaveLength(0);
});

describe("a server that refuses or is down", () => {
  async function stepThroughRetries(worker: OutboxWorker, id: number) {
    const start = clock.now;
    const outcomes = [await worker.deliverNext()];
    for (const delay of retryDelaysMs) {
      clock.now += delay - 1;
      // Not before its time.
      expect(await worker.deliverNext()).toBeNull();
      clock.now += 1;
      outcomes.push(await worker.deliverNext());
    }
    expect(await worker.deliverNext()).toBeNull();
    clock.now = start + 24 * 60 * 60 * 1000;
    expect(outcomes.map((outcome) => outcome?.id)).toEqual([id, id, id, id, id]);
    return outcomes;
  }

  test.each([
    ["4xx", 451, /451/],
    ["5xx", 550, /550/],
  ])("a %s refusal is retried after 1, 5, 30 and 120 minutes, then failed with the error", async (_label, code, error) => {
    smtp.refuseWith(code);
    const [id] = queue(1);
    const outcomes = await stepThroughRetries(workerWith(), id!);
    expect(outcomes.map((outcome) => outcome?.outcome)).toEqual(["retrying", "retrying", "retrying", "retrying", "failed"]);
    const row = getOutboxEmail(id!)!;
    expect(row).toMatchObject({ status: "failed", attempts: 5, sentAt: null, messageId: null });
    expect(row.lastError).toMatch(error);
    expect(smtp.received).toHaveLength(0);
  });

  test("a server that is down: retried, then failed; resent by a coordinator once it is back, and then it arrives", async () => {
    const down = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from });
    const [id] = queue(1);
    const first = await workerWith({ transport: down }).deliverNext();
    expect(first).toMatchObject({ id, outcome: "retrying", retryAt: clock.now + 60_000 });
    expect(getOutboxEmail(id!)).toMatchObject({ status: "retrying", attempts: 1, nextAttemptAt: new Date(clock.now + 60_000) });
    expect(getOutboxEmail(id!)?.lastError).toMatch(/ECONNREFUSED/);
    clock.now += 60_000;
    const rest = [];
    for (const delay of retryDelaysMs.slice(1)) {
      rest.push(await workerWith({ transport: down }).deliverNext());
      clock.now += delay;
    }
    rest.push(await workerWith({ transport: down }).deliverNext());
    expect(rest.map((outcome) => outcome?.outcome)).toEqual(["retrying", "retrying", "retrying", "failed"]);
    down.close();

    commandValue(resendEmail(createActor("coordinator"), { emailId: id! }));
    const [again] = await workerWith().drain();
    expect(again).toMatchObject({ id, outcome: "sent" });
    expect(smtp.received).toHaveLength(1);
  });
});

describe("never twice", () => {
  test("a relay that goes silent after taking the message: not retried (it may have it), failed for a person to decide", async () => {
    smtp.hangAfterData(true);
    const impatient = createMailTransport({ smtpUrl: smtp.url, from, socketTimeoutMs: 300 });
    const [id] = queue(1);
    const outcome = await workerWith({ transport: impatient }).deliverNext();
    impatient.close();
    expect(outcome).toMatchObject({ id, outcome: "failed" });
    const row = getOutboxEmail(id!)!;
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.lastError).toContain(interruptedSendError);
    expect(row.lastError).toMatch(/timeout/i);
  });

  test("a worker stopped in the middle finishes its message; the next one sends the rest, each once", async () => {
    const ids = queue(6);
    // A relay that takes a moment per message, so that the stop comes while messages still wait.
    const slow: MailTransport = { ...transport, send: async (message) => (await new Promise((resolve) => setTimeout(resolve, 40)), transport.send(message)) };
    const worker = createOutboxWorker({ database: db, transport: slow, messageIdDomain: "demostad.be", now: () => clock.now, pollMs: 10 });
    worker.start();
    await expect.poll(() => smtp.received.length, { interval: 5 }).toBeGreaterThanOrEqual(2);
    await worker.stop();
    const afterStop = smtp.received.length;
    expect(afterStop).toBeLessThan(6);
    expect(db.select().from(outboxEmails).where(eq(outboxEmails.status, "sending")).all()).toEqual([]);

    await workerWith({ database: openDatabase(process.env.DATABASE_PATH!).db }).drain();
    expect(smtp.received).toHaveLength(6);
    expect(new Set(arrivedIds()).size).toBe(6);
    expect(
      db
        .select()
        .from(outboxEmails)
        .where(inArray(outboxEmails.id, ids))
        .all()
        .every((row) => row.status === "sent"),
    ).toBe(true);
  });

  test("a crash after the server accepted, before the mark: the next start does not send it again, it shows as failed (interrupted)", async () => {
    const [id] = queue(1);
    // The process dies right after the server's "250": the outcome is never recorded.
    const dying: MailTransport = { ...transport, send: async (message) => (await transport.send(message), new Promise(() => {})) };
    void workerWith({ transport: dying }).deliverNext();
    await expect.poll(() => smtp.received.length, { interval: 5 }).toBe(1);
    expect(getOutboxEmail(id!)?.status).toBe("sending");

    const restarted = workerWith({ database: openDatabase(process.env.DATABASE_PATH!).db });
    expect(await restarted.drain()).toEqual([]);
    clock.now += defaultLeaseMs;
    expect(await restarted.drain()).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    expect(getOutboxEmail(id!)).toMatchObject({ status: "failed", lastError: interruptedSendError, claimToken: null });
  });

  test("two workers with their own connections to one database send each message once", async () => {
    const ids = queue(24);
    const first = workerWith({ database: openDatabase(process.env.DATABASE_PATH!).db });
    const second = workerWith({ database: openDatabase(process.env.DATABASE_PATH!).db });
    const [byFirst, bySecond] = await Promise.all([first.drain(), second.drain()]);
    expect(byFirst.length + bySecond.length).toBe(24);
    expect(byFirst.length).toBeGreaterThan(0);
    expect(bySecond.length).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(24);
    expect(new Set(arrivedIds()).size).toBe(24);
    const rows = db.select().from(outboxEmails).where(inArray(outboxEmails.id, ids)).all();
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });

  test("two server processes on one database send each message once", async () => {
    const ids = queue(30);
    const child = promisify(execFile)(process.execPath, ["--import", "tsx", "app/test/outbox-worker-child.ts"], {
      env: { ...process.env, TEST_SMTP_URL: smtp.url },
    });
    // This process's relay is slow, so the child (which takes a moment to start) finds messages still waiting.
    const slow: MailTransport = { ...transport, send: async (message) => (await new Promise((resolve) => setTimeout(resolve, 150)), transport.send(message)) };
    const here = workerWith({ transport: slow, database: openDatabase(process.env.DATABASE_PATH!).db });
    const [sentHere, { stdout }] = await Promise.all([here.drain(), child]);
    const sentThere: unknown = JSON.parse(stdout);
    expect(Array.isArray(sentThere)).toBe(true);
    const all = [...sentHere.map((outcome) => outcome.id), ...(Array.isArray(sentThere) ? sentThere : [])];
    expect(all.sort((a, b) => a - b)).toEqual(ids);
    expect(sentHere.length).toBeGreaterThan(0);
    expect(all.length - sentHere.length).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(30);
    expect(new Set(arrivedIds()).size).toBe(30);
  }, 30_000);
});
