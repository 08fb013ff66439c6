// Keyboard focus across navigations: where focus goes when a page or an action's answer arrives, the
// skip link and in-page links (which must not create history entries of their own), and Space on
// links that look like buttons.
import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { flashMessageId } from "./live-region";
import { mainHeadingId } from "./page";

/** Marks an element that should take focus when a navigation ends on its page, e.g. "3 proposals computed". */
export const focusAfterNavigation = { "data-focus-after-navigation": "" } as const;

/** The class every link styled as a button carries (see buttonClass), so that Space activates it as it would a button. */
export const buttonLinkClass = "button-link";

/** Moves focus to the element (made focusable by script if it is not), scrolling it into view. */
export function focusElement(element: HTMLElement | null): boolean {
  if (!element) return false;
  if (!element.hasAttribute("tabindex") && element.tabIndex < 0) element.setAttribute("tabindex", "-1");
  element.focus();
  return document.activeElement === element;
}

function mainHeading(): HTMLElement | null {
  return document.getElementById(mainHeadingId) ?? document.getElementById("main");
}

/**
 * A link to an element on this page. With JavaScript it moves focus there itself: the browser's own
 * fragment navigation adds a history entry without a key, and the scroll position the router keeps
 * for such entries is shared between pages.
 */
export function InPageLink({ targetId, className, children }: { targetId: string; className?: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (focusElement(document.getElementById(targetId))) event.preventDefault();
  };
  return (
    <a href={`#${targetId}`} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

export function SkipLink({ children }: { children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (focusElement(mainHeading())) event.preventDefault();
  };
  return (
    <a
      href={`#${mainHeadingId}`}
      onClick={onClick}
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
    >
      {children}
    </a>
  );
}

/** Whether focus sits on something the user can keep working from (not the body, not an element gone from the page). */
function focusIsPlaced(): boolean {
  const active = document.activeElement;
  return active !== null && active !== document.body && active.isConnected;
}

/** The form whose submission led to the navigation that just ended (its method and the path it was sent to), if any. */
type Submission = { method: string; actionPath: string } | null;

/**
 * After every navigation but the first load (where the browser decides), focus goes where the work
 * continues, in this order:
 * 1. the confirmation message of an action that redirected with one;
 * 2. after a form answered without leaving the page: an invalid field that conform focused stays; else
 *    the error (role="alert");
 * 3. after a form elsewhere (the language switch) that brought the user back to this page: its button keeps focus;
 * 4. on the same page (a search, a run of matching): the page's marked result (`focusAfterNavigation`),
 *    e.g. the number of devices found or the match board's summary;
 * 5. the main heading of a page other than the one before, so a screen reader says where the user is;
 * 6. otherwise focus stays (a list filter), or the heading takes it if it was lost.
 */
export function useFocusAfterNavigation(): void {
  const location = useLocation();
  const navigation = useNavigation();
  const previous = useRef<{ path: string; key: string } | null>(null);
  const submitted = useRef<Submission>(null);

  useEffect(() => {
    // The loading after an action (its redirect, or the reload of the page's data) still names the form.
    if (navigation.state !== "idle" && navigation.formMethod && navigation.formAction !== undefined) {
      submitted.current = { method: navigation.formMethod.toUpperCase(), actionPath: new URL(navigation.formAction, window.location.origin).pathname };
    }
  }, [navigation.state, navigation.formMethod, navigation.formAction]);

  useEffect(() => {
    const before = previous.current;
    // Effects may run twice for one location (React's strict mode in development): act once.
    if (before?.key === location.key) return;
    previous.current = { path: location.pathname, key: location.key };
    const submission = submitted.current;
    submitted.current = null;
    if (before === null) return;
    const samePage = before.path === location.pathname;
    if (focusElement(document.getElementById(flashMessageId))) return;
    // A form of this page sent here (answered in place, or redirected back without a message).
    if (submission && submission.method !== "GET" && submission.actionPath === location.pathname) {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.getAttribute("aria-invalid") === "true") return;
      if (focusElement(document.querySelector<HTMLElement>("main [role=alert]"))) return;
    }
    if (samePage && submission && submission.actionPath !== location.pathname && focusIsPlaced()) return;
    if (samePage && focusElement(document.querySelector<HTMLElement>("main [data-focus-after-navigation]"))) return;
    if (!samePage || !focusIsPlaced()) focusElement(mainHeading());
    // Runs once per location; the ref carries what it needs from the navigation that led here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);
}

/**
 * Space activates a button but scrolls past a link; a link that looks like a button should answer
 * both keys. One listener for the whole document (the links are marked by their class).
 */
export function useSpaceActivatesButtonLinks(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== " " || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target;
      if (!(target instanceof HTMLAnchorElement) || !target.classList.contains(buttonLinkClass)) return;
      event.preventDefault();
      target.click();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
