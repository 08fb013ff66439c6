// Who asks for impact figures and for which period: the dashboard, the report page, its PDF and CSV.
import { requirePermission } from "~/auth/guards.server";
import { periodFromUrl } from "~/domain/impact";
import type { ImpactScope } from "~/models/impact.server";

/** The coordinator sees the city, a department its own devices; anyone else is refused (403). */
export async function impactRequest(request: Request) {
  const user = await requirePermission(request, "impact.view");
  const scope: ImpactScope = user.role === "coordinator" ? { kind: "all" } : { kind: "department", departmentId: user.organization.id };
  const now = Date.now();
  return { user, scope, now, ...periodFromUrl(new URL(request.url), now) };
}
