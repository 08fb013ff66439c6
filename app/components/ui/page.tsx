import type { ReactNode } from "react";

/** The id of every page's one h1: the skip link and the focus after a navigation land on it. */
export const mainHeadingId = "main-heading";

export function PageHeading({ children }: { children: ReactNode }) {
  // tabIndex -1: focusable by script and by the skip link, not a stop of its own in the Tab order.
  return (
    <h1 id={mainHeadingId} tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-900 focus:outline-none sm:text-3xl">
      {children}
    </h1>
  );
}

export function Card({
  title,
  children,
  headingLevel = 2,
  headingId,
}: {
  title?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
  /** Gives the heading an id and makes it a place focus can be moved to (e.g. after a removal inside the card). */
  headingId?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      {title ? (
        <Heading
          id={headingId}
          tabIndex={headingId ? -1 : undefined}
          className="mb-3 text-lg font-semibold text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700"
        >
          {title}
        </Heading>
      ) : null}
      {children}
    </section>
  );
}

export const noticeTones = {
  info: "border-sky-700 bg-sky-50 text-sky-950",
  success: "border-emerald-700 bg-emerald-50 text-emerald-950",
  warning: "border-amber-700 bg-amber-50 text-amber-950",
} as const;

export function Notice({ tone = "info", children }: { tone?: keyof typeof noticeTones; children: ReactNode }) {
  return (
    <div role="status" className={`rounded-md border-l-4 p-4 ${noticeTones[tone]}`}>
      {children}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-700">{children}</p>;
}
