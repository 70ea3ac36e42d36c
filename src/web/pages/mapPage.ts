import { bundledJurisdictionGroups } from "../../reference/jurisdictionGroups.js";
import { httpUrlOrNull } from "../../domain/httpUrl.js";
import { sequentialScale, NO_DATA_COLOUR } from "../geo/sequentialScale.js";
import { worldMapSvg } from "../geo/worldMapSvg.js";
import { html, unsafeRaw } from "../html.js";
import { localHref } from "../i18n/localHref.js";
import { listSeparator } from "../../domain/languageForms.js";
import { eventCount } from "./jurisdictionPage.js";
import { countryTotals, gazetteer, jurisdictionCounts } from "../viewModels/jurisdictionFacts.js";
import type { WebPage } from "../webPage.js";

// A legend swatch as SVG: its colour is a presentation attribute, which the CSP (no inline styles) allows.
const swatch = (colour: string) =>
  unsafeRaw(
    `<svg class="swatch" width="16" height="16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill="${colour}" stroke="#4f5a6b"/></svg>`,
  );

/**
 * /map: the world coloured by events per country (subdivisions counted in), with a legend, the blocs
 * and bodies beside it with their counts and members, and every jurisdiction listed with its count —
 * complete without JavaScript; the world-map script outlines a bloc's members on hover or focus.
 */
export const mapPage: WebPage = {
  path: "/map",
  nav: "map",
  render: async (request) => {
    const { lang, t, name } = request;
    const totals = await countryTotals(request);
    const counts = await jurisdictionCounts(request);
    const places = await gazetteer(request);
    const countryCounts = new Map([...totals].map(([code, entry]) => [code, entry.count]));
    const scale = sequentialScale(Math.max(0, ...countryCounts.values()));
    const groups = bundledJurisdictionGroups();
    const profile = (code: string) => localHref(`/jurisdictions/${code}`, lang);
    const memberCodes = new Set(groups.flatMap((g) => g.members ?? []));
    // The EU acts for its members more than any other bloc: its events are drawn over them as a hatch.
    const eu = groups.find((g) => g.code === "EU");
    const svg = worldMapSvg({
      counts: countryCounts,
      scale,
      label: (code, count) =>
        t(count === 1 ? "map.countryCountOne" : "map.countryCount", { name: name(code, lang), count }),
      href: profile,
      title: t("map.svgLabel"),
      dots: memberCodes,
      ...(eu?.members ? { overlay: { members: new Set(eu.members) } } : {}),
    });
    const legend = html`<div class="map-legend">
      <h2 class="map-legend__title">${t("map.legend")}</h2>
      <ul>
        <li>${swatch(NO_DATA_COLOUR)}${t("map.none")}</li>
        ${scale.map(
          (c) => html`<li>${swatch(c.colour)}${c.min === c.max ? c.min : `${c.min}–${c.max}`}</li>`,
        )}
        ${
          eu
            ? html`<li>
                <svg class="map-legend__swatch" width="16" height="16" aria-hidden="true">
                  <rect width="16" height="16" fill="#ffffff" stroke="#4f5a6b" />
                  <path d="M0 16 L16 0 M-4 8 L8 -4 M8 20 L20 8" stroke="#1b2a4a" stroke-width="1.6" />
                </svg>
                <a href="${profile("EU")}"
                  >${t("map.euHatch", { name: name("EU", lang), count: counts.EU ?? 0 })}</a
                >
              </li>`
            : ""
        }
      </ul>
      <p class="muted map-legend__rule">${t("counts.rule")}</p>
    </div>`;
    const groupCodes = new Set(groups.map((g) => g.code));
    const blocs = groups.map((g) => {
      const members = g.members ?? [];
      const source = g.source;
      const sourceUrl = httpUrlOrNull(source.url);
      return html`<li class="bloc" data-members="${members.join(" ")}">
        <a class="bloc__name" href="${profile(g.code)}">${name(g.code, lang)}</a>
        <span class="count">${eventCount(t, counts[g.code] ?? 0)}</span>
        <details>
          <summary>
            ${g.members ? t("map.members", { count: members.length }) : t("map.membersUnknown")}
          </summary>
          ${
            members.length
              ? html`<ul class="bloc__members">
                  ${members.map((m) => html`<li><a href="${profile(m)}">${name(m, lang)}</a></li>`)}
                </ul>`
              : ""
          }
          <p class="muted">
            ${t("map.memberSource")}:
            ${sourceUrl ? html`<a href="${sourceUrl}" rel="noopener noreferrer external">${source.publisher ?? sourceUrl}</a>` : "—"}
            ${source.official ? "" : t("map.unofficialSource")}
          </p>
        </details>
      </li>`;
    });
    const otherBodies = Object.entries(counts)
      .filter(([code]) => !groupCodes.has(code) && places.get(code)?.kind === "body")
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const countryRows = [...totals]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(
        ([code, entry]) =>
          html`<tr>
            <th scope="row">
              <a href="${profile(code)}">${name(code, lang)}</a>${
                entry.subdivisions.length
                  ? html` <span class="muted"
                      >(${t("map.subdivisions", {
                        list: entry.subdivisions
                          .map((s) => `${name(s, lang)} ${counts[s] ?? 0}`)
                          .join(listSeparator(lang)),
                      })})</span
                    >`
                  : ""
              }
            </th>
            <td><code>${code}</code></td>
            <td>${entry.count}</td>
          </tr>`,
      );
    return {
      title: t("nav.map"),
      description: t("map.intro"),
      body: html`<h1>${t("map.title")}</h1>
        <p class="lead">${t("map.intro")}</p>
        ${Object.values(counts).some((n) => n > 0) ? "" : html`<p class="notice">${t("map.noJurisdictions")}</p>`}
        <div class="map-layout" data-module="world-map">
          <div class="map-main">
            <div class="map-figure">
              <a class="skip-map" href="#map-list">${t("map.skip")}</a>
              ${unsafeRaw(svg)} ${legend}
            </div>
            <section id="map-list" aria-labelledby="map-list-title">
              <h2 id="map-list-title">${t("map.list")}</h2>
              <div class="table-scroll" role="region" tabindex="0" aria-labelledby="map-list-title">
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">${t("table.jurisdiction")}</th>
                      <th scope="col">${t("table.code")}</th>
                      <th scope="col">${t("table.events")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${countryRows}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
          <section class="map-blocs" aria-labelledby="map-blocs">
            <h2 id="map-blocs">${t("map.blocs")}</h2>
            <p class="muted">${t("map.blocsIntro")}</p>
            <ul class="bloc-list">
              ${blocs}
            </ul>
            ${
              otherBodies.length
                ? html`<h3>${t("map.otherBodies")}</h3>
                    <ul class="bloc-list">
                      ${otherBodies.map(
                        ([code, count]) =>
                          html`<li>
                            <a href="${profile(code)}">${name(code, lang)}</a>
                            <span class="count">${eventCount(t, count)}</span>
                          </li>`,
                      )}
                    </ul>`
                : ""
            }
          </section>
        </div>`,
    };
  },
};
