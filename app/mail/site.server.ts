// The city's name and public address as the mail shows them, from the environment.
import { env } from "~/env.server";
import type { MailSite } from "./message";

/** Without PUBLIC_URL (development), links point at this server on localhost. */
export function mailSiteFromEnv(): MailSite {
  return { cityName: env.CITY_NAME, publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` };
}
