// The rule's type, for the test that runs it (src/http/noHandwrittenOpenApi.test.ts); the rule is plain JS
// because eslint.config.js loads it without a compiler.
import type { Rule } from "eslint";

declare const rule: Rule.RuleModule;
export default rule;
