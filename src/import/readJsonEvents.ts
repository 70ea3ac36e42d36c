import { Tokenizer, TokenParser, TokenType } from "@streamparser/json";
import type { ParsedTokenInfo } from "@streamparser/json";
import { ImportError } from "./importError.js";
import { LineCounter } from "./lineCounter.js";
import type { SourceRecord } from "./sourceRecord.js";

const SHAPE = 'expected an array of events or an object { "events": [...] }';

/** The reason in a parser's message, without its internal state names and positions. */
function reason(error: Error): string {
  const message = error.message;
  const unexpected = /^Unexpected (".*?"|[A-Z_]+ \(.*?\))/.exec(message)?.[1];
  if (unexpected)
    return `unexpected ${unexpected.startsWith('"') ? unexpected : unexpected.replace(/^[A-Z_]+ \((.*)\)$/, "$1")}`;
  if (/ended in the middle|ended in mid-parsing/.test(message)) return "the file ends before the JSON does";
  return message;
}

/**
 * Reads the records of a JSON file as it streams: an array of events, or `{ "events": [...] }`. Each
 * record comes with the line where it starts, found in the same pass by a token-level watch of the
 * events array (the parser gives byte offsets, a LineCounter turns them into lines in linear time).
 * Emitted records are dropped from the parser (`keepStack: false`), so memory holds about one chunk.
 */
export async function* readJsonRecords(
  chunks: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<SourceRecord> {
  const lines = new LineCounter();
  // A string buffer instead of concatenation: events carry summaries of a few kB.
  const tokenizer = new Tokenizer({ stringBufferSize: 64 * 1024 });
  let parser: TokenParser | null = null;
  const found: SourceRecord[] = [];
  const starts: number[] = [];
  // Where the tokens are: nesting depth, the depth of the events array once entered (-2 once left), and
  // for a top-level object the key whose value comes next.
  let depth = 0;
  let target = -1;
  let expectKey = false;
  let key: unknown;
  let lastOffset = 0;
  const onToken = (info: ParsedTokenInfo) => {
    const { token, offset } = info;
    lastOffset = offset;
    if (parser === null) {
      if (token !== TokenType.LEFT_BRACKET && token !== TokenType.LEFT_BRACE)
        throw new ImportError(file, lines.lineAt(offset), SHAPE);
      parser = new TokenParser({
        paths: [token === TokenType.LEFT_BRACKET ? "$.*" : "$.events.*"],
        keepStack: false,
      });
      parser.onValue = ({ value }) => {
        const start = starts.shift();
        found.push({ line: start === undefined ? lines.lastLine() : lines.lineAt(start), record: value });
      };
    }
    if (depth === target && token !== TokenType.RIGHT_BRACKET && token !== TokenType.COMMA)
      starts.push(offset);
    if (depth === 1 && token === TokenType.STRING && expectKey) {
      key = info.value;
      expectKey = false;
      // A key beside "events" (or "events" twice) would be read past: refused, so that nothing a file
      // says is silently dropped.
      if (key !== "events" || target === -2)
        throw new ImportError(
          file,
          lines.lineAt(offset),
          key === "events"
            ? `"events" is given twice: ${SHAPE}`
            : `unknown top-level key ${JSON.stringify(String(key).slice(0, 80))}: ${SHAPE}`,
        );
    } else if (depth === 1 && token === TokenType.COMMA) expectKey = true;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      depth++;
      if (depth === 1) expectKey = token === TokenType.LEFT_BRACE;
      if (
        token === TokenType.LEFT_BRACKET &&
        target === -1 &&
        (depth === 1 || (depth === 2 && key === "events"))
      )
        target = depth;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      if (depth === target) target = -2;
      depth--;
    }
    parser.write(info);
  };
  tokenizer.onToken = onToken;
  const fail = (error: unknown, line: number): never => {
    if (error instanceof ImportError) throw error;
    throw new ImportError(file, line, `invalid JSON (${reason(error as Error)}): ${SHAPE}`);
  };
  for await (const chunk of chunks) {
    lines.push(chunk);
    try {
      tokenizer.write(chunk);
    } catch (error) {
      const absolute = /absolute position "(\d+)"/.exec((error as Error).message)?.[1];
      fail(error, lines.lineAt(absolute === undefined ? lastOffset : Number(absolute)));
    }
    yield* found.splice(0);
  }
  try {
    tokenizer.end();
    if (parser === null) throw new ImportError(file, 1, SHAPE);
    if (!(parser as TokenParser).isEnded) (parser as TokenParser).end();
  } catch (error) {
    fail(error, lines.lastLine());
  }
  yield* found.splice(0);
  if (target !== -2) throw new ImportError(file, 1, SHAPE);
}
