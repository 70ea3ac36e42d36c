import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { AppError, type AppErrorKind, issuesLine } from "../app/appError.js";

/** Every tool of aigov only reads: it changes nothing, answers the same twice over the same data, and reaches nothing outside aigov. */
const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** What a tool answers: the structured content its output schema describes, and the same as text for a person. */
export interface ToolAnswer<O> {
  structured: O;
  text: string;
}

/** One read-only tool: its name, what it is for, its arguments and answer as zod schemas, and the use case it calls. */
export interface ReadTool<I extends z.ZodRawShape, O extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  answer: (args: z.output<z.ZodObject<I>>) => ToolAnswer<z.output<O>> | Promise<ToolAnswer<z.output<O>>>;
}

const KIND_WORDS: Record<AppErrorKind, string> = {
  "invalid-request": "invalid request",
  unauthenticated: "not signed in",
  forbidden: "forbidden",
  "not-found": "not found",
  conflict: "conflict",
  "too-many-requests": "too many requests",
  unavailable: "unavailable",
};

/** A use case's refusal, or arguments the app's own query schema refuses, as one line the caller can act on. */
export function refusalText(error: unknown): string | null {
  if (error instanceof AppError) {
    const retry = error.retryAfterSeconds === undefined ? "" : ` (try again in ${error.retryAfterSeconds} s)`;
    return `${KIND_WORDS[error.kind]}: ${error.message}${retry}`;
  }
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((issue) => ({
      parameter: issue.path.map(String).join(".") || "(arguments)",
      message: issue.message,
    }));
    return `invalid request: ${issuesLine(issues)}`;
  }
  return null;
}

const toolError = (text: string): CallToolResult => ({ isError: true, content: [{ type: "text", text }] });

/** A tool ready to be registered on a server (its schemas' types stay inside). */
export interface ToolRegistration {
  name: string;
  register(server: McpServer, onError: (error: unknown, tool: string) => void): void;
}

/**
 * A tool that reads, to register: annotated read-only, its answer validated by the SDK against the
 * output schema, and every refusal of a use case (bad input, nothing at that id) a tool error
 * (`isError`) with a clear message instead of a protocol error. Anything else is the server's fault:
 * said as such, without its details, and handed to `onError` to be logged.
 */
export function readTool<I extends z.ZodRawShape, O extends z.ZodObject>(
  tool: ReadTool<I, O>,
): ToolRegistration {
  return {
    name: tool.name,
    register: (server, onError) =>
      server.registerTool(
        tool.name,
        {
          title: tool.title,
          description: tool.description,
          inputSchema: tool.input,
          outputSchema: tool.output,
          annotations: { title: tool.title, ...READ_ONLY },
        },
        // The SDK has parsed the arguments with `input` already; its overloads do not carry their type here.
        (async (args: z.output<z.ZodObject<I>>): Promise<CallToolResult> => {
          try {
            const { structured, text } = await tool.answer(args);
            return {
              structuredContent: structured as Record<string, unknown>,
              content: [{ type: "text", text }],
            };
          } catch (error) {
            const refusal = refusalText(error);
            if (refusal !== null) return toolError(refusal);
            onError(error, tool.name);
            return toolError("internal error: aigov could not answer this call (its log says why)");
          }
        }) as never,
      ),
  };
}
