import { startsEscaped } from "./chronicleEscape.js";
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
  startsCorrection,
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
    // A correction after a summary that ends mid-sentence must not be stitched onto it.
    startsCorrection(text) ||
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
  // Only the line's end decides, and a line stitched many times grows: reading all of it on every
  // stitch was quadratic.
  return !endsSentence(extractFootnoteRefs(text.slice(-256)).text);
}

function canContinue(block: Block, context: HeadingContext): boolean {
  const text = firstLine(block).text;
  if (text.includes("\t") || opensBlock(text) || isBullet(text) || isCaption(text)) return false;
  // An escape at a line's start is the report writer's: that paragraph stands apart from the one before.
  if (startsEscaped(text)) return false;
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
  // The newest block's last line while blocks are joined onto it: its pieces, joined once when it is done,
  // and its last characters, all that decides whether it ends a sentence. Concatenating and re-reading the
  // whole line on every join was quadratic on a crafted file of many short paragraphs.
  let pieces: string[] | null = null;
  let length = 0;
  let tail = "";
  const settle = () => {
    const block = stitched[stitched.length - 1];
    if (!pieces || !block) return;
    const last = lastLine(block);
    block.lines[block.lines.length - 1] = { no: last.no, text: pieces.join("") };
    pieces = null;
  };
  // A line of more than LONG characters is no heading: its end alone tells whether it ends a sentence.
  const LONG = 512;
  const previousCanEnd = (previous: Block) => {
    if (pieces && length > LONG) return !tail.includes("\t") && !endsSentence(extractFootnoteRefs(tail).text);
    settle();
    return canEnd(previous, context);
  };
  for (const block of blocks) {
    const previous = stitched[stitched.length - 1];
    if (previous && previousCanEnd(previous) && canContinue(block, context)) {
      if (!pieces) {
        const text = lastLine(previous).text;
        pieces = [text];
        length = text.length;
        tail = text.slice(-256);
      }
      const head = firstLine(block).text.trim();
      const joiner = LATIN_END.test(tail) && LATIN_START.test(head) ? " " : "";
      pieces.push(joiner, head);
      length += joiner.length + head.length;
      tail = (tail + joiner + head).slice(-256);
      if (block.lines.length > 1) {
        settle();
        for (const line of block.lines.slice(1)) previous.lines.push(line);
      }
    } else {
      settle();
      stitched.push({ ...block, lines: [...block.lines] });
    }
  }
  settle();
  return stitched;
}
