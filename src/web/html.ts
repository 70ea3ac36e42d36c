import { escapeHtml } from "../report/escapeHtml.js";

export { escapeHtml };

/** Markup that is already safe to emit as is (built by `html` or by a component). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A value `html` may interpolate: text (escaped), markup, or a list of either (joined). */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * Template tag for markup, escaped by default: every interpolated string is escaped, only `SafeHtml`
 * (what `html` itself returns) passes through, so a text from the data cannot become markup by mistake.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Trusted markup from our own code (never from the data), e.g. a JSON-LD block already escaped. */
export function unsafeRaw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A complete HTML page with a minimal head, for the pages outside the web app (the API reference). */
export function page(title: string, lang: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="plain">
<main id="main">
${body}
</main>
</body>
</html>`;
}
