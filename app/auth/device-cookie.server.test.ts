import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { LOCKOUT_THRESHOLD } from "~/domain/lockout";
import { attemptSignIn } from "~/models/sign-in.server";
import { insertUser } from "~/models/user.server";
import { action as loginAction } from "~/routes/login";
import { createOrganization } from "~/test/factories";
import { thrownStatus } from "~/test/requests";
import { deviceCookieName, issueDeviceCookie, signDeviceCookieValue, trustedDeviceFor, verifyDeviceCookieValue } from "./device-cookie.server";

const secrets = ["first secret of the test"];
const password = "correct horse battery staple";
let passwordHash: string;
let organizationId: number;

beforeAll(async () => {
  passwordHash = await hashPassword(password);
  organizationId = createOrganization("department");
});

function newAccount(): string {
  const email = `${randomUUID()}@demo.city`;
  insertUser({ email, name: "Device Tester", role: "department", organizationId, passwordHash });
  return email;
}

/** A request carrying the cookie pairs given, as a browser would send them. */
function requestWithCookies(url: string, cookies: string[], init: RequestInit = {}): Request {
  return new Request(url, { ...init, headers: { ...(cookies.length > 0 ? { Cookie: cookies.join("; ") } : {}), ...(init.headers ?? {}) } });
}

function signInRequest(email: string, secret: string, cookies: string[] = []): Request {
  return requestWithCookies("http://circuit.test/login", cookies, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: secret, redirectTo: "/" }).toString(),
  });
}

/** The status of the login action's answer, thrown (a redirect) or returned (a refusal), and its Set-Cookie headers. */
async function signIn(request: Request): Promise<{ status: number; setCookies: string[] }> {
  let answer: unknown;
  try {
    answer = await loginAction({ request, params: {}, context: { cspNonce: "" } });
  } catch (thrown) {
    answer = thrown;
  }
  if (answer instanceof Response) return { status: answer.status, setCookies: answer.headers.getSetCookie() };
  const status = thrownStatus(answer);
  if (status === null) throw new Error("The login action gave no answer with a status");
  return { status, setCookies: [] };
}

async function lockAddress(email: string): Promise<void> {
  for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt++) await attemptSignIn(email, `stranger guess ${attempt}`);
}

describe("the device cookie's value", () => {
  test("a value we signed checks out for its own address only (any spelling of it)", () => {
    const value = signDeviceCookieValue({ email: "An@Demo.City", nonce: "n-1" }, secrets);
    expect(verifyDeviceCookieValue(" an@demo.city ", value, secrets)).toEqual({ email: "an@demo.city", nonce: "n-1" });
    expect(verifyDeviceCookieValue("other@demo.city", value, secrets)).toBeNull();
  });

  test("a tampered payload, a tampered or missing signature, or another secret gives nothing", () => {
    const value = signDeviceCookieValue({ email: "an@demo.city", nonce: "n-1" }, secrets);
    const [payload, signature] = value.split(".") as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ email: "an@demo.city", nonce: "n-2" })).toString("base64url");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    for (const forged of [`${forgedPayload}.${signature}`, `${payload}.${flipped}`, payload, `${payload}.`, `${payload}.${signature}.x`, "", "garbage"]) {
      expect(verifyDeviceCookieValue("an@demo.city", forged, secrets), forged).toBeNull();
    }
    expect(verifyDeviceCookieValue("an@demo.city", value, ["another secret"])).toBeNull();
    // Rotating secrets: a value signed with an older secret that is still accepted checks out.
    expect(verifyDeviceCookieValue("an@demo.city", value, ["a newer secret", ...secrets])).not.toBeNull();
  });

  test("one cookie per account: the name holds a hash of the address, and a value copied under another account's name does not check out", () => {
    expect(deviceCookieName("An@Demo.City ")).toBe(deviceCookieName("an@demo.city"));
    expect(deviceCookieName("an@demo.city")).not.toBe(deviceCookieName("bo@demo.city"));
    expect(deviceCookieName("an@demo.city")).not.toContain("demo");
    const ansValue = signDeviceCookieValue({ email: "an@demo.city", nonce: "n-1" }, secrets);
    const request = requestWithCookies("http://circuit.test/login", [`${deviceCookieName("bo@demo.city")}=${ansValue}`]);
    expect(trustedDeviceFor(request, "bo@demo.city")).toBeNull();
  });

  test("the cookie is HttpOnly, SameSite=Lax, kept a year, and Secure when the site is reached over https", () => {
    const plain = issueDeviceCookie(new Request("http://circuit.test/login"), "an@demo.city");
    expect(plain).toMatch(new RegExp(`^${deviceCookieName("an@demo.city")}=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+;`));
    expect(plain.split("; ").slice(1)).toEqual(["Path=/", "Max-Age=31536000", "HttpOnly", "SameSite=Lax"]);
    expect(issueDeviceCookie(new Request("https://circuit.test/login"), "an@demo.city").split("; ")).toContain("Secure");
  });
});

describe("signing in on /login with device cookies", () => {
  test("a browser that signed in before keeps signing in while strangers have locked the address; a stranger does not", async () => {
    const email = newAccount();
    const first = await signIn(signInRequest(email, password));
    expect(first.status).toBe(302);
    const deviceCookie = first.setCookies.find((cookie) => cookie.startsWith(`${deviceCookieName(email)}=`));
    expect(deviceCookie).toBeDefined();

    await lockAddress(email);
    expect((await signIn(signInRequest(email, password))).status).toBe(429);
    expect((await signIn(signInRequest(email, password, [deviceCookie!.split(";")[0]!]))).status).toBe(302);
  });

  test("a forged or tampered device cookie gives no privilege: the address's lock applies", async () => {
    const email = newAccount();
    const genuine = (await signIn(signInRequest(email, password))).setCookies.find((cookie) => cookie.startsWith(`${deviceCookieName(email)}=`))!;
    await lockAddress(email);
    const [name, value] = genuine.split(";")[0]!.split("=") as [string, string];
    const [payload, signature] = value.split(".") as [string, string];
    const otherNonce = Buffer.from(JSON.stringify({ email, nonce: "chosen by the attacker" })).toString("base64url");
    const forgeries = [
      `${name}=${otherNonce}.${signature}`,
      `${name}=${payload}.${signature.slice(0, -2)}`,
      `${name}=${signDeviceCookieValue({ email, nonce: "attacker" }, ["a secret the attacker guessed"])}`,
      `${name}=${payload}`,
    ];
    for (const forged of forgeries) expect((await signIn(signInRequest(email, password, [forged]))).status, forged).toBe(429);
    // A genuine cookie of another account gives nothing for this one.
    const otherEmail = newAccount();
    const othersCookie = (await signIn(signInRequest(otherEmail, password))).setCookies.find((cookie) =>
      cookie.startsWith(`${deviceCookieName(otherEmail)}=`),
    )!;
    const othersValue = othersCookie.split(";")[0]!.split("=")[1]!;
    expect((await signIn(signInRequest(email, password, [`${name}=${othersValue}`]))).status).toBe(429);
  });
});
