// Who takes part in Circuit: the kinds of organization, whether one is approved, and the roles of
// their members. The database schema stores these words; it does not define them.

export const organizationKinds = ["department", "it_service", "school", "nonprofit", "recycler"] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationStatuses = ["pending", "approved", "rejected"] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

/** How a coordinator decides on a school's or nonprofit's registration. */
export const organizationDecisions = ["approved", "rejected"] as const;
export type OrganizationDecision = (typeof organizationDecisions)[number];

export const roles = ["coordinator", "department", "technician", "recipient", "employee"] as const;
export type Role = (typeof roles)[number];

/** Organizations whose members receive devices (they file requests and sign for handovers). */
export const recipientOrganizationKinds = ["school", "nonprofit"] as const satisfies readonly OrganizationKind[];
