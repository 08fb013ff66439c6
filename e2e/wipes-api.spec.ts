import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { bearer, test } from "./support/api";
import { pdfText } from "./support/pdf-text";
import { expect, unique, type Account } from "./support/fixtures";

const nwipeLog = readFileSync("app/domain/fixtures/nwipe/shredos-dodshort-single.log", "utf8");

/** A desktop with one HDD, registered by the department. */
async function registeredDesktop(request: APIRequestContext, tagPrefix: string, department: Account) {
  const serial = unique("WD").toUpperCase();
  const created = await request.post("/api/v1/devices", {
    headers: await bearer(request, department.email),
    data: {
      assetTag: unique(tagPrefix).slice(0, 40),
      serial: unique("SN"),
      manufacturer: "Dell",
      model: "OptiPlex 3070",
      type: "desktop",
      media: [{ serial, kind: "HDD", capacityGb: 500 }],
    },
  });
  expect(created.status()).toBe(201);
  return { device: await created.json(), serial };
}

const wipe = {
  method: "clear",
  technique: "overwrite",
  rounds: 1,
  tool: "nwipe",
  toolVersion: "0.35",
  verification: "full",
  result: "pass",
  startedAt: "2026-11-29T09:00:00Z",
  finishedAt: "2026-11-29T11:00:00Z",
};

test("the wipe API: record, validate by a second technician, certify, certificate JSON and PDF, list", async ({ request, newAccount }) => {
  const [departmentAccount, validator] = [await newAccount("department"), await newAccount("technician")];
  const department = await bearer(request, departmentAccount.email);
  const tech1 = await bearer(request, (await newAccount("technician")).email);
  const tech2 = await bearer(request, validator.email);
  const { device, serial } = await registeredDesktop(request, "WAPI", departmentAccount);
  const mediumId = device.media[0].id;
  const wipesPath = `/api/v1/devices/${device.id}/media/${mediumId}/wipes`;

  expect((await request.post(wipesPath, { headers: tech1, data: wipe })).status()).toBe(409);
  expect((await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: tech1, data: { action: "collect" } })).status()).toBe(200);

  expect((await request.post(wipesPath, { data: wipe })).status()).toBe(401);
  expect((await request.post(wipesPath, { headers: department, data: wipe })).status()).toBe(403);
  const disagreeing = await request.post(wipesPath, { headers: tech1, data: { ...wipe, method: "destroy", verification: "sample" } });
  expect(disagreeing.status()).toBe(422);
  expect(Object.keys((await disagreeing.json()).error.fields)).toEqual(expect.arrayContaining(["technique", "samplePercent"]));
  const roundsOnCrypto = await request.post(wipesPath, { headers: tech1, data: { ...wipe, method: "purge", technique: "crypto-erase", rounds: 2 } });
  expect(roundsOnCrypto.status()).toBe(422);
  expect(Object.keys((await roundsOnCrypto.json()).error.fields)).toEqual(["rounds"]);

  const failed = await request.post(wipesPath, { headers: tech1, data: { ...wipe, result: "fail" } });
  expect(failed.status()).toBe(201);
  const failedRecord = await failed.json();
  expect((await request.post(`/api/v1/wipes/${failedRecord.id}/validate`, { headers: tech2 })).status()).toBe(409);

  const created = await request.post(wipesPath, { headers: tech1, data: wipe });
  expect(created.status()).toBe(201);
  const record = await created.json();
  expect(record).toMatchObject({ id: expect.any(Number), method: "clear", technique: "overwrite", rounds: 1, result: "pass", validatedBy: null });

  const certifyTooEarly = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: tech1, data: { action: "certify" } });
  expect(certifyTooEarly.status()).toBe(409);

  const ownValidation = await request.post(`/api/v1/wipes/${record.id}/validate`, { headers: tech1 });
  expect(ownValidation.status()).toBe(403);
  expect((await ownValidation.json()).error.code).toBe("same_person");
  const validated = await request.post(`/api/v1/wipes/${record.id}/validate`, { headers: tech2 });
  expect(validated.status()).toBe(200);
  expect((await validated.json()).validatedBy).toMatchObject({ name: validator.name });
  expect((await request.post(`/api/v1/wipes/${record.id}/validate`, { headers: tech2 })).status()).toBe(409);

  const certified = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: tech1, data: { action: "certify" } });
  expect(certified.status()).toBe(200);
  expect((await certified.json()).status).toBe("wiped");

  const certificate = await request.get(`/api/v1/devices/${device.id}/certificate`, { headers: tech1 });
  expect(certificate.status()).toBe(200);
  const certificateBody = await certificate.json();
  expect(certificateBody.number).toMatch(/^WC-\d{4}-\d{6}$/);
  expect(certificateBody.records).toHaveLength(1);
  expect(certificateBody.records[0]).toMatchObject({ id: record.id, medium: { serial } });

  const pdfResponse = await request.get(`/api/v1/devices/${device.id}/certificate.pdf`, { headers: tech1 });
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  const pdf = await pdfText(new Uint8Array(await pdfResponse.body()));
  expect(pdf.text).toContain(certificateBody.number);
  expect(pdf.text).toContain(serial);

  const custody = await (await request.get(`/api/v1/devices/${device.id}/custody`, { headers: tech1 })).json();
  expect(custody.events.at(-1)).toMatchObject({ type: "certify", details: { certificateNumber: certificateBody.number } });

  expect((await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: tech1, data: { action: "list" } })).status()).toBe(422);
  const listed = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: tech1, data: { action: "list", grade: "A" } });
  expect(listed.status()).toBe(200);
  expect(await listed.json()).toMatchObject({ status: "listed", conditionGrade: "A" });

  const publicView = await (await request.get(`/api/v1/verify/${device.publicId}`)).json();
  expect(publicView.certificate).toMatchObject({ number: certificateBody.number, media: [{ method: "clear", validatorOrganization: "ICT-dienst" }] });
  expect(JSON.stringify(publicView)).not.toContain(validator.name);
});

