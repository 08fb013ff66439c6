// The step approving and rejecting share: only a submitted request is reviewed, and its requester
// hears the decision (in the app and by e-mail) in the same transaction.
import { eq } from "drizzle-orm";
import { deviceRequests } from "~db/schema";
import type { CircuitDatabase } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { notify } from "~/models/notification.server";
import { getRequest, type RequestView } from "~/models/request.server";
import { refuse, requirePermission } from "../command.server";

export type ReviewDecision = { status: "approved"; priority: number; priorityReason: string | null } | { status: "rejected"; rejectionReason: string };

export function reviewRequest(tx: CircuitDatabase, actor: UserActor, requestId: number, decision: ReviewDecision, now: number): RequestView {
  requirePermission(actor, "request.review");
  const request = getRequest(requestId, tx) ?? refuse({ reason: "not-found", entity: "request" });
  if (request.status !== "submitted") refuse({ reason: "not-submitted" });
  tx.update(deviceRequests)
    .set({ ...decision, reviewedById: actor.userId, reviewedAt: new Date(now) })
    .where(eq(deviceRequests.id, request.id))
    .run();
  notify(
    request.requesterId,
    decision.status === "approved" ? "requestApproved" : "requestRejected",
    {
      request: `#${request.id}`,
      reason: decision.status === "rejected" ? decision.rejectionReason : "",
      priority: decision.status === "approved" ? String(decision.priority) : "",
    },
    "/requests",
    tx,
  );
  return getRequest(request.id, tx)!;
}
