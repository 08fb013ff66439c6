// The technician's home: what to collect (where, whom to ask for), wipe, validate for a colleague,
// certify, grade and list, and hand over. Collecting needs nothing more, so it is a button right here.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { DeviceLine, type QueueDeviceView } from "./device-line";
import {
  InlineListing,
  InlinePickup,
  InlineValidation,
  WipeLogUpload,
  type InlinePickupView,
  type InlineSpecsView,
  type InlineValidationView,
} from "./inline-forms";
import { QueueCard, QueueItem } from "./queue-card";

type Queue<Item> = { count: number; items: Item[] };
type CollectionView = QueueDeviceView & { departmentAddress: string | null; departmentContact: string | null };
type PickupView = QueueDeviceView & { recipientName: string; readyAt: number | null; pickupLocation: string | null };

export type TechnicianQueuesView = {
  toCollect: Queue<CollectionView>;
  toWipe: Queue<QueueDeviceView>;
  toValidate: Queue<QueueDeviceView>;
  awaitingSecondTechnician: Queue<QueueDeviceView>;
  toCertify: Queue<QueueDeviceView>;
  toGradeAndList: Queue<QueueDeviceView>;
  awaitingPickup: Queue<PickupView>;
};

const smallLink = `${buttonClass("secondary")} whitespace-nowrap`;

/** What the queues need to finish an item right here (app/models/inline-work.server.ts); without it, each item links to its device. */
export type TechnicianInlineWork = { validations: InlineValidationView[]; specs: InlineSpecsView[]; pickups: InlinePickupView[] };

