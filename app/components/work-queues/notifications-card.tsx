// The in-app notifications on a home page: newest first, the unread ones marked, each linking to the
// page it is about, and one button that marks them read.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/form";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

export type HomeNotification = { id: number; kind: string; values: Record<string, string>; link: string | null; createdAt: Date | string; read: boolean };

export function NotificationList({ notifications, empty }: { notifications: HomeNotification[]; empty: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {notifications.length === 0 ? (
        <p className="mb-4 text-slate-700">{empty}</p>
      ) : (
        <ul className="mb-4 space-y-2">
          {notifications.map((notification) => {
            const text = t(`notifications.${notification.kind}.title`, notification.values);
            return (
              <li key={notification.id} className={notification.read ? "text-slate-700" : "font-medium"}>
                {notification.read ? null : (
                  <span className="mr-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900">{t("home.waiting.unread")}</span>
                )}
                {notification.link?.startsWith("/") ? <Link to={notification.link}>{text}</Link> : text}{" "}
                <span className="text-sm font-normal text-slate-600">· {formatDateTime(new Date(notification.createdAt), language)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {notifications.some((notification) => !notification.read) ? (
        <Form method="post" className="mb-4">
          <input type="hidden" name="intent" value="mark-notifications-read" />
          <input type="hidden" name="upToId" value={notifications[0]?.id} />
          <SubmitButton variant="secondary">{t("home.waiting.markRead")}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
