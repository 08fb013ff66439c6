import { openApiDocument } from "~/api/openapi";
import { apiJson } from "~/api/responses.server";

export async function loader() {
  return apiJson(openApiDocument);
}
