// The header navigation: each entry shows only to those whose role may use it.
import { can, type Actor, type PermissionAction } from "~/domain/permissions";

export type NavigationItem = { to: string; labelKey: string };

const navigationItems: (NavigationItem & { action: PermissionAction; onlyWhen?: (options: NavigationOptions) => boolean })[] = [
  { to: "/", labelKey: "nav.home", action: "home.view" },
  { to: "/organizations", labelKey: "nav.organizations", action: "organization.review" },
  { to: "/invites", labelKey: "nav.invites", action: "invite.create" },
  { to: "/mailbox", labelKey: "nav.mailbox", action: "mailbox.view", onlyWhen: (options) => options.devMailbox },
  { to: "/profile", labelKey: "nav.profile", action: "profile.manage" },
];

export type NavigationOptions = { devMailbox: boolean };

export function navigationFor(actor: Actor | null, options: NavigationOptions): NavigationItem[] {
  if (!actor) return [];
  return navigationItems
    .filter((item) => can(actor, item.action) && (item.onlyWhen?.(options) ?? true))
    .map(({ to, labelKey }) => ({ to, labelKey }));
}
