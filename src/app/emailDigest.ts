import type { Event } from "../domain/event.js";
import type { Instrument } from "../domain/instrument.js";
import { pickText, type Language } from "../domain/localizedText.js";
import type { ChangeType, Digest } from "../domain/subscription.js";
import { escapeHtml } from "../report/escapeHtml.js";
import { DIGEST_PHRASES } from "./digestPhrases.js";
import type { MailMessage } from "./mailer.js";

/**
 * One change in a digest (and in a webhook's payload): of an event (with the version it announces; for a
 * correction, the corrected event as it is), or of an instrument; `changes` says what an instrument's or
 * a correction's change was ({ before, after }).
 */
export type DigestItem = {
  type: ChangeType;
  revision: number | null;
  at: string;
  changes?: unknown;
} & ({ event: Event; instrument?: undefined } | { instrument: Instrument; event?: undefined });

/** The aigov pages a change links to, in the reader's language. */
export const eventPage = (event: Event, baseUrl: string, lang: string) =>
  `${baseUrl}/events/${event.id}?lang=${lang}`;
export const instrumentPage = (instrument: Instrument, baseUrl: string, lang: string) =>
  `${baseUrl}/instruments/${instrument.id}?lang=${lang}`;

/** The title of an event in a language, falling back to the other one, else its id. */
const titleOf = (event: Event, lang: Language) => pickText(event.title, lang) ?? event.id;

/**
 * A digest e-mail: each change with its event's title, date and jurisdictions, linked to its page in the
 * subscriber's language; and an unsubscribe link that works without signing in, also as the
 * List-Unsubscribe header (RFC 2369) with one-click unsubscription (RFC 8058).
 */
export function composeDigest(input: {
  to: string;
  name: string | null;
  lang: Language;
  digest: Digest;
  items: readonly DigestItem[];
  baseUrl: string;
  unsubscribeUrl: string;
}): MailMessage {
  const words = DIGEST_PHRASES[input.lang];
  const name = input.name ?? words.unnamed;
  const lines = input.items.map((item) => {
    if (item.instrument)
      return {
        label: words.change[item.type],
        title: pickText(item.instrument.title, input.lang) ?? item.instrument.id,
        facts: [item.instrument.jurisdiction, item.instrument.status].join(" · "),
        url: instrumentPage(item.instrument, input.baseUrl, input.lang),
      };
    const where = item.event.jurisdictions.join(", ");
    return {
      label: words.change[item.type],
      title: titleOf(item.event, input.lang),
      facts: [item.event.date.start, where, item.revision ? `${words.revision} ${item.revision}` : ""]
        .filter(Boolean)
        .join(" · "),
      url: eventPage(item.event, input.baseUrl, input.lang),
    };
  });
  const text = [
    words.intro(input.digest),
    "",
    ...lines.flatMap((line) => [`${line.label}: ${line.title}`, `  ${line.facts}`, `  ${line.url}`, ""]),
    "--",
    words.why(name),
    `${words.unsubscribe}: ${input.unsubscribeUrl}`,
    `${words.manage}: ${input.baseUrl}/subscriptions?lang=${input.lang}`,
    "",
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${words.htmlLang}"><body>`,
    `<p>${escapeHtml(words.intro(input.digest))}</p><ul>`,
    ...lines.map(
      (line) =>
        `<li><strong>${escapeHtml(line.label)}</strong>: <a href="${escapeHtml(line.url)}">${escapeHtml(line.title)}</a><br><small>${escapeHtml(line.facts)}</small></li>`,
    ),
    `</ul><hr><p><small>${escapeHtml(words.why(name))} <a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(words.unsubscribe)}</a> · <a href="${escapeHtml(`${input.baseUrl}/subscriptions?lang=${input.lang}`)}">${escapeHtml(words.manage)}</a></small></p>`,
    "</body></html>",
  ].join("\n");
  return {
    to: input.to,
    subject: words.subject(input.items.length, name),
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${input.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/** The notice an owner gets when a subscription is paused after a day of failed deliveries. */
export function composePausedNotice(input: {
  to: string;
  name: string | null;
  lang: Language;
  reason: string;
  baseUrl: string;
}): MailMessage {
  const words = DIGEST_PHRASES[input.lang];
  const name = input.name ?? words.unnamed;
  const manage = `${input.baseUrl}/subscriptions?lang=${input.lang}`;
  const body = words.pausedBody(name, input.reason);
  return {
    to: input.to,
    subject: words.pausedSubject(name),
    text: `${body}\n\n${words.manage}: ${manage}\n`,
    html: `<!doctype html><html lang="${words.htmlLang}"><body><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(manage)}">${escapeHtml(words.manage)}</a></p></body></html>`,
  };
}
