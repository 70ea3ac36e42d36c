import { extractFootnoteRefs } from "./footnotes.js";
import {
  endsSentence,
  isBullet,
  isCaption,
  isChronicleHeading,
  isTocHeading,
  type Line,
  matchMonthHeader,
  matchNumberedLine,
  matchPartHeading,
  startsSummary,
  undress,
} from "./lineKinds.js";

/** Consecutive non-blank lines: a paragraph, a heading, or a table whose rows stay separate lines. */
export interface Block {
  lines: Line[];
}

export const blockText = (block: Block) => block.lines.map((line) => line.text).join("\n");
export const firstLine = (block: Block) => block.lines[0] as Line;
const lastLine = (block: Block) => block.lines[block.lines.length - 1] as Line;

/** Compares headings across the table of contents and the body, which differ in spaces and colons. */
export function headingKey(text: string): string {
  return undress(text).normalize("NFKC").replace(/\s+/g, "");
}

/** What the layout needs to know about headings to tell them from broken sentences. */
export interface HeadingContext {
  /** Headings listed in the table of contents, as headingKey. */
  tocHeadings: Set<string>;
  /** Line number where the chronicle starts; numbered lines after it are event titles. */
  chronicleLine: number;
}

function opensBlock(text: string): boolean {
  return (
    matchMonthHeader(text) !== null ||
    matchNumberedLine(text) !== null ||
    startsSummary(text) ||
    matchPartHeading(text) !== null ||
    isChronicleHeading(text)
  );
}

function standsAlone(text: string): boolean {
  return matchMonthHeader(text) !== null || matchPartHeading(text) !== null || isChronicleHeading(text);
}

/**
 * Groups lines into blocks. A blank line ends a block; a line that opens a structure (month header,
 * numbered line, summary mark, heading) always starts one; headings stand alone.
 */
export function groupBlocks(lines: Line[], isBlank: (line: Line) => boolean): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push({ lines: current });
    current = [];
  };
  for (const line of lines) {
    if (isBlank(line)) {
      flush();
      continue;
    }
    if (opensBlock(line.text)) flush();
    current.push(line);
    if (standsAlone(line.text)) flush();
  }
  flush();
  return blocks;
}

/** Whether a block is a heading of some kind, which a sentence never runs through. */
export function isHeadingBlock(block: Block, context: HeadingContext): boolean {
  if (block.lines.length !== 1) return false;
  const line = firstLine(block);
  const text = line.text;
  if (standsAlone(text) || isTocHeading(text) || isCaption(text)) return true;
  if (context.tocHeadings.has(headingKey(text))) return true;
  const numbered = matchNumberedLine(text);
  if (!numbered) return false;
  if (line.no > context.chronicleLine) return true;
  return numbered.rest.length <= 30 && !/[，。；：,;:]/.test(numbered.rest);
}

function canEnd(block: Block, context: HeadingContext): boolean {
  const text = lastLine(block).text;
  if (text.includes("\t") || isHeadingBlock(block, context)) return false;
  return !endsSentence(extractFootnoteRefs(text).text);
}

function canContinue(block: Block, context: HeadingContext): boolean {
  const text = firstLine(block).text;
  if (text.includes("\t") || opensBlock(text) || isBullet(text) || isCaption(text)) return false;
  return !context.tocHeadings.has(headingKey(text));
}

const LATIN_END = /[A-Za-z0-9,;]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/**
 * Rejoins sentences that a page end broke in two (with or without a footnote block between the
 * halves): a block that stops mid-sentence runs on into the next block when that one opens no structure.
 * Chinese halves join directly; Latin words get a space back.
 */
export function stitchPageBreaks(blocks: Block[], context: HeadingContext): Block[] {
  const stitched: Block[] = [];
  for (const block of blocks) {
    const previous = stitched[stitched.length - 1];
    if (previous && canEnd(previous, context) && canContinue(block, context)) {
      const tail = lastLine(previous);
      const head = firstLine(block);
      const joiner = LATIN_END.test(tail.text) && LATIN_START.test(head.text.trim()) ? " " : "";
      const joined: Line = { no: tail.no, text: tail.text + joiner + head.text.trim() };
      stitched[stitched.length - 1] = {
        lines: [...previous.lines.slice(0, -1), joined, ...block.lines.slice(1)],
      };
    } else {
      stitched.push(block);
    }
  }
  return stitched;
}
