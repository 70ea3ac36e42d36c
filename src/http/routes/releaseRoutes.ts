import { z } from "zod";
import { listReleases, releaseByVersion, releaseFile } from "../../app/releases.js";
import { PresentedRelease, ReleaseList } from "../../app/releaseResponses.js";
import { RELEASE_MEDIA_TYPES } from "../../export/release/buildRelease.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer, textAnswer } from "../endpoint.js";

const releases = jsonAnswer("Every release, the newest first", ReleaseList);
const release = jsonAnswer("The release's manifest, URLs and checksums", PresentedRelease);

/** A release's files never change: caches may keep them for a year without asking again (RFC 8246). */
const IMMUTABLE = "public, max-age=31536000, immutable, no-transform";

/**
 * GET /api/releases, /api/releases/{version} and the files at /releases/{version}/{file}: the frozen,
 * citable copies of the data that `aigov release` makes.
 */
export const releaseRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/releases",
    summary:
      "Every release of the data (aigov release), the newest first, each with its manifest and checksums",
    responses: { 200: releases },
    // Not kept by the response cache: a release made by another process changes no data version.
    handler: async ({ c, deps }) =>
      releases.send(c, { items: await listReleases(deps.services) }, { "cache-control": "no-store" }),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/releases/{version}",
    summary: "One release: its counts, licence and files with their sizes, SHA-256 and stable URLs",
    params: z.object({ version: z.string() }),
    responses: { 200: release, 404: problemAnswer("No release has this version") },
    handler: async ({ c, params, deps }) =>
      release.send(c, await releaseByVersion(deps.services, params.version)),
  }),
  defineEndpoint({
    method: "get",
    path: "/releases/{version}/{file}",
    summary: "A file of a release, byte for byte: its ETag is its SHA-256, and it never changes",
    description:
      "The files every release holds: events, instruments, obligations and corrections as .jsonl and .csv, csv-metadata.json (CSVW), aigov.sqlite, LICENSE-DATA.md, CITATION.json (CSL-JSON), CITATION.bib and manifest.json.",
    params: z.object({ version: z.string(), file: z.string() }),
    responses: {
      200: textAnswer("The file's bytes", ...RELEASE_MEDIA_TYPES),
      304: { description: "The client holds these bytes already (If-None-Match names their SHA-256)" },
      404: problemAnswer("No such release, or no such file in it"),
    },
    handler: async ({ c, params, deps }) => {
      const file = await releaseFile(deps.services, params.version, params.file);
      const etag = `"${file.sha256}"`;
      const headers = {
        etag,
        "cache-control": IMMUTABLE,
        "content-disposition": `attachment; filename="aigov-${params.version}-${file.name}"`,
      };
      const held = (c.req.header("if-none-match") ?? "").split(",").map((tag) => tag.trim());
      if (held.includes(etag) || held.includes("*")) return c.body(null, 304, headers);
      return c.body(new Uint8Array(file.content), 200, {
        ...headers,
        "content-type": file.mediaType,
        "content-length": String(file.bytes),
      });
    },
  }),
];
