import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { AppServices } from "../app/appServices.js";
import { eventTools } from "./eventTools.js";
import { obligationTools } from "./obligationTools.js";

/** The name and version the server gives clients when they connect. */
export const MCP_SERVER_INFO = { name: "aigov", version: "0.1.0" } as const;

/** What a client is told about the server when it connects: what it holds and how to cite it. */
const INSTRUCTIONS =
  "aigov is an open archive of AI-governance events (laws, regulations, strategies, standards, declarations) in Chinese and English, and a checker of which duties of the modelled AI laws bind a model or service. Every tool only reads. Every record carries the citation a person can check: an event its sources, a duty its article and the official text's URL, each its page on aigov. Cite them when you answer; the checker's answers are not legal advice.";

/** What building a server may be given: where to report an error that is aigov's own (a log). */
export interface McpServerOptions {
  onError?: (error: unknown, tool: string) => void;
}

/**
 * The MCP server over the use cases: the tools search_events, get_event, list_instruments,
 * get_instrument, check_profile and list_deadlines, each calling the use case the API calls and
 * answering with structured content (validated against its output schema) and the same as text. One
 * server per connection: stdio makes one, the HTTP endpoint one per request (it keeps no session).
 */
export function createMcpServer(services: AppServices, options: McpServerOptions = {}): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, {
    instructions: INSTRUCTIONS,
    capabilities: { tools: { listChanged: false } },
  });
  const onError = options.onError ?? (() => {});
  for (const tool of [...eventTools(services), ...obligationTools(services)]) tool.register(server, onError);
  return server;
}
