import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { checkProfile } from "../src/app/check.js";
import { selectDeadlines } from "../src/app/deadlines.js";
import { formatCheckResult } from "../src/obligations/checkAnswerText.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { startTestServer } from "./apiServer.js";
import { cliArgv } from "./builtCli.js";
import { ROOT, tempDir } from "./runCli.js";
import { createSqliteDatabase } from "./testDatabases.js";

// The MCP server as an assistant reaches it: an SDK client over streamable HTTP (`aigov serve`'s /mcp,
// in process on a real port) and over stdio (`aigov mcp`, the built CLI as a process of its own), both
// on one temp database holding the bundled dataset. Every tool is called over both, and its answers are
// checked against the use cases they call.

const TOOLS = [
  "search_events",
  "get_event",
  "list_instruments",
  "get_instrument",
  "check_profile",
  "list_deadlines",
];

const EU_AI_ACT_EVENT = "2025-eu-ai-act-gpai-obligations-apply";
const EUR_LEX = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689";

// A general-purpose model trained with more than 10^25 FLOP, placed on the EU market after 2 August 2025.
const GPAI = {
  kind: "model",
  role: "provider",
  markets: ["EU"],
  trainingFlop: "3×10^25",
  placedOnMarket: "2025-09-01",
};
const AT = "2026-03-01";

type Structured = Record<string, unknown>;
type Item = Record<string, unknown> & { page: string };

const textOf = (result: CallToolResult) =>
  result.content.map((block) => (block.type === "text" ? block.text : "")).join("\n");

/** A duty of a check's answer without the page the tool adds beside its citation. */
const withoutPage = ({ page: _page, ...rest }: Item) => rest;

let dbArg = "";
let harness: Awaited<ReturnType<typeof startTestServer>>;

before(async () => {
  harness = await startTestServer(async () => {
    const db = await createSqliteDatabase();
    dbArg = db.arg;
    return db;
  });
});
after(() => harness.stop());

const TRANSPORTS: { name: string; base: () => string; open: () => Transport }[] = [
  {
    name: "streamable HTTP (aigov serve, /mcp)",
    base: () => harness.server.url,
    open: () => new StreamableHTTPClientTransport(new URL(`${harness.server.url}/mcp`)),
  },
  {
    name: "stdio (aigov mcp)",
    base: () => "https://aigov.example",
    open: () =>
      new StdioClientTransport({
        command: process.execPath,
        args: [...cliArgv(), "mcp", "--db", dbArg, "--base-url", "https://aigov.example/"],
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", HOME: tempDir() },
        stderr: "pipe",
      }),
  },
];

