import { z } from "zod";
import { invalidRequest } from "../app/appError.js";
import type { AppServices } from "../app/appServices.js";
import { checkProfile } from "../app/check.js";
import { DeadlinesQuery, selectDeadlines } from "../app/deadlines.js";
import { instrumentDetail, listInstruments } from "../app/instruments.js";
import { InstrumentDetail, InstrumentSummary } from "../app/responses.js";
import { CheckDate, CheckProfile } from "../domain/checkProfile.js";
import { CheckItem, CheckResult } from "../domain/checkResult.js";
import { Deadline } from "../domain/deadline.js";
import type { Instrument } from "../domain/instrument.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { Obligation } from "../domain/obligation.js";
import { label } from "../domain/vocabulary.js";
import { formatCheckResult } from "../obligations/checkAnswerText.js";
import { type Links, linksOf } from "./links.js";
import { readTool } from "./readTool.js";
import { jurisdictionsArgument, LangArgument } from "./toolArguments.js";
import { MCP_WORDS } from "./words.js";

const page = (what: string) => z.string().describe(`${what} on aigov, to cite and to read`);

const CitedInstrument = InstrumentSummary.extend({
  page: page("The instrument's page"),
  api: z.string().describe("The instrument's JSON in aigov's API, with its duties in full"),
}).strict();

const InstrumentList = z.object({ items: z.array(CitedInstrument) }).strict();

const CitedObligation = Obligation.extend({
  page: page("The duty's entry on its instrument's page"),
}).strict();

const CitedInstrumentDetail = InstrumentDetail.extend({
  obligations: z.array(CitedObligation),
  page: page("The instrument's page"),
  api: z.string().describe("The instrument's JSON in aigov's API"),
}).strict();

const CitedCheckItem = CheckItem.extend({ page: page("The duty's entry on its instrument's page") }).strict();

/** The answer of `aigov check --json` and POST /api/check, each duty with its page on aigov beside its citation. */
const CitedCheckResult = CheckResult.extend({
  applies: z.array(CitedCheckItem),
  upcoming: z.array(CitedCheckItem),
  open: z.array(CitedCheckItem),
  notApplicable: z.array(CitedCheckItem),
}).strict();

const CitedDeadline = Deadline.extend({ page: page("The instrument's page") }).strict();

const DeadlinesAnswer = z
  .object({
    from: z.string().describe("The first day listed (YYYY-MM-DD)"),
    to: z.string().nullable().describe("The last day listed, or null for no end"),
    total: z.number().int().min(0).describe("How many days the filters admit before `limit` cut them"),
    items: z.array(CitedDeadline).describe("Soonest first"),
    page: page("The same selection"),
  })
  .strict();

const InstrumentId = z.string().max(200);

const ListInput = { lang: LangArgument };
const GetInput = {
  id: InstrumentId.describe(
    "The instrument's id, as list_instruments gives it (e.g. eu-ai-act, us-ca-sb-53).",
  ),
  lang: LangArgument,
};
const CheckInput = {
  profile: CheckProfile.describe(
    "What the model or service is: the profile of `aigov check` and POST /api/check. Only `kind` is required; a field left out is never assumed, and the answer lists the duties it leaves open under `missing` and `questions`.",
  ),
  at: CheckDate.optional().describe("The day to check on, YYYY-MM-DD (default today, UTC)."),
  lang: LangArgument,
};
const DeadlinesInput = {
  from: DeadlinesQuery.shape.from.describe("The first day to list, YYYY-MM-DD (default today, UTC)."),
  to: DeadlinesQuery.shape.to.describe("The last day to list, YYYY-MM-DD (default: no end)."),
  jurisdiction: jurisdictionsArgument(DeadlinesQuery.shape.jurisdiction).describe(
    "Jurisdictions, any of (EU, CN, US, US-CA…); a country brings its states and provinces.",
  ),
  instrument: z
    .array(InstrumentId)
    .optional()
    .describe("Instrument ids, any of (eu-ai-act, us-ca-sb-53…); an unknown id is refused."),
  limit: DeadlinesQuery.shape.limit.describe("How many days, 1 to 500 (default 20)."),
  lang: LangArgument,
};

