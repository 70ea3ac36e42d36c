// C0 controls other than tab and newline, DEL, and the C1 controls (U+0080–U+009F): escape sequences in
// these move the cursor, clear the screen, retitle the window, print OSC 8 links or write to the
// clipboard when a terminal prints them. The bidirectional controls (U+202A–U+202E embeddings and
// overrides, U+2066–U+2069 isolates, U+200E/U+200F and U+061C marks) reorder what follows them on the
// line, so that a printed title can show other words than it holds (CVE-2021-42574, "Trojan Source").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from the data made safe to print to a terminal: control and bidi characters removed (CR too). */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, "");
}

/**
 * A command's output for stdout: cleaned with terminalText when the stream is a terminal, left byte for
 * byte as it is when it goes to a file or a pipe (where a reader wants the data exact).
 */
export function terminalOutput<T extends string | Buffer>(
  stream: { isTTY?: boolean },
  output: T,
): T | string {
  if (!stream.isTTY) return output;
  return terminalText(typeof output === "string" ? output : output.toString("utf8"));
}

/**
 * JSON for stdout: JSON.stringify already escapes C0 controls, but leaves DEL, C1 and bidi controls raw,
 * which terminals obey; these become \u escapes, which every JSON reader reads back as the same text.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
