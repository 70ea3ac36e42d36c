import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoCentroid, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { alpha2OfNumeric } from "../../report/countryNames.js";

/** One country drawn on the map: its ISO alpha-2 code and its outline as an SVG path. */
export interface CountryShape {
  code: string;
  path: string;
}

/** A country too small for the 1:110m shapes (Singapore, Malta), drawn as a dot at its centre. */
export interface CountryDot {
  code: string;
  x: number;
  y: number;
}

/** The projected world: its size, the drawn countries, and dots for those the shapes leave out. */
export interface WorldShapes {
  width: number;
  height: number;
  countries: CountryShape[];
  dots: CountryDot[];
}

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
const ANTARCTICA = "010";

const require = createRequire(import.meta.url);
const readTopology = (name: string) =>
  JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), "utf8")) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;

let cached: WorldShapes | null = null;

/**
 * The world projected once (Natural Earth, fitted to the map's box) from world-atlas's 1:110m countries,
 * with the centres of smaller countries from its 1:50m set: drawn on the server, so the page needs no
 * map library in the browser.
 */
export function worldShapes(): WorldShapes {
  if (cached) return cached;
  const small = readTopology("countries-110m.json");
  const world = feature(small, small.objects.countries);
  const shapes = world.features.filter((f) => f.id !== ANTARCTICA);
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], {
    type: "FeatureCollection",
    features: shapes,
  });
  const path = geoPath(projection).digits(1);
  const countries: CountryShape[] = [];
  for (const shape of shapes) {
    const code = shape.id === undefined ? null : alpha2OfNumeric(String(shape.id));
    const d = path(shape);
    // Shapes without an ISO code (Kosovo, Northern Cyprus, Somaliland in this set) cannot be linked.
    if (code && d) countries.push({ code, path: d });
  }
  const drawn = new Set(countries.map((c) => c.code));
  const detailed = readTopology("countries-50m.json");
  const dots: CountryDot[] = [];
  for (const shape of feature(detailed, detailed.objects.countries).features) {
    const code = shape.id === undefined ? null : alpha2OfNumeric(String(shape.id));
    if (!code || drawn.has(code) || shape.id === ANTARCTICA) continue;
    const point = projection(geoCentroid(shape));
    if (point) dots.push({ code, x: Math.round(point[0] * 10) / 10, y: Math.round(point[1] * 10) / 10 });
    drawn.add(code);
  }
  cached = { width: MAP_WIDTH, height: MAP_HEIGHT, countries, dots };
  return cached;
}
