// A device in a queue: its name and asset tag, linking to its page, and how long it has waited.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

export type QueueDeviceView = { id: number; assetTag: string; manufacturer: string; model: string; departmentName: string; since: number };

export function DeviceLine({ device, showDepartment = true }: { device: QueueDeviceView; showDepartment?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p className="font-medium">
        <Link to={`/devices/${device.id}`}>
          {device.manufacturer} {device.model} · {device.assetTag}
        </Link>
      </p>
      <p className="text-sm text-slate-700">
        {showDepartment ? `${device.departmentName} · ` : ""}
        {t("workQueues.since", { date: formatDate(new Date(device.since), language) })}
      </p>
    </>
  );
}
