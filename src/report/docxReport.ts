import { readableMath } from "../domain/superscript.js";
import { httpUrlOrNull } from "../domain/httpUrl.js";
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Source } from "../domain/event.js";
import { xmlTextIn } from "../domain/xmlText.js";
import { splitEmphasis } from "./inlineEmphasis.js";
import { shapeParagraph } from "./paragraphShape.js";
import { printedNote } from "./printedNote.js";
import { WORDS } from "./reportLabels.js";
import { REPORT_PHRASES } from "./reportPhrases.js";
import { listSeparator } from "../domain/languageForms.js";
import type { Report, ReportBlock, ReportCorrection, ReportEvent } from "./reportModel.js";

type Block = Paragraph | Table | TableOfContents;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
const heading = (text: string, depth: number, pageBreakBefore = false) =>
  new Paragraph({
    heading: HEADINGS[Math.min(HEADINGS.length, Math.max(1, depth)) - 1],
    pageBreakBefore,
    children: [new TextRun(text)],
  });
// Fonts for Chinese first (Debian's fonts-noto-cjk); Word substitutes its own where they are missing.
const FONT = { ascii: "Noto Sans", hAnsi: "Noto Sans", eastAsia: "Noto Sans CJK SC", cs: "Noto Sans" };
// Figures fit the text width of an A4 page (about 6.3 inches at 96 pixels to the inch).
const MAX_IMAGE_WIDTH = 600;

/** Runs of text with the bold and italics the data marks, a line break before each line but the first. */
function linesRuns(lines: string[], size?: number): TextRun[] {
  return lines.flatMap((line, i) =>
    splitEmphasis(readableMath(line)).map(
      (run, r) =>
        new TextRun({
          text: run.text,
          bold: run.bold,
          italics: run.italic,
          size,
          break: i > 0 && r === 0 ? 1 : 0,
        }),
    ),
  );
}

/** A paragraph of data as Word paragraphs: tables stay tables, "- " items become bullets. */
function paragraphBlocks(text: string, lead: ParagraphChild[] = [], tail: ParagraphChild[] = []): Block[] {
  const shape = shapeParagraph(text);
  if (shape.kind === "lines")
    return [new Paragraph({ children: [...lead, ...linesRuns(shape.lines), ...tail] })];
  const before = lead.length ? [new Paragraph({ children: lead })] : [];
  const after = tail.length ? [new Paragraph({ children: tail })] : [];
  if (shape.kind === "list")
    return [
      ...before,
      ...shape.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: linesRuns([item]) })),
      ...after,
    ];
  const width = shape.rows.reduce((max, row) => Math.max(max, row.length), -Infinity);
  const rows = shape.rows.map(
    (row) =>
      new TableRow({
        children: Array.from(
          { length: width },
          (_, i) =>
            new TableCell({
              children: [new Paragraph({ children: linesRuns([row[i] ?? ""], 16) })],
            }),
        ),
      }),
  );
  return [...before, new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }), ...after];
}

function blockContent(block: ReportBlock): Block[] {
  if (block.kind === "list")
    return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
  return paragraphBlocks(block.text);
}

/** A footnote's text, its URL a link. */
function noteParagraph(source: Source, missing: string): Paragraph {
  const printed = printedNote(source) ?? missing;
  const url = source.url;
  const at = url && httpUrlOrNull(url) ? printed.indexOf(url) : -1;
  if (url === null || at === -1) return new Paragraph({ children: [new TextRun(printed)] });
  return new Paragraph({
    children: [
      new TextRun(printed.slice(0, at)),
      new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: "Hyperlink" })] }),
      new TextRun(printed.slice(at + url.length)),
    ],
  });
}

/** A correction as a paragraph after the summary, set off by a left border: field, text, how checked, sources. */
function correctionParagraph(correction: ReportCorrection, report: Report): Paragraph {
  const phrases = REPORT_PHRASES[report.lang].docxCorrection;
  const links = correction.sources.flatMap((url, i): ParagraphChild[] => {
    const separator = i === 0 ? [] : [new TextRun({ text: listSeparator(report.lang), size: 18 })];
    const href = httpUrlOrNull(url);
    return [
      ...separator,
      href
        ? new ExternalHyperlink({
            link: href,
            children: [new TextRun({ text: href, style: "Hyperlink", size: 18 })],
          })
        : new TextRun({ text: url, size: 18 }),
    ];
  });
  return new Paragraph({
    border: { left: { style: BorderStyle.SINGLE, size: 12, color: "BF8700", space: 6 } },
    indent: { left: 120 },
    children: [
      new TextRun({ text: `${correction.heading}${phrases.afterHeading}`, bold: true }),
      new TextRun(correction.text),
      new TextRun({
        text: phrases.metaOpen(correction.verification, correction.sourcesLabel),
        size: 18,
      }),
      ...links,
      new TextRun({ text: phrases.metaClose, size: 18 }),
    ],
  });
}

