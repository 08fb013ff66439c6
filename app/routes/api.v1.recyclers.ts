import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiPermission } from "~/auth/api-auth.server";
import { listRecyclers } from "~/models/organization.server";

/** GET /api/v1/recyclers: the recyclers a device can go to, for the recyclerId of a recycle transition. */
export async function loader({ request }: LoaderFunctionArgs) {
  requireApiPermission(request, "device.recycle");
  return apiJson({ items: listRecyclers() });
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
