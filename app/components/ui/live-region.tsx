// The page's one polite live region: confirmations after an action (the flash message) and short
// announcements of changes made without a navigation ("storage medium 2 added"). It is rendered from
// the first paint on, empty, so that screen readers announce what is put into it later.
import { useLocation } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { noticeTones } from "./page";

/** The id of the confirmation message: focus moves to it after an action that redirects with one. */
export const flashMessageId = "flash-message";

type Announcer = { announce: (message: string) => void; announcement: { message: string; serial: number } | null };

const AnnouncerContext = createContext<Announcer>({ announce: () => {}, announcement: null });

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState<Announcer["announcement"]>(null);
  // A serial keys the text node: the same words twice in a row ("medium 2 removed") are announced twice.
  const announce = useCallback((message: string) => setAnnouncement((current) => ({ message, serial: (current?.serial ?? 0) + 1 })), []);
  const value = useMemo(() => ({ announce, announcement }), [announce, announcement]);
  // An announcement belongs to the page it was made on.
  const locationKey = useLocation().key;
  useEffect(() => setAnnouncement(null), [locationKey]);
  return <AnnouncerContext.Provider value={value}>{children}</AnnouncerContext.Provider>;
}

/** Says `message` through the page's live region, without moving focus. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnouncerContext).announce;
}

/**
 * The region itself, with the flash message (visible, focusable by script) and the latest
 * announcement (for screen readers only; the change it describes is visible on the page).
 */
export function StatusRegion({ flash }: { flash: ReactNode | null }) {
  const { announcement } = useContext(AnnouncerContext);
  return (
    <div role="status" aria-live="polite" className={flash ? "mb-6" : undefined}>
      {flash ? (
        <p id={flashMessageId} tabIndex={-1} className={`rounded-md border-l-4 p-4 ${noticeTones.success}`}>
          {flash}
        </p>
      ) : null}
      {announcement ? (
        <span key={announcement.serial} className="sr-only">
          {announcement.message}
        </span>
      ) : null}
    </div>
  );
}
