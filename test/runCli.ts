import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { runCli as runCliWith } from "../src/cli/runCli.js";

export const ROOT = new URL("..", import.meta.url).pathname;
export const SEED = join(ROOT, "data/seeds/2025-global-ai-governance-report.zh.txt");
export const fixture = (name: string) => join(ROOT, "test/fixtures", name);
/** The CLI's entry point, for the tests that need it as a process of its own. */
export const CLI_MAIN = join(ROOT, "src/cli/main.ts");

/** A fresh folder for a test's database and files. */
export const tempDir = () => mkdtempSync(join(tmpdir(), "aigov-test-"));

/** What a run of the CLI ended with: its exit code (null when a signal ended a process) and its output. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The clean environment of every run: no AIGOV_DB, no CI, a home of its own. */
const cleanEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? "", HOME: tempDir(), ...env });

/** A stream that keeps what is written to it; without isTTY, the CLI takes it for a pipe, as spawnSync's. */
function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** What a run reads: `stdin` piped in (default: nothing, as `</dev/null`), or a terminal (`tty`, typing nothing). */
export interface CliInput {
  stdin?: string;
  tty?: boolean;
  /** stderr is a terminal (progress and hints are drawn there), not a pipe. */
  stderrTty?: boolean;
}

/** A stdin holding `text` and then its end; with `tty`, one that says a person is typing at it. */
function input({ stdin = "", tty = false }: CliInput) {
  const stream = Readable.from(tty ? [] : [Buffer.from(stdin)]);
  return tty ? Object.assign(stream, { isTTY: true }) : stream;
}

/**
 * Runs the CLI in this process, as a user would run it in a shell with a clean environment and its output
 * piped: the same commands, parsing, exit codes and messages as the process (src/cli/main.ts only hands
 * runCli its own streams and environment), without starting Node and loading the program each time.
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  given: CliInput = {},
): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCliWith(args, {
    stdout: stdout.stream,
    stderr: given.stderrTty ? Object.assign(stderr.stream, { isTTY: true }) : stderr.stream,
    env: cleanEnv(env),
    stdin: input(given),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Starts the CLI as a process of its own, from source, for the tests where the process is the point: it
 * is killed, waits for another process's lock, races another process, or must be watched as a whole
 * (what it loads). `onStderr` sees stderr as it grows; `exited` resolves when the process has ended.
 */
export function spawnCli(
  args: string[],
  options: { env?: Record<string, string>; nodeArgs?: string[]; onStderr?: (stderr: string) => void } = {},
): { child: ChildProcess; exited: Promise<CliResult> } {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", CLI_MAIN, ...args], {
    cwd: ROOT,
    env: cleanEnv(options.env ?? {}),
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    options.onStderr?.(stderr);
  });
  const exited = new Promise<CliResult>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exited };
}
