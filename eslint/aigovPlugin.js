// The project's own lint rules: house rules a reviewer would otherwise have to remember (issue 25).
import noHandwrittenOpenApi from "./noHandwrittenOpenApi.js";
import noInlineLanguageText from "./noInlineLanguageText.js";
import noRequestOrigin from "./noRequestOrigin.js";

export default {
  meta: { name: "aigov" },
  rules: {
    "no-handwritten-openapi": noHandwrittenOpenApi,
    "no-inline-language-text": noInlineLanguageText,
    "no-request-origin": noRequestOrigin,
  },
};
