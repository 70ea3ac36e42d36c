import type { Deadline } from "../domain/deadline.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { xmlText } from "../domain/xmlText.js";
import { escapeHtml } from "../report/escapeHtml.js";
import { EXPORT_PHRASES } from "./exportPhrases.js";

const x = (text: string) => escapeHtml(xmlText(text));

/**
 * An Atom feed of deadlines (soonest first, as selected): one entry per instrument and day, its id
 * stable across releases (the deadline's UID), dated the day it applies from, linking to the instrument's
 * page on aigov with its official text beside; titles and summaries plain text, as in the events' feed.
 */
export function deadlinesToAtom(
  deadlines: Deadline[],
  options: { baseUrl: string; lang: Language; self: string },
): string {
  const phrases = EXPORT_PHRASES[options.lang];
  const updated = `${deadlines[0]?.date ?? "1970-01-01"}T00:00:00.000Z`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `    <id>${x(options.self)}</id>`,
    `    <title type="text">${x(`${phrases.feedTitle} · ${phrases.deadlinesTitle}`)}</title>`,
    `    <updated>${updated}</updated>`,
    "    <generator>aigov</generator>",
    `    <link rel="alternate" href="${x(`${options.baseUrl}/deadlines?lang=${options.lang}`)}"/>`,
    `    <link rel="self" href="${x(options.self)}"/>`,
    `    <rights>${x(phrases.rights)}</rights>`,
  ];
  for (const deadline of deadlines) {
    const day = `${deadline.date}T00:00:00.000Z`;
    const what = deadline.what
      .map((w) => pickText(w, options.lang))
      .filter(Boolean)
      .join("\n");
    lines.push(
      "    <entry>",
      `        <title type="text">${x(`${phrases.applies}: ${pickText(deadline.title, options.lang) ?? deadline.instrument} (${deadline.date})`)}</title>`,
      `        <id>${x(`tag:aigov,2025:deadlines/${deadline.uid}`)}</id>`,
      `        <link rel="alternate" type="text/html" href="${x(`${options.baseUrl}/instruments/${deadline.instrument}?lang=${options.lang}`)}"/>`,
      ...(deadline.url
        ? [`        <link rel="related" href="${x(deadline.url)}" title="${x(phrases.officialSource)}"/>`]
        : []),
      `        <updated>${day}</updated>`,
      ...(what ? [`        <summary type="text">${x(what)}</summary>`] : []),
      `        <category term="${x(deadline.jurisdiction)}" label="${x(deadline.jurisdiction)}"/>`,
      "    </entry>",
    );
  }
  lines.push("</feed>");
  return lines.join("\n");
}
