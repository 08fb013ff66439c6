// The coordinator's home: organizations to approve, requests to review, the proposals the matching
// engine would make now (each confirmed with one button), and devices nobody has asked for in a while.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { formatDate, formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { DeviceLine, type QueueDeviceView } from "./device-line";
import { InlineApproval } from "./inline-forms";
import { QueueCard, QueueItem } from "./queue-card";

type Queue<Item> = { count: number; items: Item[] };

export type CoordinatorQueuesView = {
  organizationsToApprove: Queue<{ id: number; name: string; kind: string; since: number }>;
  requestsToReview: Queue<{
    id: number;
    organizationName: string;
    requesterName: string;
    requesterKind: string;
    type: string;
    quantity: number;
    since: number;
  }>;
  proposalsToConfirm: Queue<{ deviceId: number; requestId: number; assetTag: string; deviceName: string; recipientName: string; score: number }>;
  listedTooLong: Queue<QueueDeviceView> & { days: number };
};

const smallLink = `${buttonClass("secondary")} whitespace-nowrap`;

/** Requests the coordinator may approve right here with the rubric's priority (app/models/inline-work.server.ts). */
export type CoordinatorInlineWork = { reviews: { requestId: number; rubricPriority: number }[] };

export function CoordinatorQueues({ queues, inline }: { queues: CoordinatorQueuesView; inline?: CoordinatorInlineWork }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <QueueCard
        id="queue-organizations"
        title={t("workQueues.coordinator.organizationsToApprove")}
        count={queues.organizationsToApprove.count}
        shown={queues.organizationsToApprove.items.length}
        empty={t("workQueues.coordinator.organizationsToApproveEmpty")}
        showAll={{ to: "/organizations", label: t("workQueues.showAll") }}
      >
        {queues.organizationsToApprove.items.map((organization) => (
          <QueueItem
            key={organization.id}
            action={
              <Link to="/organizations" className={smallLink}>
                {t("workQueues.coordinator.review", { name: organization.name })}
              </Link>
            }
          >
            <p className="font-medium">{organization.name}</p>
            <p className="text-sm text-slate-700">
              {t(`organizationKinds.${organization.kind}`)} · {t("workQueues.registeredOn", { date: formatDate(new Date(organization.since), language) })}
            </p>
          </QueueItem>
        ))}
      </QueueCard>
      <QueueCard
        id="queue-requests"
        title={t("workQueues.coordinator.requestsToReview")}
        count={queues.requestsToReview.count}
        shown={queues.requestsToReview.items.length}
        empty={t("workQueues.coordinator.requestsToReviewEmpty")}
        showAll={{ to: "/requests", label: t("workQueues.coordinator.allRequests") }}
      >
        {queues.requestsToReview.items.map((request) => {
          const review = inline?.reviews.find((entry) => entry.requestId === request.id);
          return (
            <QueueItem
              key={request.id}
              action={
                review ? (
                  <InlineApproval requestId={request.id} priority={review.rubricPriority} />
                ) : (
                  <Link to="/requests" className={smallLink}>
                    {t("workQueues.coordinator.reviewRequest", { request: request.id })}
                  </Link>
                )
              }
            >
              <p className="font-medium">
                {t("workQueues.coordinator.requestLine", {
                  request: request.id,
                  quantity: request.quantity,
                  type: t(`deviceTypes.${request.type}`),
                  recipient: request.requesterKind === "employee" ? request.requesterName : request.organizationName,
                })}
              </p>
              <p className="text-sm text-slate-700">{t("workQueues.filedOn", { date: formatDate(new Date(request.since), language) })}</p>
            </QueueItem>
          );
        })}
      </QueueCard>
      <QueueCard
        id="queue-proposals"
        title={t("workQueues.coordinator.proposalsToConfirm")}
        count={queues.proposalsToConfirm.count}
        shown={queues.proposalsToConfirm.items.length}
        empty={t("workQueues.coordinator.proposalsToConfirmEmpty")}
        showAll={{ to: "/matching?run=1", label: t("workQueues.coordinator.matchBoard") }}
      >
        {queues.proposalsToConfirm.items.map((proposal) => (
          <QueueItem
            key={`${proposal.deviceId}-${proposal.requestId}`}
            action={
              <Form method="post">
                <input type="hidden" name="intent" value="confirm-match" />
                <input type="hidden" name="deviceId" value={proposal.deviceId} />
                <input type="hidden" name="requestId" value={proposal.requestId} />
                <SubmitButton>{t("workQueues.coordinator.confirm", { assetTag: proposal.assetTag, request: proposal.requestId })}</SubmitButton>
              </Form>
            }
          >
            <p className="font-medium">
              <Link to={`/devices/${proposal.deviceId}`}>
                {proposal.deviceName} · {proposal.assetTag}
              </Link>
            </p>
            <p className="text-sm text-slate-700">
              {t("workQueues.coordinator.proposalFor", {
                request: proposal.requestId,
                recipient: proposal.recipientName,
                score: formatNumber(proposal.score, language, { maximumFractionDigits: 0 }),
              })}
            </p>
          </QueueItem>
        ))}
      </QueueCard>
      <QueueCard
        id="queue-listed"
        title={t("workQueues.coordinator.listedTooLong", { count: queues.listedTooLong.days })}
        count={queues.listedTooLong.count}
        shown={queues.listedTooLong.items.length}
        empty={t("workQueues.coordinator.listedTooLongEmpty", { count: queues.listedTooLong.days })}
        showAll={{ to: "/devices?status=listed&sort=updated&direction=asc", label: t("workQueues.coordinator.allListed") }}
      >
        {queues.listedTooLong.items.map((device) => (
          <QueueItem
            key={device.id}
            action={
              <Link to={`/devices/${device.id}`} className={smallLink}>
                {t("workQueues.open", { assetTag: device.assetTag })}
              </Link>
            }
          >
            <DeviceLine device={device} />
          </QueueItem>
        ))}
      </QueueCard>
    </>
  );
}
