// The edges of requests: bodies over their limit (413, also when chunked), a submit button while its
// form is in flight, a forged flash cookie, and notifications that only an explicit POST marks read.
import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { bearer } from "./support/api";
import { e2eDatabasePath } from "./support/server";
import { expect, expectAccessible, test, unique, type Account } from "./support/fixtures";

const sixMegabytes = 6 * 1024 * 1024;

/** A registered and collected laptop with one disk, through the API. */
async function collectedLaptop(request: APIRequestContext, department: Account, technician: Account) {
  const created = await request.post("/api/v1/devices", {
    headers: await bearer(request, department.email),
    data: {
      assetTag: unique("EDGE").slice(0, 40),
      serial: unique("SN"),
      manufacturer: "Lenovo",
      model: "ThinkPad T480",
      type: "laptop",
      ramGb: 8,
      storageGb: 256,
      media: [{ serial: unique("SSD").toUpperCase(), kind: "SSD", capacityGb: 256 }],
    },
  });
  expect(created.status()).toBe(201);
  const device: { id: number } = await created.json();
  const collected = await request.post(`/api/v1/devices/${device.id}/transitions`, {
    headers: await bearer(request, technician.email),
    data: { action: "collect" },
  });
  expect(collected.status()).toBe(200);
  return device;
}

test.describe("a body over its limit", () => {
  test("a log over 5 MB is refused on the device page with a message in the user's language", async ({ page, request, newAccount, signedInAs }) => {
    const department = await newAccount("department");
    const technician = await signedInAs("technician");
    const device = await collectedLaptop(request, department, technician);
    await page.goto(`/devices/${device.id}`);
    await page.getByLabel("nwipe-logbestand").setInputFiles({ name: "nwipe.log", mimeType: "text/plain", buffer: Buffer.alloc(sixMegabytes, "a") });
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Log inlezen" }).click();
    expect((await answer).status()).toBe(413);
    await expect(page.getByText("Het bestand is te groot: kies een bestand van hoogstens 5 MB.")).toBeVisible();
    await expectAccessible(page);
  });

  test("the API answers 413 in JSON, with Content-Length and when the body is chunked", async ({ request, newAccount, baseURL }) => {
    const department = await newAccount("department");
    const technician = await newAccount("technician");
    const device = await collectedLaptop(request, department, technician);
    const headers = await bearer(request, technician.email);
    const path = `/api/v1/devices/${device.id}/wipe-logs`;

    const declared = await request.post(path, { headers: { ...headers, "Content-Type": "text/plain" }, data: Buffer.alloc(sixMegabytes, "a") });
    expect(declared.status()).toBe(413);
    expect(await declared.json()).toEqual({ error: { code: "payload_too_large", message: "The log is larger than 5 MB." } });

    // Without Content-Length the server cannot know the size beforehand: it stops at the limit.
    const chunked = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      const url = new URL(path, baseURL);
      const outgoing = http.request(
        url,
        { method: "POST", headers: { ...headers, "Content-Type": "text/plain", "Transfer-Encoding": "chunked" } },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode, body }));
        },
      );
      outgoing.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, "a");
      for (let sent = 0; sent < sixMegabytes; sent += chunk.byteLength) outgoing.write(chunk);
      outgoing.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({ error: { code: "payload_too_large", message: "The log is larger than 5 MB." } });
  });
});

test("a submit button says it is working and refuses a second click while its form is in flight", async ({ page, signedInAs }) => {
  await signedInAs("recipient");
  await page.goto("/profile");
  await page.getByLabel("Naam voor een nieuw token").fill(unique("script"));
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let posts = 0;
  await page.route("**/*", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts += 1;
    await held;
    return route.continue();
  });
  await page.getByRole("button", { name: "Token aanmaken" }).click();
  const working = page.getByRole("button", { name: "Bezig…" });
  await expect(working).toBeVisible();
  await expect(working).toHaveAttribute("aria-disabled", "true");
  // Playwright itself holds back from an aria-disabled button: force the click, as an impatient hand would.
  await working.click({ force: true });
  await page.getByLabel("Naam voor een nieuw token").press("Enter");
  release();
  await expect(page.getByText("Uw nieuwe token staat hieronder.", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Token aanmaken" })).toBeVisible();
  expect(posts).toBe(1);
});

test("a flash cookie made up by the browser is not shown", async ({ page, context, signedInAs, baseURL }) => {
  await signedInAs("recipient");
  const forged = Buffer.from(JSON.stringify({ key: "flash.organizationApproved", values: { name: "Vervalste School" } })).toString("base64");
  await context.addCookies([{ name: "circuit_flash", value: encodeURIComponent(forged), url: baseURL ?? "" }]);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Vervalste School is goedgekeurd.")).toHaveCount(0);
  // It was cleared, too.
  expect((await context.cookies()).some((cookie) => cookie.name === "circuit_flash")).toBe(false);
});

test("opening the home page leaves notifications unread; the button marks them read", async ({ page, signedInAs }) => {
  const teacher = await signedInAs("recipient");
  const request = unique("#").replace(/\W/g, "").slice(-6);
  const database = new Database(e2eDatabasePath, { fileMustExist: true });
  database.pragma("busy_timeout = 5000");
  database
    .prepare("INSERT INTO notifications (user_id, kind, \"values\", link) VALUES (?, 'requestApproved', ?, NULL)")
    .run(teacher.id, JSON.stringify({ request: `#${request}`, priority: "40" }));
  database.close();

  const title = `Aanvraag #${request} is goedgekeurd (prioriteit 40)`;
  await page.goto("/");
  const notification = page.getByRole("listitem").filter({ hasText: title });
  await expect(notification).toContainText("Nieuw");
  await page.reload();
  await expect(notification).toContainText("Nieuw");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Markeren als gelezen" }).click();
  await expect(page.getByRole("button", { name: "Markeren als gelezen" })).toHaveCount(0);
  await expect(notification).not.toContainText("Nieuw");
});
