/**
 * A stream a command writes to: the process's own stdout or stderr, or any writable (a test's). Output is
 * cleaned for a terminal only when `isTTY` says it is one, so a stream without it is taken as a pipe.
 */
export type OutputStream = NodeJS.WritableStream & {
  readonly isTTY?: boolean;
  readonly columns?: number;
  hasColors?: () => boolean;
};

/** A stream a command reads from: the process's stdin, or a test's. `isTTY` true means a person types at it. */
export type InputStream = NodeJS.ReadableStream & { readonly isTTY?: boolean };

/**
 * What one run of the CLI works with, handed to every command instead of the globals of `process`: the
 * process's own in main.ts, a test's streams and environment when the CLI runs inside a test.
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Read by config.ts alone (the database, the report limits, CI): commands pass it on. */
  env: NodeJS.ProcessEnv;
  /** What is piped in (a password for `users add`); absent, as a closed pipe: there is nothing to read. */
  stdin?: InputStream;
}
