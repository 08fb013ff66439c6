// What the home page's queues need to finish an item right there: the wipe records a validator checks,
// the specs a device is listed with, a reserved device's pickup defaults, a request's rubric priority.
// Read for the few items a queue shows (at most QUEUE_ITEM_LIMIT each).
import { defaultPickupLocation, defaultPickupWindow } from "~/domain/pickup";
import { availableActions, type UserActor } from "~/domain/lifecycle";
import { toDateTimeLocal } from "~/i18n/format";
import { getDevice } from "./device.server";
import { technicianPickupOf } from "./pickup.server";
import { getRequest } from "./request.server";
import { certificationStatus, listDeviceWipes } from "./wipe.server";

export type InlineValidation = {
  deviceId: number;
  records: { record: ReturnType<typeof listDeviceWipes>[number]; serial: string; certify: boolean }[];
};

/**
 * The records a validator may validate on each device: the deciding, passing, unvalidated record of each
 * medium, made by someone else; "validate and certify" on the one that completes the device.
 */
export function inlineValidations(deviceIds: number[], viewer: UserActor): InlineValidation[] {
  return deviceIds.flatMap((deviceId) => {
    const device = getDevice(deviceId);
    if (!device) return [];
    const status = certificationStatus(device);
    const certifyOffered = availableActions(device.status, viewer).includes("certify");
    const pending = listDeviceWipes(deviceId).filter(
      (record) =>
        status.decidingWipeIds.includes(record.id) && record.result === "pass" && record.validatedAt === null && record.performedById !== viewer.userId,
    );
    const records = pending.flatMap((record) => {
      const medium = device.media.find((candidate) => candidate.id === record.mediumId);
      if (!medium) return [];
      const others = device.media.filter((candidate) => candidate.id !== record.mediumId);
      const certify = certifyOffered && pending.length === 1 && others.every((candidate) => status.sanitizedMediumIds.includes(candidate.id));
      return [{ record, serial: medium.serial, certify }];
    });
    return records.length > 0 ? [{ deviceId, records }] : [];
  });
}

export type InlineSpecs = { deviceId: number; cpu: string | null; ramGb: number | null; storageGb: number | null };

/** The specs a device will be listed with (corrected on the device page when wrong). */
export function inlineSpecs(deviceIds: number[]): InlineSpecs[] {
  return deviceIds.flatMap((deviceId) => {
    const device = getDevice(deviceId);
    return device ? [{ deviceId, cpu: device.cpu, ramGb: device.ramGb, storageGb: device.storageGb }] : [];
  });
}

export type InlinePickup = { deviceId: number; requestId: number; deviceIds: number[]; location: string; from: string; until: string };

/**
 * A reserved device not yet out for pickup, with the request's other reserved devices and the defaults
 * (the IT service's address and hours, the default window). None when the IT service has no address: the
 * device page asks for a place then.
 */
export function inlinePickups(deviceIds: number[], itServiceId: number, now = Date.now()): InlinePickup[] {
  const window = defaultPickupWindow(now);
  return deviceIds.flatMap((deviceId) => {
    const pickup = technicianPickupOf(deviceId, itServiceId);
    if (!pickup || pickup.ready) return [];
    const location = pickup.itService ? defaultPickupLocation(pickup.itService) : null;
    if (!location) return [];
    const waiting = pickup.devices.filter((device) => device.readyAt === null).map((device) => device.deviceId);
    return [{ deviceId, requestId: pickup.requestId, deviceIds: waiting, location, from: toDateTimeLocal(window.from), until: toDateTimeLocal(window.until) }];
  });
}

export type InlineReview = { requestId: number; rubricPriority: number };

/** Requests whose priority the rubric computed: the coordinator may approve with it in one click. */
export function inlineReviews(requestIds: number[]): InlineReview[] {
  return requestIds.flatMap((requestId) => {
    const request = getRequest(requestId);
    return request && request.rubricPriority !== null ? [{ requestId, rubricPriority: request.rubricPriority }] : [];
  });
}
