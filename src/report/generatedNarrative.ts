import type { Event } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import { joinList } from "../domain/languageForms.js";
import type { JurisdictionKind } from "../domain/jurisdiction.js";
import { countedJurisdictions } from "../domain/jurisdictionCounting.js";
import { jurisdictionKind, type NameJurisdiction } from "./jurisdictionNames.js";
import { type Counted, type NarrativePhrases, narrativePhrases } from "./narrativePhrases.js";
import {
  formatEventDate,
  formatPartialDate,
  formatPeriod,
  monthHeading,
  type ReportPeriod,
} from "./reportDates.js";
import {
  BINDINGNESS_LABELS,
  LEVEL_LABELS,
  type Level,
  TREND_TAG_LABELS,
  TYPE_LABELS,
  tagLabel,
  UNCLASSIFIED,
} from "./reportLabels.js";
import type { ReportBlock, ReportSection } from "./reportModel.js";
import {
  type Count,
  countEvents,
  type EventCounts,
  type EffectiveEntry,
  filingMonth,
  type ReportStatistics,
} from "./reportStatistics.js";

/** What the built narrative is made from: the period's events with their printed numbers. */
export interface NarrativeInput {
  lang: Language;
  period: ReportPeriod;
  /** In chronicle order. */
  events: Event[];
  numberOf: (event: Event) => number;
  statistics: ReportStatistics;
  name: NameJurisdiction;
}

type Section = Omit<ReportSection, "id">;

// Lists in the analysis stay short; the appendix holds every event.
const LIST_LIMIT = 8;
const TOP = 5;
const SUBSECTIONS = 6;
const LIST_TYPES = new Set(["agreement", "declaration", "resolution"]);

const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });

class NarrativeBuilder {
  private readonly p: NarrativePhrases;

  constructor(private readonly input: NarrativeInput) {
    this.p = narrativePhrases(input.lang);
  }

  private get lang(): Language {
    return this.input.lang;
  }

  private partHeading(index: number, zh: string, en: string): string {
    return this.p.partHeading(index, { zh, en });
  }

  private levelLabel(level: Level | null): string {
    return level === null ? UNCLASSIFIED[this.lang] : LEVEL_LABELS[this.lang][level];
  }

  private counted<K>(
    counts: Count<K>[],
    label: (key: K) => string,
    limit = Number.POSITIVE_INFINITY,
  ): string {
    return this.p.counted(
      counts.slice(0, limit).map((c): Counted => ({ label: label(c.key), count: c.count })),
    );
  }

  private typeCounts(stats: EventCounts, limit?: number): string {
    return this.counted(
      stats.byType,
      (t) => (t === null ? UNCLASSIFIED[this.lang] : TYPE_LABELS[this.lang][t]),
      limit,
    );
  }

  private bindingCounts(stats: EventCounts): string {
    return this.counted(stats.byBindingness, (b) =>
      b === null ? UNCLASSIFIED[this.lang] : BINDINGNESS_LABELS[this.lang][b],
    );
  }

  private names(counts: Count<string>[], limit = TOP): string {
    return this.counted(counts, (code) => this.input.name(code, this.lang), limit);
  }

  /** One line per event: date, title, jurisdictions, type and bindingness, number in the appendix. */
  private eventItem(event: Event): string {
    const details = [
      joinList(
        event.jurisdictions.map((code) => this.input.name(code, this.lang)),
        this.lang,
      ),
      [
        event.type && TYPE_LABELS[this.lang][event.type],
        event.bindingness && BINDINGNESS_LABELS[this.lang][event.bindingness],
      ]
        .filter(Boolean)
        .join(this.p.detailSeparator),
    ].filter(Boolean);
    const title =
      this.input.lang === "zh" ? (event.title.zh ?? event.title.en) : (event.title.en ?? event.title.zh);
    return this.p.eventItem(
      formatEventDate(event.date, this.lang),
      title ?? "",
      details,
      this.input.numberOf(event),
    );
  }

  private eventList(events: Event[]): ReportBlock[] {
    const blocks: ReportBlock[] = [
      { kind: "list", items: events.slice(0, LIST_LIMIT).map((e) => this.eventItem(e)) },
    ];
    if (events.length > LIST_LIMIT) blocks.push(paragraph(this.p.more(events.length - LIST_LIMIT)));
    return blocks;
  }

