// Issue 25 point 4: the search page's live results are the server's own rendering of the page's
// components, served alone at /search/results (the page's parameters), not a second renderer in the
// browser. In process, through app.request().
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

/** The markup from `start` (included) to `end` (excluded): a region of a page or fragment. */
function region(markup: string, start: string, end: string): string {
  const from = markup.indexOf(start);
  assert.ok(from >= 0, `${start} is in the markup`);
  const to = markup.indexOf(end, from);
  assert.ok(to > from, `${end} follows ${start}`);
  return markup.slice(from, to);
}

describe("GET /search/results (the search page's fragment)", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());

  const get = async (path: string, headers: Record<string, string> = {}) =>
    await app.hono.request(`http://localhost${path}`, { headers });

  it("holds the page's results region, byte for byte, and no layout", async () => {
    const query = `q=${encodeURIComponent("欧盟")}&type=law&lang=zh`;
    const [page, fragment] = await Promise.all([
      get(`/search?${query}`).then((r) => r.text()),
      get(`/search/results?${query}`).then((r) => r.text()),
    ]);
    assert.doesNotMatch(fragment, /<html|<head|<nav class="site-nav"|<form/);
    // Each region from its opening tag to what follows it, in the page and in the fragment.
    for (const [start, pageEnd, fragmentEnd] of [
      ['<div id="search-facets">', '<button type="submit" class="facets__apply">', '<div id="search-chips">'],
      ['<div id="search-chips">', '<ol class="event-list"', '<ol class="event-list"'],
      ['<ol class="event-list" id="search-results">', '<div id="search-pager">', '<div id="search-pager">'],
    ] as const)
      assert.equal(region(fragment, start, fragmentEnd).trim(), region(page, start, pageEnd).trim(), start);
    const pager = fragment.slice(fragment.indexOf('<div id="search-pager">')).trim();
    assert.ok(page.includes(pager), "the pager");
    assert.match(fragment, /<p id="search-status">“欧盟”共 \d+ 条结果<\/p>/);
  });

  it("is cached like a page: shared when the URL names the language, private otherwise", async () => {
    const shared = await get("/search/results?q=AI&lang=en");
    assert.equal(shared.status, 200);
    assert.equal(shared.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(shared.headers.get("cache-control"), "public, max-age=60");
    assert.ok(shared.headers.get("etag"), "tagged with the data version, as pages are");
    assert.equal(shared.headers.get("x-robots-tag"), "noindex");
    const private_ = await get("/search/results?q=AI", { "accept-language": "zh-CN" });
    assert.equal(private_.status, 200);
    assert.equal(private_.headers.get("cache-control"), "private, no-cache");
    assert.equal(private_.headers.get("vary"), "Cookie, Accept-Language");
    assert.match(await private_.text(), /条结果/);
  });

  it("refuses an unknown or repeated parameter as the page does, in one escaped sentence", async () => {
    for (const query of ["%3Cscript%3E=1&lang=en", "q=a&q=b&lang=en", "cursor=x&lang=en"]) {
      const [page, fragment] = await Promise.all([get(`/search?${query}`), get(`/search/results?${query}`)]);
      assert.equal(fragment.status, 400, query);
      assert.equal(page.status, 400, query);
      const text = await fragment.text();
      assert.match(text, /^<p class="fragment-error" role="alert">This address could not be read: /);
      assert.doesNotMatch(text, /<script>/);
    }
    const bad = await get("/search/results?%3Cscript%3E=1&lang=en").then((r) => r.text());
    assert.match(bad, /&lt;script&gt;: unknown parameter/);
  });

  it("refuses a malformed year, and escapes the query it echoes", async () => {
    assert.equal((await get("/search/results?year=20x5&lang=en")).status, 400);
    const hostile = '<img src=x onerror="alert(1)">';
    const text = await get(`/search/results?q=${encodeURIComponent(hostile)}&lang=en`).then((r) => r.text());
    assert.ok(!text.includes(hostile));
    assert.match(text, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  });

  it("renders the page the state names (its pager links the neighbours)", async () => {
    const text = await get("/search/results?page=2&lang=en").then((r) => r.text());
    assert.match(text, /rel="prev" href="\/search\?lang=en"/);
    assert.match(text, /Page 2 of \d+/);
  });
});
