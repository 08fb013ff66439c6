// A real SMTP server for tests, on 127.0.0.1 and a free port (the smtp-server package): it keeps what
// arrives, or refuses with a chosen reply. Also a small reader for the MIME messages Circuit sends.
import { SMTPServer } from "smtp-server";

export type ReceivedMessage = { from: string; to: string[]; raw: string };

export type TestSmtpServer = {
  url: string;
  port: number;
  received: ReceivedMessage[];
  /** Refuse every recipient with this SMTP reply code (4xx: try later, 5xx: never), or accept again with null. */
  refuseWith(code: number | null): void;
  /** Take the message's data but never answer it (a relay that hangs after the message). */
  hangAfterData(hang: boolean): void;
  close(): Promise<void>;
};

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = [];
  let refusal: number | null = null;
  let hang = false;
  let queueNumber = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusal === null) return callback();
      callback(Object.assign(new Error(refusal >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode: refusal }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (hang) return;
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        queueNumber += 1;
        callback(null, `Ok: queued as TEST${queueNumber}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (typeof address !== "object" || address === null) throw new Error("The test SMTP server did not start on a port.");
  const { port } = address;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuseWith(code) {
      refusal = code;
    },
    hangAfterData(value) {
      hang = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: a mail server that is down. */
export async function closedPort(): Promise<number> {
  const server = await startSmtpServer();
  await server.close();
  return server.port;
}

export type ParsedPart = { headers: Map<string, string>; body: string };
export type ParsedMessage = ParsedPart & { parts: ParsedPart[] };

function splitHeaders(raw: string): ParsedPart {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: rest.join("\r\n\r\n") };
}

function decodeBody(part: ParsedPart): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = part.body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return part.body;
}

/** Decodes an RFC 2047 encoded-word header (=?UTF-8?Q?…?= or ?B?). */
export function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_match, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** The message's headers and its decoded parts (each part of a multipart/alternative, or the one body). */
export function parseMessage(raw: string): ParsedMessage {
  const message = splitHeaders(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(message.headers.get("content-type") ?? "")?.[1];
  if (!boundary) return { ...message, parts: [{ headers: message.headers, body: decodeBody(message) }] };
  const parts = message.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    .map((chunk) => {
      const part = splitHeaders(chunk.replace(/^\r?\n/, ""));
      return { headers: part.headers, body: decodeBody(part) };
    });
  return { ...message, parts };
}

export function partOfType(message: ParsedMessage, type: string): string {
  return message.parts.find((part) => (part.headers.get("content-type") ?? "").startsWith(type))?.body ?? "";
}
