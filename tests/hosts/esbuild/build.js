// Bundles src/main.js with esbuild's defaults for the browser (an IIFE) into
// dist/app.js. esbuild leaves the widget's two wasm files alone, so, by the
// README's rule, they are copied into a folder of the site, which src/public-path.js
// names in MATURITY_QUIZ_PUBLIC_PATH before the package is imported.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as esbuild from "esbuild";

rmSync("dist", { recursive: true, force: true });
await esbuild.build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  outfile: "dist/app.js",
  logLevel: "warning",
});

const pkg = dirname(createRequire(import.meta.url).resolve("maturity-quiz/package.json"));
const folder = "dist/static/maturity-quiz";
mkdirSync(folder, { recursive: true });
for (const file of ["maturity-quiz_bg.wasm", "maturity-quiz-group_bg.wasm"]) {
  copyFileSync(join(pkg, file), join(folder, file));
}
copyFileSync("index.html", "dist/index.html");
