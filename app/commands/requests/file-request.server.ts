// A school's or nonprofit's member asks devices for the organization; an employee asks one for themselves.
import { deviceRequests } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { requesterKindOf, requestQuantityProblem } from "~/domain/requests";
import { fileRequestInput, type FileRequestInput } from "~/forms/request";
import { getRequest, type RequestView } from "~/models/request.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { fileRequestInput, type FileRequestInput };

export function fileRequest(actor: UserActor, input: FileRequestInput, options: CommandOptions = {}): CommandResult<RequestView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "request.create");
    const requesterKind = requesterKindOf(actor.role);
    if (requestQuantityProblem({ type: input.type, quantity: input.quantity, requesterKind })) {
      refuse({ reason: "invalid-input", fields: { quantity: ["errors.request.employeeOneDevice"] } });
    }
    const row = tx
      .insert(deviceRequests)
      .values({
        ...input,
        purpose: input.purpose.trim(),
        keyboardLayout: input.keyboardLayout.trim() || "any",
        organizationId: actor.organizationId,
        requesterId: actor.userId,
        requesterKind,
        status: "submitted",
        createdAt: new Date(commandTime(options)),
      })
      .returning({ id: deviceRequests.id })
      .get();
    return getRequest(row.id, tx)!;
  });
}
