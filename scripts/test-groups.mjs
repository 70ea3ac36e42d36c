// Runs test files with node:test's run(), grouped: `scripts/run-tests.mjs` starts this script under
// `--import tsx` (run() gives its child processes this process's own flags, so each one loads tsx).
//
// Why groups: every test file in a process of its own paid Node's start-up and tsx's loading of the
// program again, about 1.5 s of one core each, some 175 s of this 2-core machine's time for 117 files.
// A group is one process that imports its files in turn (node:test runs their suites one after the
// other, as it would have in separate processes), so that cost is paid once per group. Groups are formed
// by room: the unit tests under src/, the integration tests under test/ in two halves of about equal
// length, and the browser suites (which then share one Chromium, test/browser/browserHarness.ts). The
// groups run two at a time, the longest first. Files named on the command line run one process each.
//
// Usage: node --import tsx scripts/test-groups.mjs [--unit] [--test-reporter=spec|dot|tap|junit]
//        [--test-reporter-destination=FILE] [--test-name-pattern=REGEXP] [FILE...]
import {
  accessSync,
  constants,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { pipeline } from "node:stream/promises";
import { run } from "node:test";
import * as reporters from "node:test/reporters";

const root = resolve(import.meta.dirname, "..");

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === "node_modules" || name === "fixtures" ? [] : findTests(path);
    return name.endsWith(".test.ts") ? [relative(root, path)] : [];
  });
}

// Seconds each of the longest files took (measured on this 2-core machine, Dec 2026), to split the
// browser suites and the integration tests into parts of about equal length; a file not listed counts
// as two seconds.
const SECONDS = {
  "test/browser/everyPage.test.ts": 27,
  "test/browser/compareChartsReports.test.ts": 17,
  "test/browser/mapAndProfile.test.ts": 16,
  "test/browser/compareDuties.test.ts": 14,
  "test/browser/analystViews.test.ts": 13,
  "test/browser/search.test.ts": 11,
  "test/browser/checkPage.test.ts": 10,
  "test/browser/eventPage.test.ts": 10,
  "test/browser/editorialFlow.test.ts": 9,
  "test/browser/chronicle.test.ts": 8,
  "test/browser/responsive.test.ts": 4,
  "test/concurrentImports.test.ts": 24,
  "test/streaming-import.test.ts": 19,
  "test/nothingLost.test.ts": 18,
  "test/liveUpdates.test.ts": 16,
  "test/exportStreaming.test.ts": 11,
  "test/hardening-cli.test.ts": 11,
  "test/api.test.ts": 11,
  "test/hostHeader.test.ts": 11,
  "test/report.test.ts": 9,
  "test/publishKilled.test.ts": 9,
  "test/twoServers.test.ts": 9,
  "test/subscriptions.test.ts": 8,
  "test/deliveriesSurviveKill.test.ts": 7,
  "test/mcp.test.ts": 7,
  "test/cliEditorial.test.ts": 6,
  "test/cli.test.ts": 6,
  "test/linkCheck.test.ts": 6,
  "test/openapiResponses.test.ts": 4,
  "test/releases.test.ts": 3,
  "test/migrate.test.ts": 3,
};
const secondsOf = (file) => SECONDS[file] ?? 2;

/** Splits files into `count` lists of about equal total length (the longest first, each to the shortest). */
function parts(files, count) {
  const made = Array.from({ length: count }, () => ({ files: [], seconds: 0 }));
  for (const file of [...files].sort((a, b) => secondsOf(b) - secondsOf(a))) {
    const shortest = made.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    shortest.files.push(file);
    shortest.seconds += secondsOf(file);
  }
  return made.map((part) => part.files.sort());
}

/**
 * The groups of a whole run, the longest first: the browser suites (sharing one Chromium), the
 * integration tests in two parts, the unit tests. Measured (Dec 2026, 1,487 tests): the suites are bound
 * by this machine's CPU, so more groups at once only add contention — browser suites in two parts and
 * integration in three, three at a time, took 226 s and 224 s two at a time, against 203–215 s so.
 */
function groupsOf(files, unitOnly) {
  const unit = files.filter((file) => file.startsWith("src/"));
  if (unitOnly) return [{ name: "unit", files: unit }];
  const browser = files.filter((file) => file.startsWith("test/browser/"));
  const integration = files.filter((file) => file.startsWith("test/") && !browser.includes(file));
  return [
    { name: "browser", files: browser },
    ...parts(integration, 2).map((part, at) => ({ name: `integration ${at + 1}`, files: part })),
    { name: "unit", files: unit },
  ].filter((group) => group.files.length > 0);
}

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const named = args.filter((arg) => !arg.startsWith("--"));
const reporterName = option("test-reporter") ?? "spec";
const Reporter = reporters[reporterName];
if (!Reporter) {
  process.stderr.write(
    `unknown --test-reporter=${reporterName}: one of ${Object.keys(reporters).join(", ")}\n`,
  );
  process.exit(2);
}
const destination = option("test-reporter-destination");
const pattern = option("test-name-pattern");

