import { spawnSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { asc, count } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { custodyEvents } from "~db/schema";
import { db, sqlite } from "~/db.server";
import { custodyEventHash, GENESIS_HASH, type CustodyEvent } from "~/domain/custody";
import type { LifecycleActor } from "~/domain/lifecycle";
import type { Role } from "~/domain/permissions";
import { custodyHeadHash, custodyParticipants, eventFromRow, listDeviceCustody, verifyDeviceCustody, verifyLedger } from "./custody.server";
import type { CommandResult } from "~/commands/command.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { recycleDevice } from "~/commands/devices/recycle-device.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import type { DeviceDetail, DeviceInput } from "./device.server";
import { insertOrganization } from "./organization.server";
import { insertUser } from "./user.server";

const base = Date.UTC(2026, 10, 30, 9, 0, 0);
const minute = 60 * 1000;
const databasePath = process.env.DATABASE_PATH!;
const CLI_TIMEOUT_MS = 60_000;

let itServiceId: number;
let parksId: number;
let recyclerId: number;
let technician: LifecycleActor & { kind: "user" };
let parksStaff: LifecycleActor & { kind: "user" };
/** Device A: events 1 (register), 2 (collect), 3 (recycle). Device B: 4, 5. Device C: 6. */
let deviceA: number;
let deviceB: number;
let deviceC: number;
/** The custody_events triggers as the migration created them, to put back after tampering. */
let triggerSql: { name: string; sql: string }[];

function actor(role: Role, organizationId: number): LifecycleActor & { kind: "user" } {
  const userId = insertUser({ email: `${role}-${organizationId}@demo.city`, name: `A ${role}`, role, organizationId, passwordHash: "x" });
  return { kind: "user", userId, role, organizationId, organizationStatus: "approved" };
}

function input(n: number): DeviceInput {
  return {
    assetTag: `CUST-${n}`,
    serial: `CUST-SERIAL-${n}`,
    manufacturer: "Lenovo",
    model: "ThinkPad T480",
    type: "laptop",
    media: [
      { serial: `CUST-DRIVE-${n}-A`, kind: "NVMe", capacityGb: 256 },
      { serial: `CUST-DRIVE-${n}-B`, kind: "HDD", capacityGb: 1000 },
    ],
  };
}

function idOf(result: CommandResult<DeviceDetail>): number {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result.value.id;
}

beforeAll(() => {
  itServiceId = insertOrganization({ name: "IT service", kind: "it_service", status: "approved" });
  parksId = insertOrganization({ name: "Parks department", kind: "department", status: "approved" });
  recyclerId = insertOrganization({ name: "GreenCycle NV", kind: "recycler", status: "approved", accreditationNumber: "WEEE-BE-0042" });
  technician = actor("technician", itServiceId);
  parksStaff = actor("department", parksId);

  deviceA = idOf(registerDevice(parksStaff, input(1), { now: base }));
  idOf(collectDevice(technician, { deviceId: deviceA }, { now: base + minute }));
  idOf(recycleDevice(technician, { deviceId: deviceA, recyclerId, certificateNumber: "R2-2026-0042" }, { now: base + 2 * minute }));
  deviceB = idOf(registerDevice(parksStaff, input(2), { now: base + 3 * minute }));
  idOf(collectDevice(technician, { deviceId: deviceB }, { now: base + 4 * minute }));
  deviceC = idOf(registerDevice(parksStaff, input(3), { now: base + 5 * minute }));

  triggerSql = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'custody_events' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
});

function storedEvents(): CustodyEvent[] {
  return db.select().from(custodyEvents).orderBy(asc(custodyEvents.seq)).all().map(eventFromRow);
}

function runCli(database: string) {
  const result = spawnSync("npx", ["tsx", "app/cli/custody-verify.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_PATH: database },
    encoding: "utf8",
    timeout: CLI_TIMEOUT_MS,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A second connection straight to a database file, as someone with access to the file would open it. */
function openFile(file: string): Database.Database {
  const connection = new Database(file);
  connection.pragma("busy_timeout = 5000");
  return connection;
}

function dropTriggers(connection: Database.Database) {
  for (const trigger of triggerSql) connection.exec(`DROP TRIGGER IF EXISTS ${trigger.name}`);
}

function restoreTriggers(connection: Database.Database) {
  for (const trigger of triggerSql) {
    connection.exec(`DROP TRIGGER IF EXISTS ${trigger.name}`);
    connection.exec(trigger.sql);
  }
}

type RawRow = Record<string, string | number | null>;

/**
 * Tampers with the main database file through a second connection (triggers dropped), runs
 * `check`, then puts the original rows and the triggers back.
 */
function tamperMain(seqs: number[], change: (connection: Database.Database) => void, check: () => void) {
  const connection = openFile(databasePath);
  const originals = seqs.map((seq) => connection.prepare("SELECT * FROM custody_events WHERE seq = ?").get(seq) as RawRow);
  try {
    dropTriggers(connection);
    change(connection);
    check();
  } finally {
    const columns = Object.keys(originals[0]!).filter((column) => column !== "seq");
    const restore = connection.prepare(`UPDATE custody_events SET ${columns.map((column) => `${column} = @${column}`).join(", ")} WHERE seq = @seq`);
    // Unique hashes: clear the rewritten ones first, then put every original back.
    for (const original of originals)
      connection.prepare("UPDATE custody_events SET hash = 'restoring-' || seq, prev_hash = 'restoring-prev-' || seq WHERE seq = ?").run(original.seq);
    for (const original of originals) restore.run(original);
    restoreTriggers(connection);
    connection.close();
  }
}

/** A copy of the main database, with everything committed so far, for scenarios that are not undone. */
let copies = 0;
function copyOfMain(): string {
  const [checkpoint] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
  expect(checkpoint?.busy).toBe(0);
  copies += 1;
  const copy = path.join(path.dirname(databasePath), `copy-${copies}.db`);
  copyFileSync(databasePath, copy);
  return copy;
}

afterEach(() => {
  // Every scenario leaves the main ledger as it found it.
  expect(verifyLedger()).toMatchObject({ intact: true, count: 6 });
});

describe("verifyLedger on an intact chain", () => {
  test("counts the events and reports the last event's hash as head", () => {
    const events = storedEvents();
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(verifyLedger()).toEqual({ intact: true, count: 6, headHash: events.at(-1)!.hash });
    expect(custodyHeadHash()).toBe(events.at(-1)!.hash);
  });

  test("the stored chain starts at the genesis hash and every event links to and hashes as it should", () => {
    const events = storedEvents();
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    events.forEach((event, index) => {
      if (index > 0) expect(event.prevHash).toBe(events[index - 1]!.hash);
      expect(custodyEventHash(event)).toBe(event.hash);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});

describe("the database refuses to change the ledger", () => {
  test("UPDATE of an event is refused", () => {
    expect(() => sqlite.prepare("UPDATE custody_events SET actor_id = 'someone-else' WHERE seq = 3").run()).toThrow(/append-only: UPDATE refused/);
    expect(() => sqlite.prepare("UPDATE custody_events SET seq = 100 WHERE seq = 6").run()).toThrow(/append-only: UPDATE refused/);
    expect(sqlite.prepare("SELECT actor_id FROM custody_events WHERE seq = 3").get()).toEqual({ actor_id: technician.userId });
  });

  test("DELETE of an event is refused", () => {
    expect(() => sqlite.prepare("DELETE FROM custody_events WHERE seq = 3").run()).toThrow(/append-only: DELETE refused/);
    expect(() => sqlite.prepare("DELETE FROM custody_events").run()).toThrow(/append-only: DELETE refused/);
    expect(db.select({ total: count() }).from(custodyEvents).get()?.total).toBe(6);
  });

  test("an upsert over an event is refused", () => {
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO custody_events (seq, device_id, type, to_status, to_holder, actor_id, at, details, prev_hash, hash) VALUES (3, ?, 'x', 'x', '{}', 'x', 0, '{}', 'p', 'h') ON CONFLICT(seq) DO UPDATE SET actor_id = 'someone-else'",
        )
        .run(deviceA),
    ).toThrow(/append-only/);
  });

  test("an INSERT OR REPLACE over an event is refused", () => {
    const original = sqlite.prepare("SELECT * FROM custody_events WHERE seq = 3").get() as RawRow;
    const replace = sqlite.prepare(
      "INSERT OR REPLACE INTO custody_events (seq, device_id, type, from_status, to_status, from_holder, to_holder, actor_id, at, details, prev_hash, hash) VALUES (@seq, @device_id, @type, @from_status, @to_status, @from_holder, @to_holder, @actor_id, @at, @details, @prev_hash, @hash)",
    );
    expect(() => replace.run({ ...original, details: JSON.stringify({ recyclerId, certificateNumber: "FORGED" }) })).toThrow(/append-only/);
    expect(sqlite.prepare("SELECT count(*) AS total FROM custody_events").get()).toEqual({ total: 6 });
    expect(verifyLedger()).toMatchObject({ intact: true, count: 6 });
  });
});

describe("tampering with the database file", { timeout: 60_000 }, () => {
  test("an altered actor is named as event 3, by verifyLedger and by the CLI", () => {
    tamperMain(
      [3],
      (connection) => connection.prepare("UPDATE custody_events SET actor_id = ? WHERE seq = 3").run(parksStaff.userId),
      () => {
        expect(verifyLedger()).toEqual({ intact: false, count: 2, firstBadSeq: 3, problem: "hash-mismatch", expectedSeq: 3 });
        const cli = runCli(databasePath);
        expect(cli.status).toBe(1);
        expect(cli.stdout).toContain("Custody chain BROKEN at event 3");
        expect(cli.stdout).toContain("the event was altered");
        expect(cli.stdout).toContain("2 events before it verify");
      },
    );
  });

  test("altered details are named as event 3", () => {
    tamperMain(
      [3],
      (connection) =>
        connection.prepare("UPDATE custody_events SET details = ? WHERE seq = 3").run(JSON.stringify({ recyclerId, certificateNumber: "R2-2026-0043" })),
      () => {
        expect(verifyLedger()).toMatchObject({ intact: false, firstBadSeq: 3, problem: "hash-mismatch" });
        expect(verifyDeviceCustody(listDeviceCustody(deviceA))).toEqual({ intact: false, firstBadSeq: 3 });
        // Device B's events still check out: they link to event 3's stored hash, which is unchanged.
        expect(verifyDeviceCustody(listDeviceCustody(deviceB))).toEqual({ intact: true, firstBadSeq: null });
      },
    );
  });

  test("an altered time or holder is named", () => {
    tamperMain(
      [2],
      (connection) => connection.prepare("UPDATE custody_events SET at = at + 1 WHERE seq = 2").run(),
      () => expect(verifyLedger()).toMatchObject({ intact: false, firstBadSeq: 2, problem: "hash-mismatch" }),
    );
    tamperMain(
      [5],
      (connection) =>
        connection.prepare("UPDATE custody_events SET to_holder = ? WHERE seq = 5").run(JSON.stringify({ kind: "organization", organizationId: parksId })),
      () => expect(verifyLedger()).toMatchObject({ intact: false, firstBadSeq: 5, problem: "hash-mismatch" }),
    );
  });

  test("an event that can no longer be read counts as altered", () => {
    tamperMain(
      [3],
      (connection) => connection.prepare("UPDATE custody_events SET details = 'not json' WHERE seq = 3").run(),
      () => expect(verifyLedger()).toMatchObject({ intact: false, firstBadSeq: 3, count: 2 }),
    );
  });

  test("re-hashing the altered event moves the break to the next event", () => {
    tamperMain(
      [3],
      (connection) => {
        const row = connection.prepare("SELECT * FROM custody_events WHERE seq = 3").get() as RawRow;
        const forged = { ...eventFromRawForTest(row), actorId: parksStaff.userId };
        connection.prepare("UPDATE custody_events SET actor_id = ?, hash = ? WHERE seq = 3").run(forged.actorId, custodyEventHash(forged));
      },
      () => {
        expect(verifyLedger()).toMatchObject({ intact: false, firstBadSeq: 4, problem: "broken-link", count: 3 });
        expect(verifyDeviceCustody(listDeviceCustody(deviceA))).toEqual({ intact: true, firstBadSeq: null });
        expect(verifyDeviceCustody(listDeviceCustody(deviceB))).toEqual({ intact: false, firstBadSeq: 4 });
      },
    );
  });

  test("a removed middle event: the CLI exits 1 and names the event after the gap", () => {
    const copy = copyOfMain();
    const connection = openFile(copy);
    dropTriggers(connection);
    connection.prepare("DELETE FROM custody_events WHERE seq = 3").run();
    connection.close();

    const cli = runCli(copy);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("Custody chain BROKEN at event 4");
    expect(cli.stdout).toContain("sequence number 4 where 3 was expected");
    expect(cli.stdout).toContain(copy);
  });

  test("two events swapped: the CLI exits 1 and names the first out of place", () => {
    const copy = copyOfMain();
    const connection = openFile(copy);
    dropTriggers(connection);
    connection.prepare("UPDATE custody_events SET seq = -1 WHERE seq = 2").run();
    connection.prepare("UPDATE custody_events SET seq = 2 WHERE seq = 3").run();
    connection.prepare("UPDATE custody_events SET seq = 3 WHERE seq = -1").run();
    expect(connection.prepare("SELECT seq, type FROM custody_events WHERE seq IN (2, 3) ORDER BY seq").all()).toEqual([
      { seq: 2, type: "recycle" },
      { seq: 3, type: "collect" },
    ]);
    connection.close();

    const cli = runCli(copy);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("Custody chain BROKEN at event 2");
    expect(cli.stdout).toContain("previous-hash does not match");
  });

  test("a rewrite of the whole tail verifies, but its head hash no longer matches the one kept outside", () => {
    const keptHead = verifyLedger();
    if (!keptHead.intact) throw new Error("expected an intact ledger");
    const copy = copyOfMain();
    const connection = openFile(copy);
    dropTriggers(connection);
    const rows = connection.prepare("SELECT * FROM custody_events ORDER BY seq").all() as RawRow[];
    let previous = GENESIS_HASH;
    for (const row of rows) {
      const event = eventFromRawForTest(row);
      const rewritten = { ...event, prevHash: previous, actorId: event.seq === 3 ? parksStaff.userId : event.actorId };
      const hash = custodyEventHash(rewritten);
      connection
        .prepare("UPDATE custody_events SET actor_id = ?, prev_hash = ?, hash = ? WHERE seq = ?")
        .run(rewritten.actorId, rewritten.prevHash, hash, event.seq);
      previous = hash;
    }
    connection.close();

    const cli = runCli(copy);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain("Custody chain intact: 6 events, head hash");
    expect(cli.stdout).not.toContain(keptHead.headHash);
    expect(cli.stdout).toContain(previous);
  });
});

describe("custody:verify on the intact database", { timeout: 60_000 }, () => {
  test("exits 0 and prints the count and the head hash", () => {
    const verdict = verifyLedger();
    if (!verdict.intact) throw new Error("expected an intact ledger");
    const cli = runCli(databasePath);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`Custody chain intact: 6 events, head hash ${verdict.headHash}`);
    expect(cli.stdout).toMatch(/verified in \d+\.\d\d s/);
    expect(cli.stdout).toContain(databasePath);
  });
});

describe("a device's own custody", () => {
  test("verifyDeviceCustody accepts each device's events", () => {
    for (const deviceId of [deviceA, deviceB, deviceC]) {
      expect(verifyDeviceCustody(listDeviceCustody(deviceId))).toEqual({ intact: true, firstBadSeq: null });
    }
  });

  test("verifyDeviceCustody rejects an event altered after it was read", () => {
    const events = listDeviceCustody(deviceA);
    const forged = events.map((event) => (event.seq === 3 ? { ...event, details: { recyclerId: recyclerId + 1, certificateNumber: "R2-2026-0042" } } : event));
    expect(verifyDeviceCustody(forged)).toEqual({ intact: false, firstBadSeq: 3 });
    const unlinked = events.map((event) => (event.seq === 2 ? { ...event, prevHash: GENESIS_HASH } : event));
    expect(verifyDeviceCustody(unlinked)).toEqual({ intact: false, firstBadSeq: 2 });
  });

  test("listDeviceCustody returns only the device's events, in order, with holders as objects and typed details", () => {
    const events = listDeviceCustody(deviceA);
    expect(events.map((event) => [event.seq, event.type])).toEqual([
      [1, "register"],
      [2, "collect"],
      [3, "recycle"],
    ]);
    expect(events.every((event) => event.deviceId === deviceA)).toBe(true);
    expect(events[0]).toMatchObject({
      fromHolder: null,
      toHolder: { kind: "organization", organizationId: parksId },
      details: {},
      actorId: parksStaff.userId,
      at: base,
    });
    expect(events[1]).toMatchObject({
      fromHolder: { kind: "organization", organizationId: parksId },
      toHolder: { kind: "organization", organizationId: itServiceId },
      actorId: technician.userId,
    });
    expect(events[2]).toMatchObject({
      fromStatus: "collected",
      toStatus: "recycled",
      toHolder: { kind: "organization", organizationId: recyclerId },
      details: { recyclerId, certificateNumber: "R2-2026-0042" },
    });
    expect(typeof events[2]!.toHolder).toBe("object");
    expect(listDeviceCustody(deviceC).map((event) => event.seq)).toEqual([6]);
    expect(listDeviceCustody(987654)).toEqual([]);
  });

  test("custodyParticipants names the holders and gives actors by role", () => {
    const { organizationNames, people } = custodyParticipants(listDeviceCustody(deviceA));
    expect(organizationNames.get(parksId)).toBe("Parks department");
    expect(organizationNames.get(itServiceId)).toBe("IT service");
    expect(people.get(technician.userId)).toMatchObject({ role: "technician", organizationId: itServiceId });
    expect(people.get(parksStaff.userId)).toMatchObject({ role: "department", organizationId: parksId });
    expect(people.get(technician.userId)).not.toHaveProperty("email");
  });
});

/** The event of a raw custody_events row (snake_case columns), as the verifier reads it. */
function eventFromRawForTest(row: RawRow): CustodyEvent {
  return eventFromRow({
    seq: Number(row.seq),
    deviceId: Number(row.device_id),
    type: String(row.type),
    fromStatus: row.from_status === null ? null : String(row.from_status),
    toStatus: String(row.to_status),
    fromHolder: row.from_holder === null ? null : String(row.from_holder),
    toHolder: String(row.to_holder),
    actorId: String(row.actor_id),
    at: Number(row.at),
    details: String(row.details),
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  });
}
