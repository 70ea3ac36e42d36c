import { notFound } from "../../app/appError.js";
import { PROBLEM_TYPES } from "../../app/problemTypes.js";
import { html } from "../html.js";
import { localHref } from "../i18n/localHref.js";
import type { WebPage } from "../webPage.js";

/** `/problems`: every kind of problem the API answers with, each linked to its page. */
export const problemsPage: WebPage = {
  path: "/problems",
  nav: "api",
  render: async ({ lang, t }) => {
    const title = t("problems.title");
    return {
      title,
      body: html`<h1>${title}</h1>
        <ul>
          ${PROBLEM_TYPES.map(
            (type) =>
              html`<li>
                <a href="${localHref(`/problems/${type.slug}`, lang)}">${type.title[lang]}</a> (HTTP
                ${type.status})
              </li>`,
          )}
        </ul>`,
    };
  },
};

/**
 * `/problems/{type}`: what a problem document's `type` means. Problem documents of the API name these
 * pages as their type, so a developer who meets one can read what it means and what to do.
 */
export const problemPage: WebPage = {
  path: "/problems/:type",
  nav: "api",
  render: async ({ lang, params, t }) => {
    const type = PROBLEM_TYPES.find((candidate) => candidate.slug === params.type);
    if (!type) throw notFound(`no problem type "${params.type ?? ""}"`);
    return {
      title: type.title[lang],
      description: type.explanation[lang],
      body: html`<h1>${type.title[lang]}</h1>
        <p class="lead">HTTP ${type.status} · <code>/problems/${type.slug}</code></p>
        <p>${type.explanation[lang]}</p>
        <p>
          <a href="${localHref("/problems", lang)}">${t("problems.all")}</a>
          ·
          <a href="/api/docs">API</a>
        </p>`,
    };
  },
};
