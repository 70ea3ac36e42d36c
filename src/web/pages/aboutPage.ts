import { datasetStats } from "../../app/jurisdictions.js";
import { listSeparator } from "../../domain/languageForms.js";
import type { Language } from "../../domain/localizedText.js";
import {
  BINDINGNESS_WORDS,
  LEVEL_WORDS,
  TYPE_WORDS,
  UNCLASSIFIED_WORDS,
  VERIFICATION_WORDS,
  type Words,
  wordsIn,
} from "../../domain/vocabulary.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest, WebPage } from "../webPage.js";

// About, method, coverage and licence (issue 28, point 5). Every fact here comes from the repository:
// the seed (data/seeds/, /work/shared/seeds/README.md), the schemas of src/domain/ (instrument.ts,
// correction.ts, vocabulary.ts), src/import/curatedDataset.ts, the translation's own note
// (data/translations/) and the README's sections on imports and editors. Counts and dates are read
// from the data when the page is rendered, never written here.

/** The dataset's title and author as a citation names them (the same in both languages). */
const DATASET_TITLE = "aigov AI-governance dataset";
const DATASET_AUTHOR = "aigov contributors";
const CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/";
/** The first and last day of the seed chronicle's events (data/events/2025-global-ai-governance-report.json). */
const SEED_FIRST_DAY = "2025-01-20";
const SEED_LAST_DAY = "2025-12-11";

