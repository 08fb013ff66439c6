// About forty demo devices across both departments, moved through the lifecycle by the same commands
// as real use, so that their custody chain verifies. Deterministic: the same devices, states and times
// on every new database (relative to today).
import type { CommandResult } from "~/commands/command.server";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { recycleDevice } from "~/commands/devices/recycle-device.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import { recordWipe, type WipeRecordFields } from "~/commands/wipes/record-wipe.server";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import type { ConditionGrade, UserActor } from "~/domain/lifecycle";
import type { DeviceDetail, DeviceInput } from "~/models/device.server";

type Catalogue = Omit<DeviceInput, "assetTag" | "serial" | "media"> & { media: Omit<DeviceInput["media"][number], "serial">[] };

const catalogue: Catalogue[] = [
  {
    manufacturer: "Dell",
    model: "Latitude 5490",
    type: "laptop",
    cpu: "Intel Core i5-8350U",
    ramGb: 8,
    storageGb: 256,
    screenInches: 14,
    keyboardLayout: "AZERTY-BE",
    batteryHealthPercent: 78,
    purchaseDate: "2019-03-14",
    purchasePriceCents: 98_900,
    weightKg: 1.6,
    media: [{ kind: "SSD", capacityGb: 256 }],
  },
  {
    manufacturer: "HP",
    model: "EliteBook 840 G5",
    type: "laptop",
    cpu: "Intel Core i5-8250U",
    ramGb: 16,
    storageGb: 512,
    screenInches: 14,
    keyboardLayout: "AZERTY-BE",
    batteryHealthPercent: 71,
    purchaseDate: "2019-09-02",
    purchasePriceCents: 112_500,
    weightKg: 1.5,
    media: [{ kind: "NVMe", capacityGb: 512 }],
  },
  {
    manufacturer: "Lenovo",
    model: "ThinkPad T480",
    type: "laptop",
    cpu: "Intel Core i7-8550U",
    ramGb: 16,
    storageGb: 1256,
    screenInches: 14,
    keyboardLayout: "QWERTY-US",
    batteryHealthPercent: 64,
    purchaseDate: "2018-11-20",
    purchasePriceCents: 134_000,
    weightKg: 1.7,
    media: [
      { kind: "NVMe", capacityGb: 256 },
      { kind: "HDD", capacityGb: 1000 },
    ],
  },
  {
    manufacturer: "Dell",
    model: "OptiPlex 7060",
    type: "desktop",
    cpu: "Intel Core i5-8500",
    ramGb: 8,
    storageGb: 256,
    keyboardLayout: "AZERTY-BE",
    purchaseDate: "2019-01-10",
    purchasePriceCents: 74_900,
    weightKg: 5.2,
    media: [{ kind: "SSD", capacityGb: 256 }],
  },
  {
    manufacturer: "HP",
    model: "ProDesk 600 G4",
    type: "desktop",
    cpu: "Intel Core i3-8100",
    ramGb: 4,
    storageGb: 500,
    purchaseDate: "2018-06-05",
    purchasePriceCents: 61_000,
    weightKg: 4.9,
    media: [{ kind: "HDD", capacityGb: 500 }],
  },
  {
    manufacturer: "Apple",
    model: "iPad (7th generation)",
    type: "tablet",
    ramGb: 3,
    storageGb: 32,
    screenInches: 10.2,
    batteryHealthPercent: 82,
    purchaseDate: "2020-02-17",
    purchasePriceCents: 37_900,
    weightKg: 0.48,
    media: [{ kind: "eMMC", capacityGb: 32 }],
  },
  {
    manufacturer: "Dell",
    model: "P2419H",
    type: "monitor",
    screenInches: 24,
    purchaseDate: "2019-03-14",
    purchasePriceCents: 18_900,
    weightKg: 5.3,
    media: [],
  },
  {
    manufacturer: "Apple",
    model: "iPhone 8",
    type: "phone",
    ramGb: 2,
    storageGb: 64,
    screenInches: 4.7,
    batteryHealthPercent: 76,
    purchaseDate: "2018-10-01",
    purchasePriceCents: 59_000,
    weightKg: 0.15,
    media: [{ kind: "eMMC", capacityGb: 64 }],
  },
];

const day = 24 * 60 * 60 * 1000;

