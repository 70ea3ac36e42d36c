import type { Language } from "./localizedText.js";

/**
 * Article references as the data writes them ("Art. 53(1)(a)", "Bus. & Prof. Code § 22757.12(a)",
 * "Art. 43(1) item 2") in the reader's language: Chinese legal writing numbers articles, paragraphs and
 * points as 第53条第1款第(a)项, and a zh page that printed "Art. 53(1)(a)" would not be in Chinese.
 */

const CHINESE_NUMERALS = [
  "〇",
  "一",
  "二",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "十一",
  "十二",
  "十三",
];
const ROMAN: Record<string, number> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
  XI: 11,
  XII: 12,
  XIII: 13,
};

/** Words that stand beside article numbers in the data, with their Chinese. */
const PHRASES: [RegExp, string][] = [
  [/^Commission GPAI guidelines$/i, "欧盟委员会通用人工智能模型指南"],
  [/^Enforcement Decree$/i, "施行令"],
  [/^scope$/i, "适用范围"],
  [/^frontier model$/i, "前沿模型"],
  [/^large frontier developer$/i, "大型前沿开发者"],
  [/^indicative criterion$/i, "指示性标准"],
  [/^definitions?$/i, "定义"],
  [/^generative artificial intelligence system$/i, "生成式人工智能系统"],
  [/^generative artificial intelligence$/i, "生成式人工智能"],
  [/^covered provider$/i, "受规管提供者"],
  [/^consequential decision$/i, "重大决定"],
  [/^automated employment decision tool$/i, "自动化雇用决定工具"],
];

/** Who made an amendment, as a Chinese phrase: bill numbers stay as they are, an act gets its number. */
function amender(text: string): string {
  const act = /^Act No\.\s*(\d+)$/i.exec(text.trim());
  return act ? `第${act[1]}号法律` : text.trim();
}

function phrase(text: string): string {
  const trimmed = text.trim();
  for (const [pattern, zh] of PHRASES) if (pattern.test(trimmed)) return zh;
  const amended = /^as amended by (.+)$/i.exec(trimmed);
  if (amended) return `经${amender(amended[1] as string)}修正`;
  // A note of several phrases ("covered provider, as amended by AB 853"): each in turn.
  if (trimmed.includes(", ")) return trimmed.split(", ").map(phrase).join("，");
  return trimmed;
}

/** Latin ordinals of inserted articles (Art. 1-bis, 612-quater) as Chinese writes them: 第1条之二. */
const LATIN_ORDINALS: Record<string, string> = { bis: "二", ter: "三", quater: "四", quinquies: "五" };

/** "(1)(a)" after an article number: the first number a paragraph (款), letters and later numbers points (项). */
function subdivisions(parts: string[], definitions: boolean): string {
  return parts
    .map((part, index) => {
      if (/^\d+[a-z]?$/.test(part) && index === 0 && !definitions) return `第${part}款`;
      // A roman numeral under a lettered point, (c)(ii), is a sub-point: 目.
      if (/^[ivx]+$/i.test(part) && /^[a-z]$/i.test(parts[index - 1] ?? "")) return `第(${part})目`;
      return `第(${part})项`;
    })
    .join("");
}

const ARTICLE =
  /^Arts?\.\s*(\d+[a-z]?)(?:-(bis|ter|quater|quinquies))?((?:\([0-9a-z]+\))*)(?:\s*[-–]\s*\(([0-9a-z]+)\))?(?:\s+item\s+(\d+))?$/i;
