// Builds dist/ with webpack 5's defaults (production mode, no loaders or
// rules): webpack finds the widget's wasm and stylesheet through the loader's
// `new URL("./…", import.meta.url)` and emits them as assets. The page,
// index.html, is copied beside the bundle.
import { copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import webpack from "webpack";

const dist = fileURLToPath(new URL("./dist/", import.meta.url));
const compiler = webpack({
  mode: "production",
  context: fileURLToPath(new URL(".", import.meta.url)),
  entry: "./src/index.js",
  output: { path: dist, filename: "main.js", clean: true },
});
compiler.run((error, stats) => {
  compiler.close(() => {});
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString({ all: false, errors: true, errorDetails: true }));
    process.exit(1);
  }
  copyFileSync("index.html", `${dist}/index.html`);
  console.log(stats.toString({ colors: false, modules: false, assets: true }));
});
