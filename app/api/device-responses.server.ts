// How the API answers a device operation that the domain or the database refused.
import type { DeviceMutationResult } from "~/models/device.server";
import { apiError } from "./responses.server";

type Refusal = Extract<DeviceMutationResult, { ok: false }>;

export function refusalResponse(refusal: Refusal): Response {
  switch (refusal.reason) {
    case "forbidden":
      return apiError(403, "forbidden", "Your role may not take this action.");
    case "not-own-department":
      return apiError(403, "forbidden", "You may register devices only for your own department.");
    case "not-own-device":
      return apiError(403, "forbidden", "Only the organization that holds this device may return it.");
    case "not-found":
      return apiError(404, "not_found", "There is no such device.");
    case "invalid-state":
      return apiError(409, "invalid_state", `The device is ${refusal.status ?? "new"}: this action is not possible from that state.`);
    case "conflict":
      return apiError(409, "conflict", "The device changed meanwhile. Reload it and try again.");
    case "media-not-sanitized":
      return apiError(409, "media_not_sanitized", "Every storage medium needs a validated, passing wipe record before the wipe can be certified.");
    case "unknown-department":
      return apiError(422, "validation_failed", "Choose an approved city department.", { departmentId: ["Not an approved city department."] });
    case "missing-detail":
      return apiError(422, "validation_failed", "A required detail is missing.", { [refusal.field]: ["This field is required."] });
    case "duplicate":
      return apiError(
        409,
        "duplicate",
        "A device with this asset tag or serial number is registered already.",
        Object.fromEntries(refusal.fields.map((field) => [field, [`Another device has this ${field === "assetTag" ? "asset tag" : "serial number"}.`]])),
      );
  }
}
