// Copies only the dist files the app serves into wwwroot/lib.
import { cpSync, rmSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
const dest = process.env.WWWROOT_LIB ?? "../src/KeyProducts.Web/wwwroot/lib";
const files = {
  "bootstrap/dist/css/bootstrap.min.css": "bootstrap/css/bootstrap.min.css",
  "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/js/bootstrap.bundle.min.js",
  "bootstrap/LICENSE": "bootstrap/LICENSE",
  "bootstrap-icons/font/bootstrap-icons.min.css": "bootstrap-icons/bootstrap-icons.min.css",
  "bootstrap-icons/font/fonts": "bootstrap-icons/fonts",
  "bootstrap-icons/LICENSE": "bootstrap-icons/LICENSE",
  "chart.js/dist/chart.umd.min.js": "chartjs/chart.umd.min.js",
  "chart.js/LICENSE.md": "chartjs/LICENSE.md",
};
for (const lib of new Set(Object.values(files).map(p => p.split("/")[0]))) rmSync(join(dest, lib), { recursive: true, force: true });
for (const [src, dst] of Object.entries(files)) {
  const to = join(dest, dst);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(join("node_modules", src), to, { recursive: true });
}
console.log("vendored into", dest);
