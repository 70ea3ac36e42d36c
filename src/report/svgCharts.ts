import { escapeHtml } from "./escapeHtml.js";

/** One bar or slice: what it stands for and how many events it counts. */
export interface Datum {
  label: string;
  value: number;
}

/** A chart as a standalone SVG document with its size in CSS pixels. */
export interface Chart {
  svg: string;
  width: number;
  height: number;
}

// The fonts the PDF prints with (Debian's fonts-noto-cjk), so that Chinese labels render.
const FONT = `font-family="'Noto Sans CJK SC','Noto Sans SC','Noto Sans',sans-serif"`;
// Twelve colours, one per event type (there are twelve), none repeated: Paul Tol's qualitative "muted"
// set, chosen to stay apart for the common colour-vision deficiencies, with two of his "bright" set and
// black. Every chart also names its series in a legend and holds its numbers in a table beside it.
const PALETTE = [
  "#332288",
  "#88ccee",
  "#44aa99",
  "#117733",
  "#999933",
  "#ddcc77",
  "#cc6677",
  "#882255",
  "#aa4499",
  "#4477aa",
  "#ee6677",
  "#000000",
];
const INK = "#222";
const GRID = "#d8dde3";

const round = (value: number) => Math.round(value * 10) / 10;

/** The text the web's tooltip script shows for a mark (the report ignores it; <title> serves printers). */
const tip = (content: string) => `data-tip="${escapeHtml(content)}"`;

/** The width a text takes, roughly: CJK characters are square, Latin ones about half as wide. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? size : size * 0.58;
  return width;
}

/**
 * A label shortened to fit `room` pixels, by whole words where it can and with an ellipsis; the whole
 * label stays in the bar's title and in the table beside the chart.
 */
export function fitLabel(label: string, size: number, room: number): string {
  if (textWidth(label, size) <= room) return label;
  const chars = Array.from(label);
  let end = chars.length;
  while (end > 1 && textWidth(`${chars.slice(0, end).join("")}…`, size) > room) end--;
  const cut = chars.slice(0, end).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).replace(/[\s,(（:：-]+$/u, "")}…`;
}

function svgDocument(width: number, height: number, label: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}

function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${round(x)}" y="${round(y)}" ${attributes}>${escapeHtml(content)}</text>`;
}

/** Whole-number ticks for counts: a step of 1, 2 or 5 times a power of ten, about four of them. */
function axisTicks(max: number): { step: number; top: number } {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? rough;
  return { step, top: Math.max(step, Math.ceil(max / step) * step) };
}

/** Vertical bars in order (events per month), labels thinned out when they would overlap. */
export function columnChart(data: Datum[], title: string, width = 640, height = 280): Chart {
  const left = 40;
  const right = 12;
  const top = 16;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const { step, top: max } = axisTicks(data.reduce((max, d) => Math.max(max, d.value), 0));
  const slot = plotWidth / Math.max(1, data.length);
  const widest = data.reduce((max, d) => Math.max(max, textWidth(d.label, 11)), 1);
  const every = Math.max(1, Math.ceil((widest + 6) / slot));
  const body: string[] = [];
  for (let tick = 0; tick <= max; tick += step) {
    const y = top + plotHeight - (plotHeight * tick) / max;
    body.push(
      `<line x1="${left}" x2="${width - right}" y1="${round(y)}" y2="${round(y)}" stroke="${GRID}"/>`,
    );
    body.push(text(left - 6, y + 4, String(tick), `font-size="10" fill="${INK}" text-anchor="end"`));
  }
  data.forEach((d, i) => {
    const barHeight = (plotHeight * d.value) / max;
    const x = left + i * slot + slot * 0.15;
    const y = top + plotHeight - barHeight;
    body.push(
      `<rect x="${round(x)}" y="${round(y)}" width="${round(slot * 0.7)}" height="${round(barHeight)}" fill="${PALETTE[0]}" ${tip(`${d.label}: ${d.value}`)}><title>${escapeHtml(`${d.label}: ${d.value}`)}</title></rect>`,
    );
    if (d.value > 0 && slot >= 16)
      body.push(
        text(x + slot * 0.35, y - 3, String(d.value), `font-size="10" fill="${INK}" text-anchor="middle"`),
      );
    if (i % every === 0)
      body.push(
        text(
          x + slot * 0.35,
          top + plotHeight + 16,
          d.label,
          `font-size="11" fill="${INK}" text-anchor="middle"`,
        ),
      );
  });
  return { svg: svgDocument(width, height, title, body), width, height };
}

