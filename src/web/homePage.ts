import type { Event } from "../domain/event.js";
import { httpUrlOrNull } from "../domain/httpUrl.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { type Snippet, snippetSegments } from "../search/snippet.js";
import { escapeHtml, page } from "./html.js";

function snippetHtml(snippet: Snippet | null): string {
  if (!snippet) return "";
  const html = snippetSegments(snippet)
    .map(({ text, marked }) => (marked ? `<mark>${escapeHtml(text)}</mark>` : escapeHtml(text)))
    .join("");
  return `<br><span class="muted">${html}</span>`;
}

/**
 * The observatory's first page: a search box and the matching events, rendered on the server (works
 * without JavaScript). The full web app (map, charts, profiles) builds on the same API.
 */
export function homePage(input: {
  q: string;
  lang: Language;
  total: number;
  hits: { event: Event; snippet: Snippet | null }[];
}): string {
  const zh = input.lang === "zh";
  const items = input.hits
    .map(({ event, snippet }) => {
      const when = event.date.end ? `${event.date.start} – ${event.date.end}` : event.date.start;
      const source = event.sources.find((s) => httpUrlOrNull(s.url));
      return `<li><span class="muted">${escapeHtml(when)} · ${escapeHtml(event.jurisdictions.join(", "))}</span><br>
<a href="/api/events/${escapeHtml(event.id)}">${escapeHtml(pickText(event.title, input.lang) ?? event.id)}</a>${
        source?.url
          ? ` <a class="muted" href="${escapeHtml(source.url)}" rel="noopener">[${escapeHtml(source.publisher ?? "source")}]</a>`
          : ""
      }${snippetHtml(snippet)}</li>`;
    })
    .join("\n");
  const other = zh ? "en" : "zh";
  return page(
    "aigov",
    input.lang,
    `<h1>aigov — ${zh ? "全球人工智能治理观察" : "AI governance observatory"}</h1>
<form method="get" action="/"><input type="search" name="q" value="${escapeHtml(input.q)}" placeholder="${zh ? "搜索：欧盟、芯片、FLOP…" : "Search: EU, chips, FLOP…"}">
<input type="hidden" name="lang" value="${input.lang}"><button>${zh ? "搜索" : "Search"}</button></form>
<p class="muted">${input.total} ${zh ? "条事件" : "events"} · <a href="/?q=${encodeURIComponent(input.q)}&amp;lang=${other}">${zh ? "English" : "中文"}</a> · <a href="/api/docs">API</a> · <a href="/api/feed.atom">Atom</a> · <a href="/api/calendar.ics">iCalendar</a></p>
<ol>${items}</ol>`,
  );
}
