// A school's or nonprofit's member asks devices for the organization; an employee asks one for themselves.
// A school or nonprofit answers the priority rubric's questions for its kind, and the request keeps
// the answers and the priority the rubric computes from them (the coordinator approves with it, or
// changes it with a reason). An employee's request has no rubric: the coordinator sets its priority.
import { deviceRequests } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { rubricAnswersOf, rubricPriority, type RubricKind } from "~/domain/priority-rubric";
import { requesterKindOf, requestQuantityProblem } from "~/domain/requests";
import { fileRequestInput, type FileRequestInput } from "~/forms/request";
import { notifyRoleInApp } from "~/models/notification.server";
import { getOrganization } from "~/models/organization.server";
import { getRequest, type RequestView } from "~/models/request.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { fileRequestInput, type FileRequestInput };

const rubricFields: Record<RubricKind, readonly (keyof FileRequestInput)[]> = {
  school: ["pupilsWithoutDevice", "disadvantagedSharePercent"],
  nonprofit: ["peopleServed"],
};

export function fileRequest(actor: UserActor, input: FileRequestInput, options: CommandOptions = {}): CommandResult<RequestView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "request.create");
    const requesterKind = requesterKindOf(actor.role);
    if (requestQuantityProblem({ type: input.type, quantity: input.quantity, requesterKind })) {
      refuse({ reason: "invalid-input", fields: { quantity: ["errors.request.employeeOneDevice"] } });
    }
    const now = commandTime(options);
    const { pupilsWithoutDevice, disadvantagedSharePercent, peopleServed, vulnerable, ...request } = input;
    const organizationKind = requesterKind === "organization" ? getOrganization(actor.organizationId, tx)?.kind : undefined;
    const rubricKind: RubricKind | null = organizationKind === "school" || organizationKind === "nonprofit" ? organizationKind : null;
    const answers = rubricKind ? rubricAnswersOf(rubricKind, { pupilsWithoutDevice, disadvantagedSharePercent, peopleServed, vulnerable }) : null;
    if (answers === "incomplete" && rubricKind) {
      const missing = rubricFields[rubricKind].filter((field) => input[field] === undefined);
      refuse({ reason: "invalid-input", fields: Object.fromEntries(missing.map((field) => [field, ["errors.required"]])) });
    }
    const scored =
      answers && answers !== "incomplete"
        ? { answers, priority: rubricPriority(answers, { filedOn: new Date(now).toISOString().slice(0, 10), neededBy: input.neededBy }).priority }
        : null;
    const row = tx
      .insert(deviceRequests)
      .values({
        ...request,
        purpose: input.purpose.trim(),
        keyboardLayout: input.keyboardLayout.trim() || "any",
        organizationId: actor.organizationId,
        requesterId: actor.userId,
        requesterKind,
        status: "submitted",
        rubricAnswers: scored ? JSON.stringify(scored.answers) : null,
        rubricPriority: scored ? scored.priority : null,
        createdAt: new Date(now),
      })
      .returning({ id: deviceRequests.id })
      .get();
    const filed = getRequest(row.id, tx)!;
    // Coordinators see it on their home page; one notification per request (the link names it).
    notifyRoleInApp(
      "coordinator",
      "requestAwaitsReview",
      { request: String(filed.id), organization: filed.requesterKind === "employee" ? filed.requesterName : filed.organizationName },
      `/requests#request-${filed.id}`,
      {},
      tx,
    );
    return filed;
  });
}
