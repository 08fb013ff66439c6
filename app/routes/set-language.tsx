import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getOptionalUser, safeRedirectPath } from "~/auth/guards.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/i18next.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { setLanguage } from "~/commands/accounts/set-language.server";
import { readForm } from "~/http/request-body.server";

export async function loader() {
  return redirect("/");
}

/** The language switcher posts here: remember the choice (cookie, and the account if signed in). */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const requested = formData.get("lng");
  const language = isSupportedLanguage(requested) ? requested : defaultLanguage;
  const user = await getOptionalUser(request);
  // A refusal (a member of a pending organization) only means the choice is not kept on the account.
  if (user) setLanguage(lifecycleActorOf(user), { language });
  return redirect(safeRedirectPath(formData.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(language) },
  });
}
