import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import { DeviceForm } from "~/components/device-form";
import { RouteErrorBoundary } from "~/components/error-page";
import { PageHeading } from "~/components/ui/page";
import { registrationDepartment } from "~/domain/lifecycle";
import { registerDeviceFormSchema } from "~/forms/device";
import { redirectWithFlash } from "~/http/flash.server";
import { formRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { pageTitle } from "~/i18n/meta";
import { listDepartments } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "devices.registerTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "device.register");
  // Whoever must name the department (a coordinator) chooses it; department staff register for their own.
  const mustChoose = registrationDepartment(lifecycleActorOf(user), undefined) === null;
  return { departments: mustChoose ? listDepartments() : null, departmentName: user.organization.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: registerDeviceFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const result = registerDevice(lifecycleActorOf(user), submission.value);
  if (!result.ok) return formRefusal(submission, result);
  return redirectWithFlash(`/devices/${result.value.id}`, { key: "flash.deviceRegistered", values: { assetTag: result.value.assetTag } });
}

export default function RegisterDevicePage() {
  const { t } = useTranslation();
  const { departments, departmentName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeading>{t("devices.registerTitle")}</PageHeading>
      <p className="text-slate-700">{departments ? t("devices.registerIntroCoordinator") : t("devices.registerIntro", { department: departmentName })}</p>
      <DeviceForm lastResult={lastResult} departments={departments} submitLabel={t("devices.registerSubmit")} assetTagOptional />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