export function TechnicianQueues({ queues, inline }: { queues: TechnicianQueuesView; inline?: TechnicianInlineWork }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const allCollected = { to: "/devices?status=collected", label: t("workQueues.allCollected") };
  return (
    <>
      <QueueCard
        id="queue-collect"
        title={t("workQueues.technician.toCollect")}
        count={queues.toCollect.count}
        shown={queues.toCollect.items.length}
        empty={t("workQueues.technician.toCollectEmpty")}
        showAll={{ to: "/devices?status=registered", label: t("home.technician.collectAction") }}
      >
        {queues.toCollect.items.map((device) => (
          <QueueItem
            key={device.id}
            action={
              <Form method="post">
                <input type="hidden" name="intent" value="collect" />
                <input type="hidden" name="deviceId" value={device.id} />
                <SubmitButton>{t("workQueues.technician.collect", { assetTag: device.assetTag })}</SubmitButton>
              </Form>
            }
          >
            <DeviceLine device={device} />
            <p className="text-sm whitespace-pre-line text-slate-800">
              {device.departmentAddress ? device.departmentAddress : <em>{t("workQueues.technician.noAddress")}</em>}
            </p>
            {device.departmentContact ? (
              <p className="text-sm whitespace-pre-line text-slate-800">{t("workQueues.technician.contact", { contact: device.departmentContact })}</p>
            ) : null}
          </QueueItem>
        ))}
      </QueueCard>
      <QueueCard
        id="queue-wipe"
        title={t("workQueues.technician.toWipe")}
        count={queues.toWipe.count}
        shown={queues.toWipe.items.length}
        empty={t("workQueues.technician.toWipeEmpty")}
        showAll={allCollected}
      >
        {queues.toWipe.items.map((device) => (
          <QueueItem
            key={device.id}
            action={
              <Link to={`/devices/${device.id}`} className={smallLink}>
                {t("workQueues.technician.wipe", { assetTag: device.assetTag })}
              </Link>
            }
          >
            <DeviceLine device={device} />
            {inline ? <WipeLogUpload deviceId={device.id} assetTag={device.assetTag} /> : null}
          </QueueItem>
        ))}
      </QueueCard>
      <QueueCard
        id="queue-validate"
        title={t("workQueues.technician.toValidate")}
        count={queues.toValidate.count}
        shown={queues.toValidate.items.length}
        empty={t("workQueues.technician.toValidateEmpty")}
      >
        {queues.toValidate.items.map((device) => {
          const validation = inline?.validations.find((entry) => entry.deviceId === device.id);
          return (
            <QueueItem
              key={device.id}
              action={
                <Link to={`/devices/${device.id}`} className={smallLink}>
                  {t("workQueues.technician.validate", { assetTag: device.assetTag })}
                </Link>
              }
            >
              <DeviceLine device={device} />
              {validation ? <InlineValidation validation={validation} /> : null}
            </QueueItem>
          );
        })}
      </QueueCard>
      {queues.awaitingSecondTechnician.count > 0 ? (
        <QueueCard
          id="queue-second-technician"
          title={t("workQueues.technician.awaitingSecond")}
          count={queues.awaitingSecondTechnician.count}
          shown={queues.awaitingSecondTechnician.items.length}
          empty=""
          intro={<p className="mb-2 text-sm text-slate-700">{t("workQueues.technician.awaitingSecondIntro")}</p>}
        >
          {queues.awaitingSecondTechnician.items.map((device) => (
            <QueueItem key={device.id} action={<span className="text-sm text-slate-700">{t("workQueues.technician.waitingForSecond")}</span>}>
              <DeviceLine device={device} />
            </QueueItem>
          ))}
        </QueueCard>
      ) : null}
      <QueueCard
        id="queue-certify"
        title={t("workQueues.technician.toCertify")}
        count={queues.toCertify.count}
        shown={queues.toCertify.items.length}
        empty={t("workQueues.technician.toCertifyEmpty")}
      >
        {queues.toCertify.items.map((device) => (
          <QueueItem
            key={device.id}
            action={
              <Link to={`/devices/${device.id}`} className={smallLink}>
                {t("workQueues.technician.certify", { assetTag: device.assetTag })}
              </Link>
            }
          >
            <DeviceLine device={device} />
          </QueueItem>
        ))}
      </QueueCard>
      <QueueCard
        id="queue-list"
        title={t("workQueues.technician.toGradeAndList")}
        count={queues.toGradeAndList.count}
        shown={queues.toGradeAndList.items.length}
        empty={t("workQueues.technician.toGradeAndListEmpty")}
        showAll={{ to: "/devices?status=wiped", label: t("workQueues.showAll") }}
      >
        {queues.toGradeAndList.items.map((device) => {
          const specs = inline?.specs.find((entry) => entry.deviceId === device.id);
          return (
            <QueueItem
              key={device.id}
              action={
                <Link to={`/devices/${device.id}`} className={smallLink}>
                  {t("workQueues.technician.gradeAndList", { assetTag: device.assetTag })}
                </Link>
              }
            >
              <DeviceLine device={device} />
              {specs ? <InlineListing specs={specs} assetTag={device.assetTag} /> : null}
            </QueueItem>
          );
        })}
      </QueueCard>
      <QueueCard
        id="queue-pickup"
        title={t("workQueues.technician.awaitingPickup")}
        count={queues.awaitingPickup.count}
        shown={queues.awaitingPickup.items.length}
        empty={t("workQueues.technician.awaitingPickupEmpty")}
        showAll={{ to: "/devices?status=reserved", label: t("workQueues.showAll") }}
      >
        {queues.awaitingPickup.items.map((device) => {
          const pickup = inline?.pickups.find((entry) => entry.deviceId === device.id);
          return (
            <QueueItem
              key={device.id}
              action={
                <Link to={`/devices/${device.id}`} className={smallLink}>
                  {t("workQueues.technician.handOver", { assetTag: device.assetTag })}
                </Link>
              }
            >
              <DeviceLine device={device} showDepartment={false} />
              <p className="text-sm text-slate-800">{t("workQueues.technician.reservedFor", { recipient: device.recipientName })}</p>
              <p className="text-sm text-slate-700">
                {device.readyAt
                  ? t("workQueues.technician.readySince", { date: formatDateTime(new Date(device.readyAt), language), place: device.pickupLocation ?? "—" })
                  : t("workQueues.technician.notReadyYet")}
              </p>
              {pickup ? <InlinePickup pickup={pickup} assetTag={device.assetTag} /> : null}
            </QueueItem>
          );
        })}
      </QueueCard>
    </>
  );
}