for (const transport of TRANSPORTS)
  describe(`MCP over ${transport.name}`, () => {
    let client: Client;
    const protocolErrors: Error[] = [];
    let log = "";
    before(async () => {
      client = new Client({ name: "aigov-test", version: "1.0.0" });
      // (Over HTTP, the stream the client asks for after connecting is refused (405) or given up on close.)
      client.onerror = (error) => void (error.name === "AbortError" || protocolErrors.push(error));
      const opened = transport.open();
      if (opened instanceof StdioClientTransport)
        opened.stderr?.on("data", (chunk: Buffer) => (log += chunk));
      await client.connect(opened);
    });
    after(async () => {
      await client.close();
      // Nothing but protocol came from the server (on stdio, a stray line on stdout would be one), and
      // nothing went wrong on its side.
      assert.deepEqual(protocolErrors, []);
      assert.doesNotMatch(log, /error|warning/);
    });

    const call = async (name: string, args: Record<string, unknown>) =>
      (await client.callTool({ name, arguments: args })) as CallToolResult;
    const answer = async (name: string, args: Record<string, unknown>) => {
      const result = await call(name, args);
      assert.notEqual(result.isError, true, textOf(result));
      return { structured: result.structuredContent as Structured, text: textOf(result) };
    };

    it("names the server and lists the six tools, read-only, each with input and output schemas", async () => {
      assert.equal(client.getServerVersion()?.name, "aigov");
      assert.match(client.getInstructions() ?? "", /cite/i);
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((tool) => tool.name),
        TOOLS,
      );
      for (const tool of tools) {
        assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
        assert.equal(tool.annotations?.destructiveHint, false, tool.name);
        assert.ok(tool.description && tool.description.length > 40, tool.name);
        assert.equal(tool.inputSchema.type, "object", tool.name);
        assert.equal(tool.outputSchema?.type, "object", tool.name);
      }
      const check = tools.find((tool) => tool.name === "check_profile");
      const profile = check?.inputSchema.properties?.profile as { properties: Record<string, unknown> };
      assert.ok(profile.properties.trainingFlop, "the profile's fields are described to the client");
    });

    it("search_events finds the EU AI Act by 欧盟 and by 'AI Act', with its sources and its page", async () => {
      const zh = await answer("search_events", { q: "欧盟 人工智能法案", limit: 5 });
      const zhItems = zh.structured.items as (Item & { id: string })[];
      assert.ok(
        zhItems.some((event) => event.id === EU_AI_ACT_EVENT),
        zhItems.map((e) => e.id).join(),
      );
      assert.match(zh.text, /欧盟《人工智能法案》部分条款正式生效/);
      assert.match(zh.text, /aigov 页面：/);

      const en = await answer("search_events", { q: "AI Act", jurisdiction: ["eu"], lang: "en", limit: 2 });
      const items = en.structured.items as (Item & {
        id: string;
        jurisdictions: string[];
        sources: { url: string | null }[];
        match?: unknown;
      })[];
      assert.equal(items[0]?.id, EU_AI_ACT_EVENT);
      assert.ok(items.every((event) => event.jurisdictions.includes("EU")));
      assert.ok(items[0]?.match, "a hit says why it matched");
      assert.equal(items[0]?.page, `${transport.base()}/events/${EU_AI_ACT_EVENT}?lang=en`);
      assert.equal(items[0]?.api, `${transport.base()}/api/events/${EU_AI_ACT_EVENT}`);
      const source = items[0]?.sources[0]?.url;
      assert.match(source ?? "", /^https:\/\/digital-strategy\.ec\.europa\.eu\//);
      assert.ok(en.text.includes(source!), "the text cites the source");
      assert.ok(en.text.includes(items[0]!.page), "the text cites the page");
      assert.match(en.text, /Certain provisions of the EU AI Act formally take effect/);

      // Pages follow one another, as the API's do.
      const total = en.structured.total as number;
      assert.ok(total > 2);
      const second = await answer("search_events", {
        q: "AI Act",
        jurisdiction: ["EU"],
        lang: "en",
        limit: 2,
        cursor: en.structured.next,
      });
      const ids = (second.structured.items as { id: string }[]).map((e) => e.id);
      assert.ok(!ids.includes(EU_AI_ACT_EVENT));
    });

    it("search_events refuses what the API refuses, as a tool error naming the argument", async () => {
      const tooMany = await call("search_events", { q: "AI", limit: 501 });
      assert.equal(tooMany.isError, true);
      assert.match(textOf(tooMany), /limit/);
      const badCursor = await call("search_events", { q: "AI", cursor: "not-a-cursor" });
      assert.equal(badCursor.isError, true);
      assert.match(textOf(badCursor), /^invalid request: cursor/);
    });

    it("get_event answers one event in full, and an unknown id is a tool error", async () => {
      const { structured, text } = await answer("get_event", { id: EU_AI_ACT_EVENT, lang: "en" });
      assert.equal(structured.id, EU_AI_ACT_EVENT);
      assert.deepEqual((structured.title as { zh: string }).zh, "欧盟《人工智能法案》部分条款正式生效");
      assert.equal(structured.page, `${transport.base()}/events/${EU_AI_ACT_EVENT}?lang=en`);
      assert.match(text, /^Certain provisions of the EU AI Act formally take effect/);
      assert.match(text, /European Commission — https:\/\/digital-strategy\.ec\.europa\.eu\//);

      const missing = await call("get_event", { id: "no-such-event" });
      assert.equal(missing.isError, true);
      assert.equal(textOf(missing), 'not found: no event with id "no-such-event"');
    });

    it("list_instruments and get_instrument give the laws with their official texts and pages", async () => {
      const list = await answer("list_instruments", { lang: "en" });
      const instruments = list.structured.items as (Item & { id: string; officialUrl: string | null })[];
      assert.equal(instruments.length, bundledObligations().instruments.length);
      const act = instruments.find((instrument) => instrument.id === "eu-ai-act");
      assert.equal(act?.officialUrl, EUR_LEX);
      assert.equal(act?.page, `${transport.base()}/instruments/eu-ai-act?lang=en`);
      assert.match(list.text, /Artificial Intelligence Act\)\s+\(eu-ai-act\)/);

      const { structured, text } = await answer("get_instrument", { id: "eu-ai-act", lang: "en" });
      const duties = structured.obligations as (Item & {
        id: string;
        citation: { article: string; url: string };
      })[];
      const art55 = duties.find((duty) => duty.id === "eu-ai-act.art-55-1");
      assert.equal(art55?.citation.article, "Art. 55(1); Art. 51(2)");
      assert.equal(art55?.page, `${transport.base()}/instruments/eu-ai-act?lang=en#eu-ai-act.art-55-1`);
      assert.match(text, /Art\. 55\(1\); Art\. 51\(2\) · [^·]+ · https:\/\/eur-lex\.europa\.eu\//);

      const missing = await call("get_instrument", { id: "eu-ai-act-2" });
      assert.equal(missing.isError, true);
      assert.equal(textOf(missing), 'not found: no instrument with id "eu-ai-act-2"');
    });

    it("check_profile answers as aigov check does: Art. 51/55 duties for a 10^25-FLOP model in the EU", async () => {
      const { structured, text } = await answer("check_profile", { profile: GPAI, at: AT, lang: "en" });
      const data = bundledObligations();
      const expected = checkProfile({ obligations: data }, { json: JSON.stringify(GPAI) }, AT);
      assert.ok("result" in expected);
      const places = ["applies", "upcoming", "open", "notApplicable"] as const;
      const asChecked = {
        ...structured,
        ...Object.fromEntries(places.map((place) => [place, (structured[place] as Item[]).map(withoutPage)])),
      };
      assert.deepEqual(
        asChecked,
        expected.result,
        "the answer of `aigov check --json`, each duty with a page",
      );
      assert.equal(text, formatCheckResult(expected.result, "en", data), "the text of `aigov check`");

      const applies = structured.applies as (Item & {
        obligation: string;
        citation: { article: string; url: string };
      })[];
      const art55 = applies.find((duty) => duty.obligation === "eu-ai-act.art-55-1");
      assert.equal(art55?.citation.article, "Art. 55(1); Art. 51(2)");
      assert.equal(art55?.citation.url, EUR_LEX);
      assert.equal(art55?.page, `${transport.base()}/instruments/eu-ai-act?lang=en#eu-ai-act.art-55-1`);
      assert.ok(applies.some((duty) => duty.obligation === "eu-ai-act.art-52-1"));
      assert.match(text, /Art\. 55\(1\); Art\. 51\(2\) · .* · https:\/\/eur-lex\.europa\.eu\//);
    });

    it("check_profile refuses a bad profile as a tool error naming the field", async () => {
      const market = await call("check_profile", { profile: { kind: "model", markets: ["XX"] } });
      assert.equal(market.isError, true);
      assert.equal(textOf(market), 'invalid request: bad profile: markets.0: unknown market code "XX"');
      const flop = await call("check_profile", { profile: { kind: "model", trainingFlop: "lots" } });
      assert.equal(flop.isError, true);
      assert.match(textOf(flop), /expected a number of operations.*profile\.trainingFlop/);
      const day = await call("check_profile", { profile: { kind: "model" }, at: "2026-02-30" });
      assert.equal(day.isError, true);
      assert.match(textOf(day), /at/);
    });

    it("list_deadlines gives what takes effect next, as GET /api/deadlines selects it", async () => {
      const args = { instrument: ["eu-ai-act"], from: "2026-01-01", to: "2027-12-31", lang: "en" };
      const { structured, text } = await answer("list_deadlines", args);
      const expected = selectDeadlines(
        { obligations: bundledObligations(), now: () => new Date().toISOString() },
        { instrument: ["eu-ai-act"], from: "2026-01-01", to: "2027-12-31", limit: 20 },
      );
      const items = structured.items as (Item & { date: string; instrument: string; url: string })[];
      assert.deepEqual(items.map(withoutPage), expected.items);
      assert.equal(structured.total, expected.total);
      assert.ok(items.some((deadline) => deadline.date === "2026-08-02"));
      assert.equal(items[0]?.url, EUR_LEX);
      assert.equal(items[0]?.page, `${transport.base()}/instruments/eu-ai-act?lang=en`);
      assert.equal(
        structured.page,
        `${transport.base()}/deadlines?instrument=eu-ai-act&from=2026-01-01&to=2027-12-31&lang=en`,
      );
      assert.match(text, /^2026-08-02 · EU · Regulation \(EU\) 2024\/1689/m);

      const unknown = await call("list_deadlines", { instrument: ["eu-ai-akt"] });
      assert.equal(unknown.isError, true);
      assert.equal(textOf(unknown), 'invalid request: no instrument with id "eu-ai-akt"');
    });
  });

describe("the /mcp endpoint's answers to what is not an MCP call", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${harness.server.url}/mcp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...headers,
      },
      body,
    });
  const jsonRpcError = async (res: Response) =>
    ((await res.json()) as { jsonrpc: string; error: { code: number } }).error.code;

  it("answers a GET or DELETE with 405 (no session, no stream), malformed JSON with 400, never a 500", async () => {
    for (const method of ["GET", "DELETE"]) {
      const res = await fetch(`${harness.server.url}/mcp`, { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get("allow"), "POST");
      assert.equal(await jsonRpcError(res), -32000);
    }
    const broken = await post("{");
    assert.equal(broken.status, 400);
    assert.equal(await jsonRpcError(broken), -32700);
    const notJsonRpc = await post('{"hello":"world"}');
    assert.equal(notJsonRpc.status, 400);
    const notAccepted = await post("{}", { accept: "application/json" });
    assert.equal(notAccepted.status, 406);
    const tooLarge = await post(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/list",
        params: { padding: "x".repeat(200_000) },
      }),
    );
    assert.equal(tooLarge.status, 413);
  });

  it("is open to any origin, as the API is, and is no REST endpoint of the OpenAPI document", async () => {
    const preflight = await fetch(`${harness.server.url}/mcp`, {
      method: "OPTIONS",
      headers: {
        origin: "https://assistant.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, mcp-protocol-version",
      },
    });
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    const document = (await (await fetch(`${harness.server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    assert.equal(document.paths["/mcp"], undefined);
  });
});

describe("aigov mcp as a process", () => {
  it("writes nothing but JSON-RPC on stdout, its log on stderr, and ends when the client closes stdin", async () => {
    const child = spawn(process.execPath, [...cliArgv(), "mcp", "--db", dbArg], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: tempDir() },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    const search = { name: "search_events", arguments: { q: "AI Act", limit: 1 } };
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: search });
    send({
      jsonrpc: "2.0",
      id: 3,
      method: "tools/call",
      params: { name: "get_event", arguments: { id: "x" } },
    });
    const lines = () => stdout.split("\n").filter(Boolean);
    // Every answer is in before stdin ends: the server answers what it read, then stops.
    while (lines().length < 3) await new Promise((resolve) => child.stdout.once("data", resolve));
    child.stdin.end();
    assert.equal(await exited, 0, stderr);
    // Answers come as they are ready (the search waits for the index), each with the id it answers.
    const messages = lines()
      .map((line) => JSON.parse(line) as { jsonrpc: string; id: number; result: Structured })
      .sort((a, b) => a.id - b.id);
    assert.deepEqual(
      messages.map((message) => [message.jsonrpc, message.id]),
      [
        ["2.0", 1],
        ["2.0", 2],
        ["2.0", 3],
      ],
    );
    assert.equal((messages[0]?.result.serverInfo as { name: string }).name, "aigov");
    assert.equal((messages[1]?.result.structuredContent as { total: number }).total > 0, true);
    assert.equal(messages[2]?.result.isError, true);
    // The person running it reads the log; the client reads only the protocol.
    assert.match(stderr, /^search index of 47 events (built|loaded from its snapshot) in /m);
    assert.doesNotMatch(stderr, /error|warning/);
  });
});
