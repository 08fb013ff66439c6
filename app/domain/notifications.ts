// What Circuit tells people in the app and by e-mail.

export const notificationKinds = ["requestApproved", "requestRejected", "matchConfirmed", "handoverRecorded"] as const;
export type NotificationKind = (typeof notificationKinds)[number];
