import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, fieldErrorsOf, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { registerDevice, registerDeviceInput } from "~/commands/devices/register-device.server";
import { deviceListQuerySchema, searchParamsObject } from "~/forms/device";
import { apiRefusal } from "~/http/refusal-replies.server";
import { requireApiRegistryScope } from "~/http/scoped-device.server";
import { listDevices } from "~/models/device.server";

/** GET /api/v1/devices: the devices the caller may see, filtered and paged. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = requireApiRegistryScope(request);
  const query = deviceListQuerySchema.safeParse(searchParamsObject(request.url));
  if (!query.success) return apiError(422, "validation_failed", "Some query parameters are not valid.", fieldErrorsOf(query.error));
  const { items, total } = listDevices(query.data, scope);
  return apiJson({ items, total, page: query.data.page, pageSize: query.data.pageSize });
}

/** POST /api/v1/devices: register a device with its storage media. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const actor = lifecycleActorOf(requireApiUser(request));
  const body = await parseJsonBody(request, registerDeviceInput);
  const result = registerDevice(actor, body);
  return result.ok ? apiJson(result.value, 201) : apiRefusal(result);
}
