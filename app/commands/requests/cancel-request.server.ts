// A requester withdraws a request of their own (or of their organization) until it is fulfilled,
// as long as no device is reserved for it.
import { eq } from "drizzle-orm";
import { deviceRequests } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { canCancel } from "~/domain/requests";
import { cancelRequestInput, type CancelRequestInput } from "~/forms/request";
import { canSeeRequest, getRequest, type RequestView } from "~/models/request.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { cancelRequestInput, type CancelRequestInput };

export function cancelRequest(actor: UserActor, input: CancelRequestInput, options: CommandOptions = {}): CommandResult<RequestView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "request.create");
    const request = getRequest(input.requestId, tx) ?? refuse({ reason: "not-found", entity: "request" });
    if (!canSeeRequest(actor, request)) refuse({ reason: "out-of-scope" });
    // Read in this transaction, so no device can be reserved for it between the check and the update.
    if (!canCancel(request.status) || request.reserved > 0) refuse({ reason: "not-cancellable" });
    tx.update(deviceRequests).set({ status: "cancelled" }).where(eq(deviceRequests.id, request.id)).run();
    return getRequest(request.id, tx)!;
  });
}
