// A device's custody timeline: who did what, when, and where the device went (from → to).
import { useTranslation } from "react-i18next";
import type { CustodyDetailValue } from "~/domain/custody";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

type HolderView = { kind: "organization" | "recycler"; name: string } | { kind: "employee" };

export type TimelineEntry = {
  seq: number;
  type: string;
  at: number;
  toStatus: string;
  from: HolderView | null;
  to: HolderView | null;
  actorRole: string;
  /** Staff see the person's name; the public page shows only the role. */
  actorName?: string;
  details: Record<string, CustodyDetailValue>;
  hash: string;
};

function HolderName({ holder }: { holder: HolderView | null }) {
  const { t } = useTranslation();
  if (!holder) return <>{t("custody.nobody")}</>;
  if (holder.kind === "employee") return <>{t("roles.employee")}</>;
  return <>{holder.name}</>;
}

/** A recycler shows by its current name and accreditation number (app/models/device-custody-view.server.ts looks them up). */
const shownDetails = ["recycler", "recyclerAccreditation", "certificateNumber", "grade", "reason"] as const;

export function CustodyTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ol className="space-y-4 border-l-2 border-emerald-700 pl-5">
      {entries.map((entry) => (
        <li key={entry.seq} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.7rem] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-emerald-700" />
          <p className="font-semibold">
            {t(`custodyEvents.${entry.type}`)}{" "}
            <span className="font-normal text-slate-700">
              · <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, language)}</time>
            </span>
          </p>
          <p className="text-sm text-slate-800">
            <HolderName holder={entry.from} /> → <HolderName holder={entry.to} />
          </p>
          <p className="text-sm text-slate-700">
            {entry.actorName
              ? t("custody.byPerson", { name: entry.actorName, role: entry.actorRole === "system" ? "Circuit" : t(`roles.${entry.actorRole}`) })
              : t("custody.byRole", { role: entry.actorRole === "system" ? "Circuit" : t(`roles.${entry.actorRole}`) })}
          </p>
          {shownDetails.some((key) => entry.details[key] !== undefined && entry.details[key] !== null) ? (
            <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
              {shownDetails.map((key) =>
                entry.details[key] === undefined || entry.details[key] === null ? null : (
                  <div key={key} className="contents">
                    <dt className="text-slate-700">{t(`custody.details.${key}`)}</dt>
                    <dd>{String(entry.details[key])}</dd>
                  </div>
                ),
              )}
            </dl>
          ) : null}
          <CorrectionList details={entry.details} />
          <p className="mt-1 break-all font-mono text-xs text-slate-600">
            #{entry.seq} · {entry.hash}
          </p>
        </li>
      ))}
    </ol>
  );
}

type MediumShown = { serial: string; kind: string; capacityGb: number };

function isMedium(value: CustodyDetailValue | undefined): value is MediumShown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.serial === "string" && typeof value.capacityGb === "number";
}

function listOf(value: CustodyDetailValue | undefined): CustodyDetailValue[] {
  return Array.isArray(value) ? value : [];
}

/** What a technician found different from the registration (at collection or grading), one line per change. */
function CorrectionList({ details }: { details: Record<string, CustodyDetailValue> }) {
  const { t } = useTranslation();
  const medium = (value: MediumShown) => t("custody.corrections.medium", { kind: value.kind, serial: value.serial, capacity: value.capacityGb });
  const shown = (value: CustodyDetailValue | undefined) =>
    value === null || value === undefined || value === "" ? t("custody.corrections.empty") : String(value);
  const lines: string[] = [
    ...listOf(details.mediaAdded).flatMap((value) => (isMedium(value) ? [t("custody.corrections.mediumAdded", { medium: medium(value) })] : [])),
    ...listOf(details.mediaRemoved).flatMap((value) => (isMedium(value) ? [t("custody.corrections.mediumRemoved", { medium: medium(value) })] : [])),
    ...listOf(details.mediaCorrected).flatMap((value) =>
      typeof value === "object" && value !== null && !Array.isArray(value) && isMedium(value.from) && isMedium(value.to)
        ? [t("custody.corrections.mediumCorrected", { from: medium(value.from), to: medium(value.to) })]
        : [],
    ),
  ];
  const specs = details.specsCorrected;
  if (typeof specs === "object" && specs !== null && !Array.isArray(specs)) {
    for (const [field, change] of Object.entries(specs)) {
      if (typeof change !== "object" || change === null || Array.isArray(change)) continue;
      lines.push(t("custody.corrections.specCorrected", { field: t(`device.${field}`), from: shown(change.from), to: shown(change.to) }));
    }
  }
  if (lines.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
