import { z } from "zod";

/**
 * A release's version: what its URL (`/releases/VERSION/`) and its citation name it by. A number in
 * dotted parts, as semantic versions (`1.0.0`, `2.1.0-rc.1`) and calendar versions (`2026.12`,
 * `2026.12.1`) are written: URL-safe, and unmistakable for a command word (`aigov release list`).
 */
export const ReleaseVersion = z
  .string()
  .regex(
    /^\d+(?:\.\d+){0,3}(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?$/,
    "expected a version such as 2026.12, 2026.12.1 or 1.0.0 (digits in dotted parts, an optional -suffix such as -rc.1)",
  )
  .max(64, "expected a version of at most 64 characters");
export type ReleaseVersion = z.infer<typeof ReleaseVersion>;

/** The name of a file of a release (`events.jsonl`), URL-safe: letters, digits, dots and dashes. */
export const ReleaseFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a SHA-256 as 64 lower-case hex digits");

/** One file of a release as its manifest lists it: what it is, how many bytes and their SHA-256. */
export const ReleaseFileEntry = z
  .object({
    name: ReleaseFileName,
    mediaType: z.string().min(1),
    bytes: z.number().int().min(0),
    sha256: Sha256,
  })
  .strict();
export type ReleaseFileEntry = z.infer<typeof ReleaseFileEntry>;

/** How many records of each kind a release holds. */
export const ReleaseCounts = z
  .object({
    events: z.number().int().min(0),
    instruments: z.number().int().min(0),
    obligations: z.number().int().min(0),
    corrections: z.number().int().min(0),
  })
  .strict();
export type ReleaseCounts = z.infer<typeof ReleaseCounts>;

/**
 * A release's manifest (`manifest.json`): the version, when it was made (the only time a release
 * records, so that the same data gives the same bytes in every other file), the counts, the licence,
 * and every other file with its size and SHA-256. The manifest cannot list its own checksum; the
 * database records it beside the others.
 */
export const ReleaseManifest = z
  .object({
    version: ReleaseVersion,
    createdAt: z.iso.datetime(),
    licence: z.object({ name: z.string(), url: z.url() }).strict(),
    counts: ReleaseCounts,
    files: z.array(ReleaseFileEntry),
  })
  .strict();
export type ReleaseManifest = z.infer<typeof ReleaseManifest>;

/** The name of the manifest among a release's files. */
export const MANIFEST_FILE = "manifest.json";
