// The one module that talks SMTP: a nodemailer transport from SMTP_URL, sending as MAIL_FROM.
// Everything else hands it a finished message (app/mail/) and gets the server's answer back.
import nodemailer from "nodemailer";
import { env } from "~/env.server";
import { headerSafe } from "~/mail/message";

export type MailSettings = {
  smtpUrl: string;
  from: string;
  replyTo?: string;
  /** How long to wait on a silent server once connected (ms); tests shorten it. */
  socketTimeoutMs?: number;
};

/**
 * A send that failed in a way that leaves it unknown whether the server took the message: the
 * connection broke or went silent during the session, with no refusal. Sending it again could deliver
 * it twice, so the outbox does not retry it by itself.
 */
export class MailOutcomeUnknownError extends Error {}

/** True when the server certainly did not take the message: it refused it, or no session got that far. */
function certainlyNotAccepted(error: Error): boolean {
  const responseCode: unknown = Reflect.get(error, "responseCode");
  if (typeof responseCode === "number" && responseCode >= 400) return true;
  const timeoutType: unknown = Reflect.get(error, "timeoutType");
  if (timeoutType === "CONNECT_TIMEOUT" || timeoutType === "GREETING_TIMEOUT" || timeoutType === "UPGRADE_TIMEOUT") return true;
  const code: unknown = Reflect.get(error, "code");
  if (code === "EDNS" || code === "EAUTH" || code === "ETLS" || code === "EENVELOPE") return true;
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(error.message);
}

/** A rendered message ready to send: the header fields are made single-line again here, whatever the caller did. */
export type MailMessage = { to: string; subject: string; text: string; html: string | null; language: string; messageId: string };

/** What the receiving server answered. */
export type MailReceipt = { messageId: string; response: string; accepted: string[]; rejected: string[] };

export type MailTransport = {
  send(message: MailMessage): Promise<MailReceipt>;
  /** Connects and authenticates without sending: a setting that cannot work shows at once. */
  verify(): Promise<void>;
  close(): void;
};

/** The settings from the environment, or null when SMTP_URL is unset (then nothing is sent). */
export function mailSettingsFromEnv(): MailSettings | null {
  if (!env.SMTP_URL || !env.MAIL_FROM) return null;
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, ...(env.MAIL_REPLY_TO ? { replyTo: env.MAIL_REPLY_TO } : {}) };
}

/** The server's host and port, for logs: never the credentials in the URL. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

/** The domain of an address or "Name <address>", for Message-IDs. */
export function domainOf(mailbox: string): string {
  const address = /<([^<>]+)>/.exec(mailbox)?.[1] ?? mailbox;
  return address.split("@")[1]?.trim().toLowerCase() || "localhost";
}

export function createMailTransport(settings: MailSettings): MailTransport {
  const transporter = nodemailer.createTransport(
    {
      url: settings.smtpUrl,
      // nodemailer waits up to 10 minutes on a silent socket by default; the outbox worker's claim must outlast a send.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: settings.socketTimeoutMs ?? 60_000,
      // Messages carry only text we wrote: no attachment or image may make nodemailer read a file or a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from: settings.from, ...(settings.replyTo ? { replyTo: settings.replyTo } : {}) },
  );
  return {
    async send(message) {
      const info = await transporter
        .sendMail({
          // An address object: nodemailer uses it as one address instead of parsing the text into a list.
          to: { name: "", address: headerSafe(message.to) },
          subject: headerSafe(message.subject),
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: message.messageId,
          headers: { "Content-Language": headerSafe(message.language), "Auto-Submitted": "auto-generated" },
        })
        .catch((error: unknown) => {
          if (error instanceof Error && !certainlyNotAccepted(error)) throw new MailOutcomeUnknownError(error.message, { cause: error });
          throw error;
        });
      return {
        messageId: info.messageId,
        response: info.response,
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
      };
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close();
    },
  };
}
