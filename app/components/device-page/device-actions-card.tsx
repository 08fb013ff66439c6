// The lifecycle actions the signed-in person may take on the device now, each with its own form.
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/page";
import type { LifecycleAction } from "~/domain/lifecycle";
import { CollectForm } from "./collect-form";
import type { FormResult } from "./form-result";
import { HandoverForm } from "./handover-form";
import { ListForm } from "./list-form";
import { RecycleForm, type RecyclerOption } from "./recycle-form";
import { ReleaseForm } from "./release-form";
import { ReturnForm } from "./return-form";

/** The forms' last replies, by the intent that sent them. */
export type ActionResults = Partial<Record<"handover" | "release" | "list" | "recycle", FormResult>>;

export function DeviceActionsCard({
  assetTag,
  actions,
  reservation,
  recyclers,
  results,
}: {
  assetTag: string;
  actions: readonly LifecycleAction[];
  reservation: { recipientName: string; requestId: number } | null;
  /** The recyclers to choose from when recycling is offered. */
  recyclers: RecyclerOption[];
  results: ActionResults;
}) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <Card title={t("devicePage.actionsTitle")}>
      <div className="flex flex-wrap items-start gap-4">
        {actions.includes("collect") ? <CollectForm /> : null}
        {reservation ? (
          <p className="w-full text-slate-800">{t("devicePage.reservedFor", { recipient: reservation.recipientName, request: reservation.requestId })}</p>
        ) : null}
        {actions.includes("handover") && reservation ? <HandoverForm recipientName={reservation.recipientName} lastResult={results.handover} /> : null}
        {actions.includes("release") ? <ReleaseForm assetTag={assetTag} lastResult={results.release} /> : null}
        {actions.includes("return") ? <ReturnForm assetTag={assetTag} /> : null}
        {actions.includes("list") ? <ListForm lastResult={results.list} /> : null}
        {actions.includes("recycle") ? <RecycleForm assetTag={assetTag} recyclers={recyclers} lastResult={results.recycle} /> : null}
      </div>
    </Card>
  );
}
