#!/usr/bin/env node
import { runCli } from "./runCli.js";

// A reader that stops early (`aigov list | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// The process's own streams and environment; tests hand runCli theirs.
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // A getter: process.stdin is made (and its tty or pipe module loaded) only by a command that reads it.
  get stdin() {
    return process.stdin;
  },
}).then((code) => {
  process.exitCode = code;
});
