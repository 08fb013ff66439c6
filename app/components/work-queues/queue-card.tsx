// One work queue on a staff home page: a heading with the count, the first items with the action at
// hand, "show all" where a filtered list exists, and an empty state that says so.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function QueueCard({
  id,
  title,
  count,
  shown,
  empty,
  showAll,
  intro,
  children,
}: {
  /** The section's id, for its heading's aria-labelledby and for links to it. */
  id: string;
  title: string;
  count: number;
  /** How many items the card lists (the first ones). */
  shown: number;
  empty: string;
  showAll?: { to: string; label: string };
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-queue={id}>
      <h2 id={`${id}-heading`} className="mb-3 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
        <span>{title}</span>
        <span
          aria-hidden="true"
          className={`rounded-full px-2.5 py-0.5 text-sm font-bold ${count > 0 ? "bg-emerald-800 text-white" : "bg-slate-200 text-slate-800"}`}
        >
          {count}
        </span>
        <span className="sr-only">{t("workQueues.count", { count })}</span>
      </h2>
      {intro}
      {count === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200">{children}</ul>
          {count > shown ? <p className="mt-2 text-sm text-slate-700">{t("workQueues.more", { count: count - shown })}</p> : null}
        </>
      )}
      {showAll && count > 0 ? (
        <p className="mt-3 text-sm">
          <Link to={showAll.to}>{showAll.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** One item: what it is (a link to it), a line of context, and the action at hand. */
export function QueueItem({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 flex-1 space-y-0.5">{children}</div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </li>
  );
}
