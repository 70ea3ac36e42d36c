/**
 * Refuses a text picked by language inline (`lang === "zh" ? "…" : "…"`, `zh ? `…` : "…"`): every text a
 * reader sees lives in its room's catalog, where a key missing in one language is a type error, so a
 * reviewer need not check that both languages were written and kept in step.
 */

/** A test that asks which language: `x === "zh"`, `"en" !== x`, or a flag named `zh`/`isZh`/`en`/`isEn`. */
function asksLanguage(test) {
  if (test.type === "BinaryExpression" && /^[!=]==?$/.test(test.operator)) {
    return [test.left, test.right].some(
      (side) => side.type === "Literal" && (side.value === "zh" || side.value === "en"),
    );
  }
  // Only a bare flag: `title.en ? … : …` asks whether an English text exists, not which language to show.
  return test.type === "Identifier" && ["zh", "isZh", "en", "isEn"].includes(test.name);
}

/** A branch that is text written in place: a string literal or a template literal. */
function isText(node) {
  return (node.type === "Literal" && typeof node.value === "string") || node.type === "TemplateLiteral";
}

export default {
  meta: {
    type: "suggestion",
    docs: { description: "Texts chosen by language belong in a catalog, not in an inline conditional." },
    messages: {
      inline:
        "A text picked by language inline: put both words in the room's catalog (web: src/web/i18n/{zh,en}.ts through t(); reports: src/report/*Phrases.ts; obligations, export, domain: their catalog module) and look the text up by language.",
    },
    schema: [],
  },
  create(context) {
    return {
      ConditionalExpression(node) {
        if (asksLanguage(node.test) && (isText(node.consequent) || isText(node.alternate))) {
          context.report({ node, messageId: "inline" });
        }
      },
    };
  },
};
