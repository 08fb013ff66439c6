// A few years of demo history for the impact pages: devices registered, wiped, handed over to schools,
// nonprofits and employees (some returned and handed over again), others recycled — all through the
// commands, backdated with their `now`, so that the chain verifies and /impact shows real charts.
// Runs before the recent demo devices (db/seed-devices.ts): the ledger's times stay in order.
import type { CommandResult } from "~/commands/command.server";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { handOverDevice } from "~/commands/devices/hand-over-device.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { recycleDevice } from "~/commands/devices/recycle-device.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import { returnDevice } from "~/commands/devices/return-device.server";
import { confirmMatch } from "~/commands/matches/confirm-match.server";
import { approveRequest } from "~/commands/requests/approve-request.server";
import { fileRequest } from "~/commands/requests/file-request.server";
import { recordWipe } from "~/commands/wipes/record-wipe.server";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import type { DeviceType } from "~/domain/devices";
import type { UserActor } from "~/domain/lifecycle";
import type { DeviceDetail, DeviceInput } from "~/models/device.server";

const day = 24 * 60 * 60 * 1000;

type Model = Pick<DeviceInput, "manufacturer" | "model" | "type" | "purchaseDate" | "weightKg"> & { media: DeviceInput["media"][number]["kind"][] };

const models: Model[] = [
  { manufacturer: "Dell", model: "Latitude 5490", type: "laptop", purchaseDate: "2018-09-10", weightKg: 1.6, media: ["SSD"] },
  { manufacturer: "Lenovo", model: "ThinkPad X270", type: "laptop", purchaseDate: "2017-11-02", weightKg: null, media: ["SSD"] },
  { manufacturer: "HP", model: "EliteBook 840 G6", type: "laptop", purchaseDate: "2019-06-20", weightKg: 1.5, media: ["NVMe"] },
  { manufacturer: "Dell", model: "OptiPlex 7060", type: "desktop", purchaseDate: "2018-03-01", weightKg: 5.2, media: ["SSD"] },
  { manufacturer: "Dell", model: "U2417HA", type: "monitor", purchaseDate: "2017-05-15", weightKg: null, media: [] },
  { manufacturer: "Apple", model: "iPad (7th generation)", type: "tablet", purchaseDate: "2019-10-01", weightKg: 0.48, media: ["eMMC"] },
  { manufacturer: "Apple", model: "iPhone SE - Gen 2", type: "phone", purchaseDate: "2020-06-01", weightKg: 0.15, media: ["eMMC"] },
  { manufacturer: "Lenovo", model: "ThinkCentre M720q", type: "desktop", purchaseDate: "2018-12-01", weightKg: null, media: ["SSD"] },
];

export type HistoryPeople = {
  departments: { id: number; staff: UserActor }[];
  coordinator: UserActor;
  technicians: [UserActor, UserActor];
  /** Recipients: a school's, a nonprofit's member, an employee. */
  recipients: UserActor[];
  recyclers: { id: number; certificatePrefix: string }[];
};

