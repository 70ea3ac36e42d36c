import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { AppServices } from "../app/appServices.js";
import { MAX_PROFILE_BYTES } from "../obligations/profileInput.js";
import { createMcpServer } from "./mcpServer.js";

/** The largest request body /mcp reads: a call with the largest profile the checker takes, and room around it. */
export const MAX_MCP_REQUEST_BYTES = MAX_PROFILE_BYTES * 2;

const ONLY_POST = "Method not allowed: this MCP endpoint is stateless; POST JSON-RPC messages to it";

/** A JSON-RPC error as the transport says them, for what it never sees. */
function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/**
 * The MCP endpoint over HTTP (the streamable HTTP transport), as a Fetch handler: Request in, Response
 * out, whatever mounts it. Stateless: every POST gets a server and a transport of its own and answers
 * with JSON (no session to keep, so any of several servers may answer any request). A GET (a stream
 * the server would push on) or a DELETE (a session's end) has nothing to answer: 405, which clients
 * take as "no stream". A malformed request is the transport's JSON-RPC error (400, 406, 413, 415),
 * never a 500; a tool's failure is a tool error in a 200.
 */
export function mcpHttpHandler(
  services: AppServices,
  onError: (error: unknown, tool?: string) => void = () => {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== "POST") return jsonRpcError(405, -32000, ONLY_POST, { allow: "POST" });
    const server = createMcpServer(services, { onError });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: MAX_MCP_REQUEST_BYTES,
    });
    try {
      await server.connect(transport);
      return await transport.handleRequest(request);
    } catch (error) {
      onError(error);
      return jsonRpcError(500, -32603, "Internal error");
    } finally {
      // The answer is complete (JSON, not a stream): nothing of this request is kept.
      void server.close();
    }
  };
}
