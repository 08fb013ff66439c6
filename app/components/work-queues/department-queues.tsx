// The department's home: its devices by state (each a link to the list), and what it must still do —
// its address and contact for the technician, and the devices waiting at the department to be collected.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/form";
import { deviceStatuses, type DeviceStatus } from "~/domain/lifecycle";
import { formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { DeviceLine, type QueueDeviceView } from "./device-line";
import { QueueCard, QueueItem } from "./queue-card";

export type DepartmentQueuesView = {
  byStatus: Partial<Record<DeviceStatus, number>>;
  awaitingCollection: { count: number; items: QueueDeviceView[] };
  contactMissing: boolean;
};

export function DepartmentQueues({ queues }: { queues: DepartmentQueuesView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = Object.values(queues.byStatus).reduce((sum, count) => sum + (count ?? 0), 0);
  return (
    <>
      <section aria-labelledby="queue-states-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-queue="queue-states">
        <h2 id="queue-states-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t("workQueues.department.byStatus")}
        </h2>
        {total === 0 ? (
          <p className="mb-4 text-slate-700">{t("workQueues.department.noDevices")}</p>
        ) : (
          <dl className="mb-4 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            {deviceStatuses
              .filter((status) => (queues.byStatus[status] ?? 0) > 0)
              .map((status) => (
                <div key={status} className="contents">
                  <dt>
                    <Link to={`/devices?status=${status}`}>{t(`deviceStatuses.${status}`)}</Link>
                  </dt>
                  <dd className="text-right font-semibold tabular-nums">{formatNumber(queues.byStatus[status] ?? 0, language)}</dd>
                </div>
              ))}
          </dl>
        )}
        <div className="flex flex-wrap gap-3">
          <Link to="/devices/new" className={buttonClass("primary")}>
            {t("devices.register")}
          </Link>
          <Link to="/devices" className={buttonClass("secondary")}>
            {t("home.department.follow")}
          </Link>
        </div>
      </section>
      <QueueCard
        id="queue-department-todo"
        title={t("workQueues.department.toDo")}
        count={queues.awaitingCollection.count + (queues.contactMissing ? 1 : 0)}
        shown={queues.awaitingCollection.items.length + (queues.contactMissing ? 1 : 0)}
        empty={t("workQueues.department.toDoEmpty")}
        showAll={queues.awaitingCollection.count > 0 ? { to: "/devices?status=registered", label: t("workQueues.department.allWaiting") } : undefined}
      >
        {queues.contactMissing ? (
          <QueueItem
            action={
              <Link to="/profile#organization-contact" className={`${buttonClass("secondary")} whitespace-nowrap`}>
                {t("workQueues.department.addContact")}
              </Link>
            }
          >
            <p className="font-medium">{t("workQueues.department.contactMissing")}</p>
            <p className="text-sm text-slate-700">{t("workQueues.department.contactMissingWhy")}</p>
          </QueueItem>
        ) : null}
        {queues.awaitingCollection.items.map((device) => (
          <QueueItem
            key={device.id}
            action={
              <Link to={`/devices/${device.id}`} className={`${buttonClass("secondary")} whitespace-nowrap`}>
                {t("workQueues.open", { assetTag: device.assetTag })}
              </Link>
            }
          >
            <DeviceLine device={device} showDepartment={false} />
            <p className="text-sm text-slate-700">{t("workQueues.department.waitingForCollection")}</p>
          </QueueItem>
        ))}
      </QueueCard>
    </>
  );
}
