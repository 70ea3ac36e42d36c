import { escapeHtml } from "../../report/escapeHtml.js";
import { colourFor, type ScaleClass } from "./sequentialScale.js";
import { worldShapes } from "./worldShapes.js";

/** What the map draws: counts per country and how to name and link each one. */
export interface WorldMapInput {
  /** Events per country (ISO alpha-2), its subdivisions counted in. */
  counts: ReadonlyMap<string, number>;
  scale: ScaleClass[];
  /** The accessible name of a country with its count ("France: 1 event"). */
  label: (code: string, count: number) => string;
  href: (code: string) => string;
  /** The map's own accessible name. */
  title: string;
  /** Small countries to draw as dots even without events (members of the listed blocs). */
  dots?: ReadonlySet<string>;
  /**
   * A bloc drawn over its members as a hatch (the EU): its events are the bloc's, not the members', so
   * the members' own colour stays theirs and the hatch says they share the bloc's.
   */
  overlay?: { members: ReadonlySet<string> };
}

// Diagonal lines, dark enough to see on every class of the scale, thin enough to leave its colour read.
const HATCH = `<defs><pattern id="bloc-hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)"><rect width="1.6" height="5" fill="#1b2a4a" fill-opacity="0.6"/></pattern></defs>`;

const DOT_RADIUS = 3.5;

/**
 * The world map as inline SVG: each country a link to its profile (focusable, opened by click or Enter
 * without any script), filled by its count, named by its <title>; `data-code` lets the bloc script
 * outline members. Countries too small for the shapes are dots.
 */
export function worldMapSvg(input: WorldMapInput): string {
  const world = worldShapes();
  const link = (code: string, shape: string) => {
    const count = input.counts.get(code) ?? 0;
    const label = escapeHtml(input.label(code, count));
    return `<a class="map-country" href="${escapeHtml(input.href(code))}" data-code="${code}" data-count="${count}" aria-label="${label}"><title>${label}</title>${shape.replace("FILL", colourFor(count, input.scale))}</a>`;
  };
  const body = [
    ...world.countries.map((c) => link(c.code, `<path d="${c.path}" fill="FILL"/>`)),
    ...world.dots
      .filter((d) => input.counts.has(d.code) || input.dots?.has(d.code))
      .map((d) => link(d.code, `<circle cx="${d.x}" cy="${d.y}" r="${DOT_RADIUS}" fill="FILL"/>`)),
  ];
  const members = input.overlay?.members;
  // Drawn above the countries and ignored by the pointer, so that each country stays its own link.
  const overlay = members
    ? [
        `<g class="map-overlay" aria-hidden="true" pointer-events="none">`,
        ...world.countries
          .filter((c) => members.has(c.code))
          .map((c) => `<path d="${c.path}" fill="url(#bloc-hatch)"/>`),
        ...world.dots
          .filter((d) => members.has(d.code))
          .map((d) => `<circle cx="${d.x}" cy="${d.y}" r="${DOT_RADIUS}" fill="url(#bloc-hatch)"/>`),
        "</g>",
      ]
    : [];
  return `<svg class="world-map" viewBox="0 0 ${world.width} ${world.height}" role="group" aria-label="${escapeHtml(input.title)}" xmlns="http://www.w3.org/2000/svg">
${members ? HATCH : ""}
${body.join("\n")}
${overlay.join("\n")}
</svg>`;
}

/** Whether a country has a place on the map (a shape, or a dot when it has events). */
export function isOnMap(code: string): boolean {
  const world = worldShapes();
  return world.countries.some((c) => c.code === code) || world.dots.some((d) => d.code === code);
}