function instrumentHead(instrument: Instrument, links: Links, lang: Language): string[] {
  const say = MCP_WORDS[lang];
  const facts = [
    instrument.jurisdiction,
    label("type", instrument.type, lang),
    label("bindingness", instrument.bindingness, lang),
    instrument.status,
  ].join(" · ");
  return [
    `${pickText(instrument.title, lang)}  (${instrument.id})`,
    `   ${instrument.title.original}`,
    `   ${facts}`,
    `   ${instrument.officialUrl ? `${say.officialText}${say.colon}${instrument.officialUrl}` : say.noOfficialText}`,
    `   ${say.page}${say.colon}${links.instrumentPage(instrument.id, lang)}`,
  ];
}

function instrumentDetailText(
  detail: z.output<typeof InstrumentDetail>,
  links: Links,
  lang: Language,
): string {
  const say = MCP_WORDS[lang];
  const out = instrumentHead(detail, links, lang).map((line) => line.replace(/^ {3}/, ""));
  if (detail.statusNote) out.push(pickText(detail.statusNote, lang) ?? "");
  for (const identifier of detail.identifiers)
    out.push(
      `${identifier.scheme}: ${identifier.value} (${label("verification", identifier.verification, lang)}${identifier.verifiedFrom.length ? `; ${identifier.verifiedFrom.join(", ")}` : ""})`,
    );
  if (detail.dates.length) out.push("");
  for (const date of detail.dates)
    out.push(
      `${date.date} ${pickText(date.label, lang)} (${label("verification", date.verification, lang)}; ${say.verifiedFrom} ${date.verifiedFrom.join(", ")})`,
    );
  for (const unknown of detail.unknowns) out.push(`${say.unknown}${say.colon}${pickText(unknown, lang)}`);
  out.push("", say.duties(detail.obligations.length));
  for (const duty of detail.obligations)
    out.push(
      `- ${pickText(duty.title, lang)}  (${duty.id})`,
      `  ${duty.citation.article} · ${label("verification", duty.citation.verification, lang)} · ${duty.citation.url}`,
      `  ${duty.from} · ${links.dutyPage(duty, lang)}`,
    );
  return out.join("\n");
}

function deadlinesText(answer: z.output<typeof DeadlinesAnswer>, lang: Language): string {
  const say = MCP_WORDS[lang];
  if (answer.total === 0)
    return `${say.noDeadlines(answer.from, answer.to)}\n${say.deadlinesPage}${say.colon}${answer.page}`;
  const SHOWN = 5;
  const items = answer.items.map((deadline) => {
    const what = deadline.what.map((w) => pickText(w, lang) ?? "");
    const more = what.length > SHOWN ? [`   ${say.more(what.length - SHOWN)}`] : [];
    return [
      `${deadline.date} · ${deadline.jurisdiction} · ${pickText(deadline.title, lang)}  (${deadline.instrument})`,
      ...what.slice(0, SHOWN).map((line) => `   - ${line}`),
      ...more,
      ...(deadline.url ? [`   ${say.officialText}${say.colon}${deadline.url}`] : []),
      `   ${say.page}${say.colon}${deadline.page}`,
    ].join("\n");
  });
  return [
    say.deadlines(answer.total, answer.items.length, answer.from, answer.to),
    ...items,
    `${say.deadlinesPage}${say.colon}${answer.page}`,
  ].join("\n\n");
}

/**
 * list_instruments, get_instrument, check_profile and list_deadlines: the laws behind the checker as
 * cited records, the checker over them (the answer of `aigov check`), and what takes effect next.
 */
