// How a request looks in the API.
import { parseRubricAnswers } from "~/domain/priority-rubric";
import type { RequestView } from "~/models/request.server";

export function requestJson(request: RequestView) {
  return {
    id: request.id,
    status: request.status,
    type: request.type,
    quantity: request.quantity,
    minRamGb: request.minRamGb,
    minStorageGb: request.minStorageGb,
    minScreenInches: request.minScreenInches,
    keyboardLayout: request.keyboardLayout,
    purpose: request.purpose,
    beneficiaries: request.beneficiaries,
    neededBy: request.neededBy,
    priority: request.priority,
    rubricAnswers: parseRubricAnswers(request.rubricAnswers),
    rubricPriority: request.rubricPriority,
    priorityReason: request.priorityReason,
    rejectionReason: request.rejectionReason,
    fulfilled: request.fulfilled,
    reserved: request.reserved,
    requesterKind: request.requesterKind,
    organization: { id: request.organizationId, name: request.organizationName },
    createdAt: request.createdAt,
    reviewedAt: request.reviewedAt,
  };
}
