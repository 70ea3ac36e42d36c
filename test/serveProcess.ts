import { type ChildProcess, spawn } from "node:child_process";
import { cliArgv } from "./builtCli.js";
import { ROOT, tempDir } from "./runCli.js";

/** An `aigov serve` process started from the build, and the address it listens on. */
export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** What it wrote to stderr so far (logs, warnings). */
  stderr: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `aigov serve --port 0` on a database, from dist/ brought up to date with src/ (test/builtCli.ts:
 * it starts in a third of the time, and CPU is what these suites are short of), and resolves once it
 * listens (it prints its address);
 * `onStderr` sees everything written to stderr so far, each time more arrives, before it listens too.
 */
export function startServe(
  db: string,
  env: Record<string, string> = {},
  onStderr?: (stderr: string) => void,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...cliArgv(), "serve", "--port", "0", "--db", db], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: tempDir(), ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /events at (http:\/\/\S+?)\/ /.exec(stdout)?.[1];
      if (url)
        resolve({
          url,
          child,
          stderr: () => stderr,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
            await exited;
          },
        });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
}

/** Polls `probe` every 20 ms until it returns true; the time it took, or an error after `timeoutMs`. */
export async function waitFor(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await probe()) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
