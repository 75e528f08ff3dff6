// Draws the dashboard's charts from data-kpi-chart attributes. Each chart has a table with the same numbers
// beside it, so the page reads fully without JavaScript or a screen.
(() => {
  const palette = ["#8b1a1a", "#c77c00", "#2f6f8f", "#4f7f3a", "#6b4f9a", "#a8322b", "#5c6b73", "#d4a017"];
  const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  document.querySelectorAll("canvas[data-kpi-chart]").forEach(canvas => {
    if (typeof Chart === "undefined") return;
    const spec = JSON.parse(canvas.getAttribute("data-kpi-chart"));
    const datasets = spec.datasets.map((d, i) => {
      const colour = palette[i % palette.length];
      const set = { label: d.label, data: d.data, borderColor: colour, backgroundColor: colour, spanGaps: true };
      if (spec.type === "doughnut") set.backgroundColor = d.data.map((_, j) => palette[j % palette.length]);
      if (d.dashed) { set.borderDash = [6, 4]; set.pointRadius = 0; set.backgroundColor = "transparent"; }
      if (d.bar) { set.type = "bar"; set.backgroundColor = "rgba(47,111,143,0.35)"; set.borderColor = "#2f6f8f"; }
      return set;
    });
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false, locale: "vi-VN",
        plugins: { tooltip: { callbacks: { label: c => `${c.dataset.label}: ${vi.format(c.parsed.y ?? c.parsed)}` } } },
        scales: spec.type === "doughnut" ? {} : { y: { beginAtZero: true, ticks: { callback: v => vi.format(v) } } },
      },
    });
  });
})();
