import { z } from "zod";
import { EventsQuery } from "../app/eventsQuery.js";

/** The language of an answer's text, titles and links, as the API takes it (default zh). */
export const LangArgument = EventsQuery.shape.lang.describe(
  "The language of the answer's text, titles and page links: zh or en (default zh, as aigov's API). Records carry both languages whatever this says.",
);

/** Codes as people type them (eu, us-ca) are read as the API reads them in a URL: upper-case. */
const upperCodes = (value: unknown) =>
  Array.isArray(value)
    ? value.map((code) => (typeof code === "string" ? code.trim().toUpperCase() : code))
    : value;

/** A query's list of jurisdiction codes (its own schema), taken in any case: cn, us-ca, eu. */
export const jurisdictionsArgument = <T extends z.ZodType>(schema: T) => z.preprocess(upperCodes, schema);
