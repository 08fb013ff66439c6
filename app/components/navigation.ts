// The header navigation: each entry shows only to those whose role may use it.
import { can, type Actor, type PermissionAction } from "~/domain/permissions";

export type NavigationItem = { to: string; labelKey: string };

/** Each entry shows when the role may take any one of its actions. */
const navigationItems: (NavigationItem & { actions: PermissionAction[]; onlyWhen?: (options: NavigationOptions) => boolean })[] = [
  { to: "/", labelKey: "nav.home", actions: ["home.view"] },
  { to: "/devices", labelKey: "nav.devices", actions: ["device.viewAll", "device.viewOwnDepartment"] },
  { to: "/catalogue", labelKey: "nav.catalogue", actions: ["catalogue.view"] },
  { to: "/requests", labelKey: "nav.requests", actions: ["request.create", "request.review"] },
  { to: "/matching", labelKey: "nav.matching", actions: ["match.run"] },
  { to: "/organizations", labelKey: "nav.organizations", actions: ["organization.review"] },
  { to: "/recyclers", labelKey: "nav.recyclers", actions: ["recycler.manage"] },
  { to: "/impact", labelKey: "nav.impact", actions: ["impact.view"] },
  { to: "/invites", labelKey: "nav.invites", actions: ["invite.create"] },
  { to: "/users", labelKey: "nav.users", actions: ["user.manage"] },
  { to: "/mailbox", labelKey: "nav.mailbox", actions: ["mailbox.view"], onlyWhen: (options) => options.devMailbox },
  { to: "/profile", labelKey: "nav.profile", actions: ["profile.manage"] },
];

export type NavigationOptions = { devMailbox: boolean };

export function navigationFor(actor: Actor | null, options: NavigationOptions): NavigationItem[] {
  if (!actor) return [];
  return navigationItems
    .filter((item) => item.actions.some((action) => can(actor, action)) && (item.onlyWhen?.(options) ?? true))
    .map(({ to, labelKey }) => ({ to, labelKey }));
}

/** Staff who see the device registry get the scan box in the header (app/components/scan-box.tsx). */
export function mayScanDevices(actor: Actor): boolean {
  return can(actor, "device.viewAll") || can(actor, "device.viewOwnDepartment");
}
