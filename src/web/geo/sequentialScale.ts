/** One class of a sequential colour scale: counts from `min` to `max` (inclusive) share a colour. */
export interface ScaleClass {
  min: number;
  max: number;
  colour: string;
}

/** The colour of "no events", apart from the scale so that absence never reads as a small count. */
export const NO_DATA_COLOUR = "#e4e7eb";

// Light to dark blue, each step distinguishable from the next and the darkest far from the page's ink;
// labels never sit on these fills (the legend puts text beside its swatches), so text contrast stays
// that of ink on white.
const RAMP = ["#c6dbef", "#93c1df", "#5a9bcc", "#2e72b0", "#0f4a86"];

/**
 * Classes for counts from 1 to `max`: one per count while they fit, else bounds growing on a square-root
 * curve, so that one busy jurisdiction does not leave every other one in the palest class.
 */
export function sequentialScale(max: number): ScaleClass[] {
  if (max <= 0) return [];
  if (max <= RAMP.length) {
    const colours = RAMP.slice(RAMP.length - max);
    return colours.map((colour, i) => ({ min: i + 1, max: i + 1, colour }));
  }
  const bounds: number[] = [];
  for (let k = 1; k <= RAMP.length; k++) {
    const bound = Math.max(k, Math.ceil(max * (k / RAMP.length) ** 2));
    if (bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
  }
  const colours = RAMP.slice(RAMP.length - bounds.length);
  return bounds.map((bound, i) => ({
    min: i === 0 ? 1 : (bounds[i - 1] as number) + 1,
    max: bound,
    colour: colours[i] as string,
  }));
}

/** The colour for a count on a scale (the no-data colour for 0). */
export function colourFor(count: number, scale: ScaleClass[]): string {
  if (count <= 0) return NO_DATA_COLOUR;
  return (scale.find((c) => count <= c.max) ?? scale.at(-1))?.colour ?? NO_DATA_COLOUR;
}