export function seedDemoDevices(people: {
  departments: [number, number];
  itServiceId: number;
  departmentUserIds: [string, string];
  coordinatorId: string;
  technicianIds: [string, string];
  /** The recyclers the coordinator keeps (db/seed.ts adds them), with the prefix of the certificates each issues. */
  recyclers: [{ id: number; certificatePrefix: string }, { id: number; certificatePrefix: string }];
}): void {
  const actor = (userId: string, role: "department" | "technician" | "coordinator", organizationId: number): UserActor => ({
    kind: "user",
    userId,
    role,
    organizationId,
    organizationStatus: "approved",
  });
  const now = Date.now();
  /** "wipe": every medium wiped by this technician and validated by the other one. */
  type Input =
    | { action: "register" }
    | { action: "collect" }
    | { action: "wipe" }
    | { action: "certify" }
    | { action: "list"; grade: ConditionGrade }
    | { action: "recycle"; recyclerId: number; certificateNumber: string };
  type Step = { at: number; device: number; input: Input; by: UserActor };
  const steps: Step[] = [];

  for (let index = 0; index < 40; index += 1) {
    const departmentSlot = index % 2 === 0 ? 0 : 1;
    const registeredAt = now - (120 - index * 2.5) * day;
    steps.push({
      at: registeredAt,
      device: index,
      input: { action: "register" },
      by: actor(people.departmentUserIds[departmentSlot], "department", people.departments[departmentSlot]),
    });
    const technician = actor(people.technicianIds[index % 2]!, "technician", people.itServiceId);
    // Roughly: the oldest are collected (some of them recycled), the newest still wait.
    if (index < 24) steps.push({ at: registeredAt + (3 + (index % 5)) * day, device: index, input: { action: "collect" }, by: technician });
    if (index % 4 === 1 && index < 24) {
      const by = index % 8 === 1 ? technician : actor(people.coordinatorId, "coordinator", people.itServiceId);
      const recycler = people.recyclers[index % 8 === 1 ? 0 : 1];
      const certificateNumber = `${recycler.certificatePrefix}-${String(20_418 + index * 37).padStart(6, "0")}`;
      steps.push({ at: registeredAt + 12 * day, device: index, input: { action: "recycle", recyclerId: recycler.id, certificateNumber }, by });
    } else if (index < 16) {
      // The older collected devices are wiped and certified; most of them are listed.
      steps.push({ at: registeredAt + 9 * day, device: index, input: { action: "wipe" }, by: technician });
      steps.push({ at: registeredAt + 10 * day, device: index, input: { action: "certify" }, by: technician });
      if (index % 4 !== 2)
        steps.push({ at: registeredAt + 11 * day, device: index, input: { action: "list", grade: (["A", "B", "C"] as const)[index % 3]! }, by: technician });
    }
  }
  steps.sort((a, b) => a.at - b.at);

  function done<Value>(result: CommandResult<Value>, what: string): Value {
    if (!result.ok) throw new Error(`Demo data: ${what} refused (${JSON.stringify(result)})`);
    return result.value;
  }

  const validatorFor = (performer: UserActor) =>
    actor(performer.userId === people.technicianIds[0] ? people.technicianIds[1] : people.technicianIds[0], "technician", people.itServiceId);
  function wipeEveryMedium(device: DeviceDetail, performer: UserActor, at: number) {
    for (const medium of device.media) {
      const flash = medium.kind === "SSD" || medium.kind === "NVMe" || medium.kind === "eMMC";
      const fields: WipeRecordFields = flash
        ? {
            method: "purge",
            technique: medium.kind === "NVMe" ? "nvme-sanitize" : "crypto-erase",
            tool: "hdparm",
            toolVersion: "9.65",
            verification: "sample",
            samplePercent: 10,
            result: "pass",
            startedAt: at - 3_600_000,
            finishedAt: at - 3_000_000,
          }
        : {
            method: "clear",
            technique: "overwrite",
            rounds: 1,
            tool: "nwipe",
            toolVersion: "0.35",
            verification: "full",
            result: "pass",
            startedAt: at - 7_200_000,
            finishedAt: at - 600_000,
            source: "nwipe-log",
          };
      const recorded = done(recordWipe(performer, { deviceId: device.id, mediumId: medium.id, ...fields }, { now: at }), `wipe of ${medium.serial}`);
      done(validateWipe(validatorFor(performer), { wipeId: recorded.id }, { now: at + 1_800_000 }), `validation of ${medium.serial}`);
    }
  }

  function register(step: Step): DeviceDetail {
    const model = catalogue[step.device % catalogue.length]!;
    const number = String(step.device + 1).padStart(4, "0");
    const departmentSlot = step.device % 2 === 0 ? 0 : 1;
    const input: DeviceInput & { departmentId: number } = {
      ...model,
      assetTag: `STAD-${number}`,
      serial: `${model.manufacturer.slice(0, 2).toUpperCase()}${(7_340_000 + step.device * 7919).toString(36).toUpperCase()}`,
      conditionNotes: step.device % 3 === 0 ? "Lichte krassen op de behuizing." : null,
      media: model.media.map((medium, mediumIndex) => ({ ...medium, serial: `${medium.kind}-${number}-${mediumIndex + 1}` })),
      departmentId: people.departments[departmentSlot],
    };
    return done(registerDevice(step.by, input, { now: step.at }), `registration of ${input.assetTag}`);
  }

  const devices = new Map<number, DeviceDetail>();
  for (const step of steps) {
    const options = { now: step.at };
    const what = `${step.input.action} of demo device ${step.device + 1}`;
    if (step.input.action === "register") {
      devices.set(step.device, register(step));
      continue;
    }
    const device = devices.get(step.device)!;
    const deviceId = device.id;
    switch (step.input.action) {
      case "collect":
        devices.set(step.device, done(collectDevice(step.by, { deviceId }, options), what));
        break;
      case "wipe":
        wipeEveryMedium(device, step.by, step.at);
        break;
      case "certify":
        devices.set(step.device, done(certifyDevice(step.by, { deviceId }, options), what));
        break;
      case "list":
        devices.set(step.device, done(listDevice(step.by, { deviceId, grade: step.input.grade }, options), what));
        break;
      case "recycle":
        devices.set(
          step.device,
          done(recycleDevice(step.by, { deviceId, recyclerId: step.input.recyclerId, certificateNumber: step.input.certificateNumber }, options), what),
        );
        break;
    }
  }
}