const CODE_SECTION = /^(.+?)\s*§+\s*([\d.-]+)((?:\([0-9a-z]+\))*)(?:\s*[-–]\s*\(([0-9a-z]+)\))?$/i;
const CODES: Record<string, string> = {
  "bus. & prof. code": "《商业与职业法典》",
  "gov. code": "《政府法典》",
  "civ. code": "《民法典》",
  "labor code": "《劳动法典》",
  "bus. & com. code": "《商业与商务法典》",
  "gen. bus. law": "《一般商业法》",
  "nyc admin. code": "《纽约市行政法典》",
  "admin. code": "《纽约市行政法典》",
  "c.r.s.": "《科罗拉多州修订法规》",
  "utah code": "《犹他州法典》",
};
/** The instruments an article reference may be prefixed with, in Chinese. */
const PREFIXES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Enforcement Decree\s+/i, () => "施行令"],
  [/^Criminal Code\s+/i, () => "《刑法典》"],
  [/^D\.Lgs\.\s*(\d+\/\d{4})\s+/i, (m) => `第${m[1]}号立法令`],
];

function oneReference(reference: string): string {
  const withNote = /^(.*?)\s*\(([^()]*[a-z][^()]*)\)$/i.exec(reference.trim());
  if (withNote && !/^\d+[a-z]?$|^[a-z]{1,2}$|^[ivx]+$/i.test(withNote[2] as string)) {
    const inner = oneReference(withNote[1] as string);
    const note = withNote[2] as string;
    // A note that is itself a reference (the Criminal Code article a law inserts) is numbered too.
    return `${inner}（${/\bArt\.|§/.test(note) ? oneReference(note) : phrase(note)}）`;
  }
  for (const [prefix, name] of PREFIXES) {
    const found = prefix.exec(reference.trim());
    if (found) return `${name(found)}${oneReference(reference.trim().slice(found[0].length))}`;
  }
  const amended = /^(.+?)\s+as amended by\s+(.+)$/i.exec(reference.trim());
  if (amended) return `${oneReference(amended[1] as string)}（${phrase(`as amended by ${amended[2]}`)}）`;
  const second = /^(.+?),\s*second subparagraph$/i.exec(reference.trim());
  if (second) return `${oneReference(second[1] as string)}第二段`;
  const article = ARTICLE.exec(reference.trim());
  if (article) {
    const [, number, ordinal, subs, through, item] = article as unknown as [
      string,
      string,
      string | undefined,
      string | undefined,
      string | undefined,
      string | undefined,
    ];
    const parts = [...(subs ?? "").matchAll(/\(([0-9a-z]+)\)/gi)].map((m) => m[1] as string);
    const inserted = ordinal ? `之${LATIN_ORDINALS[ordinal.toLowerCase()]}` : "";
    let zh = `第${number}条${inserted}${subdivisions(parts, number === "3")}`;
    if (through) zh += `至第${through}款`;
    if (item) zh += `第${item}项`;
    return zh;
  }
  const illinois = /^(\d+)\s+ILCS\s+(\d+)\/([\d-]+)((?:\([0-9a-z]+\))*)$/i.exec(reference.trim());
  if (illinois)
    return `《伊利诺伊州汇编法规》第${illinois[1]}章第${illinois[2]}/${illinois[3]}${illinois[4] ?? ""}节`;
  const section = CODE_SECTION.exec(reference.trim());
  if (section && CODES[(section[1] as string).toLowerCase()]) {
    const code = CODES[(section[1] as string).toLowerCase()] as string;
    const range = section[4] ? `至(${section[4]})` : "";
    return `${code}第${section[2]}${section[3] ?? ""}${range}条`;
  }
  const chapter = /^Chapter\s+([IVX]+)$/i.exec(reference.trim());
  if (chapter) return `第${CHINESE_NUMERALS[ROMAN[(chapter[1] as string).toUpperCase()] ?? 0]}章`;
  const annex = /^Annex\s+([IVX]+)(?:\s+Section\s+([A-Z]))?$/i.exec(reference.trim());
  if (annex)
    return `附件${CHINESE_NUMERALS[ROMAN[(annex[1] as string).toUpperCase()] ?? 0]}${annex[2] ? `${annex[2]}节` : ""}`;
  return phrase(reference);
}

/** An article reference in a language: as written for English, in Chinese legal numbering for zh. */
export function articleLabel(reference: string, lang: Language): string {
  if (lang === "en") return reference;
  return reference
    .split(/\s*;\s*/)
    .map(oneReference)
    .join("；");
}
