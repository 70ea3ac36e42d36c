import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { commandsToLoad, runCli } from "./runCli.js";

/** Runs the CLI in process with output piped to strings. */
async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await runCli(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: {},
  });
  return { code, stdout, stderr };
}

describe("commandsToLoad", () => {
  it("loads the command that runs, nothing for --version, every one for the program's help", () => {
    assert.deepEqual([...commandsToLoad(["list", "--db", "x.db"])], ["list"]);
    assert.deepEqual([...commandsToLoad(["help", "import"])], ["import"]);
    assert.deepEqual([...commandsToLoad(["--version"])], []);
    assert.equal(commandsToLoad(["--help"]).size, 17);
    assert.equal(commandsToLoad([]).size, 17);
    assert.equal(commandsToLoad(["--version", "--help"]).size, 17);
    assert.equal(commandsToLoad(["frobnicate"]).size, 17);
  });
});

describe("runCli", () => {
  it("writes to the streams it is given and returns the exit code instead of exiting", async () => {
    assert.deepEqual(await run(["--version"]), { code: 0, stdout: "0.1.0\n", stderr: "" });
    const unknown = await run(["frobnicate"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: unknown command 'frobnicate'/);
    const bad = await run(["instruments", "--lang", "fr"]);
    assert.deepEqual(bad, { code: 2, stdout: "", stderr: 'error: --lang: expected zh or en, got "fr"\n' });
  });

  it("lists every command in its help, with the arguments of each", async () => {
    const help = await run(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^ {2}import \[options\] <files\.\.\.> /m);
    assert.match(help.stdout, /^ {2}migrate <source> <target> /m);
  });
});
