import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { chooseMatch } from "~/commands/matches/choose-match.server";
import { confirmMatch } from "~/commands/matches/confirm-match.server";
import { confirmMatches, type MatchOutcome } from "~/commands/matches/confirm-matches.server";
import { refusalAnswer } from "~/commands/refusals";
import { RouteErrorBoundary } from "~/components/error-page";
import { focusAfterNavigation } from "~/components/ui/focus";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, Notice, PageHeading } from "~/components/ui/page";
import type { UserActor } from "~/domain/lifecycle";
import type { ScoreFact, TakenBy, Unserved } from "~/domain/matching";
import { chooseMatchInput, confirmMatchInput, confirmMatchesInput, dismissedPairs } from "~/forms/matching";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatNumber } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listConfirmedMatches, matchBoard } from "~/models/match.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.title");

/**
 * Proposals are computed on GET (?run=1) and change nothing. A dismissed proposal
 * (?dismiss=deviceId-requestId, repeated) is left out of the engine's input and the rest is solved
 * again, so the device may go to another request and the request may get another device.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "match.run");
  const searchParams = new URL(request.url).searchParams;
  const confirmed = listConfirmedMatches(20);
  if (searchParams.get("run") !== "1") return { ran: false as const, confirmed };
  const dismissed = dismissedPairs(searchParams.getAll("dismiss"));
  const { result, devices, requests } = matchBoard(Date.now(), dismissed);
  const devicesById = new Map(devices.map((device) => [device.id, device]));
  const requestsById = new Map(requests.map((item) => [item.id, item]));
  const deviceView = (deviceId: number) => {
    const device = devicesById.get(deviceId);
    return {
      id: deviceId,
      assetTag: device?.assetTag ?? String(deviceId),
      name: device ? `${device.manufacturer} ${device.model}` : "",
      ramGb: device?.ramGb ?? null,
      storageGb: device?.storageGb ?? null,
    };
  };
  const requestView = (requestId: number) => {
    const item = requestsById.get(requestId);
    return { id: requestId, organizationName: item?.organizationName ?? "", type: item?.type ?? null, openSlots: item?.openSlots ?? 0 };
  };
  const proposedFor = new Map(result.proposals.map((proposal) => [proposal.deviceId, proposal.requestId]));
  return {
    ran: true as const,
    confirmed,
    proposals: result.proposals.map((proposal) => ({
      deviceId: proposal.deviceId,
      requestId: proposal.requestId,
      parts: proposal.explanation.parts,
      device: deviceView(proposal.deviceId),
      request: requestView(proposal.requestId),
    })),
    unserved: result.unserved.map((item) => ({ ...item, request: requestView(item.requestId) })),
    idleDevices: result.idleDevices.map((item) => ({ ...item, device: deviceView(item.deviceId) })),
    dismissed: dismissed.map((pair) => ({ ...pair, assetTag: deviceView(pair.deviceId).assetTag })),
    openRequestCount: requests.length,
    // For a choice by hand: per open request, the listed devices the engine's hard constraints accept.
    choices: requests
      .filter((item) => item.fittingDeviceIds.length > 0)
      .map((item) => ({
        request: requestView(item.id),
        devices: item.fittingDeviceIds.map((deviceId) => ({ ...deviceView(deviceId), proposedFor: proposedFor.get(deviceId) ?? null })),
      })),
  };
}

/** Back to the board as it was (run, dismissed pairs kept), so the rest is computed again. */
function boardAddress(request: Request): string {
  const search = new URL(request.url).searchParams;
  search.set("run", "1");
  return `/matching?${search}`;
}

function confirmOne(actor: UserActor, formData: FormData, request: Request) {
  const submission = parseWithZod(formData, { schema: confirmMatchInput });
  if (submission.status !== "success") throw data({ reason: "bad-request" }, { status: 400 });
  const result = confirmMatch(actor, submission.value);
  if (!result.ok) return intentRefusal("confirm", result);
  return redirectWithFlash(boardAddress(request), {
    key: "flash.matchConfirmed",
    values: { assetTag: result.value.device.assetTag, request: String(result.value.requestId) },
  });
}