const WORDS = {
  title: { zh: "关于：数据来源、方法与许可", en: "About: sources, method and licence" },
  description: {
    zh: "aigov 数据从哪里来，记录如何选取、分类、核对和更正，涵盖什么，最后更新于何时，数据许可（CC BY 4.0）以及如何引用。",
    en: "Where aigov's data comes from, how records are chosen, classified, checked and corrected, what is covered, when it was last updated, the data licence (CC BY 4.0) and how to cite it.",
  },
  intro: {
    zh: "aigov 是一个人工智能治理观察站：它把法律、行政令、标准、宣言等事件存为有来源的结构化记录，中英双语。本页说明每个数据集从哪里来，记录如何选取、分类、核对和更正，涵盖什么、不涵盖什么，最后更新于何时，数据以什么许可发布，以及如何引用。",
    en: "aigov is an AI-governance observatory: it holds laws, executive orders, standards, declarations and other events as structured, sourced records, in Chinese and English. This page says where each dataset comes from, how records are chosen, classified, checked and corrected, what is covered and what is not, when it was last updated, under which licence the data is published, and how to cite it.",
  },
  contents: { zh: "本页内容", en: "On this page" },

  sourcesTitle: { zh: "数据从哪里来", en: "Where the data comes from" },
  seedTitle: { zh: "种子报告", en: "The seed report" },
  seedText: {
    zh: "aigov 最初由一份中文报告建立：《2025 年度全球人工智能治理报告》（2025 Global AI Governance Report），以从 PDF 提取的纯文本收在 data/seeds/。报告包括执行摘要、四部分分析（国际、地区、国家、趋势）和附录“2025 年全球人工智能治理大事记”：按月编排的 47 条编号事件，每条有标题、“摘要”和指向所引来源的脚注（报告称其“均附官方来源链接”）。",
    en: "aigov was built from one report in Chinese, “2025 年度全球人工智能治理报告” (2025 Global AI Governance Report), kept in data/seeds/ as plain text extracted from a PDF. It holds an executive summary, an analysis in four parts (international, regional, national, trends) and an appendix, “2025 年全球人工智能治理大事记”: a chronicle of 47 numbered events grouped by month, each with a title, a summary (“摘要”) and footnotes pointing to the sources it cites (the report says each carries links to official sources).",
  },
  seedAuthor: {
    zh: "报告文本没有写明由谁编写或发布，也没有写明发布日期；aigov 不替它署名。大事记所记事件从 {first}到 {last}。",
    en: "The text does not say who compiled or published it, nor when it was published, and aigov names no author it cannot show. The chronicle's events run from {first} to {last}.",
  },
  eventsTitle: { zh: "事件", en: "Events" },
  eventsText: {
    zh: "data/events/ 中的事件由大事记与整理数据合成：编号、中文标题和摘要、日期和脚注都照报告原样保留；每条事件的来源就是它的脚注。",
    en: "The events in data/events/ join the chronicle with its curation: the number, the Chinese title and summary, the date and the footnotes stay exactly as the report prints them; an event's sources are its footnotes.",
  },
  curationTitle: { zh: "整理", en: "Curation" },
  curationText: {
    zh: "data/curation/ 是编辑为每条事件手工添加的内容：英文标题和摘要、法域、层级、类型、约束力、标签、写明的生效日期、与其他文件的关系以及编号。超出大事记补充的事实，须附核对所依据的官方来源。",
    en: "data/curation/ holds what editors added to each event by hand: the English title and summary, the jurisdictions, level, type, bindingness, tags, stated effective dates, relations to other documents and identifiers. A fact added beyond the chronicle is listed with the official source it was checked against.",
  },
  translationTitle: { zh: "分析部分的英文", en: "The analysis in English" },
  translationText: {
    zh: "data/translations/ 中报告分析部分的英文是 aigov 自己的翻译，逐节对应，不是官方译文；两者不一致时，以中文原文为准。",
    en: "The English of the report's analysis in data/translations/ is aigov's own translation, section for section; it is not an official translation, and where the two differ the Chinese text prevails.",
  },
  instrumentsTitle: { zh: "法律文书与义务", en: "Instruments and obligations" },
  instrumentsText: {
    zh: "data/instruments/ 记录义务检查所依据的法律、法规、标准和指南（现有 {instruments} 件）：中文、英文和原文标题，编号，各项日期，状态，以及找到的官方文本链接。data/obligations/ 记录其中的每项义务（现有 {obligations} 项）：约束谁、涵盖什么、适用条件、起始日期、过渡安排、罚则（如有写明）和所在条款。",
    en: "data/instruments/ records the laws, regulations, standards and guidelines the obligations check reasons on ({instruments} now): titles in Chinese, English and the original language, identifiers, dated facts, status and a link to the official text where one was found. data/obligations/ records each of their duties ({obligations} now): whom it binds, what it covers, its conditions, the day it applies from, its transitions, the penalty where one is stated, and its article.",
  },
  verificationIntro: {
    zh: "法律文书的每个日期和编号、每项义务的条款出处、每条更正，以及每条已知但未建模的规则，都标明如何核对过，并列出读取它的网址（未核实的可能没有）：",
    en: "Each date and identifier of an instrument, each duty's article, each correction and each rule known but not modelled says how it was checked, with the addresses it was read from (one not checked may have none):",
  },
  officialMeaning: {
    zh: "只有在发布机关自己的网站或其官方公报上读到时，才这样标注。",
    en: "only when it was read on the issuing body's own site or in its official journal.",
  },
  secondaryMeaning: {
    zh: "在别处读到；即使那里转载了官方原文，也这样标注（并由附注说明）。",
    en: "read elsewhere, even where that page reproduces the official text word for word (a note then says so).",
  },
  unverifiedMeaning: { zh: "没有核对过；照样显示，从不隐藏。", en: "not checked; shown, never hidden." },
  codeOpen: { zh: "（", en: " (" },
  codeClose: { zh: "）：", en: "): " },
  unknownsText: {
    zh: "无法核实的内容如实列为未知，不作猜测。",
    en: "What could not be checked is listed as unknown instead of being guessed.",
  },
  correctionsTitle: { zh: "更正", en: "Corrections" },
  correctionsText: {
    zh: "data/corrections/ 记录导入的事件文本与官方记录不一致之处（现有 {n} 条）。事件本身保持导入时的文本；更正说明官方记录实际是什么，注明核对方式和来源。凡显示该字段的地方，都在旁边显示更正。",
    en: "data/corrections/ records where an imported event's text and the official record disagree ({n} now). The event keeps the text as imported; the correction says what the official record shows, how it was checked and where it was read. Every view that shows the field shows the correction beside it.",
  },

  methodTitle: {
    zh: "记录如何选取、分类、核对和更正",
    en: "How records are chosen, classified, checked and corrected",
  },
  chosenTitle: { zh: "选取", en: "Choice" },
  chosenText: {
    zh: "随附的事件就是种子报告大事记所列的 47 条：选取它们的是报告的作者，而不是 aigov。其他事件来自此后的导入（大事记报告、JSON、JSON Lines 或 CSV）和经编辑发布的提议；再次导入同一文件只会更新其中的事件，不会重复。",
    en: "The bundled events are the 47 that the seed report's chronicle lists: the report's authors chose them, not aigov. Other events come from later imports (chronicle reports, JSON, JSON Lines or CSV) and from proposals an editor has published; importing the same file again updates its events and never duplicates them.",
  },
  classifiedTitle: { zh: "分类", en: "Classification" },
  classifiedText: {
    zh: "每条事件注明所涉法域，并按下列三个字段分类；记录没有说明的值显示为“{unclassified}”，不作猜测。aigov 未整理过的大事记按原文导入，在编辑补充之前没有法域和类型。",
    en: "Each event names its jurisdictions and is classified by the three fields below; a value the record does not state is shown as “{unclassified}”, never guessed. A chronicle aigov has not curated is imported as it is written, without jurisdictions or types until an editor adds them.",
  },
  checkedTitle: { zh: "核对", en: "Checks" },
  checkedText: {
    zh: "法律文书、义务、更正和涵盖范围的事实各自标明核对方式（见上文）。这些文件随代码一起发布，审阅者可以在修改差异中逐条阅读；每次读取时都按数据结构校验，出错时指出文件和字段。事件的来源只有是 http(s) 网址时才显示为链接。",
    en: "The facts of the instruments, obligations, corrections and coverage each say how they were checked (see above). These files ship with the code, where a reviewer reads each change in a diff, and they are validated against their schemas when read; an error names the file and the field. An event's sources are shown as links only when they are http(s) addresses.",
  },
  editsTitle: { zh: "更正建议与修改", en: "Suggestions and changes" },
  editsText: {
    zh: "任何人都可以在事件页面上提出更正建议。通过网站或 API 所做的每一处修改都先是一项提议：贡献者提出新增、修改或删除；编辑发布或驳回他人的提议，任何人都不能发布或驳回自己的提议。修改要注明所依据的版本；如果此后已有别人的修改发布，它就会被拒绝，不会覆盖别人的修改。发布即写入该事件的下一个版本；驳回必须附说明，说明是公开的。每个版本都被保留，显示在事件页面的历史中；档案也可以按任一时刻发布的状态查看。运营者在命令行直接导入的内容立即写入，并记入审计日志。",
    en: "Anyone may suggest a correction from an event's page. Every change made through the site or the API is a proposal first: contributors propose new events, changes and removals; editors publish or reject the proposals of others, and nobody publishes or rejects their own. A change names the revision it was made against and is refused if someone else's change has been published since, so nothing is written over another person's change. Publishing writes the event's next revision; a rejection must give a note, and the note is public. Every revision is kept and shown in the event's history, and the archive can be read as it was published at any moment. The operator's direct imports at the command line are written at once and recorded in the audit log.",
  },

  coverageTitle: { zh: "涵盖什么，不涵盖什么", en: "What is covered and what is not" },
  eventsCoverage: {
    zh: "事件是种子报告和此后导入的事件，不是全面普查：没有收录的事件，不代表没有发生。档案现有 {n} 条事件。",
    en: "The events are those of the seed report and of later imports, not an exhaustive census: an event that is not here did not thereby not happen. The archive now holds {n} events.",
  },
  checkerCoverage: {
    zh: "义务检查只回答它建模了的规则。涵盖范围页按法域（现有 {n} 个）列出检查所依据的条文、aigov 知道存在但尚未建模的法律和章节，以及每条记录最后核对的日期（数据在 data/coverage/）。未列出的，不代表不存在。",
    en: "The obligations check answers only for the rules it models. The coverage page lists, per jurisdiction ({n} now), the provisions it reasons on, the laws and parts aigov knows exist there but does not model, and the day each record was last checked (the data is in data/coverage/). What is not listed is not thereby absent.",
  },
  coverageLink: { zh: "各法域的涵盖范围", en: "Coverage per jurisdiction" },
  notAdvice: { zh: "义务检查的回答不是法律意见。", en: "The checker's answer is not legal advice." },

  updatedTitle: { zh: "最后更新", en: "Last updated" },
  updatedBefore: { zh: "涵盖范围的记录最近一次核对于", en: "The coverage records were last checked on" },
  updatedAfter: {
    zh: "（取 data/coverage/ 中各法域“最后核对”日期的最新者）。",
    en: " (the latest of the “last checked” days of the jurisdictions in data/coverage/).",
  },
  updatedUnknown: {
    zh: "涵盖范围的数据没有写明核对日期。",
    en: "The coverage data states no day it was checked.",
  },
  eventsUpdated: {
    zh: "每条事件何时修改过，见其页面上的版本历史。",
    en: "When each event was changed is shown in the revision history on its page.",
  },

  licenceTitle: { zh: "许可", en: "Licence" },
  dataLicenceBefore: {
    zh: "data/ 中的数据（事件、整理、译文、法律文书、义务、更正、涵盖范围）以",
    en: "The data in data/ (events, curation, translations, instruments, obligations, corrections, coverage) is licensed under the",
  },
  dataLicenceName: {
    zh: "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
    en: "Creative Commons Attribution 4.0 International licence (CC BY 4.0)",
  },
  dataLicenceAfter: {
    zh: "发布：注明出处即可复制、分发和改编，包括用于商业目的。",
    en: ": you may copy, share and adapt it, commercially too, as long as you give credit.",
  },
  codeLicence: { zh: "代码以 MIT 许可发布。", en: "The code is licensed under the MIT licence." },
  seedLicence: {
    zh: "种子报告本身的文字（data/seeds/，以及事件照原样保留的中文标题、摘要和脚注）仍归其作者所有；引用时请注明出自该报告。",
    en: "The seed report's own text (data/seeds/, and the Chinese titles, summaries and footnotes the events keep as printed) remains its authors'; quote it as theirs.",
  },
  licenceFile: {
    zh: "代码仓库中的 LICENSE-DATA.md 文件完整说明了这些条款。",
    en: "The file LICENSE-DATA.md in the repository states these terms in full.",
  },

  citeTitle: { zh: "如何引用", en: "How to cite" },
  citeIntro: { zh: "引用数据集：", en: "To cite the dataset:" },
  citation: {
    zh: "aigov contributors（aigov 贡献者），aigov AI-governance dataset（aigov 人工智能治理数据集），{date}，CC BY 4.0，{url}",
    en: "aigov contributors, aigov AI-governance dataset, {date}, CC BY 4.0, {url}",
  },
  noDate: { zh: "无日期", en: "n.d." },
  citeDate: {
    zh: "日期为上文的最后更新日期。",
    en: "The date is the last-updated day above.",
  },
  citeSeed: {
    zh: "引用种子报告的文字时，请引用《2025 年度全球人工智能治理报告》本身；报告没有写明作者。",
    en: "When you quote the seed report's text, cite “2025 年度全球人工智能治理报告” (2025 Global AI Governance Report) itself; the report names no author.",
  },

  linksTitle: { zh: "数据与链接", en: "Data and links" },
  instrumentsLink: { zh: "法律文书", en: "Instruments" },
  apiLink: { zh: "API 参考", en: "API reference" },
  eventsJson: { zh: "全部事件（JSON，分页）", en: "The events (JSON, paged)" },
  eventsCsv: { zh: "全部事件（CSV）", en: "All events (CSV)" },
  instrumentsJson: { zh: "法律文书及其义务（JSON）", en: "Instruments with their duties (JSON)" },
  obligationsJson: { zh: "全部义务（JSON）", en: "Every obligation (JSON)" },
  coverageJson: { zh: "涵盖范围（JSON）", en: "Coverage (JSON)" },
} as const satisfies Record<string, Words>;