test("the latest attempt decides: a validated pass then a fail is refused; a newer validated pass certifies; the certificate lists all three", async ({
  request,
  newAccount,
}) => {
  const departmentAccount = await newAccount("department");
  const [first, second] = [await newAccount("technician"), await newAccount("technician")];
  const tech1 = await bearer(request, first.email);
  const tech2 = await bearer(request, second.email);
  const { device, serial } = await registeredDesktop(request, "WLAST", departmentAccount);
  const wipesPath = `/api/v1/devices/${device.id}/media/${device.media[0].id}/wipes`;
  const transition = (action: string) => request.post(`/api/v1/devices/${device.id}/transitions`, { headers: tech1, data: { action } });
  expect((await transition("collect")).status()).toBe(200);
  const recordAndMaybeValidate = async (result: "pass" | "fail") => {
    const created = await request.post(wipesPath, { headers: tech1, data: { ...wipe, result } });
    expect(created.status()).toBe(201);
    const record = await created.json();
    if (result === "pass") expect((await request.post(`/api/v1/wipes/${record.id}/validate`, { headers: tech2 })).status()).toBe(200);
    return record;
  };

  const pass = await recordAndMaybeValidate("pass");
  const fail = await recordAndMaybeValidate("fail");
  const refused = await transition("certify");
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("media_not_sanitized");

  const rewipe = await recordAndMaybeValidate("pass");
  expect((await transition("certify")).status()).toBe(200);

  const certificate = await (await request.get(`/api/v1/devices/${device.id}/certificate`, { headers: tech1 })).json();
  expect(certificate.records.map((record: { id: number }) => record.id)).toEqual([rewipe.id]);
  expect(certificate.attempts.map((attempt: { id: number; result: string; deciding: boolean }) => [attempt.id, attempt.result, attempt.deciding])).toEqual([
    [pass.id, "pass", false],
    [fail.id, "fail", false],
    [rewipe.id, "pass", true],
  ]);
  expect(certificate.attempts[1]).toMatchObject({ performedBy: { name: first.name }, validatedBy: null });

  const pdf = await pdfText(
    new Uint8Array(await (await request.get(`/api/v1/devices/${device.id}/certificate.pdf`, { headers: { ...tech1, "Accept-Language": "en" } })).body()),
  );
  const text = pdf.text.replace(/\s+/g, " ");
  expect(text).toContain(serial);
  expect(text).toContain("Attempt 2 of 3: Fail (superseded by a later attempt)");
  expect(text).toContain("Attempt 3 of 3: Pass (deciding)");
});

test("the wipe-log API drafts records from an nwipe log, or says what it could not read", async ({ request, newAccount }) => {
  const departmentAccount = await newAccount("department");
  const department = await bearer(request, departmentAccount.email);
  const tech1 = await bearer(request, (await newAccount("technician")).email);
  const { device, serial } = await registeredDesktop(request, "WLOG", departmentAccount);
  const path = `/api/v1/devices/${device.id}/wipe-logs`;
  const log = nwipeLog.replaceAll("WD-WCC2E1234567", serial);

  const drafted = await request.post(path, { headers: { ...tech1, "Content-Type": "text/plain" }, data: log });
  expect(drafted.status()).toBe(200);
  const { drafts } = await drafted.json();
  expect(drafts).toEqual([
    expect.objectContaining({
      mediumId: device.media[0].id,
      serial,
      method: "clear",
      technique: "overwrite",
      rounds: 1,
      result: "pass",
      tool: "nwipe",
      toolVersion: expect.stringContaining("0.34"),
    }),
  ]);
  expect(drafts[0].startedAt).toMatch(/^2023-10-14T/);
  expect(drafts[0].finishedAt).toMatch(/^2023-10-14T/);

  const otherDevice = await request.post(path, { headers: { ...tech1, "Content-Type": "text/plain" }, data: nwipeLog });
  expect(otherDevice.status()).toBe(422);
  expect((await otherDevice.json()).error.message).toContain("WD-WCC2E1234567");

  const garbage = await request.post(path, { headers: { ...tech1, "Content-Type": "text/plain" }, data: "hello, this is not a log" });
  expect(garbage.status()).toBe(422);
  expect((await request.post(path, { headers: { ...department, "Content-Type": "text/plain" }, data: log })).status()).toBe(403);
});

test("the wipe-log API lists the log's drives the device does not have: serial, kind and capacity", async ({ request, newAccount }) => {
  const departmentAccount = await newAccount("department");
  const tech1 = await bearer(request, (await newAccount("technician")).email);
  const { device, serial } = await registeredDesktop(request, "WUNK", departmentAccount);
  const ssdSerial = unique("SSD").toUpperCase();
  const ssdLog = readFileSync("app/domain/fixtures/nwipe/nwipe-prng-verify-all-three-rounds.log", "utf8");
  const log = `${nwipeLog.replaceAll("WD-WCC2E1234567", serial)}${ssdLog.replaceAll("50026B7782ABCDEF", ssdSerial)}`;

  const answer = await request.post(`/api/v1/devices/${device.id}/wipe-logs`, { headers: { ...tech1, "Content-Type": "text/plain" }, data: log });
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body.drafts.map((draft: { serial: string }) => draft.serial)).toEqual([serial]);
  expect(body.drafts[0].logExcerpt).toContain("/dev/sda");
  expect(body.unknownDrives).toEqual([{ serial: ssdSerial, kind: "SSD", capacityGb: 240 }]);
  expect(body.ignoredDrives).toEqual([ssdSerial]);
});
