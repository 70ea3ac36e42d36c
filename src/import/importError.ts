// Control characters (newlines, CR, escape sequences): a problem quotes bits of hostile input, and its
// message must stay one line that a terminal prints as text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const escape = (text: string) =>
  text.replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A problem with an input file: where it is (file, line) and what was expected there, on one line. */
export class ImportError extends Error {
  readonly problem: string;
  constructor(
    readonly file: string,
    readonly line: number | null,
    problem: string,
  ) {
    const clean = escape(problem);
    super(line === null ? `${file}: ${clean}` : `${file}:${line}: ${clean}`);
    this.problem = clean;
    this.name = "ImportError";
  }
}
