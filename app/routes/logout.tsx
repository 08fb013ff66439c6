import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";
import { redirectWithFlash } from "~/http/flash.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  // Said on the page that follows, so that signing out is confirmed to screen-reader users too.
  return redirectWithFlash("/", { key: "flash.signedOut" }, { "Set-Cookie": await endSession(request) });
}
