import { openApiDocument } from "~/api/openapi";
import { apiJson, methodNotAllowed } from "~/api/responses.server";

export async function loader() {
  return apiJson(openApiDocument);
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
