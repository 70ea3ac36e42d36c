import { type SafeHtml, unsafeRaw } from "../html.js";

/**
 * A JSON data block (`<script type="application/json">` or `application/ld+json`): not executed, so the
 * CSP allows it. `<` is written as \u003c so no text from the data can close the element.
 */
export function jsonScript(
  type: "application/json" | "application/ld+json",
  value: unknown,
  id?: string,
): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return unsafeRaw(`<script type="${type}"${id ? ` id="${id}"` : ""}>${json}</script>`);
}
