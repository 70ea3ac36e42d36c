import { listReleases, releaseByVersion, releaseFile } from "../../app/releases.js";
import type { PresentedRelease } from "../../app/releaseResponses.js";
import { RELEASE_FILES } from "../../export/release/buildRelease.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { Translate } from "../i18n/t.js";
import type { PageRequest, WebPage } from "../webPage.js";

/** A release's path on this site (the files are under it, by name). */
const releasePath = (version: string) => `/releases/${encodeURIComponent(version)}/`;

/** The counts of a release in one line. */
function countsLine(release: PresentedRelease, t: Translate): string {
  return t("releases.counts", { ...release.counts });
}

/** The table of a release's files: name (a download link), media type, bytes and SHA-256. */
function filesTable(release: PresentedRelease, t: Translate): SafeHtml {
  const path = releasePath(release.version);
  return html`<div class="table-scroll">
    <table class="data-table release-files">
      <caption>
        ${t("releases.filesCaption", { version: release.version })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t("releases.file")}</th>
          <th scope="col">${t("releases.mediaType")}</th>
          <th scope="col">${t("releases.bytes")}</th>
          <th scope="col">SHA-256</th>
        </tr>
      </thead>
      <tbody>
        ${[...release.files, release.manifest].map(
          (file) =>
            html`<tr>
              <td><a href="${path}${encodeURIComponent(file.name)}" download>${file.name}</a></td>
              <td><code>${file.mediaType}</code></td>
              <td>${t("releases.byteCount", { bytes: file.bytes })}</td>
              <td><code class="checksum">${file.sha256}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** `/releases`: every release, the newest first, with its date, counts, files and how to cite it. */
export const releasesPage: WebPage = {
  path: "/releases",
  nav: "reports",
  render: async ({ lang, t, context }) => {
    const releases = await listReleases(context);
    const title = t("releases.title");
    return {
      title,
      // A release made by `aigov release` in another process moves no data version: never cached.
      notStored: true,
      description: t("releases.intro"),
      body: html`<h1>${title}</h1>
        <p class="lead">${t("releases.intro")}</p>
        ${
          releases.length === 0
            ? html`<p>${t("releases.none")}</p>`
            : html`<ul class="release-list">
                ${releases.map(
                  (release) =>
                    html`<li>
                      <h2>
                        <a href="${localHref(releasePath(release.version), lang)}"
                          >${t("releases.version", { version: release.version })}</a
                        >
                      </h2>
                      <p>
                        ${t("releases.made", { date: formatDate(release.createdAt.slice(0, 10), lang) })} ·
                        ${countsLine(release, t)} ·
                        ${t("releases.fileCount", { count: release.files.length + 1 })}
                      </p>
                      <p>
                        ${t("releases.cite")}
                        <a href="${releasePath(release.version)}${RELEASE_FILES.citationCsl}" download
                          >CSL-JSON</a
                        >
                        ·
                        <a href="${releasePath(release.version)}${RELEASE_FILES.citationBibtex}" download
                          >BibTeX</a
                        >
                        ·
                        <a href="/api/releases/${encodeURIComponent(release.version)}">JSON</a>
                      </p>
                    </li>`,
                )}
              </ul>`
        }
        <p>
          ${t("releases.howTo")} <code>aigov release VERSION</code> ·
          <a href="/api/releases">/api/releases</a>
        </p>`,
    };
  },
};

/** A text file of a release as it is stored (the citation files are small UTF-8 texts). */
async function releaseText(request: PageRequest, version: string, name: string): Promise<string> {
  return (await releaseFile(request.context, version, name)).content.toString("utf8");
}

/** `/releases/{version}/`: one release: its files with sizes and checksums, and its citation in CSL-JSON and BibTeX. */
export const releasePage: WebPage = {
  path: "/releases/:version/",
  nav: "reports",
  render: async (request) => {
    const { lang, t, params, context } = request;
    const release = await releaseByVersion(context, params.version ?? "");
    const csl = await releaseText(request, release.version, RELEASE_FILES.citationCsl);
    const bibtex = await releaseText(request, release.version, RELEASE_FILES.citationBibtex);
    const title = t("releases.version", { version: release.version });
    return {
      title,
      description: countsLine(release, t),
      canonicalPath: releasePath(release.version),
      body: html`<h1>${title}</h1>
        <p class="lead">
          ${t("releases.made", { date: formatDate(release.createdAt.slice(0, 10), lang) })} ·
          ${countsLine(release, t)}
        </p>
        <p>
          ${t("releases.licence")}
          <a href="${release.licence.url}" rel="license">${release.licence.name}</a> (<a
            href="${releasePath(release.version)}${RELEASE_FILES.licence}"
            >${RELEASE_FILES.licence}</a
          >)
        </p>
        <p class="cite">${t("releases.stable")} <code>${release.url}</code></p>
        ${filesTable(release, t)}
        <p>
          ${t("releases.verify")} <code>sha256sum -c</code> ·
          <code>aigov release verify ${release.version}</code>
        </p>
        <h2>${t("releases.citeTitle")}</h2>
        <div class="cite">
          <h3>BibTeX</h3>
          <pre><code>${bibtex}</code></pre>
          <h3>CSL-JSON</h3>
          <pre><code>${csl}</code></pre>
        </div>
        <p><a href="${localHref("/releases", lang)}">${t("releases.all")}</a></p>`,
    };
  },
};
