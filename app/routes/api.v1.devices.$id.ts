import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiScopedDevice } from "~/http/scoped-device.server";

/** GET /api/v1/devices/:id */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device } = requireApiScopedDevice(request, params.id);
  return apiJson(device);
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
