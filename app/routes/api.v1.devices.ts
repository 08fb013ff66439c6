import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { refusalResponse } from "~/api/device-responses.server";
import { apiError, apiJson, fieldErrorsOf, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiDeviceScope, requireApiPermission } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { registrationDepartment } from "~/domain/lifecycle";
import { deviceApiSchema, deviceListQuerySchema, searchParamsObject } from "~/forms/device";
import { listDevices, registerDevice } from "~/models/device.server";

/** GET /api/v1/devices: the devices the caller may see, filtered and paged. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = requireApiDeviceScope(request);
  const query = deviceListQuerySchema.safeParse(searchParamsObject(request.url));
  if (!query.success) return apiError(422, "validation_failed", "Some query parameters are not valid.", fieldErrorsOf(query.error));
  const { items, total } = listDevices(query.data, scope);
  return apiJson({ items, total, page: query.data.page, pageSize: query.data.pageSize });
}

/** POST /api/v1/devices: register a device with its storage media. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const user = requireApiPermission(request, "device.register");
  const body = await parseJsonBody(request, deviceApiSchema);
  const actor = lifecycleActorOf(user);
  const departmentId = registrationDepartment(actor, body.departmentId);
  if (departmentId === null)
    return apiError(422, "validation_failed", "Say which department the device belongs to.", { departmentId: ["Required for coordinators."] });
  const result = registerDevice(body, departmentId, actor);
  if (!result.ok) return refusalResponse(result);
  return apiJson(result.device, 201);
}
