import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, fieldErrorsOf, methodNotAllowed } from "~/api/responses.server";
import { requireApiPermission } from "~/auth/api-auth.server";
import { catalogueQuerySchema } from "~/forms/catalogue";
import { searchParamsObject } from "~/forms/device";
import { listCatalogue } from "~/models/catalogue.server";

/** GET /api/v1/catalogue: the listed devices, grouped as the catalogue's cards, with the same filters as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  requireApiPermission(request, "catalogue.view");
  const query = catalogueQuerySchema.safeParse(searchParamsObject(request.url));
  if (!query.success) return apiError(422, "validation_failed", "Some query parameters are not valid.", fieldErrorsOf(query.error));
  const { items, total } = listCatalogue(query.data);
  return apiJson({
    items: items.map((group) => ({
      type: group.type,
      manufacturer: group.manufacturer,
      model: group.model,
      ramGb: group.ramGb,
      storageGb: group.storageGb,
      screenInches: group.screenInches,
      keyboardLayout: group.keyboardLayout,
      grade: group.grade,
      count: group.count,
      deviceIds: group.deviceIds,
      // The sales issue adds photos; until then there are none.
      photos: [],
      waitingRequests: group.waitingRequests,
    })),
    total,
  });
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
