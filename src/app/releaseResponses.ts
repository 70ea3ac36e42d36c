import { z } from "zod";
import { ReleaseFileEntry, ReleaseManifest } from "../domain/release.js";

/** A file of a release as the API lists it: the manifest's entry and where to download it. */
export const PresentedReleaseFile = ReleaseFileEntry.extend({
  url: z.string().describe("Its stable URL: `${baseUrl}/releases/VERSION/NAME`, never changing"),
}).strict();

/**
 * A release as the API shows it: its manifest (version, creation instant, counts, licence, files with
 * sizes and SHA-256), its stable URL, and manifest.json's own checksum, which the manifest cannot hold.
 */
export const PresentedRelease = ReleaseManifest.extend({
  url: z.string().describe("The release's page: `${baseUrl}/releases/VERSION/`"),
  files: z.array(PresentedReleaseFile).describe("Every file but manifest.json, as the manifest lists them"),
  manifest: PresentedReleaseFile.describe("manifest.json itself, with its own size and SHA-256"),
}).strict();
export type PresentedRelease = z.output<typeof PresentedRelease>;

/** Every release, the newest first. */
export const ReleaseList = z.object({ items: z.array(PresentedRelease) }).strict();