  private effectiveList(entries: EffectiveEntry[]): ReportBlock {
    const items = entries.map((entry) => {
      const title =
        this.lang === "zh"
          ? (entry.event.title.zh ?? entry.event.title.en)
          : (entry.event.title.en ?? entry.event.title.zh);
      const words = this.lang === "zh" ? entry.label?.zh : entry.label?.en;
      return this.p.effectiveItem(
        formatPartialDate(entry.date, this.lang),
        title ?? "",
        words,
        this.input.numberOf(entry.event),
      );
    });
    return { kind: "list", items };
  }

  executiveSummary(): Section {
    const { statistics: s, period } = this.input;
    const p = this.p;
    const blocks = [
      p.overview(formatPeriod(period, this.lang), s.total, s.byJurisdiction.length, s.sources),
      p.byLevel(p.list(s.byLevel.map((c) => p.levelCount(this.levelLabel(c.key), c.count)))),
    ];
    // A sentence on types or bindingness only where some record states them.
    if (s.byType.some((c) => c.key !== null)) blocks.push(p.byType(this.typeCounts(s, 3)));
    const binding = s.byBindingness.find((c) => c.key === "binding")?.count ?? 0;
    const others = s.byBindingness
      .filter((c) => c.key !== "binding")
      .map((c) =>
        p.bindingCount(
          c.key === null ? UNCLASSIFIED[this.lang] : BINDINGNESS_LABELS[this.lang][c.key],
          c.count,
        ),
      );
    if (s.byBindingness.some((c) => c.key !== null)) blocks.push(p.binding(binding, s.total, p.list(others)));
    if (s.byJurisdiction.length) blocks.push(p.busiestJurisdictions(this.names(s.byJurisdiction)));
    const most = s.byMonth.reduce((max, m) => Math.max(max, m.count), -Infinity);
    const withYear = s.byMonth.some((m) => m.year !== s.byMonth[0]?.year) || this.lang === "en";
    const busiest = s.byMonth.filter((m) => m.count === most && most > 0);
    if (busiest.length && busiest.length <= 3)
      blocks.push(
        p.busiestMonths(
          busiest.map((m) => monthHeading(m.year, m.month, this.lang, withYear)),
          most,
        ),
      );
    if (s.effectiveInPeriod.length) blocks.push(p.effectiveCount(s.effectiveInPeriod.length));
    if (s.upcoming.length) blocks.push(p.upcomingCount(s.upcoming.length));
    return {
      heading: this.p.executiveSummary,
      depth: 1,
      blocks: blocks.map(paragraph),
    };
  }

  /** A level's opening paragraph: how many events, of which types and bindingness, who took part most. */
  private levelIntro(level: string, events: Event[]): ReportBlock[] {
    if (events.length === 0) return [paragraph(this.p.levelNone(level))];
    const s = countEvents(events);
    return [
      paragraph(
        `${this.p.levelIntro(level, events.length, this.p.percent(events.length, this.input.statistics.total))}${this.p.sentenceGap}${this.p.typesAndBinding(this.typeCounts(s), this.bindingCounts(s))}`,
      ),
      paragraph(this.p.involved(this.names(s.byJurisdiction))),
    ];
  }

  /**
   * Sections per jurisdiction, most events first, then one for the rest; only jurisdictions of the
   * part's kind get a section of their own (a country taking part in a bloc's event is not a bloc).
   */
  private byJurisdiction(events: Event[], rest: string, kind: JurisdictionKind): Section[] {
    const counts = countEvents(events).byJurisdiction.filter((c) => jurisdictionKind(c.key) === kind);
    const shown = counts.slice(0, SUBSECTIONS);
    const sections = shown.map((c, i): Section => {
      const own = events.filter((e) => countedJurisdictions(e.jurisdictions).includes(c.key));
      // The jurisdiction's count in the whole report, by the one rule: where some of its events sit under
      // another level, the heading says how many of them this section lists.
      const total = this.input.statistics.byJurisdiction.find((j) => j.key === c.key)?.count ?? c.count;
      const label = this.input.name(c.key, this.lang);
      return {
        heading: `${i + 1}. ${total > c.count ? this.p.withCountOf(label, c.count, total) : this.p.withCount(label, c.count)}`,
        depth: 2,
        blocks: this.eventList(own),
      };
    });
    const others = events.filter(
      (e) => !countedJurisdictions(e.jurisdictions).some((code) => shown.some((c) => c.key === code)),
    );
    if (others.length)
      sections.push({ heading: `${shown.length + 1}. ${rest}`, depth: 2, blocks: this.eventList(others) });
    return sections;
  }

