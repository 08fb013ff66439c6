import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { confirmMatch, confirmMatchInput } from "~/commands/matches/confirm-match.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { focusAfterNavigation } from "~/components/ui/focus";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatNumber } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getDevice } from "~/models/device.server";
import { proposeMatches } from "~/models/match.server";
import { getRequest } from "~/models/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.title");

/** Proposals are computed on GET (?run=1) and change nothing; dismissed ones stay out of view (?dismiss=device-request). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "match.run");
  const searchParams = new URL(request.url).searchParams;
  if (searchParams.get("run") !== "1") return { ran: false as const };
  const dismissed = new Set(searchParams.getAll("dismiss"));
  const { proposals, unserved, totalScore } = proposeMatches();
  const describe = (deviceId: number, requestId: number) => {
    const device = getDevice(deviceId);
    const target = getRequest(requestId);
    return {
      device: device && {
        id: device.id,
        assetTag: device.assetTag,
        name: `${device.manufacturer} ${device.model}`,
        ramGb: device.ramGb,
        storageGb: device.storageGb,
        grade: device.conditionGrade,
      },
      request: target && {
        id: target.id,
        organizationName: target.organizationName,
        type: target.type,
        minRamGb: target.minRamGb,
        minStorageGb: target.minStorageGb,
      },
    };
  };
  return {
    ran: true as const,
    totalScore,
    proposals: proposals
      .filter((proposal) => !dismissed.has(`${proposal.deviceId}-${proposal.requestId}`))
      .map((proposal) => ({ ...proposal, ...describe(proposal.deviceId, proposal.requestId) })),
    unserved: unserved.map((item) => ({ ...item, request: getRequest(item.requestId) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = lifecycleActorOf(await requireUser(request));
  const submission = parseWithZod(await readForm(request), { schema: confirmMatchInput });
  if (submission.status !== "success") throw data({ reason: "bad-request" }, { status: 400 });
  const result = confirmMatch(actor, submission.value);
  if (!result.ok) return intentRefusal("confirm", result);
  return redirectWithFlash("/matching?run=1", {
    key: "flash.matchConfirmed",
    values: { assetTag: result.value.device.assetTag, request: String(result.value.requestId) },
  });
}

export default function MatchingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const board = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const running = navigation.state === "loading" && navigation.location.search.includes("run=1");
  const dismissLink = (deviceId: number, requestId: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("run", "1");
    next.append("dismiss", `${deviceId}-${requestId}`);
    return `?${next}`;
  };
  return (
    <div className="space-y-6">
      <PageHeading>{t("matching.title")}</PageHeading>
      <p className="max-w-3xl text-slate-700">{t("matching.intro")}</p>
      <Form method="get">
        <input type="hidden" name="run" value="1" />
        <button type="submit" className={buttonClass("primary")} disabled={running}>
          {running ? t("matching.running") : t("matching.run")}
        </button>
      </Form>
      {actionData?.refusal ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
          {t(actionData.refusal)}
        </div>
      ) : null}
      {board.ran ? (
        <>
          {/* What the run found, where focus lands after running (or dismissing), so it is heard at once. */}
          <p {...focusAfterNavigation} tabIndex={-1} className="font-semibold text-slate-900">
            {t("matching.done")} {t("matching.proposalsTitle", { count: board.proposals.length })},{" "}
            {t("matching.unservedTitle", { count: board.unserved.length })}.
          </p>
          <Card title={t("matching.proposalsTitle", { count: board.proposals.length })}>
            {board.proposals.length === 0 ? (
              <EmptyState>{t("matching.noProposals")}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-200">
                {board.proposals.map((proposal) => (
                  <li key={`${proposal.deviceId}-${proposal.requestId}`} className="py-4">
                    <h3 className="font-semibold">
                      {t("matching.pair", {
                        device: `${proposal.device?.assetTag ?? proposal.deviceId} (${proposal.device?.name ?? ""})`,
                        request: proposal.requestId,
                        organization: proposal.request?.organizationName ?? "",
                      })}
                    </h3>
                    <p className="text-sm text-slate-700">
                      {t("matching.score", { score: formatNumber(proposal.score, language, { maximumFractionDigits: 1 }) })} ={" "}
                      {t("matching.explanation", {
                        base: formatNumber(proposal.explanation.base, language, { maximumFractionDigits: 1 }),
                        priority: formatNumber(proposal.explanation.priority, language, { maximumFractionDigits: 1 }),
                        waiting: formatNumber(proposal.explanation.waiting, language, { maximumFractionDigits: 1 }),
                        days: proposal.explanation.daysWaiting,
                        excess: formatNumber(proposal.explanation.excessSpec, language, { maximumFractionDigits: 1 }),
                      })}
                    </p>
                    {proposal.explanation.notes.length > 0 ? <p className="text-sm text-slate-700">{proposal.explanation.notes.join(" · ")}</p> : null}
                    <div className="mt-2 flex flex-wrap gap-2">
                      <Form method="post">
                        <input type="hidden" name="deviceId" value={proposal.deviceId} />
                        <input type="hidden" name="requestId" value={proposal.requestId} />
                        <SubmitButton>
                          {t("matching.confirm", { device: proposal.device?.assetTag ?? proposal.deviceId, request: proposal.requestId })}
                        </SubmitButton>
                      </Form>
                      <Link to={dismissLink(proposal.deviceId, proposal.requestId)} className={buttonClass("secondary")}>
                        {t("matching.dismiss", { device: proposal.device?.assetTag ?? proposal.deviceId, request: proposal.requestId })}
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("matching.unservedTitle", { count: board.unserved.length })}>
            {board.unserved.length === 0 ? (
              <p className="text-slate-700">{t("matching.allServed")}</p>
            ) : (
              <ul className="space-y-2">
                {board.unserved.map((item) => (
                  <li key={item.requestId}>
                    <span className="font-medium">
                      {t("matching.unservedRequest", { id: item.requestId, organization: item.request?.organizationName ?? "" })}
                    </span>
                    {" — "}
                    {t(`matching.reasons.${item.reason}`, { count: item.unservedSlots })}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
