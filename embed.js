// maturity-quiz embed loader.
//
// A host page adds
//   <script type="module" src="https://their-host/maturity-quiz/embed.js"></script>
//   <maturity-quiz lang="nl"></maturity-quiz>
// This file defines the <maturity-quiz> element. The widget itself (the
// WebAssembly module and its stylesheet) lies next to this file and is found
// from this file's own URL, so the page and the widget may be on different
// origins. It is fetched once per page, and only when an element is actually
// on the page. Nothing here writes inline scripts or styles, so a strict
// Content-Security-Policy holds.
//
// The build puts wasm-bindgen's JS glue in front of this file
// (scripts/bundle-loader.sh), so that loader and glue arrive in one request:
// `__wbg_init` and `Widget` below are the glue's.

// Where the widget's two files come from, first match wins:
// 1. The single-file build (scripts/single-file.sh) sets MATURITY_QUIZ_INLINE
//    to them as data: URLs before this module runs, so that one HTML file
//    opened from disk needs nothing beside it.
// 2. A page whose bundler leaves the files alone (esbuild) copies them into a
//    folder of its choice and names that folder, relative to the page, in
//    MATURITY_QUIZ_PUBLIC_PATH before the first <maturity-quiz> connects
//    (like Ruffle's publicPath; see the README).
// 3. Otherwise they lie beside this file. Each URL is spelled out in full, a
//    `new URL` of the literal "./name" against `import.meta.url`: the one form
//    Vite and webpack 5 recognise, so they emit the file and rewrite the URL.
//    Each sits in a function that runs only when that file is needed, so a
//    bundle with no import.meta (an esbuild IIFE) works with rule 2.
const inlined = globalThis.MATURITY_QUIZ_INLINE ?? {};
const besideLoader = {
  "maturity-quiz_bg.wasm": () => new URL("./maturity-quiz_bg.wasm", import.meta.url),
  "style.css": () => new URL("./style.css", import.meta.url),
};
function asset(name) {
  if (inlined[name]) return inlined[name];
  const folder = globalThis.MATURITY_QUIZ_PUBLIC_PATH;
  if (folder) return new URL(name, new URL(String(folder).replace(/\/?$/, "/"), document.baseURI)).href;
  return besideLoader[name]().href;
}

let widgetModule = null;

/**
 * The widget's class, its wasm loaded and instantiated at most once per page.
 * The wasm's URL is always passed: the glue's own default, a second `new URL`
 * to the same file, is taken out at build time (scripts/bundle-loader.sh) so
 * that bundlers emit the wasm once.
 */
function loadWidget() {
  widgetModule ??= __wbg_init({ module_or_path: fetch(asset("maturity-quiz_bg.wasm")) }).then(
    () => Widget,
  );
  return widgetModule;
}

/** Links the widget's stylesheet into `root`; resolves once it applies. */
function linkStylesheet(root) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = asset("style.css");
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", () => reject(new Error(`cannot load ${link.href}`)), { once: true });
  });
  root.append(link);
  return loaded;
}

// What a visitor reads when the widget's files cannot be fetched, by language:
// content/ui.json's `load_failed`, which scripts/bundle-loader.sh writes in
// place of the marker at build time, so that every word lives in that file.
const LOAD_FAILED = /* load_failed */ {};

class MaturityQuizElement extends HTMLElement {
  static observedAttributes = ["lang"];

  /** The running widget, while the element is on the page. */
  #widget = null;
  /** Whether a mount waits for the wasm and the stylesheet. */
  #mounting = false;
  /** The stylesheet's load, once linked into the shadow root. */
  #styled = null;
  /** The timer of a pending teardown (see disconnectedCallback). */
  #teardown = null;

  connectedCallback() {
    if (this.#teardown !== null) {
      // Moved: taken out and put back before the teardown ran. The widget
      // goes on with its answers and its screen.
      clearTimeout(this.#teardown);
      this.#teardown = null;
      return;
    }
    if (this.#widget || this.#mounting) return;
    this.#mount();
  }

  disconnectedCallback() {
    // Moving an element (a framework reordering a list, say) disconnects it
    // and connects it again in the same task, or a microtask later; only an
    // element still out of the page a task later has left it. Its widget then
    // ends: its app, listeners and closures go, so that a single-page app
    // that shows and hides the widget does not pile up live ones. Progress is
    // saved as it changes, so coming back resumes it.
    if (this.#teardown !== null) return;
    this.#teardown = setTimeout(() => {
      this.#teardown = null;
      this.#widget?.destroy();
      this.#widget = null;
    }, 0);
  }

  #mount() {
    this.#mounting = true;
    let root = this.shadowRoot;
    if (!root) {
      root = this.attachShadow({ mode: "open" });
      this.#styled = linkStylesheet(root);
    }
    // What an earlier widget left (its emptied container, a notice) goes.
    for (const child of [...root.childNodes]) {
      if (child.nodeName !== "LINK") child.remove();
    }
    const container = document.createElement("div");
    Promise.all([loadWidget(), this.#styled]).then(
      ([Widget]) => {
        this.#mounting = false;
        // Left the page while the files loaded: mount when it comes back.
        if (!this.isConnected) return;
        root.append(container);
        this.#widget = new Widget(this, container);
      },
      (error) => {
        this.#mounting = false;
        const lang = (this.closest("[lang]")?.lang || "").toLowerCase().split("-")[0];
        const notice = document.createElement("p");
        notice.setAttribute("role", "alert");
        notice.className = "mq-load-error";
        notice.textContent = LOAD_FAILED[lang] ?? Object.values(LOAD_FAILED)[0];
        root.append(notice);
        console.error("maturity-quiz:", error);
      },
    );
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after) this.#widget?.languageChanged();
  }
}

if (!customElements.get("maturity-quiz")) {
  customElements.define("maturity-quiz", MaturityQuizElement);
}
