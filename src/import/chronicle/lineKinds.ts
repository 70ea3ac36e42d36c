import { CORRECTION_WORD } from "../../domain/correctionText.js";
import { englishMonth } from "./chronicleDates.js";
import { trimTrailing } from "./trimTrailing.js";

/** A line of the input with its 1-based number, trailing white space removed. */
export interface Line {
  no: number;
  text: string;
}

const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** Strips the Markdown dressing a heading may carry: leading "#"s and surrounding "**". */
export function undress(text: string): string {
  return text
    .trim()
    .replace(/^#{1,6}\s+/, "")
    .replace(/^\*\*(.+)\*\*$/, "$1")
    .trim();
}

/** "1 月", "6月", "2025 年 1 月", "十二月", "January", "January 2025": a chronicle's month header. */
export function matchMonthHeader(text: string): { month: number; year: number | null } | null {
  const line = undress(text);
  const zh = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:份)?$/.exec(line);
  if (zh) {
    const month = Number(zh[2]);
    return month >= 1 && month <= 12 ? { month, year: zh[1] ? Number(zh[1]) : null } : null;
  }
  const zhWord = /^(十[一二]?|[一二三四五六七八九])\s*月(?:份)?$/.exec(line);
  if (zhWord?.[1]) return { month: CHINESE_MONTHS.indexOf(zhWord[1]) + 1, year: null };
  const en = /^([A-Za-z]+)\.?(?:\s+(\d{4}))?$/.exec(line);
  const month = en?.[1] ? englishMonth(en[1]) : null;
  if (en && month && en[1] && en[1].length >= 3) return { month, year: en[2] ? Number(en[2]) : null };
  return null;
}

/** "12. 欧盟发布…" or "### 12. …": a numbered line, which in a chronicle may head an event. */
export function matchNumberedLine(text: string): { number: number; rest: string } | null {
  const match = /^(\d{1,5})\s*[.．、]\s*(\S.*)$/.exec(undress(text));
  return match ? { number: Number(match[1]), rest: (match[2] ?? "").trim() } : null;
}

// Read after trimStart, and with no two optional runs of whitespace side by side: "\s*(?:\*\*)?\s*" made a
// line of spaces then one character cost quadratic time (100 KB: 13 s), since every split of the run was tried.
const SUMMARY_MARK = /^(?:\*\*\s*)?(?:摘要|概要|Summary|Abstract)\s*(?:\*\*\s*)?[:：]\s*(?:\*\*\s*)?/i;

/** Whether a line opens an event's summary ("摘要：", "摘要:", "**摘要**：", "Summary:"). */
export function startsSummary(text: string): boolean {
  return SUMMARY_MARK.test(text.trimStart());
}

/** The line without its summary mark. */
export function stripSummaryMark(text: string): string {
  const trimmed = text.trimStart();
  return SUMMARY_MARK.test(trimmed) ? trimmed.replace(SUMMARY_MARK, "") : text;
}

// "> **更正（摘要）**：…", "> **Correction (summary):** …": how a report prints a correction beside an event.
const CORRECTION_MARK = new RegExp(
  `^\\s*>\\s*\\*\\*\\s*(?:${CORRECTION_WORD.zh}|${CORRECTION_WORD.en})\\s*[（(]`,
  "i",
);

/**
 * Whether a line opens a correction as the Markdown report prints it after an event's summary. It is
 * reviewed data from data/corrections/, not the chronicle's text: the reader skips it, so that a report
 * imports back into the same events, their summaries as imported.
 */
export function startsCorrection(text: string): boolean {
  return CORRECTION_MARK.test(text);
}

/** "附：2025 年全球人工智能治理大事记", "Chronicle of 2025": the heading that opens the chronicle. */
export function isChronicleHeading(text: string): boolean {
  const line = undress(text);
  return line.length <= 80 && /大事记|大事年表|chronicle|timeline of/i.test(line);
}

/** "一、…", "## …": a part heading of the analysis. */
export function matchPartHeading(text: string): number | null {
  const trimmed = text.trim();
  const hashes = /^(#{1,6})\s+\S/.exec(trimmed);
  if (hashes?.[1]) return hashes[1].length;
  if (/^[一二三四五六七八九十]+\s*[、.．]\s*\S/.test(trimmed)) return 1;
  return null;
}

/** A table-of-contents entry: text followed by a page number after a tab or dot leaders. */
export function matchTocEntry(text: string): string | null {
  // By hand from the end, not /^(.*?\S)(?:\t+|\s*\.{3,}\s*| {2,}…)\d{1,4}\s*$/, which is quadratic on a long
  // run of spaces: the page number, then the leader (tabs, dot leaders, ellipses or two spaces), then text.
  const trimmed = text.trimEnd();
  const number = /\d{1,4}$/.exec(trimmed);
  if (!number) return null;
  const before = trimmed.slice(0, number.index);
  let title: string;
  if (before.endsWith("\t")) title = trimTrailing(before, (c) => c === "\t");
  else {
    const spaced = before.trimEnd();
    const dots = trimTrailing(spaced, (c) => c === ".");
    const ellipses = trimTrailing(spaced, (c) => c === "…");
    if (spaced.length - dots.length >= 3) title = dots.trimEnd();
    else if (spaced.length - ellipses.length >= 2) title = ellipses.trimEnd();
    else if (before.endsWith("  ")) title = spaced;
    else return null;
  }
  if (title === "" || /\s$/.test(title)) return null;
  return title.trim();
}

/** Whether a line is the heading of a table of contents. */
export function isTocHeading(text: string): boolean {
  return /^(?:目录|目\s+录|contents|table of contents)$/i.test(undress(text));
}

/** A figure or table caption ("Figure 1. …", "图 1 …"), which never continues a broken sentence. */
export function isCaption(text: string): boolean {
  return /^(?:Figure|Fig\.|Table|图|表)\s*\d+/i.test(text.trim());
}

/** A list item ("- …", "● …"). */
export function isBullet(text: string): boolean {
  return /^\s*(?:[-*•●▪◆■]\s|（\d+）|\(\d+\))/.test(text);
}

// Sentence-final punctuation, optionally closed by quotes or brackets.
const SENTENCE_END = /[。！？!?；;：:…．.]$/;
const CLOSERS = new Set(`”’"'」』）)】*`);

/** Whether a text ends a sentence, so that what follows starts a new paragraph. */
export function endsSentence(text: string): boolean {
  // Only the end is looked at: the regex alone scans from every position of a text that may be long.
  const closed = trimTrailing(text.trimEnd(), (c) => CLOSERS.has(c));
  return SENTENCE_END.test(closed.slice(-1));
}