/** Devices registered over the three years up to `until`, each carried through its life by the commands. */
export function seedDemoHistory(people: HistoryPeople, now: number, until: number = now - 125 * day): void {
  const start = now - 3 * 365 * day;
  const count = 64;
  const steps: { at: number; run: () => void }[] = [];
  const devices = new Map<number, DeviceDetail>();
  const done = <Value>(result: CommandResult<Value>, what: string): Value => {
    if (!result.ok) throw new Error(`Demo history: ${what} refused (${JSON.stringify(result)})`);
    return result.value;
  };
  const [tech, validator] = people.technicians;

  function wipeAndList(index: number, at: number) {
    const device = devices.get(index)!;
    for (const medium of device.media) {
      const wipe = done(
        recordWipe(
          tech,
          {
            deviceId: device.id,
            mediumId: medium.id,
            method: "purge",
            technique: medium.kind === "NVMe" ? "nvme-sanitize" : "crypto-erase",
            tool: "hdparm",
            toolVersion: "9.65",
            verification: "sample",
            samplePercent: 10,
            result: "pass",
            startedAt: at - 3_600_000,
            finishedAt: at - 3_000_000,
          },
          { now: at },
        ),
        "wipe",
      );
      done(validateWipe(validator, { wipeId: wipe.id }, { now: at + 600_000 }), "validation");
    }
    done(certifyDevice(tech, { deviceId: device.id }, { now: at + 1_200_000 }), "certification");
    devices.set(index, done(listDevice(tech, { deviceId: device.id, grade: (["A", "B", "C"] as const)[index % 3]! }, { now: at + 1_800_000 }), "listing"));
  }

  function handOver(index: number, recipient: UserActor, at: number) {
    const device = devices.get(index)!;
    const type: DeviceType = device.type;
    const rubric =
      recipient.role !== "recipient"
        ? {}
        : recipient.organizationId === people.recipients[0]!.organizationId
          ? { pupilsWithoutDevice: 30, disadvantagedSharePercent: 40 }
          : { peopleServed: 120, vulnerable: true };
    const request = done(
      fileRequest(
        recipient,
        {
          type,
          quantity: 1,
          minRamGb: 0,
          minStorageGb: 0,
          minScreenInches: null,
          keyboardLayout: "any",
          purpose: "Een toestel voor thuiswerk en lessen.",
          beneficiaries: 1,
          neededBy: new Date(at + 30 * day).toISOString().slice(0, 10),
          ...rubric,
        },
        { now: at },
      ),
      "request",
    );
    done(
      approveRequest(
        people.coordinator,
        { requestId: request.id, priority: request.rubricPriority ?? 50, priorityReason: "Gewone prioriteit (demo)." },
        { now: at + day },
      ),
      "approval",
    );
    done(confirmMatch(people.coordinator, { deviceId: device.id, requestId: request.id }, { now: at + 2 * day }), "match");
    devices.set(index, done(handOverDevice(tech, { deviceId: device.id, signedBy: "Demo ontvanger" }, { now: at + 6 * day }), "handover"));
  }

  for (let index = 0; index < count; index += 1) {
    const registeredAt = start + Math.round(((until - start - 300 * day) * index) / count);
    const department = people.departments[index % people.departments.length]!;
    const model = models[index % models.length]!;
    const number = String(index + 1).padStart(4, "0");
    steps.push({
      at: registeredAt,
      run: () =>
        devices.set(
          index,
          done(
            registerDevice(
              department.staff,
              {
                ...model,
                assetTag: `HIST-${number}`,
                serial: `H${(9_100_000 + index * 7919).toString(36).toUpperCase()}`,
                media: model.media.map((kind, mediumIndex) => ({ kind, capacityGb: 256, serial: `H-${kind}-${number}-${mediumIndex + 1}` })),
                departmentId: department.id,
              },
              { now: registeredAt },
            ),
            "registration",
          ),
        ),
    });
    steps.push({
      at: registeredAt + 3 * day,
      run: () => devices.set(index, done(collectDevice(tech, { deviceId: devices.get(index)!.id }, { now: registeredAt + 3 * day }), "collection")),
    });
    if (index % 7 === 3) {
      // Too old to reuse: recycled straight after collection, never reused.
      const recycler = people.recyclers[index % people.recyclers.length]!;
      steps.push({
        at: registeredAt + 10 * day,
        run: () =>
          done(
            recycleDevice(
              people.coordinator,
              { deviceId: devices.get(index)!.id, recyclerId: recycler.id, certificateNumber: `${recycler.certificatePrefix}-H${String(10_000 + index * 53)}` },
              { now: registeredAt + 10 * day },
            ),
            "recycling",
          ),
      });
      continue;
    }
    steps.push({ at: registeredAt + 8 * day, run: () => wipeAndList(index, registeredAt + 8 * day) });
    const recipient = people.recipients[index % people.recipients.length]!;
    const handedAt = registeredAt + (15 + (index % 5) * 4) * day;
    steps.push({ at: handedAt, run: () => handOver(index, recipient, handedAt) });
    if (index % 5 === 0) {
      // Came back after a school year, and went out again to someone else.
      const returnedAt = handedAt + 200 * day;
      steps.push({
        at: returnedAt,
        run: () => devices.set(index, done(returnDevice(people.coordinator, { deviceId: devices.get(index)!.id }, { now: returnedAt }), "return")),
      });
      steps.push({ at: returnedAt + 5 * day, run: () => wipeAndList(index, returnedAt + 5 * day) });
      const next = people.recipients[(index + 1) % people.recipients.length]!;
      steps.push({ at: returnedAt + 10 * day, run: () => handOver(index, next, returnedAt + 10 * day) });
    }
  }
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) step.run();
}
