import { apiError } from "~/api/responses.server";

function notFound() {
  return apiError(404, "not_found", "There is no such API endpoint. See /api/v1/openapi.json.");
}

export const loader = notFound;
export const action = notFound;
