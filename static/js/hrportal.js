// Page behaviour, all progressive: every page works without it.
const script = document.querySelector("script[data-govuk-frontend]");

// GOV.UK Frontend: error summary takes focus, service navigation collapses on a narrow screen, …
import(script.dataset.govukFrontend).then(({ initAll }) => initAll());

// A table wider than the screen scrolls inside its container: make that container reachable by keyboard
// and give it the table's caption as its name, but only when it really scrolls.
function markScrollableTables() {
  for (const box of document.querySelectorAll(".hr-table-scroll")) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      const caption = box.querySelector("caption");
      box.setAttribute("aria-label", box.dataset.label || (caption ? caption.textContent.trim() : document.title));
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
}
markScrollableTables();
window.addEventListener("resize", markScrollableTables);

// A link or button with data-print prints the page (the audit trail, a report).
for (const el of document.querySelectorAll("[data-print]")) {
  el.addEventListener("click", (event) => { event.preventDefault(); window.print(); });
}

// A field that only applies for one value of another (data-depends-on="pattern=flexible") is hidden
// otherwise; without JavaScript every field shows and the server ignores what does not apply.
for (const group of document.querySelectorAll(".govuk-form-group[data-depends-on]")) {
  const [name, value] = group.dataset.dependsOn.split("=");
  const form = group.closest("form");
  if (!form || !form.elements[name]) continue;
  const update = () => { group.hidden = form.elements[name].value !== value; };
  form.addEventListener("change", update);
  update();
}
