import { z } from "zod";
import { JurisdictionCode } from "./event.js";

/** Where a membership list was checked: a page, its publisher, and whether it is the body's own. */
export const MembershipSource = z
  .object({
    url: z.string().url().nullable(),
    publisher: z.string().min(1).nullable(),
    official: z.boolean(),
    note: z.string().min(1),
  })
  .strict();

/**
 * A bloc or body and its members (countries, or bodies such as the EU in the G7), with the source the list
 * was checked against; `members` is null where no list is bundled.
 */
export const JurisdictionGroup = z
  .object({
    code: JurisdictionCode,
    members: z.array(JurisdictionCode).nullable(),
    source: MembershipSource,
  })
  .strict();
export type JurisdictionGroup = z.output<typeof JurisdictionGroup>;

/** The bundled file of groups (data/jurisdictionGroups.json). */
export const JurisdictionGroupFile = z
  .object({ about: z.string(), checked: z.string(), groups: z.array(JurisdictionGroup) })
  .strict();
