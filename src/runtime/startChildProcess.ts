import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Starts a Node process on a module beside the caller's (`name` without extension), with a message
 * channel to it: the built .js, or, when aigov runs from source, the .ts through tsx's loader. Its
 * stdout is dropped and its stderr is the caller's, so its warnings reach the same log.
 */
export function startChildProcess(callerUrl: string, name: string, args: string[] = []): ChildProcess {
  const fromSource = callerUrl.endsWith(".ts");
  const script = fileURLToPath(new URL(`./${name}.${fromSource ? "ts" : "js"}`, callerUrl));
  // Not the parent's own flags (a test runner's --test, an inspector's port): only the loader it needs,
  // found from this file, not from the working directory.
  const execArgv = fromSource ? ["--import", import.meta.resolve("tsx")] : [];
  return fork(script, args, { execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"] });
}
