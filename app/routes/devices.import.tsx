// Upload an inventory file (a department for itself, a coordinator for any department): the file is
// kept server-side and the preview is its own page, so the whole import works without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { MAX_IMPORT_BYTES } from "~/commands/imports/import-devices.server";
import { uploadDeviceImport } from "~/commands/imports/upload-device-import.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass } from "~/components/ui/form";
import { Card, PageHeading } from "~/components/ui/page";
import { decodeCsvBytes } from "~/domain/device-import/decode";
import { registrationDepartment } from "~/domain/lifecycle";
import { refusalReply } from "~/http/import-replies.server";
import { formBodyRefusal, readFormWithLimits } from "~/http/request-body.server";
import { pageTitle } from "~/i18n/meta";
import { listDepartments } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "imports.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "device.register");
  const mustChoose = registrationDepartment(lifecycleActorOf(user), undefined) === null;
  return { departments: mustChoose ? listDepartments() : null };
}

type UploadErrors = { file?: string[]; departmentId?: string[]; form?: string[] };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const reading = await readFormWithLimits(request, { maxFileBytes: MAX_IMPORT_BYTES, maxFieldBytes: 64 * 1024 }).catch(formBodyRefusal);
  if (!reading.ok) return data({ errors: { file: ["errors.import.fileTooLarge"] } satisfies UploadErrors }, { status: 413 });
  const file = reading.formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return data({ errors: { file: [file instanceof File ? "errors.import.emptyFile" : "errors.import.chooseFile"] } }, { status: 400 });
  const department = Number(reading.formData.get("departmentId") ?? "");
  const result = uploadDeviceImport(lifecycleActorOf(user), {
    fileName: file.name,
    csvText: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())),
    departmentId: Number.isInteger(department) && department > 0 ? department : undefined,
  });
  if (!result.ok) {
    const reply = refusalReply(result);
    const errors: UploadErrors = reply.fields ?? { form: [reply.messageKey] };
    return data({ errors }, { status: reply.status });
  }
  return redirect(`/devices/import/${result.value.importId}`);
}

export function UploadForm({ departments, errors }: { departments: { id: number; name: string }[] | null; errors?: UploadErrors }) {
  const { t } = useTranslation();
  const fileErrors = [...(errors?.file ?? []), ...(errors?.form ?? [])];
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="sr-only">
        {t("imports.upload")}
      </h2>
      {departments ? (
        <div className="space-y-1">
          <label htmlFor="import-department" className="block font-medium text-slate-900">
            {t("imports.department")}
          </label>
          <select
            id="import-department"
            name="departmentId"
            required
            aria-invalid={errors?.departmentId ? true : undefined}
            aria-describedby={errors?.departmentId ? "import-department-error" : undefined}
            className="block w-full max-w-md rounded-md border border-slate-400 px-3 py-2"
          >
            <option value="">{t("forms.choose")}</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </select>
          {errors?.departmentId ? (
            <p id="import-department-error" className="text-sm text-red-800">
              {errors.departmentId.map((key) => t(key)).join(" ")}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="import-file" className="block font-medium text-slate-900">
          {t("imports.fileLabel")}
        </label>
        <p id="import-file-hint" className="text-sm text-slate-700">
          {t("imports.fileHint")}
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          required
          aria-invalid={fileErrors.length > 0 ? true : undefined}
          aria-describedby={fileErrors.length > 0 ? "import-file-hint import-file-error" : "import-file-hint"}
          className="block w-full max-w-md text-slate-900"
        />
        {fileErrors.length > 0 ? (
          <p id="import-file-error" role="alert" className="text-sm font-medium text-red-800">
            {fileErrors.map((key) => t(key)).join(" ")}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClass("primary")}>
        {t("imports.upload")}
      </button>
    </Form>
  );
}

export default function ImportDevicesPage() {
  const { t } = useTranslation();
  const { departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeading>{t("imports.title")}</PageHeading>
      <p className="text-slate-700">{t("imports.intro")}</p>
      <Card>
        <UploadForm departments={departments} errors={actionData?.errors} />
      </Card>
      <Card title={t("imports.templateTitle")}>
        <p className="mb-3 text-slate-700">{t("imports.templateIntro")}</p>
        <ul className="list-inside list-disc space-y-1">
          <li>
            <Link reloadDocument to="/devices/import/template.csv?lang=nl" className="text-emerald-800 underline">
              {t("imports.templateNl")}
            </Link>
          </li>
          <li>
            <Link reloadDocument to="/devices/import/template.csv?lang=en" className="text-emerald-800 underline">
              {t("imports.templateEn")}
            </Link>
          </li>
        </ul>
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
