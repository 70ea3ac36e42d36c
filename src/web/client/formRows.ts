// "Add a row" of a list field in the edit form (sources, effective dates, relations, identifiers),
// without a round trip: a copy of the list's last row, emptied and numbered next. Without this script
// the same button posts the form and the server answers it one row longer.

type FormField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Enhances one list fieldset (data-module="form-rows"). */
export function formRows(element: HTMLElement): void {
  const button = element.querySelector<HTMLButtonElement>('button[name="action"]');
  if (!button) return;
  button.addEventListener("click", (event) => {
    const rows = element.querySelectorAll<HTMLElement>(".form-row");
    const last = rows[rows.length - 1];
    if (!last) return;
    event.preventDefault();
    // The server numbers a list's rows 0, 1, …: the new one is next.
    const index = rows.length;
    const renumber = (value: string, separator: "." | "-") =>
      value.replace(separator === "." ? /\.\d+\./ : /-\d+-/, `${separator}${index}${separator}`);
    const copy = last.cloneNode(true) as HTMLElement;
    for (const field of copy.querySelectorAll<FormField>("input, textarea, select")) {
      field.name = renumber(field.name, ".");
      field.id = renumber(field.id, "-");
      if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = false;
      else field.value = "";
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    }
    for (const label of copy.querySelectorAll("label")) label.htmlFor = renumber(label.htmlFor, "-");
    for (const message of copy.querySelectorAll(".field-error")) message.remove();
    last.after(copy);
    copy.querySelector<FormField>("input, textarea, select")?.focus();
  });
}