/** Horizontal bars, largest first as given (events by type, by level). */
export function barChart(data: Datum[], title: string, width = 640): Chart {
  const row = 24;
  const top = 8;
  const labelWidth = Math.min(
    width * 0.4,
    data.reduce((max, d) => Math.max(max, textWidth(d.label, 12)), 40) + 12,
  );
  const valueWidth = 36;
  const height = top * 2 + row * Math.max(1, data.length);
  const max = data.reduce((max, d) => Math.max(max, d.value), 1);
  const plotWidth = width - labelWidth - valueWidth;
  const body = data.flatMap((d, i) => {
    const y = top + i * row;
    const barWidth = (plotWidth * d.value) / max;
    return [
      text(
        labelWidth - 8,
        y + row * 0.65,
        fitLabel(d.label, 12, labelWidth - 12),
        `font-size="12" fill="${INK}" text-anchor="end"`,
      ),
      // One series, one colour: a colour per bar would say the bars are of different kinds.
      `<rect x="${round(labelWidth)}" y="${round(y + 4)}" width="${round(barWidth)}" height="${row - 8}" fill="${PALETTE[0]}" ${tip(`${d.label}: ${d.value}`)}><title>${escapeHtml(`${d.label}: ${d.value}`)}</title></rect>`,
      text(labelWidth + barWidth + 6, y + row * 0.65, String(d.value), `font-size="11" fill="${INK}"`),
    ];
  });
  return { svg: svgDocument(width, height, title, body), width, height };
}

/** A ring of shares with a legend (binding, voluntary, draft, non-binding), each with its count and percentage. */
export function donutChart(data: Datum[], title: string, width = 640, height = 220): Chart {
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const cx = height / 2;
  const cy = height / 2;
  const radius = height / 2 - 30;
  const circumference = 2 * Math.PI * radius;
  const body: string[] = [
    `<circle cx="${cx}" cy="${cy}" r="${round(radius)}" fill="none" stroke="${GRID}" stroke-width="34"/>`,
  ];
  let offset = 0;
  data.forEach((d, i) => {
    if (d.value <= 0 || total === 0) return;
    const length = (circumference * d.value) / total;
    // Each share is a dash of a circle's stroke, rotated to start at twelve o'clock.
    body.push(
      `<circle cx="${cx}" cy="${cy}" r="${round(radius)}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="34" stroke-dasharray="${round(length)} ${round(circumference - length)}" stroke-dashoffset="${round(-offset)}" transform="rotate(-90 ${cx} ${cy})"><title>${escapeHtml(`${d.label}: ${d.value}`)}</title></circle>`,
    );
    offset += length;
  });
  body.push(text(cx, cy + 6, String(total), `font-size="18" fill="${INK}" text-anchor="middle"`));
  data.forEach((d, i) => {
    const y = 30 + i * 26;
    const share = total === 0 ? 0 : Math.round((d.value * 100) / total);
    body.push(
      `<rect x="${height + 10}" y="${y - 11}" width="14" height="14" fill="${PALETTE[i % PALETTE.length]}"/>`,
    );
    body.push(text(height + 32, y, `${d.label}  ${d.value} (${share}%)`, `font-size="13" fill="${INK}"`));
  });
  return { svg: svgDocument(width, height, title, body), width, height };
}

/** Several series over the same categories (events per month by type): their values per category. */
export interface Series {
  label: string;
  values: number[];
}

function legend(
  labels: string[],
  y: number,
  width: number,
  left: number,
): { body: string[]; height: number } {
  const body: string[] = [];
  let x = left;
  let row = 0;
  labels.forEach((label, i) => {
    const w = 22 + textWidth(label, 11) + 14;
    if (x + w > width && x > left) {
      x = left;
      row += 1;
    }
    const top = y + row * 18;
    body.push(
      `<rect x="${round(x)}" y="${top}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`,
    );
    body.push(text(x + 17, top + 10, label, `font-size="11" fill="${INK}"`));
    x += w;
  });
  return { body, height: (row + 1) * 18 };
}

/**
 * Columns per category stacked by series (events per month by type or by level), with a legend; each
 * segment carries its series, category and value for tooltips.
 */
