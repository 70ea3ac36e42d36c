import type { Correction } from "./correction.js";

/** A correction as every view shows it beside the event it corrects: the record without its event id. */
export type EventCorrection = Omit<Correction, "event">;

/**
 * The corrections of each corrected event, in the order of the data (oldest file first). Exports and
 * reports take it from their caller, built once from the reference data, so that a streamed export
 * looks each event up in memory instead of asking anything per row, and a test can give its own.
 */
export type CorrectionsByEvent = ReadonlyMap<string, readonly EventCorrection[]>;

/** No corrections: the lookup of a caller that has none to show. */
export const NO_CORRECTIONS: CorrectionsByEvent = new Map();

/** Groups corrections by the event they correct, keeping their order. */
export function correctionsByEvent(corrections: readonly Correction[]): CorrectionsByEvent {
  const byEvent = new Map<string, EventCorrection[]>();
  for (const { event, ...correction } of corrections) {
    const list = byEvent.get(event);
    if (list) list.push(correction);
    else byEvent.set(event, [correction]);
  }
  return byEvent;
}
