// How Circuit's e-mail looks: a plain-text part and a simple, accessible HTML part (a language
// attribute, a real heading, paragraphs, a link with words), in the recipient's language, signed
// with the city's name. Transactional: no tracking, no List-Unsubscribe (people cannot opt out of
// an invite or a decision on their request).
import type { Language } from "~/i18n/config";
import { translate } from "~/i18n/lookup";

/** Where the mail comes from: the city's name and the address Circuit is reached at. */
export type MailSite = { cityName: string; publicUrl: string };

export type MailContent = {
  language: Language;
  subject: string;
  /** The message's text: paragraphs separated by a blank line. */
  body: string;
  /** The one thing to do: a link (absolute, or a path on the public address) and its words. */
  link?: { href: string; label?: string };
};

export type RenderedEmail = { subject: string; text: string; html: string };

/**
 * A header value on one line: user input (a name in a subject, an address) must not add headers.
 * Line breaks and other control characters become spaces.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const controlCharacters = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

export function headerSafe(value: string): string {
  return value.replace(controlCharacters, " ").replace(/ {2,}/g, " ").trim();
}

/** A link on the public address: paths are resolved against it, absolute links stay as they are. */
export function absoluteLink(href: string, site: MailSite): string {
  return new URL(href, site.publicUrl.endsWith("/") ? site.publicUrl : `${site.publicUrl}/`).href;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const styles = {
  body: "margin:0;padding:24px;background:#ffffff;color:#0f172a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5",
  sender: "margin:0 0 8px;color:#334155;font-size:14px",
  heading: "margin:0 0 16px;font-size:22px;line-height:1.3",
  paragraph: "margin:0 0 16px",
  link: "color:#1d4ed8;text-decoration:underline",
  rule: "border:none;border-top:1px solid #cbd5e1;margin:24px 0",
  footer: "margin:0;color:#334155;font-size:14px",
};

export function renderEmail(content: MailContent, site: MailSite): RenderedEmail {
  const { language } = content;
  const subject = headerSafe(content.subject);
  const paragraphs = content.body
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  const link = content.link ? { href: absoluteLink(content.link.href, site), label: content.link.label ?? translate(language, "mail.openInCircuit") } : null;
  const home = absoluteLink("/", site);
  const footer = translate(language, "mail.footer", { city: site.cityName });
  // The link is written out in the text when the body does not name it already (an invite does).
  const linkInBody = link !== null && paragraphs.some((paragraph) => paragraph.includes(link.href));

  const text = [...paragraphs, ...(link && !linkInBody ? [`${link.label}:\n${link.href}`] : []), `-- \n${footer}\n${site.cityName} · Circuit · ${home}`].join(
    "\n\n",
  );

  const paragraphHtml = (paragraph: string) => {
    let html = escapeHtml(paragraph).replace(/\n/g, "<br>\n");
    if (link) html = html.split(escapeHtml(link.href)).join(`<a href="${escapeHtml(link.href)}" style="${styles.link}">${escapeHtml(link.label)}</a>`);
    return `<p style="${styles.paragraph}">${html}</p>`;
  };
  const html = `<!DOCTYPE html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="${styles.body}">
<main style="max-width:600px;margin:0 auto">
<p style="${styles.sender}">${escapeHtml(site.cityName)}</p>
<h1 style="${styles.heading}">${escapeHtml(subject)}</h1>
${paragraphs.map(paragraphHtml).join("\n")}
${link && !linkInBody ? `<p style="${styles.paragraph}"><a href="${escapeHtml(link.href)}" style="${styles.link}">${escapeHtml(link.label)}</a></p>` : ""}
<hr style="${styles.rule}">
<p style="${styles.footer}">${escapeHtml(footer)}<br>
<a href="${escapeHtml(home)}" style="${styles.link}">${escapeHtml(site.cityName)} · Circuit</a></p>
</main>
</body>
</html>
`;
  return { subject, text, html };
}
