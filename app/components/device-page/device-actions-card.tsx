// The lifecycle actions the signed-in person may take on the device now, each with its own form.
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/page";
import type { LifecycleAction } from "~/domain/lifecycle";
import { CollectForm, type CollectableDevice } from "./collect-form";
import type { FormResult } from "./form-result";
import { HandoverForm } from "./handover-form";
import { ListForm } from "./list-form";
import { RecycleForm, type RecyclerOption } from "./recycle-form";
import { ReleaseForm } from "./release-form";
import { ReturnForm } from "./return-form";
import { PreparePickupForm, ReadyForPickup, type PickupDefaults, type ReadyPickup, type RequestDeviceOption } from "~/components/pickup/technician-pickup";

/** The pickup of a reserved device, for the technician: the request's reserved devices, the form's defaults, and the pickup once set. */
export type TechnicianPickup = { requestId: number; devices: RequestDeviceOption[]; defaults: PickupDefaults; ready: ReadyPickup | null };

/** The forms' last replies, by the intent that sent them. */
export type ActionResults = Partial<Record<"collect" | "handover" | "release" | "list" | "recycle" | "prepare-pickup", FormResult>>;

export function DeviceActionsCard({
  assetTag,
  actions,
  reservation,
  recyclers,
  results,
  pickup = null,
  deviceId,
  device,
}: {
  assetTag: string;
  actions: readonly LifecycleAction[];
  reservation: { recipientName: string; requestId: number; manual?: boolean; manualReason?: string | null } | null;
  /** The recyclers to choose from when recycling is offered. */
  recyclers: RecyclerOption[];
  results: ActionResults;
  pickup?: TechnicianPickup | null;
  deviceId?: number;
  /** Its drives and specifications, which the technician confirms at collection and grading. */
  device: CollectableDevice;
}) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <Card title={t("devicePage.actionsTitle")}>
      <div className="flex flex-wrap items-start gap-4">
        {actions.includes("collect") ? <CollectForm device={device} lastResult={results.collect} /> : null}
        {reservation ? (
          <p className="w-full text-slate-800">{t("devicePage.reservedFor", { recipient: reservation.recipientName, request: reservation.requestId })}</p>
        ) : null}
        {reservation?.manual ? (
          <p className="w-full text-sm text-slate-700">
            {reservation.manualReason ? t("devicePage.manualChoiceBecause", { reason: reservation.manualReason }) : t("devicePage.manualChoice")}
          </p>
        ) : null}
        {pickup?.ready ? <ReadyForPickup pickup={pickup.ready} /> : null}
        {pickup ? (
          <PreparePickupForm
            requestId={pickup.requestId}
            devices={pickup.devices}
            defaults={pickup.defaults}
            lastResult={results["prepare-pickup"]}
            again={pickup.ready !== null}
          />
        ) : null}
        {actions.includes("handover") && reservation ? (
          <HandoverForm
            recipientName={reservation.recipientName}
            otherDevices={pickup?.devices.filter((device) => device.deviceId !== deviceId) ?? []}
            lastResult={results.handover}
          />
        ) : null}
        {actions.includes("release") ? <ReleaseForm assetTag={assetTag} lastResult={results.release} /> : null}
        {actions.includes("return") ? <ReturnForm assetTag={assetTag} /> : null}
        {actions.includes("list") ? <ListForm specs={device} lastResult={results.list} /> : null}
        {actions.includes("recycle") ? <RecycleForm assetTag={assetTag} recyclers={recyclers} lastResult={results.recycle} /> : null}
      </div>
    </Card>
  );
}
