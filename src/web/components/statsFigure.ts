import type { StatsTable } from "../../report/statsTables.js";
import { statsTableChart } from "../../report/statsTables.js";
import { html, type SafeHtml, unsafeRaw } from "../html.js";
import type { Translate } from "../i18n/t.js";

/** How a figure is placed: its heading level, the CSV link, and how to show a table's first cell. */
export interface StatsFigureOptions {
  t: Translate;
  csvHref: string;
  headingLevel?: 2 | 3;
  /** The first cell of a row as the reader writes it (a month key "2025-03" as "2025年3月"). */
  rowLabel?: (value: string) => string;
}

/**
 * One chart as the web shows it: the SVG (drawn by the report's chart module, every label escaped there),
 * beside it the same data as a table for screen readers and keyboards, and a link to it as CSV. The
 * chart-tips script adds tooltips to marks that carry data-tip.
 */
export function statsFigure(table: StatsTable, options: StatsFigureOptions): SafeHtml {
  const { t } = options;
  const heading = unsafeRaw(`h${options.headingLevel ?? 2}`);
  const id = `chart-${table.chart}`;
  if (table.rows.length === 0)
    return html`<section class="chart" aria-labelledby="${id}">
      <${heading} id="${id}">${table.title}</${heading}>
      <p>${t("viz.noData")}</p>
    </section>`;
  const label = options.rowLabel ?? ((value: string) => value);
  const chart = statsTableChart(table);
  return html`<section class="chart" aria-labelledby="${id}">
  <${heading} id="${id}">${table.title}</${heading}>
  <div class="chart__body">
    <div class="chart__svg" data-module="chart-tips">${unsafeRaw(chart.svg)}</div>
    <div class="chart__table" role="region" tabindex="0" aria-label="${t("viz.table", { title: table.title })}">
      <table>
        <caption class="visually-hidden">${table.title}</caption>
        <thead><tr>${table.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
        <tbody>${table.rows.map(
          ([first, ...rest]) =>
            html`<tr>
              <th scope="row">${label(String(first))}</th>
              ${rest.map((v) => html`<td>${v}</td>`)}
            </tr>`,
        )}</tbody>
      </table>
    </div>
  </div>
  <p class="chart__csv"><a href="${options.csvHref}" download>${t("viz.csv")}</a></p>
</section>`;
}
