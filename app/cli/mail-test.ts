// `npm run mail:test -- address [--language en]`: sends one test message with the configured SMTP
// settings, straight away (not through the outbox), and prints what the mail server answered.
import { parseArgs } from "node:util";
import { env } from "~/env.server";
import { isSupportedLanguage, defaultLanguage } from "~/i18n/config";
import { translate } from "~/i18n/lookup";
import { createMailTransport, describeSmtpUrl, domainOf, mailSettingsFromEnv } from "~/integrations/mail.server";
import { renderEmail } from "~/mail/message";
import { mailSiteFromEnv } from "~/mail/site.server";

const { values, positionals } = parseArgs({ options: { language: { type: "string" } }, allowPositionals: true });
const address = positionals[0];
const language = isSupportedLanguage(values.language) ? values.language : defaultLanguage;

if (!address || !/^[^\s@]+@[^\s@]+$/.test(address)) {
  console.error("Usage: npm run mail:test -- address@example.org [--language nl|en]");
  process.exit(1);
}
const settings = mailSettingsFromEnv();
if (!settings) {
  console.error("SMTP_URL is not set: Circuit sends no e-mail. Set SMTP_URL, MAIL_FROM and PUBLIC_URL (see README, Configuration).");
  process.exit(1);
}

const site = mailSiteFromEnv();
const message = renderEmail(
  { language, subject: translate(language, "mail.test.subject"), body: translate(language, "mail.test.body", { city: env.CITY_NAME }), link: { href: "/" } },
  site,
);
console.log(`Sending a test message to ${address} through ${describeSmtpUrl(settings.smtpUrl)} as ${settings.from}…`);
const transport = createMailTransport(settings);
try {
  const receipt = await transport.send({
    to: address,
    subject: message.subject,
    text: message.text,
    html: message.html,
    language,
    messageId: `<circuit-test-${Date.now()}@${domainOf(settings.from)}>`,
  });
  console.log(`The server answered: ${receipt.response}`);
  console.log(`Message-ID: ${receipt.messageId}`);
  console.log(`Accepted: ${receipt.accepted.join(", ") || "(none)"}`);
  if (receipt.rejected.length > 0) console.log(`Rejected: ${receipt.rejected.join(", ")}`);
} catch (error) {
  const details = error instanceof Error ? error : new Error(String(error));
  const response = "response" in details && typeof details.response === "string" ? ` (server: ${details.response})` : "";
  console.error(`Not sent: ${details.message}${response}`);
  process.exitCode = 1;
} finally {
  transport.close();
}