type WordKey = keyof typeof WORDS;

const word = (key: WordKey, lang: Language) => WORDS[key][lang];

/** A word with its `{name}` placeholders filled in (the values are escaped by `html` where shown). */
function say(key: WordKey, lang: Language, values: Record<string, string | number>): string {
  return word(key, lang).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The sections of the page in order: their ids and headings. */
const SECTIONS = [
  ["about-sources", "sourcesTitle"],
  ["about-method", "methodTitle"],
  ["about-coverage", "coverageTitle"],
  ["about-updated", "updatedTitle"],
  ["about-licence", "licenceTitle"],
  ["about-cite", "citeTitle"],
  ["about-links", "linksTitle"],
] as const satisfies readonly (readonly [string, WordKey])[];

type SectionId = (typeof SECTIONS)[number][0];

function section(id: SectionId, lang: Language, content: SafeHtml): SafeHtml {
  const heading = SECTIONS.find(([sectionId]) => sectionId === id)?.[1] ?? "title";
  return html`<section aria-labelledby="${id}" class="about-section">
    <h2 id="${id}">${word(heading, lang)}</h2>
    ${content}
  </section>`;
}

/** The latest `checked` day of the coverage records (YYYY-MM-DD), or null when none states one. */
export function lastCheckedDay(coverage: readonly { checked: string }[]): string | null {
  return coverage.reduce<string | null>(
    (latest, entry) => (latest === null || entry.checked > latest ? entry.checked : latest),
    null,
  );
}

/** The dataset as CSL-JSON (one item of type "dataset"). */
export function datasetCsl(day: string | null, url: string): Record<string, unknown> {
  return {
    id: "aigov-dataset",
    type: "dataset",
    title: DATASET_TITLE,
    author: [{ literal: DATASET_AUTHOR }],
    ...(day ? { issued: { "date-parts": [day.split("-").map(Number)] } } : {}),
    URL: url,
    license: CC_BY_URL,
  };
}

const BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The dataset as a BibTeX @misc entry. */
export function datasetBibtex(day: string | null, url: string): string {
  const [year, month] = day ? day.split("-") : [];
  const monthName = month ? BIBTEX_MONTHS[Number(month) - 1] : undefined;
  return [
    `@misc{aigov_dataset${year ? `_${year}` : ""},`,
    `  author       = {{${DATASET_AUTHOR}}},`,
    `  title        = {aigov {AI}-governance dataset},`,
    ...(year ? [`  year         = {${year}},`] : []),
    ...(monthName ? [`  month        = ${monthName},`] : []),
    ...(day ? [`  date         = {${day}},`] : []),
    `  url          = {${url}},`,
    `  howpublished = {\\url{${url}}},`,
    `  note         = {Data licensed CC BY 4.0, ${CC_BY_URL}}`,
    `}`,
  ].join("\n");
}

function sourcesSection(request: PageRequest): SafeHtml {
  const { lang } = request;
  const data = request.obligations;
  const verification = (["official", "secondary", "unverified"] as const).map(
    (value) =>
      html`<li>
        <strong>${VERIFICATION_WORDS[value][lang]}</strong
        >${word("codeOpen", lang)}<code>${value}</code>${word("codeClose", lang)}${word(`${value}Meaning`, lang)}
      </li>`,
  );
  return section(
    "about-sources",
    lang,
    html`<h3>${word("seedTitle", lang)}</h3>
      <p>${word("seedText", lang)}</p>
      <p>
        ${say("seedAuthor", lang, {
          first: formatDate(SEED_FIRST_DAY, lang),
          last: formatDate(SEED_LAST_DAY, lang),
        })}
      </p>
      <h3>${word("eventsTitle", lang)}</h3>
      <p>${word("eventsText", lang)}</p>
      <h3>${word("curationTitle", lang)}</h3>
      <p>${word("curationText", lang)}</p>
      <h3>${word("translationTitle", lang)}</h3>
      <p>${word("translationText", lang)}</p>
      <h3>${word("instrumentsTitle", lang)}</h3>
      <p>
        ${say("instrumentsText", lang, {
          instruments: data.instruments.length,
          obligations: data.obligations.length,
        })}
      </p>
      <p>${word("verificationIntro", lang)}</p>
      <ul>
        ${verification}
      </ul>
      <p>${word("unknownsText", lang)}</p>
      <h3>${word("correctionsTitle", lang)}</h3>
      <p>${say("correctionsText", lang, { n: data.corrections.length })}</p>`,
  );
}

function methodSection(request: PageRequest): SafeHtml {
  const { lang, t } = request;
  const separator = listSeparator(lang);
  const fields = [
    [t("facet.level"), LEVEL_WORDS],
    [t("facet.type"), TYPE_WORDS],
    [t("facet.bindingness"), BINDINGNESS_WORDS],
  ] as const;
  return section(
    "about-method",
    lang,
    html`<h3>${word("chosenTitle", lang)}</h3>
      <p>${word("chosenText", lang)}</p>
      <h3>${word("classifiedTitle", lang)}</h3>
      <p>${say("classifiedText", lang, { unclassified: UNCLASSIFIED_WORDS[lang] })}</p>
      <dl class="about-vocabulary">
        ${fields.map(
          ([name, words]) =>
            html`<dt>${name}</dt>
              <dd>${Object.values(wordsIn<string>(words, lang)).join(separator)}</dd>`,
        )}
      </dl>
      <h3>${word("checkedTitle", lang)}</h3>
      <p>${word("checkedText", lang)}</p>
      <h3>${word("editsTitle", lang)}</h3>
      <p>${word("editsText", lang)}</p>`,
  );
}

function coverageSection(request: PageRequest, events: number): SafeHtml {
  const { lang } = request;
  return section(
    "about-coverage",
    lang,
    html`<p>${say("eventsCoverage", lang, { n: events })}</p>
      <p>${say("checkerCoverage", lang, { n: request.obligations.coverage.length })}</p>
      <p><strong>${word("notAdvice", lang)}</strong></p>
      <p><a href="${localHref("/coverage", lang)}">${word("coverageLink", lang)}</a></p>`,
  );
}

function updatedSection(request: PageRequest, day: string | null): SafeHtml {
  const { lang } = request;
  return section(
    "about-updated",
    lang,
    html`<p>
        ${
          day
            ? html`${word("updatedBefore", lang)}
                <time datetime="${day}">${formatDate(day, lang)}</time>${word("updatedAfter", lang)}`
            : word("updatedUnknown", lang)
        }
      </p>
      <p>${word("eventsUpdated", lang)}</p>`,
  );
}

function licenceSection(request: PageRequest): SafeHtml {
  const { lang } = request;
  return section(
    "about-licence",
    lang,
    html`<p>
        ${word("dataLicenceBefore", lang)}
        <a href="${CC_BY_URL}" rel="license">${word("dataLicenceName", lang)}</a
        >${word("dataLicenceAfter", lang)}
      </p>
      <p>${word("codeLicence", lang)}</p>
      <p>${word("seedLicence", lang)}</p>
      <p>${word("licenceFile", lang)}</p>`,
  );
}

function citeSection(request: PageRequest, day: string | null): SafeHtml {
  const { lang } = request;
  const url = request.context.baseUrl();
  const citation = say("citation", lang, { date: day ? formatDate(day, lang) : word("noDate", lang), url });
  return section(
    "about-cite",
    lang,
    html`<div class="cite">
      <p>${word("citeIntro", lang)}</p>
      <p id="about-citation">${citation}</p>
      <p class="muted">${word("citeDate", lang)}</p>
      <h3 id="about-csl">CSL-JSON</h3>
      <pre
        tabindex="0"
        aria-labelledby="about-csl"
      ><code id="about-csl-json">${JSON.stringify([datasetCsl(day, url)], null, 2)}</code></pre>
      <h3 id="about-bibtex">BibTeX</h3>
      <pre
        tabindex="0"
        aria-labelledby="about-bibtex"
      ><code id="about-bibtex-entry">${datasetBibtex(day, url)}</code></pre>
      <p>${word("citeSeed", lang)}</p>
    </div>`,
  );
}

function linksSection(request: PageRequest): SafeHtml {
  const { lang, t } = request;
  return section(
    "about-links",
    lang,
    html`<ul>
      <li><a href="${localHref("/coverage", lang)}">${word("coverageLink", lang)}</a></li>
      <li><a href="${localHref("/deadlines", lang)}">${t("deadlines.title")}</a></li>
      <li><a href="${localHref("/instruments", lang)}">${word("instrumentsLink", lang)}</a></li>
      <li><a href="${localHref("/api/docs", lang)}">${word("apiLink", lang)}</a></li>
      <li><a href="/api/events" type="application/json">${word("eventsJson", lang)}</a></li>
      <li><a href="/api/events.csv" type="text/csv">${word("eventsCsv", lang)}</a></li>
      <li><a href="/api/instruments" type="application/json">${word("instrumentsJson", lang)}</a></li>
      <li><a href="/api/obligations" type="application/json">${word("obligationsJson", lang)}</a></li>
      <li><a href="/api/coverage" type="application/json">${word("coverageJson", lang)}</a></li>
    </ul>`,
  );
}

/**
 * `/about`: where each dataset comes from, how records are chosen, classified, checked and corrected,
 * what is covered, when it was last updated, the data licence and how to cite it (issue 28, point 5).
 */
export const aboutPage: WebPage = {
  path: "/about",
  nav: null,
  render: async (request) => {
    const { lang } = request;
    const day = lastCheckedDay(request.obligations.coverage);
    const { total } = await datasetStats(request.context);
    const body = html`<h1>${word("title", lang)}</h1>
      <p>${word("intro", lang)}</p>
      <nav aria-labelledby="about-contents">
        <h2 id="about-contents">${word("contents", lang)}</h2>
        <ul>
          ${SECTIONS.map(([id, heading]) => html`<li><a href="#${id}">${word(heading, lang)}</a></li>`)}
        </ul>
      </nav>
      ${sourcesSection(request)} ${methodSection(request)} ${coverageSection(request, total)}
      ${updatedSection(request, day)} ${licenceSection(request)} ${citeSection(request, day)}
      ${linksSection(request)}`;
    return { title: word("title", lang), description: word("description", lang), body };
  },
};
