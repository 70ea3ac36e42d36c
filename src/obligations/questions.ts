import { PROFILE_FIELD_LABELS, type ProfileFieldLabel } from "../domain/profileLabels.js";
import type { MissingField, Question } from "../domain/checkResult.js";
import type { ObligationsData } from "../reference/obligationsData.js";

/** The missing fields as questions, the one deciding most duties first. */
export function questionsFor(missing: MissingField[], data: ObligationsData): Question[] {
  const labels = PROFILE_FIELD_LABELS as Record<string, ProfileFieldLabel>;
  return missing
    .map((m) => ({
      field: m.field,
      label: labels[m.field]?.label ?? { en: m.field },
      question: labels[m.field]?.question ?? { en: m.field },
      decides: m.decides.map((id) => ({
        obligation: id,
        title: data.obligations.find((o) => o.id === id)?.title ?? { en: id },
      })),
    }))
    .sort((a, b) => b.decides.length - a.decides.length || a.field.localeCompare(b.field));
}
