import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";

/** GET /api/v1/me: the account the bearer token belongs to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireApiUser(request);
  return apiJson({ id: user.id, email: user.email, name: user.name, role: user.role, organization: user.organization });
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
