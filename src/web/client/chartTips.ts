/**
 * Tooltips for a chart (data-module="chart-tips"): the text of the mark under the pointer (data-tip) in
 * a small box that follows it. The chart's table beside it holds the same numbers for keyboards and
 * screen readers, so the tooltip is a convenience for pointers only.
 */
export function chartTips(element: HTMLElement): void {
  const tip = document.createElement("div");
  tip.className = "chart-tip";
  tip.hidden = true;
  tip.setAttribute("aria-hidden", "true");
  element.appendChild(tip);
  element.addEventListener("pointermove", (event) => {
    const mark = (event.target as Element | null)?.closest?.("[data-tip]");
    if (!mark) {
      tip.hidden = true;
      return;
    }
    tip.textContent = mark.getAttribute("data-tip");
    tip.hidden = false;
    const box = element.getBoundingClientRect();
    // Positioned through CSS custom properties set by script: the CSP forbids style attributes in markup,
    // not styles set from an allowed script.
    tip.style.setProperty("--tip-x", `${Math.min(event.clientX - box.left + 12, box.width - 160)}px`);
    tip.style.setProperty("--tip-y", `${event.clientY - box.top + 12}px`);
  });
  element.addEventListener("pointerleave", () => {
    tip.hidden = true;
  });
}
