/**
 * Offsets where each element of the events array starts in a JSON text: the top-level array, or the
 * array under the top-level "events" key. Lets an error name the line of the record it is about.
 */
export function arrayElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let targetDepth = -1;
  let inString = false;
  let expectElement = false;
  let lastKey = "";
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (char === " " || char === "\n" || char === "\r" || char === "\t") continue;
    if (expectElement && char !== "]") {
      offsets.push(i);
      expectElement = false;
    }
    if (char === '"') {
      inString = true;
      stringStart = i;
    } else if (char === "[" || char === "{") {
      depth++;
      if (char === "[" && targetDepth === -1 && (depth === 1 || (depth === 2 && lastKey === "events"))) {
        targetDepth = depth;
        expectElement = true;
      }
    } else if (char === "]" || char === "}") {
      if (depth === targetDepth) targetDepth = -2;
      depth--;
    } else if (char === "," && depth === targetDepth) {
      expectElement = true;
    }
  }
  return offsets;
}

/** The 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
