import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, devices } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { verifyLedger } from "~/models/custody.server";
import { getDeviceImport } from "~/models/device-import.server";
import { commandValue, createActor, createOrganization } from "~/test/factories";
import { chooseImportOptions } from "./choose-import-options.server";
import { importDevices } from "./import-devices.server";
import { uploadDeviceImport } from "./upload-device-import.server";

const base = Date.UTC(2026, 10, 30, 9, 0, 0);
let parksId: number;
let financeId: number;
let parksStaff: UserActor;
let financeStaff: UserActor;
let coordinator: UserActor;

beforeAll(() => {
  createOrganization("it_service");
  parksId = createOrganization("department", "approved", "Parks (import)");
  financeId = createOrganization("department", "approved", "Finance (import)");
  parksStaff = createActor("department", parksId);
  financeStaff = createActor("department", financeId);
  coordinator = createActor("coordinator");
});

const events = () => db.select({ total: count() }).from(custodyEvents).get()?.total ?? 0;

const file = [
  "Asset Tag;Serial Number;Manufacturer;Model;Category;Purchase Cost;Notes",
  "IMP-1;IMP-S1;Dell;Latitude 5490;Laptop;1.049,00;Scherm gekrast",
  "IMP-2;IMP-S2;HP;EliteDesk;Desktop;649;",
  "IMP-3;6.37702E+15;HP;EliteDesk;Desktop;649;",
].join("\r\n");

describe("importDevices", () => {
  test("registers the good rows in one go, one register event each, refuses the rest with a reason, and changes nothing the second time", () => {
    const before = events();
    const first = commandValue(importDevices(parksStaff, { csv: file }, { now: base }));
    expect(first).toMatchObject({ created: 2, unchanged: 0, refused: 1 });
    expect(first.rows.find((row) => row.line === 4)).toMatchObject({ status: "refused", fields: { serial: ["errors.import.scientificSerial"] } });
    expect(events() - before).toBe(2);
    const laptop = db.select().from(devices).where(eq(devices.assetTag, "IMP-1")).get();
    expect(laptop).toMatchObject({ departmentId: parksId, status: "registered", purchasePriceCents: 104900, notes: "Scherm gekrast", type: "laptop" });
    expect(verifyLedger().intact).toBe(true);

    const second = commandValue(importDevices(parksStaff, { csv: file }, { now: base + 1000 }));
    expect(second).toMatchObject({ created: 0, unchanged: 2, refused: 1 });
    expect(events() - before).toBe(2);
  });

  test("shows a difference and applies it only when asked while the device is still registered", () => {
    const changed = file.replace("Latitude 5490", "Latitude 5500");
    const shown = commandValue(importDevices(parksStaff, { csv: changed, dryRun: true }));
    expect(shown.rows[0]).toMatchObject({ status: "different", fields: { model: ['errors.import.differs {"stored":"Latitude 5490"}'] } });
    expect(db.select().from(devices).where(eq(devices.assetTag, "IMP-1")).get()?.model).toBe("Latitude 5490");

    const applied = commandValue(importDevices(parksStaff, { csv: changed, update: true }));
    expect(applied).toMatchObject({ updated: 1, unchanged: 1 });
    expect(db.select().from(devices).where(eq(devices.assetTag, "IMP-1")).get()?.model).toBe("Latitude 5500");
  });

  test("a dry run writes nothing; another department's devices are duplicates, not differences", () => {
    const before = events();
    const other = file.replaceAll("IMP-", "DRY-");
    expect(commandValue(importDevices(parksStaff, { csv: other, dryRun: true }))).toMatchObject({ created: 2, dryRun: true });
    expect(events()).toBe(before);
    const foreign = commandValue(importDevices(financeStaff, { csv: file, dryRun: true }));
    expect(foreign.rows[1]).toMatchObject({ status: "refused", fields: { assetTag: ["errors.duplicate.assetTag"] } });
  });

  test("answers a file without a serial number column with one refusal naming it", () => {
    const result = importDevices(parksStaff, { csv: "Asset Tag,Model\nX-1,Latitude\n" });
    expect(result).toMatchObject({ ok: false, reason: "import-missing-column", column: "serial" });
  });

  test("a coordinator names the department; the page's upload keeps the file and its choices until the commit", () => {
    expect(importDevices(coordinator, { csv: file })).toMatchObject({ ok: false, reason: "invalid-input" });
    const csv = "Asset Tag,Serial Number,Manufacturer,Model,Soort apparaat\nUP-1,UP-S1,Dell,Latitude,Printer\n";
    const { importId } = commandValue(uploadDeviceImport(coordinator, { fileName: "stock.csv", csvText: csv, departmentId: financeId }));
    expect(chooseImportOptions(parksStaff, { importId, columns: {} })).toMatchObject({ ok: false, reason: "out-of-scope" });
    commandValue(chooseImportOptions(financeStaff, { importId, columns: { "Soort apparaat": "category" }, categories: { Printer: "other" } }));
    const result = commandValue(importDevices(financeStaff, { importId }));
    expect(result).toMatchObject({ created: 1, refused: 0 });
    expect(getDeviceImport(importId)?.status).toBe("committed");
    expect(importDevices(financeStaff, { importId })).toMatchObject({ ok: false, reason: "import-committed" });
    // The mapping is remembered for the next file with the same headers.
    const next = commandValue(importDevices(financeStaff, { csv: csv.replaceAll("UP-", "UQ-"), categories: { Printer: "other" }, dryRun: true }));
    expect(next.interpretation.unknownColumns).toEqual([]);
    expect(next.created).toBe(1);
  });
});