  international(): Section[] {
    const events = this.input.events.filter((e) => e.level === "international");
    const heading = this.partHeading(
      0,
      "国际层面：国际组织与多边协议",
      "International bodies and multilateral agreements",
    );
    const part: Section = {
      heading,
      depth: 1,
      blocks: this.levelIntro(this.levelLabel("international"), events),
    };
    const bodies = events.filter((e) => !LIST_TYPES.has(e.type ?? ""));
    const accords = events.filter((e) => LIST_TYPES.has(e.type ?? ""));
    const sections: Section[] = [part];
    let n = 0;
    if (bodies.length)
      sections.push({
        heading: `${++n}. ${this.p.internationalBodies}`,
        depth: 2,
        blocks: this.eventList(bodies),
      });
    if (accords.length)
      sections.push({
        heading: `${n + 1}. ${this.p.multilateral}`,
        depth: 2,
        blocks: this.eventList(accords),
      });
    return sections;
  }

  regional(): Section[] {
    const events = this.input.events.filter((e) => e.level === "regional");
    const heading = this.partHeading(1, "地区层面：区域集团", "Regional blocs");
    return [
      { heading, depth: 1, blocks: this.levelIntro(this.levelLabel("regional"), events) },
      ...this.byJurisdiction(events, this.p.others, "body"),
    ];
  }

  national(): Section[] {
    const national = this.input.events.filter((e) => e.level === "national");
    const subnational = this.input.events.filter((e) => e.level === "subnational");
    const heading = this.partHeading(2, "国家层面：主权国家", "Nations");
    const countries = countEvents(national).byJurisdiction.length;
    const intro =
      national.length + subnational.length === 0
        ? [paragraph(this.p.levelNone(this.levelLabel("national")))]
        : [paragraph(this.p.nationalIntro(national.length, subnational.length, countries))];
    const sections: Section[] = [
      { heading, depth: 1, blocks: intro },
      ...this.byJurisdiction(national, this.p.otherCountries, "country"),
    ];
    if (subnational.length)
      sections.push({
        heading: `${sections.length}. ${this.p.subnational}`,
        depth: 2,
        blocks: [
          paragraph(this.p.involved(this.names(countEvents(subnational).byJurisdiction))),
          ...this.eventList(subnational),
        ],
      });
    return sections;
  }

  /** Counts over time (per year, else per quarter), tagged trends and topics, effective dates. */
  trends(): Section {
    const { statistics: s, period } = this.input;
    const p = this.p;
    const years = [...new Set(s.byMonth.map((m) => m.year))];
    // The same month the chronicle files the event under, so that the counts agree with the appendix.
    const segment = (e: Event) => {
      const { year, month } = filingMonth(e, period);
      return years.length > 1 ? p.year(year) : p.quarter(Math.ceil(month / 3));
    };
    const order = years.length > 1 ? years.map((y) => p.year(y)) : [1, 2, 3, 4].map((q) => p.quarter(q));
    // Records imported from a chronicle alone say nothing of bindingness: then no binding counts at all.
    const knowsBinding = s.byBindingness.some((c) => c.key !== null);
    const segments = order.flatMap((label) => {
      const events = this.input.events.filter((e) => segment(e) === label);
      if (events.length === 0) return [];
      const binding = knowsBinding ? events.filter((e) => e.bindingness === "binding").length : null;
      return [p.segmentCount(label, events.length, binding)];
    });
    const blocks: ReportBlock[] = [paragraph(p.overTime(p.list(segments)))];
    const trendTags = s.byTag.filter((t) => t.key in TREND_TAG_LABELS);
    const topics = s.byTag.filter((t) => !(t.key in TREND_TAG_LABELS));
    if (trendTags.length)
      blocks.push(paragraph(p.trendTags(this.counted(trendTags, (t) => tagLabel(t, this.lang)))));
    if (topics.length)
      blocks.push(paragraph(p.topicTags(this.counted(topics, (t) => tagLabel(t, this.lang), 8))));
    if (s.effectiveInPeriod.length)
      blocks.push(paragraph(p.effectiveList), this.effectiveList(s.effectiveInPeriod));
    if (s.upcoming.length) blocks.push(paragraph(p.upcomingList), this.effectiveList(s.upcoming));
    return { heading: this.partHeading(3, "发展趋势", "Trends"), depth: 1, blocks };
  }
}

/**
 * The executive summary and the analysis by level (international, regional, national, trends) built
 * from a period's records as plain sentences, for periods that hold no stored narrative in the language.
 */
export function buildGeneratedNarrative(input: NarrativeInput): Section[] {
  const builder = new NarrativeBuilder(input);
  return [
    builder.executiveSummary(),
    ...builder.international(),
    ...builder.regional(),
    ...builder.national(),
    builder.trends(),
  ];
}
