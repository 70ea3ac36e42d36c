// Runs the *.test.ts files with Node's own test runner (Node 20 has no glob for --test): every one under
// src/ and test/, or with --unit the fast inner loop, the unit tests beside their modules under src/
// (no browser suite, no CLI process); or the files named on the command line.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
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
const LONGEST_FIRST = [
  "src/import/readers.fuzz.test.ts",
  "test/nothingLost.test.ts",
  "test/concurrentImports.test.ts",
  "test/streaming-import.test.ts",
  "test/hardening-cli.test.ts",
];
const longestFirst = (files) => [
  ...LONGEST_FIRST.filter((file) => files.includes(file)),
  ...files.filter((file) => !LONGEST_FIRST.includes(file)),
];

const args = process.argv.slice(2);
const unit = args.includes("--unit");
// Options of Node's test runner pass through (`npm test -- --test-reporter=dot`); other words name files.
const runnerOptions = args.filter((arg) => arg.startsWith("--test-"));
const named = args.filter((arg) => arg !== "--unit" && !arg.startsWith("--test-"));
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
