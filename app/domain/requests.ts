// Requests for devices: what a school, nonprofit or employee asks for, and the rules around them.
import type { DeviceType } from "./devices";
import type { Role } from "./organizations";

/** Who filed a request: a school or nonprofit (for the organization), or an employee (for themselves). */
export const requesterKinds = ["organization", "employee"] as const;
export type RequesterKind = (typeof requesterKinds)[number];

export const requestStatuses = ["submitted", "approved", "rejected", "partly-fulfilled", "fulfilled", "cancelled"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export function statusAfterFulfilment(quantity: number, fulfilled: number): RequestStatus {
  if (fulfilled >= quantity) return "fulfilled";
  return fulfilled > 0 ? "partly-fulfilled" : "approved";
}

/** Requests that can still receive devices: approved and not yet fulfilled. */
export function isOpen(status: RequestStatus): boolean {
  return status === "approved" || status === "partly-fulfilled";
}

/** Cancelling is possible until the request is fulfilled (or already closed). */
export function canCancel(status: RequestStatus): boolean {
  return status === "submitted" || status === "approved" || status === "partly-fulfilled";
}

/** Slots that matching may still fill: asked minus handed over minus reserved by confirmed matches. */
export function openSlots(request: { quantity: number; fulfilled: number; reserved: number; status: RequestStatus }): number {
  if (!isOpen(request.status)) return 0;
  return Math.max(0, request.quantity - request.fulfilled - request.reserved);
}

/** Whom a request is for: an employee asks for themselves, a school's or nonprofit's member for the organization. */
export function requesterKindOf(role: Role): RequesterKind {
  return role === "employee" ? "employee" : "organization";
}

export type RequestDraft = { type: DeviceType; quantity: number; requesterKind: RequesterKind };

/** An employee asks for one device for personal use. */
export function requestQuantityProblem(draft: RequestDraft): "employee-one-device" | null {
  return draft.requesterKind === "employee" && draft.quantity !== 1 ? "employee-one-device" : null;
}
