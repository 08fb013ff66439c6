// What Circuit tells people in the app and by e-mail.

export const notificationKinds = [
  "requestApproved",
  "requestRejected",
  "matchConfirmed",
  "handoverRecorded",
  /** To the other technicians: a wipe or "no storage present" record waits for a second technician. */
  "wipeAwaitsValidation",
  /** To the coordinators: a school, nonprofit or employee filed a request. */
  "requestAwaitsReview",
  /** To the other coordinators: an account was deactivated (with the reason, if one was given). */
  "userDeactivated",
  /** To the requester and their organization's members: devices wait at the counter (where and when). */
  "pickupReady",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
