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
];

function phrase(text: string): string {
  const trimmed = text.trim();
  for (const [pattern, zh] of PHRASES) if (pattern.test(trimmed)) return zh;
  return trimmed;
}

/** "(1)(a)" after an article number: the first number a paragraph (款), letters and later numbers points (项). */
function subdivisions(parts: string[], definitions: boolean): string {
  return parts
    .map((part, index) => {
      if (/^\d+$/.test(part) && index === 0 && !definitions) return `第${part}款`;
      return `第(${part})项`;
    })
    .join("");
}

const ARTICLE = /^Arts?\.\s*(\d+[a-z]?)((?:\([0-9a-z]+\))*)(?:\s*[-–]\s*\((\d+)\))?(?:\s+item\s+(\d+))?$/i;
const CODE_SECTION = /^(Bus\. & Prof\. Code|Gov\. Code|Civ\. Code)\s*§+\s*([\d.]+)((?:\([0-9a-z]+\))*)$/i;
const CODES: Record<string, string> = {
  "bus. & prof. code": "《商业与职业法典》",
  "gov. code": "《政府法典》",
  "civ. code": "《民法典》",
};

function oneReference(reference: string): string {
  const withNote = /^(.*?)\s*\(([^()]*[a-z][^()]*)\)$/i.exec(reference.trim());
  if (withNote && !/^\d+$|^[a-z]$/i.test(withNote[2] as string)) {
    const inner = oneReference(withNote[1] as string);
    return `${inner}（${phrase(withNote[2] as string)}）`;
  }
  const article = ARTICLE.exec(reference.trim());
  if (article) {
    const [, number, subs, through, item] = article as unknown as [string, string, string, string?, string?];
    const parts = [...(subs ?? "").matchAll(/\(([0-9a-z]+)\)/gi)].map((m) => m[1] as string);
    let zh = `第${number}条${subdivisions(parts, number === "3")}`;
    if (through) zh += `至第${through}款`;
    if (item) zh += `第${item}项`;
    return zh;
  }
  const section = CODE_SECTION.exec(reference.trim());
  if (section) {
    const code = CODES[(section[1] as string).toLowerCase()] ?? section[1];
    return `${code}第${section[2]}${section[3] ?? ""}条`;
  }
  const chapter = /^Chapter\s+([IVX]+)$/i.exec(reference.trim());
  if (chapter) return `第${CHINESE_NUMERALS[ROMAN[(chapter[1] as string).toUpperCase()] ?? 0]}章`;
  const annex = /^Annex\s+([IVX]+)$/i.exec(reference.trim());
  if (annex) return `附件${CHINESE_NUMERALS[ROMAN[(annex[1] as string).toUpperCase()] ?? 0]}`;
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
