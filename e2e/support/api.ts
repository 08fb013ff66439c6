// API helpers for test set-up: tokens, and a device taken through the lifecycle to `listed`.
import type { APIRequestContext } from "@playwright/test";
import { demoUsers, expect, unique } from "./fixtures";

export async function bearer(request: APIRequestContext, email: string): Promise<{ Authorization: string }> {
  const response = await request.post("/api/v1/tokens", { data: { email, password: "circuit-demo" } });
  expect(response.status(), `token for ${email}`).toBe(201);
  return { Authorization: `Bearer ${(await response.json()).token}` };
}

/** A laptop registered, collected, wiped by one technician, validated by the other, certified and listed. */
export async function listedLaptop(request: APIRequestContext, specs: { ramGb: number; storageGb: number } = { ramGb: 8, storageGb: 256 }) {
  const department = await bearer(request, demoUsers.department);
  const tech1 = await bearer(request, demoUsers.tech1);
  const tech2 = await bearer(request, demoUsers.tech2);
  const created = await request.post("/api/v1/devices", {
    headers: department,
    data: {
      assetTag: unique("LIST").slice(0, 40),
      serial: unique("SN"),
      manufacturer: "Lenovo",
      model: "ThinkPad L13",
      type: "laptop",
      ...specs,
      keyboardLayout: "AZERTY-BE",
      media: [{ serial: unique("SSD"), kind: "SSD", capacityGb: specs.storageGb }],
    },
  });
  expect(created.status()).toBe(201);
  const device = await created.json();
  const step = async (headers: { Authorization: string }, data: Record<string, unknown>) => {
    const response = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers, data });
    expect(response.status(), `${String(data.action)} of ${device.assetTag}`).toBe(200);
  };
  await step(tech1, { action: "collect" });
  const wipe = await request.post(`/api/v1/devices/${device.id}/media/${device.media[0].id}/wipes`, {
    headers: tech1,
    data: { method: "purge", technique: "crypto-erase", tool: "hdparm", toolVersion: "9.65", verification: "full", result: "pass" },
  });
  expect(wipe.status()).toBe(201);
  expect((await request.post(`/api/v1/wipes/${(await wipe.json()).id}/validate`, { headers: tech2 })).status()).toBe(200);
  await step(tech1, { action: "certify" });
  await step(tech1, { action: "list", grade: "B" });
  return device as { id: number; publicId: string; assetTag: string };
}

export function inTwoMonths(): string {
  return new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
