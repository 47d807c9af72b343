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

// The single-file build (scripts/single-file.sh) sets MATURITY_QUIZ_INLINE to
// the wasm and stylesheet as data: URLs before this module runs, so that one
// HTML file opened from disk needs nothing beside it.
const inlined = globalThis.MATURITY_QUIZ_INLINE ?? {};
const asset = (name) => inlined[name] ?? new URL(name, import.meta.url).href;

let widgetModule = null;

/** The widget's class, its wasm loaded and instantiated at most once per page. */
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

const LOAD_FAILED = {
  nl: "De vragenlijst kon niet worden geladen. Controleer de verbinding en laad de pagina opnieuw.",
  en: "The questionnaire could not be loaded. Check the connection and reload the page.",
};

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
        const lang = (this.closest("[lang]")?.lang || "nl").slice(0, 2);
        const notice = document.createElement("p");
        notice.setAttribute("role", "alert");
        notice.className = "mq-load-error";
        notice.textContent = LOAD_FAILED[lang] ?? LOAD_FAILED.nl;
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
