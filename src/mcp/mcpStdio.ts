import type { Readable, Writable } from "node:stream";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { AppServices } from "../app/appServices.js";
import { createMcpServer } from "./mcpServer.js";

/**
 * Serves MCP on a pair of streams (the process's stdin and stdout: nothing else may write to that
 * stdout) until the client closes its end of the input or the transport closes; resolves then.
 */
export async function serveMcpOverStdio(
  services: AppServices,
  streams: { stdin: Readable; stdout: Writable },
  onError: (error: unknown, tool?: string) => void,
): Promise<void> {
  const server = createMcpServer(services, { onError });
  const transport = new StdioServerTransport(streams.stdin, streams.stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  transport.onerror = (error) => onError(error);
  // The transport reads until told to stop: a client that goes away ends stdin, and that is the end.
  const end = () => void server.close();
  streams.stdin.once("end", end);
  streams.stdin.once("close", end);
  await server.connect(transport);
  await closed;
  streams.stdin.off("end", end);
  streams.stdin.off("close", end);
}
