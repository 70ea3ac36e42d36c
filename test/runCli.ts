import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname;
export const SEED = join(ROOT, "data/seeds/2025-global-ai-governance-report.zh.txt");
export const fixture = (name: string) => join(ROOT, "test/fixtures", name);

/** A fresh folder for a test's database and files. */
export const tempDir = () => mkdtempSync(join(tmpdir(), "aigov-test-"));

/** Runs the CLI from source as a user would run the built one, with a clean environment. */
export function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], {
    encoding: "utf8",
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: tempDir(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
