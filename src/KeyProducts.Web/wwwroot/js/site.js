// Progressive enhancement only: every page works without this file. No inline script anywhere (strict CSP).
(() => {
  "use strict";

  // The error summary takes focus so screen readers announce it.
  function focusErrorSummary() {
    const summary = document.querySelector("[data-testid=error-summary]");
    if (summary) summary.focus();
  }

  // Links and buttons that ask first: data-confirm="Question?".
  function confirmations() {
    document.querySelectorAll("[data-confirm]").forEach(el => {
      const ask = e => { if (!window.confirm(el.getAttribute("data-confirm"))) { e.preventDefault(); e.stopImmediatePropagation(); } };
      if (el.tagName === "FORM") el.addEventListener("submit", ask);
      else el.addEventListener("click", ask);
    });
  }

  // Forms marked data-unsaved="message" warn before the page is left with changes not saved.
  let dirty = 0;
  function unsavedWarnings() {
    document.querySelectorAll("form[data-unsaved]").forEach(form => {
      let changed = false;
      const mark = () => { if (!changed) { changed = true; dirty++; form.setAttribute("data-dirty", "true"); } };
      form.addEventListener("input", mark);
      form.addEventListener("change", mark);
      form.addEventListener("submit", () => { if (changed) { changed = false; dirty--; form.removeAttribute("data-dirty"); } });
    });
    window.addEventListener("beforeunload", e => {
      if (dirty > 0) { e.preventDefault(); e.returnValue = ""; }
    });
  }

  // A submit button with data-busy="Saving…" disables itself and shows progress once its form is on its way.
  function busy(form, submitter) {
    const buttons = form.querySelectorAll("button[type=submit], input[type=submit]");
    // Disable after the submit event so the clicked button's name and value are still sent.
    window.setTimeout(() => buttons.forEach(b => { b.disabled = true; b.setAttribute("aria-disabled", "true"); }), 0);
    const b = submitter && submitter.hasAttribute("data-busy") ? submitter : form.querySelector("[data-busy]");
    if (b && b.tagName === "BUTTON") {
      b.dataset.label = b.textContent;
      b.textContent = "";
      const spin = document.createElement("span");
      spin.className = "spinner-border spinner-border-sm me-1";
      spin.setAttribute("aria-hidden", "true");
      b.append(spin, document.createTextNode(b.getAttribute("data-busy")));
    }
    form.setAttribute("aria-busy", "true");
  }

  function busyButtons() {
    document.querySelectorAll("form").forEach(form => {
      if (!form.querySelector("[data-busy]") || form.hasAttribute("data-upload")) return;
      form.addEventListener("submit", e => { if (!e.defaultPrevented) busy(form, e.submitter); });
    });
  }

  // Upload forms (data-upload="Uploading… {0}%") send the file with a visible progress bar, then follow the answer.
  function uploads() {
    document.querySelectorAll("form[data-upload]").forEach(form => {
      form.addEventListener("submit", e => {
        const file = form.querySelector("input[type=file]");
        if (!window.FormData || !window.XMLHttpRequest || !file || file.files.length === 0) return; // the server explains
        e.preventDefault();
        busy(form, e.submitter);
        const bar = form.querySelector("progress");
        const label = form.getAttribute("data-upload");
        const xhr = new XMLHttpRequest();
        xhr.open("POST", form.action);
        if (bar) {
          bar.hidden = false;
          xhr.upload.addEventListener("progress", p => {
            if (!p.lengthComputable) return;
            const pct = Math.round(p.loaded * 100 / p.total);
            bar.value = pct;
            bar.textContent = label.replace("{0}", pct);
          });
        }
        xhr.addEventListener("load", () => {
          if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL && xhr.responseURL !== form.action) {
            window.location.assign(xhr.responseURL);
          } else {
            // The form came back with an error beside the field: show that page as the server rendered it.
            document.open();
            document.write(xhr.responseText);
            document.close();
          }
        });
        xhr.addEventListener("error", () => form.submit());
        xhr.send(new FormData(form));
      });
    });
  }

  // A table wider than its region scrolls inside it (on phones the table itself is the scrolling box); keyboard users can
  // then focus and scroll it. Checked at load and again when the window changes size.
  function scrollRegions() {
    const scrolls = el => el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    document.querySelectorAll("main table, .table-region").forEach(el => {
      if (el.tagName === "TABLE" && scrolls(el)) {
        // The table keeps its own role: it only becomes focusable.
        if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
        return;
      }
      const region = el.classList.contains("table-region") ? el : el.parentElement;
      if (!region || region.tagName === "MAIN") return;
      if (region.scrollWidth > region.clientWidth + 1 && !region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
        if (!region.hasAttribute("role")) region.setAttribute("role", "region");
        const caption = el.querySelector("caption");
        if (!region.hasAttribute("aria-label") && !region.hasAttribute("aria-labelledby"))
          region.setAttribute("aria-label", caption ? caption.textContent.trim() : document.title.split(" · ")[0]);
      }
    });
  }

  // Score sheets: the total of the points typed so far ("4,5" or "4.5"), shown in Vietnamese format as it changes.
  function runningTotals() {
    document.querySelectorAll("form").forEach(form => {
      const out = form.querySelector("output[data-total]");
      if (!out) return;
      const fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
      const update = () => {
        let sum = 0;
        form.querySelectorAll("[data-points]").forEach(el => {
          const v = Number.parseFloat(String(el.value || "").trim().replace(/\./g, "").replace(",", "."));
          const raw = String(el.value || "").trim();
          // "4.5" typed with a dot is a decimal point, not a thousands separator.
          const n = /^\d+\.\d{1,2}$/.test(raw) ? Number.parseFloat(raw) : v;
          if (Number.isFinite(n) && n >= 0) sum += n;
        });
        out.textContent = fmt.format(sum);
      };
      form.addEventListener("input", update);
      form.addEventListener("change", update);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    runningTotals();
    focusErrorSummary();
    confirmations();
    unsavedWarnings();
    busyButtons();
    uploads();
    scrollRegions();
    window.addEventListener("resize", scrollRegions);
  });
})();
