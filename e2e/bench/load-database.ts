// Builds a large database for the benchmarks: 100,000 devices and 1,000,000 custody events, every
// event chained and hashed by the domain's own chainEvent, so that custody:verify checks real work.
// Rows go in through prepared statements in large transactions (the model's one-event-per-
// transaction path would take minutes for a million events); the lifecycle followed per device is a
// legal one: register, collect, certify, list, reserve, release, reserve, handover, return, certify.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { applyMigrations } from "~db/migrate";
import * as schema from "~db/schema";
import { chainEvent, type CustodyDetails } from "~/domain/custody";
import { carbonColumns } from "~/models/carbon-reference-file.server";
import type { DeviceStatus, Holder, LifecycleAction } from "~/domain/lifecycle";

export const DEVICE_COUNT = 100_000;
export const EVENTS_PER_DEVICE = 10;

const cycle: { type: LifecycleAction; from: DeviceStatus | null; to: DeviceStatus; details: CustodyDetails }[] = [
  { type: "register", from: null, to: "registered", details: {} },
  { type: "collect", from: "registered", to: "collected", details: {} },
  { type: "certify", from: "collected", to: "wiped", details: { certificateNumber: "WC-BENCH" } },
  { type: "list", from: "wiped", to: "listed", details: { grade: "B" } },
  { type: "reserve", from: "listed", to: "reserved", details: { requestId: 1, purchaseId: null } },
  { type: "release", from: "reserved", to: "listed", details: { reasonNoteId: null } },
  { type: "reserve", from: "listed", to: "reserved", details: { requestId: 2, purchaseId: null } },
  { type: "handover", from: "reserved", to: "deployed", details: { signatureId: null } },
  { type: "return", from: "deployed", to: "collected", details: { reasonNoteId: null } },
  { type: "certify", from: "collected", to: "wiped", details: { certificateNumber: "WC-BENCH-2" } },
];

/** The files SQLite keeps for one database: the file itself and its WAL, shared-memory and rollback journal. */
export function loadDatabaseFiles(databasePath: string): string[] {
  return ["", "-wal", "-shm", "-journal"].map((suffix) => `${databasePath}${suffix}`);
}

/** Removes the files of an earlier load database, and nothing else: the folder and whatever lies beside them stay. */
export function removeLoadDatabase(databasePath: string): void {
  for (const file of loadDatabaseFiles(databasePath)) rmSync(file, { force: true });
}

/**
 * Builds the load database at `databasePath`, replacing an earlier one. It opens a connection of its own
 * (not ~/db.server's, which connects when imported and would keep pointing at the file removed here), so
 * whoever imports ~/db.server afterwards opens the file built here.
 */
export function createLoadDatabase(databasePath: string, log: (line: string) => void = console.log, deviceCount = DEVICE_COUNT): void {
  removeLoadDatabase(databasePath);
  mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const sqlite = new Database(databasePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("recursive_triggers = ON");
  applyMigrations(drizzle(sqlite, { schema }));
  const started = performance.now();

  const insertOrganization = sqlite.prepare("INSERT INTO organizations (name, kind, status) VALUES (?, ?, 'approved') RETURNING id");
  const departments = [
    (insertOrganization.get("Bench Department A", "department") as { id: number }).id,
    (insertOrganization.get("Bench Department B", "department") as { id: number }).id,
  ];
  const itService = (insertOrganization.get("Bench IT service", "it_service") as { id: number }).id;
  const school = (insertOrganization.get("Bench School", "school") as { id: number }).id;
  sqlite
    .prepare(
      "INSERT INTO users (id, email, name, role, organization_id, password_hash) VALUES ('bench-user', 'bench@bench.city', 'Bench', 'technician', ?, 'x')",
    )
    .run(itService);

  const insertDevice = sqlite.prepare(
    `INSERT INTO devices (public_id, asset_tag, serial, manufacturer, model, type, ram_gb, storage_gb, department_id, status, holder_kind, holder_organization_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'wiped', 'organization', ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO custody_events (seq, device_id, type, from_status, to_status, from_holder, to_holder, actor_id, at, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const models = [
    ["Dell", "Latitude 5490", "laptop"],
    ["HP", "EliteBook 840 G5", "laptop"],
    ["Lenovo", "ThinkPad T480", "laptop"],
    ["Dell", "OptiPlex 7060", "desktop"],
    ["Apple", "iPad (7th generation)", "tablet"],
  ] as const;

  let head: { seq: number; hash: string } | null = null;
  const batchSize = 2_000;
  const baseTime = Date.UTC(2024, 0, 1);
  for (let batchStart = 0; batchStart < deviceCount; batchStart += batchSize) {
    sqlite.transaction(() => {
      for (let index = batchStart; index < Math.min(deviceCount, batchStart + batchSize); index += 1) {
        const [manufacturer, model, type] = models[index % models.length]!;
        const departmentId = departments[index % 2]!;
        const at = baseTime + index * 60_000;
        const deviceId = Number(
          insertDevice.run(
            `bench${index.toString(36).padStart(11, "0")}`,
            `B-${String(index).padStart(6, "0")}`,
            `SN${(index * 7919).toString(36).toUpperCase()}X${index}`,
            manufacturer,
            model,
            type,
            8,
            256,
            departmentId,
            itService,
            at,
            at,
          ).lastInsertRowid,
        );
        const holders: Record<string, Holder> = {
          department: { kind: "organization", organizationId: departmentId },
          it: { kind: "organization", organizationId: itService },
          school: { kind: "organization", organizationId: school },
        };
        let holder: Holder | null = null;
        cycle.forEach((step, stepIndex) => {
          const toHolder =
            step.type === "register"
              ? holders.department!
              : step.type === "handover"
                ? holders.school!
                : step.type === "collect" || step.type === "return"
                  ? holders.it!
                  : holder!;
          const event = chainEvent(head, {
            deviceId,
            type: step.type,
            fromStatus: step.from,
            toStatus: step.to,
            fromHolder: holder,
            toHolder,
            actorId: "bench-user",
            at: at + stepIndex * 1000,
            details: step.details,
          });
          insertEvent.run(
            event.seq,
            deviceId,
            event.type,
            event.fromStatus,
            event.toStatus,
            event.fromHolder === null ? null : JSON.stringify(event.fromHolder),
            JSON.stringify(event.toHolder),
            event.actorId,
            event.at,
            JSON.stringify(event.details),
            event.prevHash,
            event.hash,
          );
          head = { seq: event.seq, hash: event.hash };
          holder = toHolder;
        });
      }
    })();
    if ((batchStart + batchSize) % 20_000 === 0) log(`  ${batchStart + batchSize} devices, ${(batchStart + batchSize) * EVENTS_PER_DEVICE} events…`);
  }
  // Each model's carbon figure, as registration gives it (the impact figures sum them).
  const setCarbon = sqlite.prepare(
    `UPDATE devices SET carbon_kg_co2e = ?, carbon_source = ?, carbon_reference = ?, carbon_reference_url = ?, carbon_reference_weight_kg = ?
     WHERE manufacturer = ? AND model = ? AND type = ?`,
  );
  for (const [manufacturer, model, type] of models) {
    const carbon = carbonColumns({ manufacturer, model, type });
    setCarbon.run(
      carbon.carbonKgCo2e,
      carbon.carbonSource,
      carbon.carbonReference,
      carbon.carbonReferenceUrl,
      carbon.carbonReferenceWeightKg,
      manufacturer,
      model,
      type,
    );
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  sqlite.close();
  log(`Load database ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${deviceCount} devices, ${deviceCount * EVENTS_PER_DEVICE} events.`);
}