function confirmSelected(actor: UserActor, formData: FormData) {
  const submission = parseWithZod(formData, { schema: confirmMatchesInput });
  if (submission.status !== "success")
    return data({ intent: "confirm-selected" as const, refusal: "errors.matching.noneSelected", outcomes: null }, { status: 400 });
  const result = confirmMatches(actor, submission.value);
  if (!result.ok) return intentRefusal("confirm-selected", result);
  return {
    intent: "confirm-selected" as const,
    refusal: null,
    outcomes: result.value.outcomes.map(outcomeView),
  };
}

/** One pair of a batch as the page reports it: the reserved device's tag, or what was wrong, in words. */
function outcomeView(outcome: MatchOutcome) {
  return {
    deviceId: outcome.deviceId,
    requestId: outcome.requestId,
    assetTag: outcome.ok ? outcome.assetTag : null,
    problem: outcome.ok ? null : refusalAnswer(outcome.refusal).messageKey,
  };
}

function choose(actor: UserActor, formData: FormData, request: Request) {
  const submission = parseWithZod(formData, { schema: chooseMatchInput });
  if (submission.status !== "success") return data({ intent: "choose" as const, refusal: "errors.matching.chooseDevice", outcomes: null }, { status: 400 });
  const result = chooseMatch(actor, submission.value);
  if (!result.ok) return intentRefusal("choose", result);
  return redirectWithFlash(boardAddress(request), {
    key: "flash.matchChosen",
    values: { assetTag: result.value.device.assetTag, request: String(result.value.requestId) },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = lifecycleActorOf(await requireUser(request));
  const formData = await readForm(request);
  switch (formData.get("intent")) {
    case "confirm-selected":
      return confirmSelected(actor, formData);
    case "choose":
      return choose(actor, formData, request);
    default:
      return confirmOne(actor, formData, request);
  }
}

type Translate = TFunction;

/** A score in words, e.g. "priority 60 of 100 · waiting 12 days · 4 GB more memory than asked". */
function scoreInWords(parts: readonly ScoreFact[], t: Translate, language: Parameters<typeof formatNumber>[1]): string {
  const number = (value: number) => formatNumber(value, language, { maximumFractionDigits: 1 });
  return parts
    .map((part) => {
      switch (part.kind) {
        case "priority":
          return t("matching.facts.priority", { level: part.level, of: part.of });
        case "waiting":
          return part.days > part.countedDays
            ? t("matching.facts.waitingCapped", { count: part.days, counted: part.countedDays })
            : t("matching.facts.waiting", { count: part.days });
        case "ram":
          return part.askedGb > 0
            ? t("matching.facts.moreRam", { gb: number(part.deviceGb - part.askedGb) })
            : t("matching.facts.ramNoMinimum", { gb: number(part.deviceGb) });
        case "storage":
          return part.askedGb > 0
            ? t("matching.facts.moreStorage", { gb: number(part.deviceGb - part.askedGb) })
            : t("matching.facts.storageNoMinimum", { gb: number(part.deviceGb) });
        case "screen":
          return t("matching.facts.largerScreen", { inches: number(part.deviceInches - part.askedInches) });
        case "as-asked":
          return t("matching.facts.asAsked");
      }
    })
    .join(" · ");
}

function listOf(items: readonly string[], t: Translate): string {
  if (items.length <= 1) return items.join("");
  return t("matching.listJoin", { first: items.slice(0, -1).join(", "), last: items.at(-1) });
}

/** Why a request keeps open slots, from the engine's result only. */
function unservedInWords(item: Unserved, t: Translate): string {
  switch (item.reason) {
    case "dismissed":
      return t("matching.reasons.dismissed", { count: item.unservedSlots, dismissed: item.dismissedDevices });
    case "fewer-than-asked":
      return t("matching.reasons.fewer-than-asked", { count: item.unservedSlots, fitting: item.fittingDevices });
    case "all-taken":
      return t("matching.reasons.all-taken", {
        count: item.unservedSlots,
        requests: listOf(
          item.takenBy.map((taker: TakenBy) => t(taker.higherScore ? "matching.takenByHigher" : "matching.takenByEqual", { id: taker.requestId })),
          t,
        ),
      });
    default:
      return t(`matching.reasons.${item.reason}`, { count: item.unservedSlots });
  }
}

function ManualChoice({
  request,
  devices,
}: {
  request: { id: number; organizationName: string };
  devices: { id: number; assetTag: string; name: string; proposedFor: number | null }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Form method="post" className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_2fr_auto] sm:items-end">
      <input type="hidden" name="intent" value="choose" />
      <input type="hidden" name="requestId" value={request.id} />
      <div>
        <label htmlFor={`${id}-device`} className="block text-sm font-semibold text-slate-800">
          {t("matching.chooseDeviceFor", { id: request.id, organization: request.organizationName })}
        </label>
        <select
          id={`${id}-device`}
          name="deviceId"
          required
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900"
        >
          {devices.map((device) => (
            <option key={device.id} value={device.id}>
              {device.assetTag} — {device.name}
              {device.proposedFor === request.id
                ? ` (${t("matching.proposedHere")})`
                : device.proposedFor !== null
                  ? ` (${t("matching.proposedFor", { id: device.proposedFor })})`
                  : ""}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-reason`} className="block text-sm font-semibold text-slate-800">
          {t("matching.manualReason")}
        </label>
        <input
          id={`${id}-reason`}
          name="reason"
          maxLength={500}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900"
        />
      </div>
      <div>
        <SubmitButton variant="secondary">{t("matching.reserveChosen", { id: request.id })}</SubmitButton>
      </div>
    </Form>
  );
}

export default function MatchingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const board = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigation = useNavigation();
  const running = navigation.state === "loading" && navigation.location.search.includes("run=1");
  const withDismissals = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(searchParams);
    next.set("run", "1");
    change(next);
    return `?${next}`;
  };
  const dismissLink = (deviceId: number, requestId: number) => withDismissals((next) => next.append("dismiss", `${deviceId}-${requestId}`));
  const undoLink = (deviceId: number, requestId: number) =>
    withDismissals((next) => {
      const kept = next.getAll("dismiss").filter((value) => value !== `${deviceId}-${requestId}`);
      next.delete("dismiss");
      for (const value of kept) next.append("dismiss", value);
    });
  const postAddress = `/matching${location.search}`;
  const bulkFormId = "confirm-selected";
  const outcomes = actionData && "outcomes" in actionData ? actionData.outcomes : null;
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
      {outcomes ? (
        <Notice tone={outcomes.every((outcome) => outcome.problem === null) ? "success" : "warning"}>
          <p className="font-semibold" {...focusAfterNavigation} tabIndex={-1}>
            {t("matching.bulkResult", {
              confirmed: outcomes.filter((outcome) => outcome.problem === null).length,
              refused: outcomes.filter((outcome) => outcome.problem !== null).length,
            })}
          </p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {outcomes.map((outcome) => (
              <li key={`${outcome.deviceId}-${outcome.requestId}`}>
                {outcome.problem === null
                  ? t("matching.bulkConfirmed", { device: outcome.assetTag ?? outcome.deviceId, request: outcome.requestId })
                  : t("matching.bulkRefused", { device: outcome.deviceId, request: outcome.requestId, problem: t(outcome.problem) })}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {board.ran ? (
        <>
          {/* What the run found, where focus lands after running (or dismissing), so it is heard at once. */}
          <div {...(outcomes ? {} : focusAfterNavigation)} tabIndex={-1} className="space-y-1">
            <p className="font-semibold text-slate-900">
              {t("matching.done")} {t("matching.proposalsTitle", { count: board.proposals.length })},{" "}
              {t("matching.unservedTitle", { count: board.unserved.length })}, {t("matching.idleTitle", { count: board.idleDevices.length })}.
            </p>
            {board.openRequestCount === 0 ? (
              <p className="text-slate-700">{t("matching.noOpenRequests")}</p>
            ) : board.unserved.length === 0 ? (
              <p className="text-slate-700">{t("matching.allServed")}</p>
            ) : null}
          </div>
          <Card title={t("matching.proposalsTitle", { count: board.proposals.length })}>
            {board.proposals.length === 0 ? (
              <EmptyState>{board.openRequestCount === 0 ? t("matching.noOpenRequests") : t("matching.noProposals")}</EmptyState>
            ) : (
              <>
                <ul className="divide-y divide-slate-200">
                  {board.proposals.map((proposal) => {
                    const pair = `${proposal.deviceId}-${proposal.requestId}`;
                    return (
                      <li key={pair} className="flex gap-3 py-4">
                        <input
                          type="checkbox"
                          name="pairs"
                          value={pair}
                          form={bulkFormId}
                          id={`select-${pair}`}
                          className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400"
                        />
                        <div className="min-w-0 flex-1">
                          <h3 className="font-semibold">
                            <label htmlFor={`select-${pair}`}>
                              {t("matching.pair", {
                                device: `${proposal.device.assetTag} (${proposal.device.name})`,
                                request: proposal.requestId,
                                organization: proposal.request.organizationName,
                              })}
                            </label>
                          </h3>
                          <p className="text-sm text-slate-700">
                            {t("matching.why")} {scoreInWords(proposal.parts, t, language)}
                          </p>
                          <div className="mt-2 flex flex-wrap gap-2">
                            <Form method="post" action={postAddress}>
                              <input type="hidden" name="intent" value="confirm" />
                              <input type="hidden" name="deviceId" value={proposal.deviceId} />
                              <input type="hidden" name="requestId" value={proposal.requestId} />
                              <SubmitButton>{t("matching.confirm", { device: proposal.device.assetTag, request: proposal.requestId })}</SubmitButton>
                            </Form>
                            <Link to={dismissLink(proposal.deviceId, proposal.requestId)} className={buttonClass("secondary")}>
                              {t("matching.dismiss", { device: proposal.device.assetTag, request: proposal.requestId })}
                            </Link>
                          </div>
                        </div>
                      </li>
                    );
                  })}
                </ul>
                <Form method="post" action={postAddress} id={bulkFormId} className="mt-3 border-t border-slate-200 pt-3">
                  <input type="hidden" name="intent" value="confirm-selected" />
                  <SubmitButton>{t("matching.confirmSelected")}</SubmitButton>
                </Form>
              </>
            )}
          </Card>
          {board.dismissed.length > 0 ? (
            <Card title={t("matching.dismissedTitle", { count: board.dismissed.length })}>
              <ul className="space-y-2">
                {board.dismissed.map((pair) => (
                  <li key={`${pair.deviceId}-${pair.requestId}`} className="flex flex-wrap items-center gap-2">
                    <span>{t("matching.dismissedPair", { device: pair.assetTag, request: pair.requestId })}</span>
                    <Link to={undoLink(pair.deviceId, pair.requestId)} className="text-emerald-800 underline">
                      {t("matching.undoDismiss", { device: pair.assetTag, request: pair.requestId })}
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t("matching.unservedTitle", { count: board.unserved.length })}>
            {board.unserved.length === 0 ? (
              <p className="text-slate-700">{board.openRequestCount === 0 ? t("matching.noOpenRequests") : t("matching.allServed")}</p>
            ) : (
              <ul className="space-y-2">
                {board.unserved.map((item) => (
                  <li key={item.requestId}>
                    <span className="font-medium">{t("matching.unservedRequest", { id: item.requestId, organization: item.request.organizationName })}</span>
                    {" — "}
                    {unservedInWords(item, t)}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {board.idleDevices.length > 0 ? (
            <Card title={t("matching.idleTitle", { count: board.idleDevices.length })}>
              <ul className="space-y-2">
                {board.idleDevices.map((item) => (
                  <li key={item.deviceId}>
                    <span className="font-medium">
                      {item.device.assetTag} ({item.device.name})
                    </span>
                    {" — "}
                    {t(`matching.idleReasons.${item.reason}`)}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t("matching.chooseTitle")}>
            <p className="mb-3 text-sm text-slate-700">{t("matching.chooseIntro")}</p>
            {board.choices.length === 0 ? (
              <EmptyState>{t("matching.chooseNone")}</EmptyState>
            ) : (
              <div className="space-y-3">
                {board.choices.map((choice) => (
                  <ManualChoice key={choice.request.id} request={choice.request} devices={choice.devices} />
                ))}
              </div>
            )}
          </Card>
        </>
      ) : null}
      {board.confirmed.length > 0 ? (
        <Card title={t("matching.confirmedTitle")}>
          <ul className="space-y-1 text-sm">
            {board.confirmed.map((match) => (
              <li key={match.matchId}>
                <Link to={`/devices/${match.deviceId}`} className="font-medium text-emerald-800 underline">
                  {match.assetTag}
                </Link>{" "}
                {t("matching.confirmedFor", { request: match.requestId })}
                {match.manual ? (
                  <span className="ml-2 rounded-full border border-slate-500 px-2 py-0.5 text-xs font-semibold">{t("matching.manualChoice")}</span>
                ) : null}
                {match.manual && match.manualReason ? <span className="ml-1 text-slate-700">— {match.manualReason}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