export function obligationTools(services: AppServices) {
  const links = linksOf(services);
  const listTool = readTool({
    name: "list_instruments",
    title: "List the instruments behind the obligations checker",
    description:
      "The laws, regulations, standards and guidelines whose duties aigov's checker models (EU AI Act, China's labeling measures, California SB 53, Korea's AI Basic Act…): titles in Chinese, English and the original language, identifiers, status, dates, the official text's URL, the ids of their duties, and their pages on aigov.",
    input: ListInput,
    output: InstrumentList,
    answer: ({ lang }) => {
      const items = listInstruments(services).map((instrument) => ({
        ...instrument,
        page: links.instrumentPage(instrument.id, lang),
        api: links.instrumentApi(instrument.id),
      }));
      const say = MCP_WORDS[lang];
      const text = [
        say.instruments(items.length),
        ...items.map((instrument) =>
          [
            ...instrumentHead(instrument, links, lang),
            `   ${say.duties(instrument.obligations.length)}`,
          ].join("\n"),
        ),
      ].join("\n\n");
      return { structured: { items }, text };
    },
  });
  const getTool = readTool({
    name: "get_instrument",
    title: "Get one instrument with its duties",
    description:
      "One instrument by id with every dated fact (how and where each was verified), what is not known, and its duties in full: whom each binds, conditions, dates, penalty, and its citation (article, official URL, verification); each with its page on aigov.",
    input: GetInput,
    output: CitedInstrumentDetail,
    answer: ({ id, lang }) => {
      const detail = instrumentDetail(services, id);
      const structured = {
        ...detail,
        obligations: detail.obligations.map((duty) => ({ ...duty, page: links.dutyPage(duty, lang) })),
        page: links.instrumentPage(detail.id, lang),
        api: links.instrumentApi(detail.id),
      };
      return { structured, text: instrumentDetailText(detail, links, lang) };
    },
  });
  const checkTool = readTool({
    name: "check_profile",
    title: "Check which obligations bind an AI model or service",
    description:
      "Which duties of the modelled AI laws bind a model or service on a day, per market: the answer of `aigov check --json` and POST /api/check (a verdict per market; duties that apply, apply later, cannot be decided yet or do not apply, each with its article, official URL and how it was verified; penalties; the questions whose answers would decide the rest; what aigov knows of but does not model). Not legal advice.",
    input: CheckInput,
    output: CitedCheckResult,
    answer: ({ profile, at, lang }) => {
      // The JSON the API and the CLI read, through the same reading (its size limit and market codes).
      const outcome = checkProfile(services, { json: JSON.stringify(profile) }, at);
      if ("issues" in outcome)
        throw invalidRequest(
          `bad profile: ${outcome.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`,
          outcome.issues.map((i) => ({ parameter: i.field, message: i.message })),
        );
      const { result } = outcome;
      const cite = (items: typeof result.applies) =>
        items.map((item) => ({
          ...item,
          page: links.dutyPage({ ...item, id: item.obligation }, lang),
        }));
      const structured = {
        ...result,
        applies: cite(result.applies),
        upcoming: cite(result.upcoming),
        open: cite(result.open),
        notApplicable: cite(result.notApplicable),
      };
      return { structured, text: formatCheckResult(result, lang, services.obligations) };
    },
  });
  const deadlinesTool = readTool({
    name: "list_deadlines",
    title: "List what takes effect next",
    description:
      "The days on which the modelled instruments, or some of their duties, start to apply, soonest first (GET /api/deadlines): from a day (default today) to another, of the jurisdictions and instruments named; each with what starts, the duties' ids, the official text's URL and the instrument's page on aigov.",
    input: DeadlinesInput,
    output: DeadlinesAnswer,
    answer: ({ from, to, jurisdiction, instrument, limit, lang }) => {
      const query = DeadlinesQuery.parse({
        from,
        to,
        jurisdiction,
        instrument: instrument?.join(","),
        limit,
      });
      const selected = selectDeadlines(services, query);
      const params = new URLSearchParams();
      if (query.jurisdiction?.length) params.set("jurisdiction", query.jurisdiction.join(","));
      if (query.instrument?.length) params.set("instrument", query.instrument.join(","));
      params.set("from", selected.from);
      if (selected.to) params.set("to", selected.to);
      const structured = {
        from: selected.from,
        to: selected.to,
        total: selected.total,
        items: selected.items.map((deadline) => ({
          ...deadline,
          page: links.instrumentPage(deadline.instrument, lang),
        })),
        page: links.deadlinesPage(params, lang),
      };
      return { structured, text: deadlinesText(structured, lang) };
    },
  });
  return [listTool, getTool, checkTool, deadlinesTool];
}
