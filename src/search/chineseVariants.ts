import * as OpenCC from "opencc-js/t2cn";

/**
 * Traditional (and Taiwan and Hong Kong variant) characters folded to simplified ones, so that 歐盟 and
 * 欧盟 meet in the index. OpenCC's character tables decide; the conversion is per character (no phrase
 * tables), which keeps it predictable, keeps every character in its place for snippets, and applies the
 * same to documents and queries. Simplified characters come out as they went in.
 */
let converters: ((text: string) => string)[] | null = null;
// Folded code unit of every BMP character seen so far (0: not looked up yet); astral characters in a Map.
const bmp = new Uint16Array(0x10000);
const astral = new Map<string, string>();
// Below the first CJK block nothing folds, so most of an English text is skipped at once.
const FIRST_CJK = 0x2e80;

function convert(char: string): string {
  converters ??= (["hk", "tw", "t"] as const).map((from) => OpenCC.Converter({ from, to: "cn" }));
  let result = char;
  for (const step of converters) result = step(result);
  // A character becomes one character of the same length: anything else would move the ones after it.
  return result.length === char.length ? result : char;
}

function foldCode(code: number): number {
  let folded = bmp[code] as number;
  if (folded === 0) {
    folded = convert(String.fromCharCode(code)).charCodeAt(0);
    bmp[code] = folded;
  }
  return folded;
}

/** The text with every traditional Chinese character replaced by its simplified form, length kept. */
export function foldChineseVariants(text: string): string {
  // The text between folded characters is copied in slices: most texts fold nothing or a few characters.
  let result = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < FIRST_CJK) continue;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const char = text.slice(i, i + 2);
      let folded = astral.get(char);
      if (folded === undefined) astral.set(char, (folded = convert(char)));
      if (folded !== char) {
        result += text.slice(copied, i) + folded;
        copied = i + 2;
      }
      i++;
      continue;
    }
    const folded = foldCode(code);
    if (folded !== code) {
      result += text.slice(copied, i) + String.fromCharCode(folded);
      copied = i + 1;
    }
  }
  return copied === 0 ? text : result + text.slice(copied);
}
