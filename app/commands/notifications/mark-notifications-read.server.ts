// Someone marks their notifications read, up to the newest one they were shown (one that arrived
// since stays unread). An explicit POST: the home page's GET changes nothing.
import { and, eq, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export const markNotificationsReadInput = z.object({ upToId: z.coerce.number().int().positive() });
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;

/** Marks the actor's own unread notifications up to `upToId` read; answers how many changed. */
export function markNotificationsRead(actor: UserActor, input: MarkNotificationsReadInput, options: CommandOptions = {}): CommandResult<{ marked: number }> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "profile.manage");
    const { changes } = tx
      .update(notifications)
      .set({ readAt: new Date(commandTime(options)) })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), lte(notifications.id, input.upToId)))
      .run();
    return { marked: changes };
  });
}
