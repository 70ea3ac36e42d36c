import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  foldInPlace,
  forEachIndexTerm,
  hanTerms,
  normalizeText,
  phraseKeyByPattern,
  phraseKeyOfNormal,
  stemWord,
  tokenize,
  tokenizeByPattern,
  tokenTerms,
} from "./textTerms.js";

/** Tokens written compactly: kind initial, text, `*` for a piece of a compound. */
const compact = (text: string) =>
  tokenize(text).map((t) => `${t.kind}:${t.text}${"part" in t && t.part ? "*" : ""}`);
/** The distinct terms a field of this text is indexed under, sorted. */
const terms = (text: string) => {
  const found = new Set<string>();
  forEachIndexTerm(text, { term: (term) => found.add(term) });
  return [...found].sort();
};

describe("textTerms", () => {
  it("cuts Chinese into overlapping bigrams, keeping a lone character", () => {
    assert.deepEqual(hanTerms("人工智能"), ["人工", "工智", "智能"]);
    assert.deepEqual(hanTerms("法"), ["法"]);
  });
  it("stems English words so that inflections meet", () => {
    assert.equal(stemWord("labelling"), stemWord("label"));
    assert.equal(stemWord("labeling"), stemWord("labels"));
    assert.equal(stemWord("flops"), stemWord("flop"));
  });
  it("indexes a field under each distinct term once", () => {
    assert.deepEqual(terms("芯片 芯片 chips"), ["chip", "芯片"].sort());
  });

  describe("splits at every change of script", () => {
    it("Chinese after Latin letters is Chinese (the defect of issue 17)", () => {
      assert.deepEqual(compact("AI企业在欧盟"), ["word:ai", "cjk:企业在欧盟"]);
      assert.ok(terms("AI企业在欧盟的运营合规成本").includes("欧盟"));
    });
    it("Chinese between digits is Chinese, digits are numbers", () => {
      assert.deepEqual(compact("2025年5月13日"), [
        "number:2025",
        "cjk:年",
        "number:5",
        "cjk:月",
        "number:13",
        "cjk:日",
      ]);
    });
    it("kana and Han are separate runs (の研究)", () => {
      assert.deepEqual(compact("AIの研究"), ["word:ai", "cjk:の", "cjk:研究"]);
      assert.deepEqual(terms("カタカナ"), ["カタ", "タカ", "カナ"].sort());
    });
    it("Hangul words become bigrams, apart from Latin and digits", () => {
      assert.deepEqual(compact("AI기본법2026"), ["word:ai", "cjk:기본법", "number:2026"]);
      assert.deepEqual(terms("기본법"), ["기본", "본법"]);
    });
    it("AI法 is the word ai and the character 法", () => {
      assert.deepEqual(compact("AI法"), ["word:ai", "cjk:法"]);
    });
    it("《人工智能法》: the brackets go, the title stays one run", () => {
      assert.deepEqual(compact("《人工智能法》"), ["cjk:人工智能法"]);
    });
  });

  describe("mixed tokens, on purpose", () => {
    it("GPT-4o: the word, and the compound 4o with its pieces for documents", () => {
      assert.deepEqual(compact("GPT-4o"), ["word:gpt", "compound:4o", "number:4*", "word:o*"]);
    });
    it("H20 is one compound (a chip's name), indexed also as h and 20", () => {
      assert.deepEqual(compact("H20"), ["compound:h20", "word:h*", "number:20*"]);
    });
    it("10^25, 10^{25} and 10²⁵ are the same power of ten", () => {
      for (const written of ["10^25", "10^{25}", "10²⁵", "10^{ 25 }"])
        assert.deepEqual(compact(written), ["power:10^25", "number:10*", "number:25*"], written);
      assert.deepEqual(compact("$\\geq 10^{26}$ FLOPs").slice(-4), [
        "power:10^26",
        "number:10*",
        "number:26*",
        "word:flops",
      ]);
    });
    it("full-width ＡＩ and ２０２５ fold to ai and 2025", () => {
      assert.deepEqual(compact("ＡＩ２０２５"), ["compound:ai2025", "word:ai*", "number:2025*"]);
      assert.deepEqual(compact("ＡＩ ２０２５"), ["word:ai", "number:2025"]);
    });
    it("keeps an English possessive inside its word", () => {
      assert.deepEqual(compact("the world's"), ["word:the", "word:world's"]);
      assert.equal(stemWord("world's"), "world");
    });
  });

  describe("traditional and simplified Chinese", () => {
    it("fold to the same terms", () => {
      assert.deepEqual(terms("歐盟人工智慧法"), terms("欧盟人工智慧法"));
      assert.equal(normalizeText("臺灣 後來"), "台湾 后来");
    });
    it("leave simplified text as it is", () => {
      const simplified = "中国出台《人工智能生成合成内容标识办法》";
      assert.equal(normalizeText(simplified), simplified.normalize("NFKC").toLowerCase());
    });
    it("fold in place without moving a character, for snippets", () => {
      const written = "歐盟ＡＩ法 Labelling";
      const folded = foldInPlace(written);
      assert.equal(folded, "欧盟ai法 labelling");
      assert.equal(folded.length, written.length);
    });
  });

  it("scans text into exactly the tokens the patterns make", () => {
    // Every kind of character the cuts turn on: Latin and other letters, combining marks, digits of
    // several scripts, carets, apostrophes, Han (with 々 and 〇), kana (with ー), Hangul, a Han radical
    // (a symbol), full-width and superscript forms, punctuation, spaces, and a character beyond the BMP.
    const pieces = [
      "a",
      "Z",
      "é",
      "e\u0301",
      "ß",
      "λ",
      "ж",
      "0",
      "7",
      "٣",
      "२",
      "^",
      "'",
      "’",
      "s",
      "t",
      "人",
      "工",
      "歐",
      "々",
      "〇",
      "の",
      "カ",
      "ー",
      "한",
      "국",
      "⺀",
      "Ａ",
      "２",
      "²",
      "⁵",
      "-",
      ".",
      "《",
      "》",
      " ",
      "\n",
      "、",
      "𠀋",
      "ﬁ",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        assert.deepEqual(tokenize(text), tokenizeByPattern(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
  it("hands indexing the terms of the tokens, in order, whether CJK terms come as pairs or strings", () => {
    const pieces = [
      "AI",
      "Act",
      "gpt-4o",
      "10^25",
      "10²⁵",
      "人工智能",
      "歐盟",
      "法",
      "の研究",
      "한국어",
      "𠀋𠀋",
      " ",
      "。",
      "'s",
      "２０２５",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const tokens = tokenize(text);
        const expectedWords = tokens.flatMap((t) =>
          t.kind === "word" ? [`${t.text}>${t.stem}`] : t.kind === "compound" ? [`${t.text}>${t.text}`] : [],
        );
        const asStrings: string[] = [];
        const asPairs: string[] = [];
        const words: string[] = [];
        forEachIndexTerm(text, { term: (term) => asStrings.push(term) });
        forEachIndexTerm(text, {
          term: (term) => asPairs.push(term),
          word: (word, stem) => words.push(`${word}>${stem}`),
          hanPair: (first, second) =>
            asPairs.push(second === 0 ? String.fromCharCode(first) : String.fromCharCode(first, second)),
        });
        const expected = tokens.flatMap(tokenTerms);
        assert.deepEqual(asStrings, expected, JSON.stringify(text));
        assert.deepEqual(asPairs, expected, JSON.stringify(text));
        // Each word at least once (a sink is told a cached run's words once).
        assert.deepEqual(new Set(words), new Set(expectedWords), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });
  it("makes phrase keys by its table exactly as the pattern does", () => {
    const pieces = [
      "《",
      "科技",
      "繁荣",
      "》",
      "AI",
      "e\u0301",
      "٣",
      "²",
      " ",
      "-",
      "𠀋",
      "の",
      "한",
      "Ａ",
      "'",
      "10^25",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const normal = normalizeText(parts.join(""));
        assert.equal(phraseKeyOfNormal(normal), phraseKeyByPattern(normal), JSON.stringify(normal));
      }),
      { numRuns: 2000 },
    );
  });
});
