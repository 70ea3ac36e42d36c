import { z } from "zod";
import { Bindingness, EventType, JurisdictionCode, Level, Tag } from "./event.js";
import { PartialDate } from "./partialDate.js";

/** Filters over events, as the CLI and the HTTP API take them: each list means "any of these". */
export const EventFilterInput = z
  .object({
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    jurisdiction: z.array(JurisdictionCode).default([]),
    type: z.array(EventType).default([]),
    level: z.array(Level).default([]),
    bindingness: z.array(Bindingness).default([]),
    tag: z.array(Tag).default([]),
  })
  .strict();
export type EventFilterInput = z.output<typeof EventFilterInput>;

/** A filter over events as storage and the search index apply it: each list means "any of these", tags "all". */
export interface EventFilter {
  /** Events that end on or after this partial date. */
  from?: string;
  /** Events that start on or before this partial date. */
  to?: string;
  jurisdictions?: string[];
  types?: string[];
  levels?: string[];
  bindingness?: string[];
  tags?: string[];
  ids?: string[];
}

/** Turns validated filter parameters (CLI options, query parameters) into the filter storage applies. */
export function toEventFilter(input: EventFilterInput): EventFilter {
  return {
    from: input.from,
    to: input.to,
    jurisdictions: input.jurisdiction,
    types: input.type,
    levels: input.level,
    bindingness: input.bindingness,
    tags: input.tag,
  };
}
