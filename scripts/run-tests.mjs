// Runs the *.test.ts files with Node's own test runner (Node 20 has no glob for --test): every one under
// src/ and test/, or with --unit the fast inner loop, the unit tests beside their modules under src/
// (no browser suite, no CLI process); or the files named on the command line. With --checks (`npm test`),
// the type checks and lints first (see runChecks).
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === "node_modules" || name === "fixtures" ? [] : findTests(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

// The files that take longest, started first: two at a time, the run lasts at least as long as its
// longest file, and a long one started last would run alone at the end. (Only the order: a file missing
// from this list still runs, in its turn.)
// (Measured alone on a loaded machine after issue 25's changes, in seconds: 31, 23, 18, 16, 15, 13.)
// But Node 20's `--test` sorts the files it is given (three files b, c, a run as a, b, c), so this order
// is not applied yet: node:test's run({ files }) keeps it.
const LONGEST_FIRST = [
  "test/nothingLost.test.ts",
  "test/concurrentImports.test.ts",
  "test/streaming-import.test.ts",
  "test/hardening-cli.test.ts",
  "src/import/readers.fuzz.test.ts",
  "test/report.test.ts",
];
const longestFirst = (files) => [
  ...LONGEST_FIRST.filter((file) => files.includes(file)),
  ...files.filter((file) => !LONGEST_FIRST.includes(file)),
];

/**
 * With --checks (`npm test`), first the commands of `npm run typecheck` and `npm run lint` (package.json
 * says which), two at a time, the longest first: each is one process on one core, and one after the other
 * they took 80 s of this 2-core machine. Each one's output is printed whole when it ends; the tests run
 * only if every check passed, as with `typecheck && lint && tests`.
 */
async function runChecks() {
  const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const commands = [scripts.typecheck, scripts.lint].flatMap((script) => script.split(" && "));
  // Measured: tsc (src, test) 25 s, prettier 23, eslint 19, depcruise 6, tsc (client) 3.
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
const unit = args.includes("--unit");
// Options of Node's test runner pass through (`npm test -- --test-reporter=dot`); other words name files.
const runnerOptions = args.filter((arg) => arg.startsWith("--test-"));
const named = args.filter((arg) => arg !== "--unit" && arg !== "--checks" && !arg.startsWith("--test-"));
const files = named.length
  ? named
  : longestFirst((unit ? ["src"] : ["src", "test"]).flatMap(findTests).sort());
// Two files at a time: this is a 2-core machine, and each file is mostly CPU work in one process.
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", ...runnerOptions, ...files],
  {
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
