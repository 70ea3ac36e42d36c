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