export function stackedColumnChart(
  categories: string[],
  series: Series[],
  title: string,
  width = 640,
  plotHeight = 220,
): Chart {
  const left = 40;
  const right = 12;
  const top = 12;
  const plotWidth = width - left - right;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const { step, top: max } = axisTicks(Math.max(0, ...totals));
  const slot = plotWidth / Math.max(1, categories.length);
  const widest = Math.max(1, ...categories.map((c) => textWidth(c, 11)));
  const every = Math.max(1, Math.ceil((widest + 6) / slot));
  const base = top + plotHeight;
  const body: string[] = [];
  for (let tick = 0; tick <= max; tick += step) {
    const y = base - (plotHeight * tick) / max;
    body.push(
      `<line x1="${left}" x2="${width - right}" y1="${round(y)}" y2="${round(y)}" stroke="${GRID}"/>`,
    );
    body.push(text(left - 6, y + 4, String(tick), `font-size="10" fill="${INK}" text-anchor="end"`));
  }
  categories.forEach((category, i) => {
    const x = left + i * slot + slot * 0.15;
    let y = base;
    series.forEach((s, k) => {
      const value = s.values[i] ?? 0;
      if (value <= 0) return;
      const h = (plotHeight * value) / max;
      y -= h;
      const label = `${category} · ${s.label}: ${value}`;
      body.push(
        `<rect x="${round(x)}" y="${round(y)}" width="${round(slot * 0.7)}" height="${round(h)}" fill="${PALETTE[k % PALETTE.length]}" ${tip(label)}><title>${escapeHtml(label)}</title></rect>`,
      );
    });
    if (i % every === 0)
      body.push(
        text(x + slot * 0.35, base + 16, category, `font-size="11" fill="${INK}" text-anchor="middle"`),
      );
  });
  const key = legend(
    series.map((s) => s.label),
    base + 30,
    width - right,
    left,
  );
  const height = base + 30 + key.height + 4;
  return { svg: svgDocument(width, height, title, [...body, ...key.body]), width, height };
}

/** A share in percent over categories (the binding share per month), as a line with a dot per value. */
export function shareLineChart(
  points: { label: string; share: number | null; of?: { part: number; total: number } }[],
  title: string,
  width = 640,
  height = 240,
): Chart {
  const left = 44;
  const right = 16;
  const top = 14;
  const bottom = 34;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const slot = plotWidth / Math.max(1, points.length);
  const widest = Math.max(1, ...points.map((p) => textWidth(p.label, 11)));
  const every = Math.max(1, Math.ceil((widest + 6) / slot));
  const body: string[] = [];
  for (let tick = 0; tick <= 100; tick += 25) {
    const y = top + plotHeight - (plotHeight * tick) / 100;
    body.push(
      `<line x1="${left}" x2="${width - right}" y1="${round(y)}" y2="${round(y)}" stroke="${GRID}"/>`,
    );
    body.push(text(left - 6, y + 4, `${tick}%`, `font-size="10" fill="${INK}" text-anchor="end"`));
  }
  const at = (i: number, share: number) => [
    left + slot * (i + 0.5),
    top + plotHeight - (plotHeight * share) / 100,
  ];
  // A gap where a category has no events: a share of nothing is not zero.
  const runs: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.share === null) {
      runs.push([]);
      return;
    }
    const [x, y] = at(i, p.share) as [number, number];
    runs.at(-1)?.push(`${round(x)},${round(y)}`);
  });
  for (const run of runs)
    if (run.length > 1)
      body.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${PALETTE[0]}" stroke-width="2"/>`);
  points.forEach((p, i) => {
    if (p.share !== null) {
      const [x, y] = at(i, p.share) as [number, number];
      const counted = p.of ? ` (${p.of.part}/${p.of.total})` : "";
      const label = `${p.label}: ${Math.round(p.share)}%${counted}`;
      body.push(
        `<circle cx="${round(x)}" cy="${round(y)}" r="4" fill="${PALETTE[0]}" ${tip(label)}><title>${escapeHtml(label)}</title></circle>`,
      );
      // The count beside each dot: 100 % of one event is not 100 % of twenty.
      if (p.of)
        body.push(
          text(
            x,
            Math.max(top + 9, y - 8),
            `${p.of.part}/${p.of.total}`,
            `font-size="9" fill="${INK}" text-anchor="middle"`,
          ),
        );
    }
    if (i % every === 0)
      body.push(
        text(
          left + slot * (i + 0.5),
          top + plotHeight + 16,
          p.label,
          `font-size="11" fill="${INK}" text-anchor="middle"`,
        ),
      );
  });
  return { svg: svgDocument(width, height, title, body), width, height };
}
