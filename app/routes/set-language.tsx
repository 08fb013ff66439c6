import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getOptionalUser, safeRedirectPath } from "~/auth/guards.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/i18next.server";
import { setUserLocale } from "~/models/user.server";

export async function loader() {
  return redirect("/");
}

/** The language switcher posts here: remember the choice (cookie, and the account if signed in). */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const requested = formData.get("lng");
  const language = isSupportedLanguage(requested) ? requested : defaultLanguage;
  const user = await getOptionalUser(request);
  if (user) setUserLocale(user.id, language);
  return redirect(safeRedirectPath(formData.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(language) },
  });
}
