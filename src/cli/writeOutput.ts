import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CliError } from "./cliError.js";

/**
 * Writes a command's output to a file whole or not at all: into a temporary file created exclusively
 * (`wx`, an unguessable name, so nothing planted at that name is followed or overwritten) in the target's
 * own folder (so the rename is atomic), renamed into place; on any failure the temporary file is removed.
 */
export async function writeOutput(
  path: string,
  output: string | Buffer | AsyncIterable<string | Buffer>,
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString("hex")}.tmp`);
  let created = false;
  try {
    const file = await open(temporary, "wx");
    created = true;
    try {
      if (typeof output === "string" || Buffer.isBuffer(output)) await file.writeFile(output);
      else
        for await (const chunk of output)
          await file.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    if (created) await rm(temporary, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