function eventBlocks(
  item: ReportEvent,
  report: Report,
  footnoteIds: Map<ReportEvent["notes"][number], number>,
): Block[] {
  const words = WORDS[report.lang];
  const blocks: Block[] = [heading(`${item.number}. ${item.title}`, 3)];
  if (item.dateLine)
    blocks.push(new Paragraph({ children: [new TextRun(`${words.dateLine}${item.dateLine}`)] }));
  // Word sets references side by side as "12"; a superscript comma keeps notes 1 and 2 apart.
  const marks = item.notes.flatMap((note, i) => [
    ...(i > 0 ? [new TextRun({ text: ",", superScript: true })] : []),
    new FootnoteReferenceRun(footnoteIds.get(note) as number),
  ]);
  const paragraphs = item.paragraphs.length ? item.paragraphs : [""];
  paragraphs.forEach((text, i) => {
    const lead = i === 0 ? [new TextRun({ text: words.summary, bold: true })] : [];
    blocks.push(...paragraphBlocks(text, lead, i === paragraphs.length - 1 ? marks : []));
  });
  for (const correction of item.corrections) blocks.push(correctionParagraph(correction, report));
  return blocks;
}

/**
 * Writes a report as DOCX: Word headings, a table-of-contents field (filled in from the headings, and
 * updated by Word on opening), the figures as PNG images (rendered beforehand, one per figure, in order)
 * and every source as a real footnote.
 */
export async function writeDocxReport(data: Report, figureImages: Buffer[]): Promise<Buffer> {
  // Word refuses a whole document over one character XML forbids (a NUL, U+FFFF in an imported text).
  const report = xmlTextIn(data);
  const words = WORDS[report.lang];
  const footnoteIds = new Map<ReportEvent["notes"][number], number>();
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const events = report.chronicle.months.flatMap((month) => month.events);
  // Word numbers footnotes by their order; ids only link reference and note.
  for (const note of events.flatMap((item) => item.notes)) {
    const id = footnoteIds.size + 1;
    footnoteIds.set(note, id);
    footnotes[String(id)] = { children: [noteParagraph(note.source, words.noteMissing)] };
  }

  const children: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    new Paragraph({ children: [new TextRun(report.periodLine)] }),
  ];
  if (report.filterLine) children.push(new Paragraph({ children: [new TextRun(report.filterLine)] }));
  if (report.translationLine)
    children.push(
      new Paragraph({ children: [new TextRun({ text: report.translationLine, italics: true })] }),
    );
  children.push(
    new Paragraph({
      spacing: { before: 240 },
      children: [new TextRun({ text: words.toc, bold: true, size: 28 })],
    }),
    // Events are in the contents as in the seed, unless they are too many to list.
    new TableOfContents(words.toc, {
      hyperlink: true,
      headingStyleRange: events.length <= 200 ? "1-3" : "1-2",
    }),
  );
  report.sections.forEach((section, i) => {
    children.push(heading(section.heading, section.depth, i === 0), ...section.blocks.flatMap(blockContent));
    if (i !== 0 || report.figures.length === 0) return;
    children.push(heading(words.figures, 1));
    report.figures.forEach((figure, f) => {
      const scale = Math.min(1, MAX_IMAGE_WIDTH / figure.width);
      const data = figureImages[f];
      if (data)
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: "png",
                data,
                transformation: {
                  width: Math.round(figure.width * scale),
                  height: Math.round(figure.height * scale),
                },
                altText: { name: figure.id, description: figure.caption, title: figure.caption },
              }),
            ],
          }),
        );
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: figure.caption, italics: true })],
        }),
      );
    });
  });
  children.push(heading(report.chronicle.heading, 1, true));
  for (const month of report.chronicle.months) {
    children.push(heading(month.heading, 2));
    for (const item of month.events) children.push(...eventBlocks(item, report, footnoteIds));
  }

  const document = new Document({
    title: report.title,
    creator: "aigov",
    features: { updateFields: true },
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    footnotes,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
