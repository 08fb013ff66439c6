// The catalogue page's and GET /api/v1/catalogue's loaders, called as Remix calls them: who may see
// it, that the answer is the documented one, that the filters are read from the address, and that
// "ask for one like this" prefills the request form.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { organizations } from "~db/schema";
import { db } from "~/db.server";
import { responsesOf } from "~/api/response-schemas";
import { createApiToken } from "~/commands/tokens/create-api-token.server";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, createActor, createOrganization, deviceInState } from "~/test/factories";
import { signedInRequest, thrownStatus } from "~/test/requests";
import { loader as catalogueApi } from "./api.v1.catalogue";
import { loader as cataloguePage } from "./catalogue";
import { loader as newRequestPage } from "./requests.new";

type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;

async function call(handler: Handler, request: Request): Promise<{ status: number; body: unknown }> {
  try {
    const answer = await handler({ request, params: {}, context: { cspNonce: "" } });
    if (answer instanceof Response) return { status: answer.status, body: await answer.json() };
    return { status: 200, body: answer };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.json() };
    const status = thrownStatus(thrown);
    if (status === null) throw thrown;
    return { status, body: null };
  }
}

const tokenOf = (actor: UserActor) => commandValue(createApiToken(actor, { label: "catalogue test" })).token;

async function api(query: string, who?: UserActor | { token: string }) {
  const token = who === undefined ? null : "token" in who ? who.token : tokenOf(who);
  const answer = await call(
    catalogueApi,
    new Request(`http://circuit.test/api/v1/catalogue${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }),
  );
  const documented = responsesOf("GET /api/v1/catalogue")[answer.status];
  if (!documented || documented.contentType !== "application/json") throw new Error(`GET /api/v1/catalogue answered ${answer.status}, which is not documented`);
  const parsed = documented.schema.safeParse(answer.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return answer;
}

const chromebook = {
  manufacturer: "Acer",
  model: "Chromebook 314",
  type: "laptop",
  ramGb: 4,
  storageGb: 64,
  screenInches: 14,
  keyboardLayout: "AZERTY-BE",
} as const;
let listedIds: number[] = [];
let reservedId = 0;
let wipedId = 0;

beforeAll(() => {
  const input = () => ({ ...chromebook, media: [{ serial: `M-${Math.random()}`, kind: "eMMC" as const, capacityGb: 64 }] });
  listedIds = [deviceInState("listed", { input: input(), grade: "C" }).id, deviceInState("listed", { input: input(), grade: "C" }).id];
  reservedId = deviceInState("reserved", { input: input(), grade: "C" }).id;
  wipedId = deviceInState("wiped", { input: input() }).id;
});

describe("GET /api/v1/catalogue", () => {
  test("401 without a token; 403 for department staff, a technician and a member of a pending school", async () => {
    expect((await api("")).status).toBe(401);
    expect((await api("", createActor("department"))).status).toBe(403);
    expect((await api("", createActor("technician"))).status).toBe(403);
    // A pending member may not make a token: this one made it while the school was approved, and then it was set back to pending.
    const organizationId = createOrganization("school");
    const token = tokenOf(createActor("recipient", organizationId));
    db.update(organizations).set({ status: "pending" }).where(eq(organizations.id, organizationId)).run();
    expect((await api("", { token })).status).toBe(403);
  });

  test("a school, a nonprofit, an employee and the coordinator get the cards, as documented", async () => {
    for (const actor of [
      createActor("recipient"),
      createActor("recipient", createOrganization("nonprofit")),
      createActor("employee"),
      createActor("coordinator"),
    ]) {
      const answer = await api("?type=laptop&minRamGb=4&minStorageGb=64&minScreenInches=14&keyboardLayout=azerty-be&grade=C&sort=specs", actor);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        items: [{ ...chromebook, grade: "C", count: 2, deviceIds: listedIds, photos: [], waitingRequests: 0 }],
        total: 1,
      });
    }
  });

  test("a reserved device and one not yet listed are never in it", async () => {
    const answer = await api("", createActor("recipient"));
    const ids = (answer.body as { items: { deviceIds: number[] }[] }).items.flatMap((item) => item.deviceIds);
    expect(ids).toEqual(expect.arrayContaining(listedIds));
    expect(ids).not.toContain(reservedId);
    expect(ids).not.toContain(wipedId);
  });

  test("a query parameter that is not valid is a 422 naming it", async () => {
    const answer = await api("?minRamGb=lots&grade=Z", createActor("recipient"));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: "validation_failed", fields: { minRamGb: expect.any(Array), grade: expect.any(Array) } } });
  });
});

describe("/catalogue", () => {
  test("403 for department staff and a member of a pending school", async () => {
    for (const actor of [createActor("department"), createActor("recipient", createOrganization("school", "pending"), "pending")]) {
      expect((await call(cataloguePage, await signedInRequest(actor, "http://circuit.test/catalogue"))).status).toBe(403);
    }
  });

  test("reads its filters from the address, ignores values it cannot read, and offers a school to ask for one like it", async () => {
    const school = createActor("recipient");
    const answer = await call(
      cataloguePage,
      await signedInRequest(school, "http://circuit.test/catalogue?type=laptop&grade=C&minStorageGb=64&minRamGb=plenty"),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      query: { type: "laptop", grade: "C", minStorageGb: 64 },
      filtered: true,
      canAsk: true,
      total: 1,
      cards: [
        {
          model: chromebook.model,
          count: 2,
          photos: [],
          moreCertificates: 0,
          action: {
            kind: "ask",
            href: "/requests/new?type=laptop&minRamGb=4&minStorageGb=64&minScreenInches=14&keyboardLayout=AZERTY-BE",
          },
        },
      ],
    });
    const card = (answer.body as { cards: { certificates: { number: string; methods: string[] }[] }[] }).cards[0];
    expect(card?.certificates).toHaveLength(2);
    expect(card?.certificates.every((certificate) => certificate.methods.join() === "purge")).toBe(true);
    expect(JSON.stringify(answer.body)).not.toMatch(/serial|department|SN-/i);
  });

  test("the coordinator sees the cards without the ask button", async () => {
    const answer = await call(cataloguePage, await signedInRequest(createActor("coordinator"), "http://circuit.test/catalogue?type=laptop&grade=C"));
    expect(answer.body).toMatchObject({ canAsk: false, cards: [{ action: { kind: "none" } }] });
  });

  test("the request form takes the card's type and specs as its defaults", async () => {
    const school = createActor("recipient");
    const answer = await call(
      newRequestPage,
      await signedInRequest(school, "http://circuit.test/requests/new?type=laptop&minRamGb=4&minStorageGb=64&minScreenInches=14&keyboardLayout=AZERTY-BE"),
    );
    expect(answer.body).toMatchObject({ prefill: { type: "laptop", minRamGb: "4", minStorageGb: "64", minScreenInches: "14", keyboardLayout: "AZERTY-BE" } });
  });
});
