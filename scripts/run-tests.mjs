// Runs the *.test.ts files with Node's own test runner: every one under src/ and test/, or with --unit the
// fast inner loop, the unit tests beside their modules under src/ (no browser suite, no CLI process); or
// the files named on the command line. scripts/test-groups.mjs says how they are grouped into processes.
// With --checks (`npm test`), the type checks and lints first (see runChecks).
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * With --checks (`npm test`), first the commands of `npm run typecheck` and `npm run lint` (package.json
 * says which), two at a time, the longest first: each is one process on one core, and one after the other
 * they took 80 s of this 2-core machine. Each one's output is printed whole when it ends; the tests run
 * only if every check passed, as with `typecheck && lint && tests`.
 */
async function runChecks() {
  const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const commands = [scripts.typecheck, scripts.lint].flatMap((script) => script.split(" && "));
  // Measured from scratch (a fresh clone, as CI runs): tsc (src, test) 22 s, prettier 18, eslint 12,
  // depcruise 4, tsc (client) 1.5. tsc, eslint and prettier keep caches in node_modules/.cache/aigov/
  // (package.json), so that a second run checks what changed: 4.4 s for the typecheck, 5 s for the lint.
  const LONGEST = ["tsc -p tsconfig.json ", "prettier ", "eslint ", "depcruise "];
  const rank = (command) => {
    const at = LONGEST.findIndex((start) => command.startsWith(start));
    return at < 0 ? LONGEST.length : at;
  };
  const queue = commands.sort((a, b) => rank(a) - rank(b));
  const bin = join(new URL("..", import.meta.url).pathname, "node_modules/.bin");
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  let failed = 0;
  const lane = async () => {
    for (let command = queue.shift(); command; command = queue.shift()) {
      const started = performance.now();
      const child = spawn(command, { shell: true, env, stdio: ["ignore", "pipe", "pipe"] });
      const output = [];
      child.stdout.on("data", (chunk) => output.push(chunk));
      child.stderr.on("data", (chunk) => output.push(chunk));
      const code = await new Promise((resolve) => child.on("close", resolve));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`> ${command}  (${code === 0 ? "ok" : `failed, exit ${code}`}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(output));
      if (code !== 0) failed++;
    }
  };
  await Promise.all([lane(), lane()]);
  return failed === 0;
}

const args = process.argv.slice(2);
if (args.includes("--checks") && !(await runChecks())) process.exit(1);
// The tests themselves: scripts/test-groups.mjs, under tsx, with the remaining words (--unit, the
// reporter's options, files).
const result = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    join(import.meta.dirname, "test-groups.mjs"),
    ...args.filter((arg) => arg !== "--checks"),
  ],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
