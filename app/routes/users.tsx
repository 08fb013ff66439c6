import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { lifecycleActorOf, requirePermission } from "~/auth/guards.server";
import { deactivateUser, deactivateUserInput } from "~/commands/users/deactivate-user.server";
import { reactivateUser, reactivateUserInput } from "~/commands/users/reactivate-user.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import { roles } from "~/domain/organizations";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listUsers, organizationsWithMembers } from "~/models/user-directory.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "users.title");

const PAGE_SIZE = 50;

/** The list's filters, from the address; anything that does not parse is left out rather than refused. */
const userFilterQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  organizationId: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requirePermission(request, "user.manage");
  const searchParams = new URL(request.url).searchParams;
  const filter = userFilterQuery.parse(Object.fromEntries([...searchParams].filter(([, value]) => value !== "")));
  const { items, total } = listUsers(filter, { limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE });
  return { users: items, total, page: filter.page, pageSize: PAGE_SIZE, organizations: organizationsWithMembers(), ownId: coordinator.id };
}

/** Back to the list as it was filtered. */
function listAddress(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return `/users${url.search}`;
}

async function deactivate(request: Request, formData: FormData) {
  const actor = lifecycleActorOf(await requirePermission(request, "user.manage"));
  const submission = parseWithZod(formData, { schema: deactivateUserInput });
  if (submission.status !== "success") throw data({ reason: "bad-request" }, { status: 400 });
  const result = deactivateUser(actor, submission.value);
  if (!result.ok) return intentRefusal("deactivate", result);
  return redirectWithFlash(listAddress(request), { key: "flash.userDeactivated", values: { name: result.value.name } });
}

async function reactivate(request: Request, formData: FormData) {
  const actor = lifecycleActorOf(await requirePermission(request, "user.manage"));
  const submission = parseWithZod(formData, { schema: reactivateUserInput });
  if (submission.status !== "success") throw data({ reason: "bad-request" }, { status: 400 });
  const result = reactivateUser(actor, submission.value);
  if (!result.ok) return intentRefusal("reactivate", result);
  return redirectWithFlash(listAddress(request), { key: "flash.userReactivated", values: { name: result.value.name } });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  switch (formData.get("intent")) {
    case "deactivate":
      return deactivate(request, formData);
    case "reactivate":
      return reactivate(request, formData);
    default:
      throw data({ reason: "bad-request" }, { status: 400 });
  }
}

type Listed = ReturnType<typeof useLoaderData<typeof loader>>["users"][number];

function UserItem({ user, isSelf }: { user: Listed; isSelf: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const deactivated = user.deactivatedAt !== null;
  return (
    <li className="grid gap-3 py-4 sm:grid-cols-[1fr_auto] sm:items-start">
      <div className="min-w-0 space-y-1">
        <h3 className="font-semibold break-words">
          {user.name}
          {isSelf ? <span className="ml-2 text-sm font-normal text-slate-700">({t("users.you")})</span> : null}
        </h3>
        <p className="text-sm break-all text-slate-800">{user.email}</p>
        <p className="text-sm text-slate-800">
          {t(`roles.${user.role}`)} · {user.organizationName}
        </p>
        <p className="text-sm text-slate-700">
          {user.lastSignInAt
            ? t("users.lastSignIn", { date: formatDateTime(new Date(user.lastSignInAt), language) })
            : user.activatedAt
              ? t("users.neverSignedIn")
              : t("users.notConfirmed")}
        </p>
        <p className="text-sm">
          {deactivated ? (
            <span className="rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-900">
              {t("users.deactivatedOn", { date: formatDate(new Date(user.deactivatedAt!), language), by: user.deactivatedByName ?? "—" })}
            </span>
          ) : (
            <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-semibold text-emerald-900">{t("users.active")}</span>
          )}
        </p>
      </div>
      <div className="text-sm">
        {isSelf ? null : deactivated ? (
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton variant="secondary">{t("users.reactivate", { name: user.name })}</SubmitButton>
          </Form>
        ) : (
          <details>
            <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("users.deactivate", { name: user.name })}</summary>
            <Form method="post" className="mt-2 max-w-sm space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
              <input type="hidden" name="intent" value="deactivate" />
              <input type="hidden" name="userId" value={user.id} />
              <p>{t("users.deactivateConfirm", { name: user.name })}</p>
              <label htmlFor={`reason-${user.id}`} className="block font-semibold">
                {t("users.reason")}
              </label>
              <textarea id={`reason-${user.id}`} name="reason" rows={2} maxLength={500} className="w-full rounded-md border border-slate-400 px-2 py-1" />
              <SubmitButton variant="danger">{t("users.deactivateYes", { name: user.name })}</SubmitButton>
            </Form>
          </details>
        )}
      </div>
    </li>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { users, total, page, pageSize, organizations, ownId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (target: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(target));
    return `/users?${next}`;
  };
  const selectClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";
  return (
    <div className="space-y-6">
      <PageHeading>{t("users.title")}</PageHeading>
      <p className="text-slate-700">{t("users.intro")}</p>
      <Card title={t("users.filterTitle")}>
        <Form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
          <div>
            <label htmlFor="users-q" className="block text-sm font-semibold">
              {t("users.search")}
            </label>
            <input id="users-q" name="q" type="search" defaultValue={searchParams.get("q") ?? ""} className={selectClass} />
          </div>
          <div>
            <label htmlFor="users-role" className="block text-sm font-semibold">
              {t("fields.role")}
            </label>
            <select id="users-role" name="role" defaultValue={searchParams.get("role") ?? ""} className={selectClass}>
              <option value="">{t("users.anyRole")}</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="users-organization" className="block text-sm font-semibold">
              {t("fields.organization")}
            </label>
            <select id="users-organization" name="organizationId" defaultValue={searchParams.get("organizationId") ?? ""} className={selectClass}>
              <option value="">{t("users.anyOrganization")}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="users-status" className="block text-sm font-semibold">
              {t("fields.status")}
            </label>
            <select id="users-status" name="status" defaultValue={searchParams.get("status") ?? ""} className={selectClass}>
              <option value="">{t("users.anyStatus")}</option>
              <option value="active">{t("users.active")}</option>
              <option value="deactivated">{t("users.deactivated")}</option>
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("users.filter")}
          </button>
        </Form>
      </Card>
      <Card title={t("users.listTitle", { count: total })}>
        {actionData?.refusal ? (
          <p role="alert" className="mb-3 rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
            {t(actionData.refusal)}
          </p>
        ) : null}
        {users.length === 0 ? (
          <EmptyState>{t("users.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {users.map((user) => (
              <UserItem key={user.id} user={user} isSelf={user.id === ownId} />
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav aria-label={t("users.pagination")} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
            {page > 1 ? <Link to={pageLink(page - 1)}>{t("users.previous")}</Link> : null}
            <span>{t("users.pageOf", { page, pages })}</span>
            {page < pages ? <Link to={pageLink(page + 1)}>{t("users.next")}</Link> : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
