import * as OpenCC from "opencc-js/t2cn";

/**
 * Traditional (and Taiwan and Hong Kong variant) characters folded to simplified ones, so that 歐盟 and
 * 欧盟 meet in the index. OpenCC's character tables decide; the conversion is per character (no phrase
 * tables), which keeps it predictable, keeps every character in its place for snippets, and applies the
 * same to documents and queries. Simplified characters come out as they went in.
 */
let converters: ((text: string) => string)[] | null = null;
const folded = new Map<string, string>();
const HAN = /\p{Script=Han}/gu;

function foldOne(char: string): string {
  let result = folded.get(char);
  if (result !== undefined) return result;
  converters ??= (["hk", "tw", "t"] as const).map((from) => OpenCC.Converter({ from, to: "cn" }));
  result = char;
  for (const convert of converters) result = convert(result);
  // A character becomes one character: anything else would move the characters after it.
  if (result.length !== char.length) result = char;
  folded.set(char, result);
  return result;
}

/** The text with every traditional Chinese character replaced by its simplified form, length kept. */
export function foldChineseVariants(text: string): string {
  return text.replace(HAN, foldOne);
}
