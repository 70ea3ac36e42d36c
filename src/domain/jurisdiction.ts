import { z } from "zod";
import { JurisdictionCode } from "./event.js";
import { RequiredLocalizedText } from "./localizedText.js";

export const JURISDICTION_KINDS = ["country", "subdivision", "body"] as const;

/** A country (ISO 3166-1), a subdivision (ISO 3166-2) or an international body, named in zh and en. */
export const Jurisdiction = z
  .object({
    code: JurisdictionCode,
    kind: z.enum(JURISDICTION_KINDS),
    name: RequiredLocalizedText,
    parent: JurisdictionCode.nullable().default(null),
  })
  .passthrough();
export type Jurisdiction = z.output<typeof Jurisdiction>;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];
