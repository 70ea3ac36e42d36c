import { escapeHtml } from "../report/escapeHtml.js";

export { escapeHtml };

/** A complete HTML page with the shared head. */
export function page(title: string, lang: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:16px/1.55 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.25rem;color:#1d2433}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}code{background:#f2f4f7;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e6ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
.muted{color:#5c6677}mark{background:#fff1a8}form{display:flex;gap:.5rem}input[type=search]{flex:1;font-size:1rem;padding:.4rem}
li{margin:.4rem 0}
</style>
</head>
<body>
${body}
</body>
</html>`;
}