function accessible(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const scratch = mkdtempSync(join(tmpdir(), "aigov-test-groups-"));
/**
 * A group's entry module: one import per file, in order, so that their suites run one after the other,
 * and a last test that passes only if it is reached: a file that ends the process early (a stray
 * `process.exit(0)`, an event loop left empty) would otherwise silently skip every file after it.
 */
function entryOf(group) {
  const path = join(scratch, `${group.name.replace(/\W+/g, "-")}.mjs`);
  const imports = group.files.map(
    (file) => `import ${JSON.stringify(pathToFileURL(join(root, file)).href)};`,
  );
  const sentinel = `import { test } from "node:test";\ntest(${JSON.stringify(sentinelName(group))}, () => {});`;
  writeFileSync(path, `// ${group.name}: ${group.files.length} files\n${imports.join("\n")}\n${sentinel}\n`);
  return path;
}

const sentinelName = (group) => `${group.name}: every one of its ${group.files.length} files ran to the end`;

const groups = named.length
  ? named.map((file) => ({ name: file, files: [relative(root, resolve(file))], entry: resolve(file) }))
  : groupsOf(
      [...findTests(join(root, "src")), ...findTests(join(root, "test"))].sort(),
      args.includes("--unit"),
    );
for (const group of groups) group.entry ??= entryOf(group);
const started = performance.now();
const since = () => (performance.now() - started) / 1000;
/** Each group's counts and when its last report came (seconds since the start). */
const tally = new Map(groups.map((group) => [group, { tests: 0, failed: 0, ended: 0 }]));
const groupOfFile = new Map(groups.flatMap((group) => group.files.map((file) => [join(root, file), group])));
// A group's own reports (its sentinel, a crash of the whole process) come from its entry module.
for (const group of groups) groupOfFile.set(group.entry, group);
const sentinelsPassed = new Set();
// The tests' temp databases and files in memory where the machine has a tmpfs for it: their commits
// then wait for no disk (the suites that fill a disk mount a small tmpfs of their own).
if (!process.env.TMPDIR && existsSync("/dev/shm") && accessible("/dev/shm")) process.env.TMPDIR = "/dev/shm";
const AT_ONCE = Number(process.env.AIGOV_TEST_GROUPS_AT_ONCE ?? 2);
const stream = run({
  files: groups.map((group) => group.entry),
  concurrency: AT_ONCE,
  ...(pattern ? { testNamePatterns: [new RegExp(pattern)] } : {}),
});
let failed = 0;
/** Passes every report on to the reporter, noting which group it came from and whether it failed. */
async function* observe(events) {
  for await (const event of events) {
    if (event.type === "test:fail") failed++;
    if (event.type === "test:pass" && event.data.nesting === 0) sentinelsPassed.add(event.data.name);
    const group = groupOfFile.get(event.data?.file);
    if (group) {
      const counts = tally.get(group);
      counts.ended = since();
      if ((event.type === "test:pass" || event.type === "test:fail") && event.data.details?.type !== "suite")
        counts.tests++;
      if (event.type === "test:fail") counts.failed++;
    }
    yield event;
  }
}
const output = destination ? createWriteStream(destination) : process.stdout;
// spec is a Transform class; dot, tap and junit are async generator functions.
await pipeline(stream, observe, Reporter === reporters.spec ? new Reporter() : Reporter, output);

// When each group ended (its last report), for people who want the suite faster and to keep the halves
// even. (Per file times are not told: a child's reports reach this process in batches.)
// A group whose sentinel never passed stopped before its last file: a failure, whatever else it said.
// (Files named on the command line run as they are, each its own process, without a sentinel.)
const cutShort = named.length ? [] : groups.filter((group) => !sentinelsPassed.has(sentinelName(group)));
for (const group of cutShort) {
  failed++;
  tally.get(group).failed++;
  process.stderr.write(`\n${group.name}: stopped before its last test; a file ended the process early\n`);
}
const seconds = (value) => value.toFixed(1).padStart(6);
const rows = groups.map((group) => {
  const { tests, failed: groupFailed, ended } = tally.get(group);
  const failures = groupFailed ? `, ${groupFailed} failed` : "";
  return `  ${group.name.padEnd(14)} ${String(group.files.length).padStart(4)} files ${String(tests).padStart(5)} tests, ended at ${seconds(ended)} s${failures}`;
});
process.stderr.write(`\ntest groups (${AT_ONCE} at a time):\n${rows.join("\n")}\n`);
rmSync(scratch, { recursive: true, force: true });
process.exitCode = failed > 0 ? 1 : 0;
