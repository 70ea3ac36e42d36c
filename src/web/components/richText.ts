import { readableMath } from "../../domain/superscript.js";
import { html, type SafeHtml } from "../html.js";

/** One paragraph with the emphasis printed in the source (**bold**) kept; everything else is text. */
function paragraph(text: string): SafeHtml {
  // TeX or a caret from the source's PDF (`$\geq 10^{26}$`) shown as signs and exponents (`≥ 10²⁶`).
  const parts = readableMath(text).split(/\*\*([^*\n]+)\*\*/);
  return html`<p>${parts.map((part, i) => (i % 2 ? html`<strong>${part}</strong>` : part))}</p>`;
}

/** A stored summary as paragraphs (blank lines separate them), escaped. */
export function richText(text: string): SafeHtml {
  return html`${text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(paragraph)}`;
}
