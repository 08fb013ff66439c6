import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission } from "~/auth/guards.server";
import { DeviceForm } from "~/components/device-form";
import { RouteErrorBoundary } from "~/components/error-page";
import { PageHeading } from "~/components/ui/page";
import { registrationDepartment } from "~/domain/lifecycle";
import { deviceFormSchema } from "~/forms/device";
import { redirectWithFlash } from "~/http/flash.server";
import { pageTitle } from "~/i18n/meta";
import { registerDevice } from "~/models/device.server";
import { listDepartments } from "~/models/organization.server";
import { deviceRefusalReply } from "./device-refusals.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "devices.registerTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "device.register");
  return { departments: user.role === "coordinator" ? listDepartments() : null, departmentName: user.organization.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "device.register");
  const submission = parseWithZod(await request.formData(), {
    schema: deviceFormSchema.superRefine((value, context) => {
      if (user.role === "coordinator" && value.departmentId === undefined)
        context.addIssue({ code: "custom", path: ["departmentId"], message: "errors.choose" });
    }),
  });
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });

  const actor = lifecycleActorOf(user);
  const result = registerDevice(submission.value, registrationDepartment(actor, submission.value.departmentId) ?? user.organization.id, actor);
  if (!result.ok) return deviceRefusalReply(submission, result);
  return redirectWithFlash(`/devices/${result.device.id}`, { key: "flash.deviceRegistered", values: { assetTag: result.device.assetTag } });
}

export default function RegisterDevicePage() {
  const { t } = useTranslation();
  const { departments, departmentName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeading>{t("devices.registerTitle")}</PageHeading>
      <p className="text-slate-700">{departments ? t("devices.registerIntroCoordinator") : t("devices.registerIntro", { department: departmentName })}</p>
      <DeviceForm lastResult={lastResult} departments={departments} submitLabel={t("devices.registerSubmit")} />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
