// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-testid=error-summary]");
  if (summary) summary.focus();
  document.querySelectorAll("[data-confirm]").forEach(el => {
    el.addEventListener("click", e => { if (!window.confirm(el.getAttribute("data-confirm"))) e.preventDefault(); });
  });
});
