// C0 controls other than tab and newline, DEL, and the C1 controls: escape sequences in these move the
// cursor, clear the screen, retitle the window or write to the clipboard when a terminal prints them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const C1_AND_DEL = /[\u007f-\u009f]/g;

/** Text from the data made safe to print to a terminal: control characters removed (CR and the rest). */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, "");
}

/**
 * JSON for stdout: JSON.stringify already escapes C0 controls, but leaves DEL and C1 controls raw, which
 * some terminals obey; these become \u escapes, which every JSON reader reads back as the same text.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    C1_AND_DEL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
