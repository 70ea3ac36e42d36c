import { readableMath } from "../domain/superscript.js";
import type { Source } from "../domain/event.js";
import { httpUrlOrNull } from "../domain/httpUrl.js";
import { xmlText } from "../domain/xmlText.js";
import { escapeHtml as e } from "./escapeHtml.js";
import { splitEmphasis } from "./inlineEmphasis.js";
import { shapeParagraph } from "./paragraphShape.js";
import { printedNote } from "./printedNote.js";
import { reportCss } from "./reportCss.js";
import { WORDS } from "./reportLabels.js";
import { REPORT_PHRASES } from "./reportPhrases.js";
import { languageTag } from "../domain/languageForms.js";
import type { Report, ReportBlock, ReportCorrection, ReportEvent, ReportFigure } from "./reportModel.js";

/** Text from the data, escaped, with the bold and italics it marks as <strong> and <em>. */
function inline(text: string): string {
  // TeX or carets from the source's PDF read as signs and exponents (≥ 10²⁶); Markdown keeps the source's.
  return splitEmphasis(readableMath(text))
    .map((run) =>
      run.bold ? `<strong>${e(run.text)}</strong>` : run.italic ? `<em>${e(run.text)}</em>` : e(run.text),
    )
    .join("");
}

/** A paragraph of data as HTML: every text escaped, tables and lists kept. */
function paragraphHtml(text: string, lead = "", tail = ""): string {
  const shape = shapeParagraph(text);
  if (shape.kind === "table") {
    const rows = shape.rows.map(
      (row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join("")}</tr>`,
    );
    const table = `<table class="data-table"><tbody>${rows.join("")}</tbody></table>`;
    return `${lead ? `<p>${lead}</p>` : ""}${table}${tail ? `<p>${tail}</p>` : ""}`;
  }
  if (shape.kind === "list")
    return `${lead ? `<p>${lead}</p>` : ""}<ul>${shape.items.map((i) => `<li>${inline(i)}</li>`).join("")}</ul>${tail ? `<p>${tail}</p>` : ""}`;
  return `<p>${lead}${shape.lines.map(inline).join("<br>")}${tail}</p>`;
}

function blockHtml(block: ReportBlock): string {
  if (block.kind === "list") return `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join("")}</ul>`;
  return paragraphHtml(block.text);
}

/** A note's text with its URL as a link (only http and https, so that data cannot smuggle a script URL). */
function noteHtml(source: Source, missing: string): string {
  const printed = printedNote(source);
  if (printed === null) return e(missing);
  const url = source.url;
  const at = url && httpUrlOrNull(url) ? printed.indexOf(url) : -1;
  if (url === null || at === -1) return e(printed);
  const link = `<a href="${e(url)}">${e(url)}</a>`;
  return `${e(printed.slice(0, at))}${link}${e(printed.slice(at + url.length))}`;
}

/** A correction as a note after the summary: field, text, how it was checked, the sources as links. */
function correctionHtml(correction: ReportCorrection, report: Report): string {
  const phrases = REPORT_PHRASES[report.lang].htmlCorrection;
  const links = correction.sources.map((url) => {
    const href = httpUrlOrNull(url);
    return href ? `<a href="${e(href)}">${e(href)}</a>` : e(url);
  });
  const label = `<strong class="label">${e(correction.heading)}${phrases.afterHeading}</strong>`;
  const meta = phrases.meta(e(correction.verification), e(correction.sourcesLabel), links);
  return `<p class="correction" role="note" data-field="${e(correction.field)}">${label}${phrases.beforeText}${e(correction.text)}<span class="meta">${meta}</span></p>`;
}

function eventHtml(item: ReportEvent, report: Report): string {
  const words = WORDS[report.lang];
  // Marks side by side are separated by commas, so that notes 1 and 2 do not read as note 12.
  const links = item.notes.map((n) => `<a href="#n-${n.number}" id="r-${n.number}">${n.number}</a>`);
  const marks = links.length ? `<sup class="fn">${links.join(",")}</sup>` : "";
  const paragraphs = item.paragraphs.length ? item.paragraphs : [""];
  const body = paragraphs.map((text, i) =>
    paragraphHtml(
      text,
      i === 0 ? `<strong class="label">${e(words.summary)}</strong>` : "",
      i === paragraphs.length - 1 ? marks : "",
    ),
  );
  const notes = item.notes.map(
    (n) => `<li id="n-${n.number}" value="${n.number}">${noteHtml(n.source, words.noteMissing)}</li>`,
  );
  return [
    `<article class="event" id="${item.id}">`,
    `<h4><span class="no">${item.number}.</span> ${e(item.title)}</h4>`,
    item.dateLine ? `<p class="date">${e(words.dateLine)}${e(item.dateLine)}</p>` : "",
    ...body,
    ...item.corrections.map((correction) => correctionHtml(correction, report)),
    notes.length ? `<ol class="notes">${notes.join("")}</ol>` : "",
    "</article>",
  ].join("\n");
}

function figuresHtml(report: Report): string {
  const figure = (f: ReportFigure) =>
    `<figure id="${f.id}">${f.svg}<figcaption>${e(f.caption)}</figcaption></figure>`;
  return `<section id="figures" class="figures"><h2>${e(WORDS[report.lang].figures)}</h2>\n${report.figures.map(figure).join("\n")}</section>`;
}

function tocHtml(report: Report): string {
  const words = WORDS[report.lang];
  const items: string[] = [];
  report.sections.forEach((section, i) => {
    items.push(`<li class="depth-${section.depth}"><a href="#${section.id}">${e(section.heading)}</a></li>`);
    if (i === 0 && report.figures.length)
      items.push(`<li class="depth-1"><a href="#figures">${e(words.figures)}</a></li>`);
  });
  items.push(`<li class="depth-1"><a href="#${report.chronicle.id}">${e(report.chronicle.heading)}</a></li>`);
  for (const month of report.chronicle.months)
    items.push(`<li class="depth-2"><a href="#${month.id}">${e(month.heading)}</a></li>`);
  return `<nav class="toc" aria-labelledby="toc"><h2 id="toc">${e(words.toc)}</h2><ol>${items.join("")}</ol></nav>`;
}

/**
 * The report's content without the page around it: cover, contents, sections and chronicle, every text
 * escaped, no inline style or script, so that the web app can show it as a preview inside its own page.
 */
export function writeHtmlReportBody(report: Report): { cover: string; toc: string; content: string } {
  const sections = report.sections.map((section, i) => {
    const level = Math.min(6, section.depth + 1);
    const html = `<section id="${section.id}" class="depth-${section.depth}"><h${level}>${e(section.heading)}</h${level}>\n${section.blocks.map(blockHtml).join("\n")}</section>`;
    return i === 0 && report.figures.length ? `${html}\n${figuresHtml(report)}` : html;
  });
  const months = report.chronicle.months.map(
    (month) =>
      `<section id="${month.id}" class="month"><h3>${e(month.heading)}</h3>\n${month.events.map((item) => eventHtml(item, report)).join("\n")}</section>`,
  );
  // Characters XML forbids (NUL, U+FFFF, other controls) are errors in HTML too: none is written.
  return {
    cover: xmlText(`<h1>${e(report.title)}</h1>
<p class="period">${e(report.periodLine)}</p>
${report.filterLine ? `<p class="filters">${e(report.filterLine)}</p>` : ""}
${report.translationLine ? `<p class="translation-note">${e(report.translationLine)}</p>` : ""}`),
    toc: xmlText(tocHtml(report)),
    content: xmlText(`${sections.join("\n")}
<section id="${report.chronicle.id}" class="chronicle"><h2>${e(report.chronicle.heading)}</h2>
${months.join("\n")}
</section>`),
  };
}

/**
 * Writes a report as one self-contained HTML page (styles and SVG figures inline, nothing fetched) with
 * print styles, which the PDF writer prints. Every text from the data is escaped.
 */
export function writeHtmlReport(report: Report): string {
  const body = writeHtmlReportBody(report);
  return `<!doctype html>
<html lang="${languageTag(report.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="aigov">
<title>${e(xmlText(report.title))}</title>
<style>${reportCss()}</style>
</head>
<body>
<header class="cover">
${body.cover}
</header>
${body.toc}
<main>
${body.content}
</main>
</body>
</html>
`;
}
