import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AppServices } from "../app/appServices.js";
import { unavailable } from "../app/appError.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { bundledObligations } from "../reference/obligationsData.js";
import type { SearchService } from "../search/searchService.js";
import type { Database } from "../storage/database.js";
import { createMcpServer } from "./mcpServer.js";

/** Services whose search fails as given; the reference data is the bundled one. */
function servicesWith(search: () => Promise<never>): AppServices {
  const obligations = bundledObligations();
  return {
    db: {} as Database,
    search: { search } as unknown as SearchService,
    obligations,
    corrections: correctionsByEvent(obligations.corrections),
    jurisdictions: [],
    baseUrl: () => "https://aigov.example",
    reportMaxYears: 50,
    now: () => "2026-03-01T00:00:00.000Z",
    trustProxy: false,
    allowPrivateWebhooks: false,
  };
}

async function connected(services: AppServices, onError: (error: unknown, tool: string) => void) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(services, { onError }).connect(serverSide);
  const client = new Client({ name: "unit", version: "1" });
  await client.connect(clientSide);
  return client;
}

const textOf = (result: CallToolResult) =>
  result.content.map((block) => (block.type === "text" ? block.text : "")).join("");

describe("createMcpServer", () => {
  it("answers a failure of its own as a tool error that says nothing of it, and hands the error to onError", async () => {
    const logged: [unknown, string][] = [];
    const client = await connected(
      servicesWith(() => Promise.reject(new Error("SQLITE_CORRUPT: secret path /srv/aigov.db"))),
      (error, tool) => logged.push([error, tool]),
    );
    const result = (await client.callTool({
      name: "search_events",
      arguments: { q: "AI" },
    })) as CallToolResult;
    assert.equal(result.isError, true);
    assert.equal(textOf(result), "internal error: aigov could not answer this call (its log says why)");
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.[1], "search_events");
    assert.match(String(logged[0]?.[0]), /SQLITE_CORRUPT/);
    await client.close();
  });

  it("says a use case's refusal as it is, with when to try again", async () => {
    const logged: unknown[] = [];
    const client = await connected(
      servicesWith(() => Promise.reject(unavailable("the search index is being rebuilt", 5))),
      (error) => logged.push(error),
    );
    const result = (await client.callTool({ name: "search_events", arguments: {} })) as CallToolResult;
    assert.equal(result.isError, true);
    assert.equal(textOf(result), "unavailable: the search index is being rebuilt (try again in 5 s)");
    assert.deepEqual(logged, []);
    await client.close();
  });
});
