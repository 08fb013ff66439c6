import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, matches } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceCustody, verifyLedger } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { listReservedFor, reservationOf } from "~/models/match.server";
import { listNotifications } from "~/models/notification.server";
import { getRequest } from "~/models/request.server";
import { withTempTrigger } from "~/test/database";
import { approvedRequest, commandValue, createActor, createOrganization, deviceInState, lifecycleCast, submittedRequest } from "~/test/factories";
import { confirmMatch } from "./confirm-match.server";

let coordinator: UserActor;
let schoolId: number;
let teacher: UserActor;
let otherTeacher: UserActor;

beforeAll(() => {
  coordinator = lifecycleCast().coordinator;
  schoolId = createOrganization("school", "approved", "Sunny Hill School");
  teacher = createActor("recipient", schoolId);
  otherTeacher = createActor("recipient");
});

/** A listed laptop: 8 GB, 256 GB, 14", AZERTY-BE (the shared device input). */
const listedLaptop = () => deviceInState("listed");

const matchesOf = (deviceId: number) => db.select().from(matches).where(eq(matches.deviceId, deviceId)).orderBy(asc(matches.id)).all();
const eventCount = () => db.select({ total: count() }).from(custodyEvents).get()?.total ?? 0;

describe("confirmMatch", () => {
  test("reserves the device: a confirmed match with its score, a reserve event naming the request, a notification", () => {
    const device = listedLaptop();
    const request = approvedRequest(teacher, { quantity: 2 });
    const at = Date.now();
    const confirmed = commandValue(confirmMatch(coordinator, { deviceId: device.id, requestId: request.id }, { now: at }));

    expect(confirmed.device.status).toBe("reserved");
    expect(confirmed.requestId).toBe(request.id);
    const [match, ...others] = matchesOf(device.id);
    expect(others).toEqual([]);
    expect(match).toMatchObject({ id: confirmed.matchId, requestId: request.id, status: "confirmed", confirmedById: coordinator.userId, closedAt: null });
    expect(match?.confirmedAt.getTime()).toBe(at);
    expect(match?.score).toBeGreaterThan(0);
    expect(JSON.parse(match!.explanation)).toMatchObject({ total: match!.score });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      type: "reserve",
      fromStatus: "listed",
      toStatus: "reserved",
      actorId: coordinator.userId,
      at,
      details: { requestId: request.id },
    });
    expect(getRequest(request.id)).toMatchObject({ status: "approved", reserved: 1, fulfilled: 0 });
    expect(reservationOf(device.id)).toMatchObject({ matchId: confirmed.matchId, requestId: request.id, recipientName: "Sunny Hill School" });
    expect(listReservedFor({ organizationId: schoolId }).map((row) => row.id)).toContain(device.id);
    expect(listNotifications(teacher.userId, 1)[0]).toMatchObject({
      kind: "matchConfirmed",
      values: { request: `#${request.id}`, device: `${device.manufacturer} ${device.model}` },
    });
  });

  test("a device is confirmed once: a second confirmation finds it no longer listed and writes nothing", () => {
    const device = listedLaptop();
    const first = approvedRequest(teacher);
    const second = approvedRequest(otherTeacher);
    commandValue(confirmMatch(coordinator, { deviceId: device.id, requestId: first.id }));
    const [eventsBefore, notificationsBefore] = [eventCount(), listNotifications(otherTeacher.userId).length];

    for (const requestId of [first.id, second.id]) {
      expect(confirmMatch(coordinator, { deviceId: device.id, requestId })).toEqual({ ok: false, reason: "device-not-listed" });
    }
    expect(matchesOf(device.id).map((row) => [row.requestId, row.status])).toEqual([[first.id, "confirmed"]]);
    expect(eventCount()).toBe(eventsBefore);
    expect(getRequest(second.id)?.reserved).toBe(0);
    expect(listNotifications(otherTeacher.userId)).toHaveLength(notificationsBefore);
  });

  test("a device that was never listed is refused the same way", () => {
    const registered = deviceInState("registered");
    expect(confirmMatch(coordinator, { deviceId: registered.id, requestId: approvedRequest(teacher).id })).toEqual({ ok: false, reason: "device-not-listed" });
    expect(matchesOf(registered.id)).toEqual([]);
  });

  test("a request without an open slot is refused: full, or not yet approved", () => {
    const full = approvedRequest(teacher, { quantity: 1 });
    commandValue(confirmMatch(coordinator, { deviceId: listedLaptop().id, requestId: full.id }));
    const device = listedLaptop();
    const eventsBefore = eventCount();

    expect(confirmMatch(coordinator, { deviceId: device.id, requestId: full.id })).toEqual({ ok: false, reason: "request-not-open" });
    expect(confirmMatch(coordinator, { deviceId: device.id, requestId: submittedRequest(teacher).id })).toEqual({ ok: false, reason: "request-not-open" });
    expect(getDevice(device.id)?.status).toBe("listed");
    expect(matchesOf(device.id)).toEqual([]);
    expect(eventCount()).toBe(eventsBefore);
    expect(getRequest(full.id)?.reserved).toBe(1);
  });

  test("a device that does not meet the request is refused; the same layout in other letters fits", () => {
    const device = listedLaptop();
    const eventsBefore = eventCount();
    for (const asked of [{ minRamGb: 16 }, { minStorageGb: 512 }, { keyboardLayout: "QWERTY-US" }, { minScreenInches: 15.6 }, { type: "desktop" as const }]) {
      expect(confirmMatch(coordinator, { deviceId: device.id, requestId: approvedRequest(teacher, asked).id })).toEqual({ ok: false, reason: "not-feasible" });
    }
    expect(getDevice(device.id)?.status).toBe("listed");
    expect(eventCount()).toBe(eventsBefore);

    const sameLayout = approvedRequest(teacher, { keyboardLayout: "azerty-be" });
    expect(commandValue(confirmMatch(coordinator, { deviceId: device.id, requestId: sameLayout.id })).device.status).toBe("reserved");
  });

  test("unknown ids are not found, each named", () => {
    const device = listedLaptop();
    const request = approvedRequest(teacher);
    expect(confirmMatch(coordinator, { deviceId: 987_654, requestId: request.id })).toEqual({ ok: false, reason: "not-found", entity: "device" });
    expect(confirmMatch(coordinator, { deviceId: device.id, requestId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "request" });
    expect(getDevice(device.id)?.status).toBe("listed");
  });

  test("only a coordinator confirms", () => {
    const device = listedLaptop();
    const request = approvedRequest(teacher);
    for (const actor of [lifecycleCast().technician, teacher, createActor("employee")]) {
      expect(confirmMatch(actor, { deviceId: device.id, requestId: request.id })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(getDevice(device.id)?.status).toBe("listed");
    expect(matchesOf(device.id)).toEqual([]);
  });

  test("when the notification cannot be written, the reservation, its event and the match are undone", () => {
    const device = listedLaptop();
    const request = approvedRequest(teacher);
    const eventsBefore = eventCount();
    expect(() =>
      withTempTrigger("fail_notification", "BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        confirmMatch(coordinator, { deviceId: device.id, requestId: request.id }),
      ),
    ).toThrow(/forced/);
    expect(getDevice(device.id)?.status).toBe("listed");
    expect(matchesOf(device.id)).toEqual([]);
    expect(eventCount()).toBe(eventsBefore);
    expect(getRequest(request.id)?.reserved).toBe(0);
  });
});

describe("confirmMatch under real concurrency (separate processes, one database file)", () => {
  const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
  const commandModule = new URL("./confirm-match.server.ts", import.meta.url).href;

  type ChildOutcome = { ok: true; status: string } | { ok: false; reason: string };

  /**
   * Starts one process per attempt. Each loads the command, says "ready" and waits; when all are
   * ready they are released together, confirm once and print the outcome.
   */
  async function confirmInParallel(attempts: { deviceId: number; requestId: number }[]): Promise<ChildOutcome[]> {
    const script = `
      const { confirmMatch } = await import(process.env.COMMAND_MODULE);
      const actor = JSON.parse(process.env.ACTOR);
      process.stdout.write("ready\\n");
      await new Promise((resolve) => process.stdin.once("data", resolve));
      const result = confirmMatch(actor, { deviceId: Number(process.env.DEVICE_ID), requestId: Number(process.env.REQUEST_ID) });
      process.stdout.write("result " + JSON.stringify(result.ok ? { ok: true, status: result.value.device.status } : result) + "\\n");
      process.exit(0);
    `;
    const children = attempts.map(({ deviceId, requestId }) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: projectRoot,
        env: { ...process.env, COMMAND_MODULE: commandModule, ACTOR: JSON.stringify(coordinator), DEVICE_ID: String(deviceId), REQUEST_ID: String(requestId) },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let markReady: () => void = () => undefined;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("ready\n")) markReady();
      });
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const done = new Promise<ChildOutcome>((resolve, reject) => {
        child.on("error", reject);
        child.on("exit", (code) => {
          const line = stdout.split("\n").find((candidate) => candidate.startsWith("result "));
          if (code !== 0 || !line) reject(new Error(`confirming process exited ${code}: ${stderr}`));
          else resolve(JSON.parse(line.slice("result ".length)));
        });
      });
      // A process that dies before it is ready fails the test instead of hanging it.
      const readyOrFailed = Promise.race([ready, done.then(() => undefined)]);
      return { child, readyOrFailed, done };
    });
    await Promise.all(children.map((child) => child.readyOrFailed));
    for (const { child } of children) child.stdin.end("go\n");
    return Promise.all(children.map((child) => child.done));
  }

  test("six processes confirm the same device for three requests at once: exactly one reservation survives", async () => {
    const device = listedLaptop();
    const requests = [approvedRequest(teacher), approvedRequest(otherTeacher), approvedRequest(createActor("employee"), { quantity: 1 })];
    const eventsBefore = eventCount();

    const outcomes = await confirmInParallel(Array.from({ length: 6 }, (_, index) => ({ deviceId: device.id, requestId: requests[index % 3]!.id })));

    expect(outcomes.filter((outcome) => outcome.ok)).toEqual([{ ok: true, status: "reserved" }]);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(Array.from({ length: 5 }, () => ({ ok: false, reason: "device-not-listed" })));
    const rows = matchesOf(device.id);
    expect(rows.map((row) => row.status)).toEqual(["confirmed"]);
    const winner = rows[0]!.requestId;
    expect(
      listDeviceCustody(device.id)
        .filter((event) => event.type === "reserve")
        .map((event) => event.details.requestId),
    ).toEqual([winner]);
    expect(eventCount()).toBe(eventsBefore + 1);
    for (const request of requests) expect(getRequest(request.id)?.reserved).toBe(request.id === winner ? 1 : 0);
    expect(verifyLedger().intact).toBe(true);
  }, 60_000);

  test("four processes confirm four devices for a request with one slot: exactly one is reserved", async () => {
    const request = approvedRequest(teacher, { quantity: 1 });
    const candidates = [listedLaptop(), listedLaptop(), listedLaptop(), listedLaptop()];
    const eventsBefore = eventCount();

    const outcomes = await confirmInParallel(candidates.map((device) => ({ deviceId: device.id, requestId: request.id })));

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(Array.from({ length: 3 }, () => ({ ok: false, reason: "request-not-open" })));
    const reserved = candidates.filter((device) => getDevice(device.id)?.status === "reserved");
    expect(reserved).toHaveLength(1);
    expect(
      db
        .select({ deviceId: matches.deviceId })
        .from(matches)
        .where(and(eq(matches.requestId, request.id), eq(matches.status, "confirmed")))
        .all(),
    ).toEqual([{ deviceId: reserved[0]!.id }]);
    expect(getRequest(request.id)).toMatchObject({ reserved: 1, status: "approved" });
    expect(eventCount()).toBe(eventsBefore + 1);
    expect(verifyLedger().intact).toBe(true);
  }, 60_000);
});
