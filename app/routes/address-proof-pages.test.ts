// The sign-up and registration pages answer alike whether or not the address has an account; the
// activation page changes nothing on GET and activates, once, on POST.
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { users } from "~db/schema";
import { signUpEmployee } from "~/commands/accounts/sign-up-employee.server";
import { db } from "~/db.server";
import { EMAIL_CONFIRMATION_VALIDITY_MS } from "~/domain/accounts";
import { listOutbox } from "~/models/outbox.server";
import { insertUser } from "~/models/user.server";
import { createOrganization, nextNumber } from "~/test/factories";
import { thrownStatus } from "~/test/requests";
import { action as confirmAction, loader as confirmLoader } from "./confirm-email.$token";
import { action as registerAction } from "./register";
import { action as signupAction } from "./signup";

const password = "een sterk wachtwoord";
const context = { cspNonce: "" };

function formPost(path: string, fields: Record<string, string>): Request {
  return new Request(`http://circuit.test${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Status, body and cookies of an action's answer, returned or thrown. */
async function answerOf(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; setCookie: string | null }> {
  let answer: unknown;
  try {
    answer = await run();
  } catch (thrown) {
    answer = thrown;
  }
  if (answer instanceof Response) return { status: answer.status, body: await answer.text(), setCookie: answer.headers.get("Set-Cookie") };
  if (typeof answer === "object" && answer !== null && "type" in answer && answer.type === "DataWithResponseInit" && "data" in answer) {
    return { status: thrownStatus(answer) ?? 200, body: answer.data, setCookie: null };
  }
  return { status: 200, body: answer, setCookie: null };
}

function activeAccount(email: string, organizationId: number): void {
  insertUser({ email, name: "Owner", role: "employee", organizationId, passwordHash: "not-a-hash" });
}

function unconfirmedAccount(email: string, organizationId: number): void {
  insertUser({ email, name: "Earlier", role: "employee", organizationId, passwordHash: "not-a-hash", activatedAt: null });
}

describe("the sign-up page", () => {
  test("answers the same for a free address, one with an account and one awaiting confirmation: 200, no session, no field error", async () => {
    const departmentId = createOrganization("department");
    const free = `free-${nextNumber()}@demo.city`;
    const taken = `taken-${nextNumber()}@demo.city`;
    const waiting = `waiting-${nextNumber()}@demo.city`;
    activeAccount(taken, departmentId);
    unconfirmedAccount(waiting, departmentId);
    const answers = [];
    for (const email of [free, taken, waiting]) {
      answers.push(
        await answerOf(() =>
          signupAction({ request: formPost("/signup", { name: "Mia", email, departmentId: String(departmentId), password }), params: {}, context }),
        ),
      );
    }
    expect(answers[0]).toEqual({ status: 200, body: { sent: true }, setCookie: null });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const subjects = listOutbox(10).map((mail) => [mail.toAddress, mail.subject]);
    expect(subjects).toContainEqual([free, "Activeer uw Circuit-account"]);
    expect(subjects).toContainEqual([taken, "Iemand probeerde zich in te schrijven met uw adres"]);
    expect(subjects).toContainEqual([waiting, "Activeer uw Circuit-account"]);
  });
});

describe("the registration page", () => {
  test("answers the same for a free address and one with an account", async () => {
    const taken = `taken-${nextNumber()}@s.example`;
    activeAccount(taken, createOrganization("department"));
    const answers = [];
    for (const email of [`free-${nextNumber()}@s.example`, taken]) {
      const fields = { organizationName: `School ${nextNumber()}`, kind: "school", memberName: "An", email, password };
      answers.push(await answerOf(() => registerAction({ request: formPost("/register", fields), params: {}, context })));
    }
    expect(answers[0]).toEqual({ status: 200, body: { sent: true }, setCookie: null });
    expect(answers[1]).toEqual(answers[0]);
  });
});

describe("the activation page", () => {
  async function linkFor(now = Date.now()): Promise<{ token: string; email: string }> {
    const email = `page-${nextNumber()}@demo.city`;
    await signUpEmployee(
      { name: "Pia", email, departmentId: createOrganization("department"), password },
      { origin: "http://circuit.test", language: "en", now },
    );
    const token = listOutbox(5)
      .find((mail) => mail.toAddress === email)
      ?.body.match(/\/confirm-email\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error("no link sent");
    return { token, email };
  }
  const activatedAt = (email: string) => db.select({ activatedAt: users.activatedAt }).from(users).where(eq(users.email, email)).get()?.activatedAt;
  const open = (token: string) =>
    answerOf(() => confirmLoader({ request: new Request(`http://circuit.test/confirm-email/${token}`), params: { token }, context }));
  const press = (token: string) =>
    answerOf(() => confirmAction({ request: new Request(`http://circuit.test/confirm-email/${token}`, { method: "POST" }), params: { token }, context }));

  test("opening the link changes nothing; pressing the button activates, signs in and goes home; the link then is gone (410)", async () => {
    const { token, email } = await linkFor();
    const opened = await open(token);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ state: "usable", email, name: "Pia", organizationName: expect.any(String) });
    await open(token);
    expect(activatedAt(email)).toBeNull();

    const pressed = await press(token);
    expect(pressed.status).toBe(302);
    expect(pressed.setCookie).toMatch(/circuit_session=/);
    expect(activatedAt(email)).toBeInstanceOf(Date);

    expect(await open(token)).toEqual({ status: 410, body: { state: "used", messageKey: "errors.confirmation.used" }, setCookie: null });
    expect((await press(token)).status).toBe(410);
  });

  test("an expired link says so with 410, an unknown one with 404; neither activates", async () => {
    const { token, email } = await linkFor(Date.now() - EMAIL_CONFIRMATION_VALIDITY_MS - 1000);
    expect(await open(token)).toEqual({ status: 410, body: { state: "expired", messageKey: "errors.confirmation.expired" }, setCookie: null });
    expect((await press(token)).status).toBe(410);
    expect(activatedAt(email)).toBeNull();
    expect(await open("no-such-token")).toEqual({ status: 404, body: { state: "unknown", messageKey: "errors.notFound.confirmation" }, setCookie: null });
    expect((await press("no-such-token")).status).toBe(404);
  });
});
