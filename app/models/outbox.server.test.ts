import { eq, ne } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { outboxEmails } from "~db/schema";
import { db } from "~/db.server";
import { databaseBeforeMigration } from "~/test/database";
import { claimNextEmail, getOutboxEmail, interruptedSendError, queueEmail } from "./outbox.server";

const site = { cityName: "Stad Demostad", publicUrl: "https://circuit.demostad.be/" };
const lastRow = () => db.select().from(outboxEmails).orderBy(outboxEmails.id).all().at(-1)!;

afterEach(() => {
  db.update(outboxEmails).set({ status: "sent", claimToken: null }).where(ne(outboxEmails.status, "sent")).run();
});

describe("queueEmail", () => {
  test("stores the message rendered, in the recipient's language, single-line headers, due at once", () => {
    queueEmail(
      {
        to: " ouder@example.org\r\n",
        subject: "Aanvraag van <Jan>\r\nBcc: x@evil.example",
        body: "Hallo <b>Jan</b>.\n\nTweede alinea.",
        language: "nl",
        link: { href: "/requests/3" },
      },
      db,
      site,
    );
    const row = lastRow();
    expect(row).toMatchObject({
      toAddress: "ouder@example.org",
      subject: "Aanvraag van <Jan> Bcc: x@evil.example",
      language: "nl",
      status: "pending",
      attempts: 0,
    });
    expect(row.nextAttemptAt.getTime()).toBe(0);
    expect(row.body).toContain("Hallo <b>Jan</b>.\n\nTweede alinea.\n\nOpenen in Circuit:\nhttps://circuit.demostad.be/requests/3");
    expect(row.body).toContain("Stad Demostad");
    expect(row.html).toContain('<html lang="nl"');
    expect(row.html).toContain("<title>Aanvraag van &lt;Jan&gt; Bcc: x@evil.example</title>");
    expect(row.html).toContain("Hallo &lt;b&gt;Jan&lt;/b&gt;.");
    expect(row.html).toContain('<a href="https://circuit.demostad.be/requests/3"');
  });

  test("Dutch when the language is unknown", () => {
    queueEmail({ to: "a@example.org", subject: "S", body: "B" }, db, site);
    expect(lastRow().language).toBe("nl");
    expect(lastRow().html).toContain('lang="nl"');
  });
});

describe("claimNextEmail", () => {
  const claim = (now: number, token = `t-${now}`) => claimNextEmail(db, { now, token, leaseMs: 1000 });

  test("the oldest due message first; one not yet due (a retry's back-off) waits", () => {
    queueEmail({ to: "first@example.org", subject: "1", body: "1" }, db, site);
    const first = lastRow().id;
    queueEmail({ to: "second@example.org", subject: "2", body: "2" }, db, site);
    const second = lastRow().id;
    db.update(outboxEmails)
      .set({ status: "retrying", nextAttemptAt: new Date(5000) })
      .where(eq(outboxEmails.id, first))
      .run();
    expect(claim(1000)?.id).toBe(second);
    expect(getOutboxEmail(second)).toMatchObject({ status: "sending", attempts: 1, claimToken: "t-1000", leaseUntil: new Date(2000) });
    expect(claim(1000)).toBeNull();
    expect(claim(5000)?.id).toBe(first);
  });

  test("a message left sending past its lease (a dead worker) is failed as interrupted, never sent again", () => {
    queueEmail({ to: "x@example.org", subject: "x", body: "x" }, db, site);
    const id = lastRow().id;
    expect(claim(10_000)?.id).toBe(id);
    expect(claim(10_999)).toBeNull();
    expect(getOutboxEmail(id)?.status).toBe("sending");
    expect(claim(11_000)).toBeNull();
    expect(getOutboxEmail(id)).toMatchObject({ status: "failed", lastError: interruptedSendError, claimToken: null });
  });
});

test("the migration: old rows become sent, pending (younger than a week) or failed (older), in their account's language", () => {
  const { sqlite, migrateRest } = databaseBeforeMigration("0009_outbox_delivery");
  const day = 86_400_000;
  const now = Date.now();
  sqlite.exec(`INSERT INTO organizations (name, kind, status) VALUES ('ICT', 'it_service', 'approved')`);
  sqlite.exec(
    `INSERT INTO users (id, email, name, role, organization_id, password_hash, locale) VALUES ('u1', 'eng@demo.city', 'E', 'technician', 1, 'x', 'en')`,
  );
  const insert = sqlite.prepare("INSERT INTO outbox_emails (to_address, subject, body, created_at, sent_at) VALUES (?, 's', 'b', ?, ?)");
  insert.run("new@example.org", now - day, null);
  insert.run("old@example.org", now - 30 * day, null);
  insert.run("done@example.org", now - 30 * day, now - 29 * day);
  insert.run("eng@demo.city", now - day, null);
  migrateRest();
  const rows = sqlite.prepare("SELECT to_address, status, language, last_error FROM outbox_emails ORDER BY id").all();
  expect(rows).toEqual([
    { to_address: "new@example.org", status: "pending", language: "nl", last_error: null },
    { to_address: "old@example.org", status: "failed", language: "nl", last_error: expect.stringContaining("before e-mail delivery existed") },
    { to_address: "done@example.org", status: "sent", language: "nl", last_error: null },
    { to_address: "eng@demo.city", status: "pending", language: "en", last_error: null },
  ]);
  sqlite.close();
});
