// A device's custody timeline as people read it: for staff (names of people), and for the public
// verification page (organizations by name, people only by role, no free text that could hold
// personal data).
import type { Role } from "~db/schema";
import type { CustodyEvent } from "~/domain/custody";
import type { Holder } from "~/domain/lifecycle";
import { custodyHeadHash, custodyNoteTexts, custodyParticipants, listDeviceCustody, verifyDeviceCustody } from "./custody.server";
import { getDeviceByPublicId, type DeviceDetail } from "./device.server";
import { recyclersByIds, type Recycler } from "./organization.server";
import { currentCertificate } from "./wipe.server";

/** A holder for display: an organization or recycler by name, an employee by role only. */
export type HolderView = { kind: "organization" | "recycler"; name: string } | { kind: "employee" };

function holderView(holder: Holder | null, organizationNames: Map<number, string>): HolderView | null {
  if (!holder) return null;
  if (holder.kind === "organization") return { kind: "organization", name: organizationNames.get(holder.organizationId) ?? "?" };
  if (holder.kind === "recycler") return { kind: "recycler", name: holder.name };
  return { kind: "employee" };
}

/** The recyclers the events name by id (recycle events since recyclers became organizations), as they are now. */
function recyclersOf(events: CustodyEvent[]): Map<number, Recycler> {
  return recyclersByIds(
    events.flatMap((event) => (event.type === "recycle" && typeof event.details.recyclerId === "number" ? [event.details.recyclerId] : [])),
  );
}

/**
 * An event's details for display: a recycler named by id is shown by its current name and accreditation
 * number. Events from before hold the recycler's name as typed then, and are shown as they are.
 */
function displayedDetails(details: CustodyEvent["details"], recyclers: Map<number, Recycler>): CustodyEvent["details"] {
  if (typeof details.recyclerId !== "number") return details;
  const { recyclerId, ...rest } = details;
  const recycler = recyclers.get(recyclerId);
  return { ...rest, recycler: recycler?.name ?? "?", recyclerAccreditation: recycler?.accreditationNumber ?? null };
}

export type StaffTimelineEntry = {
  seq: number;
  type: string;
  at: number;
  fromStatus: string | null;
  toStatus: string;
  from: HolderView | null;
  to: HolderView | null;
  actorName: string;
  actorRole: Role | "system";
  details: CustodyEvent["details"];
  hash: string;
};

export function staffCustodyTimeline(deviceId: number): { entries: StaffTimelineEntry[]; chainIntact: boolean } {
  const events = listDeviceCustody(deviceId);
  const { organizationNames, people } = custodyParticipants(events);
  const notes = custodyNoteTexts(events);
  const recyclers = recyclersOf(events);
  const entries = events.map((event) => {
    const actor = people.get(event.actorId);
    const details = displayedDetails(event.details, recyclers);
    return {
      seq: event.seq,
      type: event.type,
      at: event.at,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      from: holderView(event.fromHolder, organizationNames),
      to: holderView(event.toHolder, organizationNames),
      actorName: actor?.name ?? "Circuit",
      actorRole: actor?.role ?? ("system" as const),
      details: typeof details.reasonNoteId === "number" ? { ...details, reason: notes.get(details.reasonNoteId) ?? null } : details,
      hash: event.hash,
    };
  });
  return { entries, chainIntact: verifyDeviceCustody(events).intact };
}

/**
 * Details that may appear publicly: certificate numbers, grades and recyclers (organizations, with their
 * accreditation), never free text. A recycler typed before recyclers were organizations stays as it was.
 */
const publicDetailKeys = ["certificateNumber", "grade", "recycler", "recyclerAccreditation"] as const;

export type PublicTimelineEntry = Omit<StaffTimelineEntry, "actorName" | "details" | "fromStatus"> & {
  details: Partial<Record<(typeof publicDetailKeys)[number], string>>;
};

export type PublicCertificate = {
  number: string;
  issuedAt: number;
  /** Per medium: what it was and how it was sanitized; the validator only by organization. */
  media: { kind: string; capacityGb: number; method: string; technique: string; result: string; validatorOrganization: string | null }[];
};

export type PublicVerification = {
  device: Pick<DeviceDetail, "publicId" | "type" | "manufacturer" | "model" | "status">;
  hasWipeCertificate: boolean;
  certificate: PublicCertificate | null;
  events: PublicTimelineEntry[];
  deviceChainIntact: boolean;
  headHash: string;
};

export function publicVerification(publicId: string): PublicVerification | null {
  const device = getDeviceByPublicId(publicId);
  if (!device) return null;
  const events = listDeviceCustody(device.id);
  const { organizationNames, people } = custodyParticipants(events);
  const certificate = currentCertificate(device.id);
  const recyclers = recyclersOf(events);
  return {
    device: { publicId: device.publicId, type: device.type, manufacturer: device.manufacturer, model: device.model, status: device.status },
    hasWipeCertificate: certificate !== null,
    certificate: certificate && {
      number: certificate.number,
      issuedAt: certificate.issuedAt.getTime(),
      media: certificate.records.map((record) => ({
        kind: record.mediumKind,
        capacityGb: record.mediumCapacityGb,
        method: record.method,
        technique: record.technique,
        result: record.result,
        validatorOrganization: record.validatorOrganizationName,
      })),
    },
    events: events.map((event) => {
      const details = displayedDetails(event.details, recyclers);
      return {
        seq: event.seq,
        type: event.type,
        at: event.at,
        toStatus: event.toStatus,
        from: holderView(event.fromHolder, organizationNames),
        to: holderView(event.toHolder, organizationNames),
        actorRole: people.get(event.actorId)?.role ?? "system",
        details: Object.fromEntries(publicDetailKeys.flatMap((key) => (typeof details[key] === "string" ? [[key, details[key]]] : []))),
        hash: event.hash,
      };
    }),
    deviceChainIntact: verifyDeviceCustody(events).intact,
    headHash: custodyHeadHash(),
  };
}
