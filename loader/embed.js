// @ts-check
// maturity-quiz embed loader.
//
// A host page adds
//   <script type="module" src="https://their-host/maturity-quiz/embed.js"></script>
//   <maturity-quiz lang="nl"></maturity-quiz>
// This file defines the <maturity-quiz> element. The widget itself (the
// WebAssembly module) lies next to this file and is found from this file's
// own URL, so the page and the widget may be on different origins. It is
// fetched once per page, and only when an element is actually on the page.
// It comes in two builds (issue 24): the respondent's, the quiz, which every
// page loads; and the facilitator's, the same with the group overview, which
// is fetched only when the overview is opened or the page opens on it.
// The stylesheet travels inside this file and is adopted by each shadow root
// as a constructed stylesheet, which a strict Content-Security-Policy allows
// like the rest: nothing here writes inline scripts or `<style>`.
//
// The build (scripts/bundle-loader.sh) bundles this module with what it
// imports into one minified dist/embed.js, so that loader, glue and
// stylesheet arrive in one request: wasm-bindgen's JS glue, and the data the
// build writes from the widget's own rules (src/prerender.rs) and files. tsc checks it against
// the glue's types, that data and npm/embed.d.ts first.

import initWidget, { Widget } from "../target/loader/maturity-quiz.js";
import initFacilitator, { Widget as FacilitatorWidget } from "../target/loader/maturity-quiz-group.js";
import { INTEGRITY, LOADER_DATA, STYLE } from "../target/loader/data.js";
import { chooseLanguage } from "./language.js";

/** @typedef {keyof typeof INTEGRITY} WidgetFile */

// Where the widget's files come from, first match wins:
// 1. The single-file build (scripts/single-file.sh) sets MATURITY_QUIZ_INLINE
//    to them as data: URLs before this module runs, so that one HTML file
//    opened from disk needs nothing beside it.
// 2. A page whose bundler leaves the files alone (esbuild) copies them into a
//    folder of its choice and names that folder in MATURITY_QUIZ_PUBLIC_PATH
//    before the first <maturity-quiz> connects (like Ruffle's publicPath; see
//    the README). A relative folder is taken from the loader's own address.
// 3. Otherwise they lie beside this file. Each URL is spelled out in full, a
//    `new URL` of the literal "./name" against `import.meta.url`: the one form
//    Vite and webpack 5 recognise, so they emit the file and rewrite the URL.
//    Each sits in a function that runs only when that file is needed, so a
//    bundle with no import.meta (an esbuild IIFE) works with rule 2.
// Whatever the address, each file must match the hash the build wrote
// (INTEGRITY, Subresource Integrity), so a file swapped on a server or a CDN,
// or named by a setting the page did not mean to give, is refused rather
// than run.
/** @type {Record<WidgetFile, () => URL>} */
const besideLoader = {
  "maturity-quiz_bg.wasm": () => new URL("./maturity-quiz_bg.wasm", import.meta.url),
  "maturity-quiz-group_bg.wasm": () => new URL("./maturity-quiz-group_bg.wasm", import.meta.url),
};

/**
 * The page's setting `name`, only when the page itself assigned it. An
 * element with that `id` or `name` also answers `globalThis[name]` (named
 * access on the window), so markup a sanitiser lets through, such as
 * `<a id="MATURITY_QUIZ_PUBLIC_PATH" href="https://elsewhere/">`, could
 * otherwise choose where the widget's code comes from. Named elements live on
 * the window's prototype chain, never as its own property.
 * @param {string} name
 * @returns {unknown}
 */
function setting(name) {
  return Object.hasOwn(globalThis, name) ? /** @type {Record<string, unknown>} */ (globalThis)[name] : undefined;
}

/**
 * The single file's data: URLs, when the page gave them as a plain object.
 * @param {WidgetFile} name
 */
function inlined(name) {
  const files = setting("MATURITY_QUIZ_INLINE");
  if (files === null || typeof files !== "object") return undefined;
  const prototype = Object.getPrototypeOf(files);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const url = Object.hasOwn(files, name) ? /** @type {Record<string, unknown>} */ (files)[name] : undefined;
  return typeof url === "string" && url.startsWith("data:") ? url : undefined;
}

/**
 * This module's own address, which a relative MATURITY_QUIZ_PUBLIC_PATH is
 * resolved against: never `document.baseURI`, which an injected `<base>`
 * could point elsewhere. A bundle without import.meta (an esbuild IIFE) is a
 * classic script, and `document.currentScript` names it while it runs.
 */
const loaderAddress = (() => {
  // An SVG <script> has no `src`: the page's address then.
  const script = /** @type {{ src?: string } | null} */ (document.currentScript);
  try {
    return import.meta.url ?? script?.src ?? location.href;
  } catch {
    return script?.src ?? location.href;
  }
})();

/**
 * The address of the widget's file `name`, by the rules above.
 * @param {WidgetFile} name
 */
function asset(name) {
  const data = inlined(name);
  if (data) return data;
  const folder = setting("MATURITY_QUIZ_PUBLIC_PATH");
  if (typeof folder === "string" && folder !== "") {
    return new URL(name, new URL(folder.replace(/\/?$/, "/"), loaderAddress)).href;
  }
  return besideLoader[name]().href;
}

/**
 * The two builds: each its glue's init, its class and its wasm. Both classes
 * take the same arguments (src/embed.rs).
 */
const builds = {
  respondent: { init: initWidget, Widget, file: /** @type {const} */ ("maturity-quiz_bg.wasm") },
  facilitator: { init: initFacilitator, Widget: FacilitatorWidget, file: /** @type {const} */ ("maturity-quiz-group_bg.wasm") },
};

/** @typedef {keyof typeof builds} Build */

/** @type {Partial<Record<Build, Promise<typeof Widget>>>} */
const widgetModules = {};

/**
 * The class of `build`, its wasm loaded and instantiated at most once per
 * page. The wasm's URL is always passed: the build makes the glue without a
 * default of its own, a second `new URL` to the same file
 * (scripts/bundle-loader.sh), so that bundlers emit the wasm once.
 * @param {Build} build
 * @returns {Promise<typeof Widget>}
 */
function loadWidget(build) {
  const { init, Widget, file } = builds[build];
  widgetModules[build] ??= init({
    module_or_path: fetch(asset(file), { integrity: INTEGRITY[file], credentials: "omit" }),
  }).then(() => Widget);
  return widgetModules[build];
}

/** @type {CSSStyleSheet | null} */
let stylesheet = null;

/**
 * The widget's stylesheet, made once per page and adopted by every widget's
 * shadow root: styled from the first frame it shows in, with no request of
 * its own.
 */
function widgetStylesheet() {
  if (!stylesheet) {
    stylesheet = new CSSStyleSheet();
    stylesheet.replaceSync(STYLE);
  }
  return stylesheet;
}

// What the build prerendered (src/prerender.rs): the built-in
// questionnaire's `intro` per language as a tree of plain data, the tables
// its `languages` are picked by, what makes the widget open on another screen
// (`intro_unless`), and the loader's own `texts` (`loading`, `load_failed`)
// with their tables, so that every word lives in content/ui.json and every
// rule in the widget's Rust.

/**
 * The questionnaire's language for `element`: its `lang`, the page's, the browser's.
 * @param {Element} element
 */
function language(element) {
  const tags = [element.getAttribute("lang"), document.documentElement.getAttribute("lang"), ...(navigator.languages ?? [])];
  return /** @type {keyof typeof LOADER_DATA.intro} */ (chooseLanguage(tags, LOADER_DATA.languages));
}

/**
 * The loader's own words, in the language of the nearest `lang` around `element`.
 * @param {Element} element
 */
function texts(element) {
  const { languages, words } = LOADER_DATA.texts;
  const code = chooseLanguage([element.closest("[lang]")?.getAttribute("lang")], languages);
  return words[/** @type {keyof typeof words} */ (code)];
}

/**
 * Whether the widget will open on the built-in questionnaire's intro: not
 * with another questionnaire (an attribute, inline JSON), not for a
 * facilitator (by attribute or fragment), not when the address holds a
 * result, not with saved progress of any version (resumed, or removed with
 * a notice), and not when storage is blocked (the widget says so first).
 * @param {Element} element
 */
function opensOnIntro(element) {
  const unless = LOADER_DATA.intro_unless;
  if (element.hasAttribute(unless.source_attribute) || element.querySelector(unless.inline_source)) return false;
  if (opensOnGroup(element)) return false;
  const fragment = location.hash.replace(/^#/, "");
  if (fragment.split("&").some((pair) => pair.startsWith(`${unless.result_parameter}=`))) return false;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i)?.startsWith(unless.storage)) return false;
    }
  } catch {
    return false;
  }
  return true;
}

/**
 * Whether the widget will open on the group overview, by attribute
 * (`mode="group"`) or fragment (`#group`): then it needs the facilitator's build.
 * @param {Element} element
 */
function opensOnGroup(element) {
  const { group_mode: [attribute, value], group_fragment } = LOADER_DATA.intro_unless;
  return element.getAttribute(attribute) === value || location.hash.replace(/^#/, "") === group_fragment;
}

/** @typedef {string | readonly [string, readonly string[], ...any[]]} TreeNode */

/**
 * Elements from the prerendered tree: `[tag, [name, value, …], …children]` or text.
 * @param {TreeNode} node
 * @returns {Node}
 */
function build(node) {
  if (typeof node === "string") return document.createTextNode(node);
  const [tag, attributes, ...children] = node;
  const element = document.createElement(tag);
  for (let i = 0; i < attributes.length; i += 2) element.setAttribute(attributes[i], attributes[i + 1]);
  element.append(...children.map(build));
  return element;
}

/**
 * What can take focus or a click in a screen, in document order.
 * @param {ParentNode} container
 * @returns {HTMLElement[]}
 */
const controls = (container) => [...container.querySelectorAll("button, summary")].map((control) => /** @type {HTMLElement} */ (control));

/**
 * How long the hand-over waits for the widget's first render. That takes
 * milliseconds; even at 4x CPU throttling the first question shows 0.85 s
 * after navigation, download and compile included (BENCHMARKS.md). Ten
 * seconds is a widget that will not render.
 */
const HAND_OVER_LIMIT_MS = 10_000;

/**
 * The loader's sentence for a widget that cannot start, in `element`'s language.
 * @param {Element} element
 */
function loadFailed(element) {
  const notice = document.createElement("p");
  notice.setAttribute("role", "alert");
  notice.className = "mq-load-error";
  notice.textContent = texts(element).load_failed;
  return notice;
}

/**
 * What the widget shows until its wasm runs: the intro, prerendered, when
 * that is its first screen, else a line saying it loads. A click on the
 * prerendered intro's buttons is remembered, not lost.
 */
class Placeholder {
  /** @param {Element} element */
  constructor(element) {
    this.container = document.createElement("div");
    /** The widget's element, for the words of a failure. */
    this.element = element;
    /** @type {number[]} Indexes (in `controls`) of the buttons clicked, in order. */
    this.clicks = [];
    if (opensOnIntro(element)) {
      const intro = /** @type {Element} */ (build(LOADER_DATA.intro[language(element)]));
      // Busy until the widget runs; its buttons answer only then.
      intro.setAttribute("aria-busy", "true");
      for (const button of intro.querySelectorAll("button")) button.setAttribute("aria-disabled", "true");
      this.container.append(intro);
      this.container.addEventListener("click", (event) => {
        const button = event.target instanceof Element ? event.target.closest("button") : null;
        const index = button ? controls(this.container).indexOf(button) : -1;
        if (index >= 0 && this.clicks.at(-1) !== index) this.clicks.push(index);
      });
    } else {
      const line = document.createElement("p");
      line.className = "mq-loading";
      line.setAttribute("role", "status");
      line.textContent = texts(element).loading;
      this.container.append(line);
    }
  }

  /**
   * Puts `rendered` (the widget's container) in the placeholder's place once
   * the widget's first render is in it: in the same task, so no frame shows
   * neither. Focus, open disclosures and remembered clicks carry over to the
   * same controls, which the intro and its prerender have in the same order.
   * @param {Element} rendered
   * @param {ShadowRoot} root
   */
  handOver(rendered, root) {
    if (!this.container.isConnected) return; // replaced by a crash notice, or the element left
    if (!rendered.firstChild) {
      // yew renders in a microtask, or over a few tasks when it yields on a
      // slow device: the first child is awaited, but not for ever. A widget
      // that never renders is a bug; the visitor gets the loader's sentence
      // instead of a busy intro that never answers.
      const observer = new MutationObserver(() => {
        if (!rendered.firstChild) return;
        settle();
        this.handOver(rendered, root);
      });
      const limit = setTimeout(() => {
        settle();
        if (!this.container.isConnected) return;
        this.container.replaceWith(loadFailed(this.element));
        console.error(`maturity-quiz: the widget did not render within ${HAND_OVER_LIMIT_MS} ms`);
      }, HAND_OVER_LIMIT_MS);
      const settle = () => {
        observer.disconnect();
        clearTimeout(limit);
      };
      observer.observe(rendered, { childList: true });
      return;
    }
    const before = controls(this.container);
    const after = controls(rendered);
    const focused = root.activeElement instanceof HTMLElement ? before.indexOf(root.activeElement) : -1;
    const open = [...this.container.querySelectorAll("details")].map((details) => details.open);
    [...rendered.querySelectorAll("details")].forEach((details, i) => (details.open ||= open[i] ?? false));
    this.container.replaceWith(rendered);
    if (focused >= 0) after[focused]?.focus();
    for (const index of this.clicks) after[index]?.click();
  }
}

/** @typedef {HTMLElementTagNameMap[typeof LOADER_DATA.tag]} DocumentedElement */

/**
 * The element. npm/embed.d.ts describes the element of this tag to site
 * owners, and tsc holds the three together: the tag the widget's Rust names
 * must be the d.ts's, and this class what the d.ts promises.
 * @implements {DocumentedElement}
 */
class MaturityQuizElement extends HTMLElement {
  static observedAttributes = ["lang"];

  /** @type {Widget | null} The running widget, while the element is on the page. */
  #widget = null;
  /** Whether a mount waits for the wasm. */
  #mounting = false;
  /** @type {ReturnType<typeof setTimeout> | null} The timer of a pending teardown (see disconnectedCallback). */
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
      root.adoptedStyleSheets = [widgetStylesheet()];
    }
    // What an earlier mount left (a placeholder, a notice) goes; an ended
    // widget's own element has left already.
    root.replaceChildren();
    const placeholder = new Placeholder(this);
    root.append(placeholder.container);
    loadWidget(opensOnGroup(this) ? "facilitator" : "respondent").then(
      (Widget) => {
        this.#mounting = false;
        // Left the page while the files loaded: mount when it comes back.
        if (!this.isConnected) return;
        // The widget renders into an element of its own (a fresh one, or
        // the one an ended widget of the page left: see src/view/slot.rs),
        // which replaces the placeholder once it holds the first render:
        // yew renders in a microtask, and may yield to the browser on a
        // slow device.
        const widget = new Widget(this, document.createElement("div"), false, () => this.#toFacilitator(widget));
        this.#widget = widget;
        const rendered = widget.element;
        queueMicrotask(() => placeholder.handOver(rendered, root));
      },
      (error) => {
        this.#mounting = false;
        placeholder.container.remove();
        root.append(loadFailed(this));
        console.error("maturity-quiz:", error);
      },
    );
  }

  /**
   * Puts the facilitator's build in the place of `respondent`, the
   * respondent's widget, whose visitor opened the group overview (it shows a
   * line saying the overview loads). The facilitator's opens on the
   * overview, with the way back to the saved progress. Its element is on
   * the page before it starts, so that it renders there and its heading
   * takes focus; yew's first render comes before the next frame.
   * @param {Widget} respondent
   */
  #toFacilitator(respondent) {
    if (this.#widget !== respondent || this.#mounting) return;
    this.#mounting = true;
    loadWidget("facilitator").then(
      (Widget) => {
        this.#mounting = false;
        // Ended while the file loaded: the element left the page.
        if (this.#widget !== respondent || !this.isConnected) return;
        // On the page before the widget starts, however soon it renders.
        const container = document.createElement("div");
        respondent.element.replaceWith(container);
        respondent.destroy();
        const widget = new Widget(this, container, true, () => {});
        // A root an ended widget of this build left is used instead.
        if (widget.element !== container) container.replaceWith(widget.element);
        this.#widget = widget;
      },
      (error) => {
        this.#mounting = false;
        if (this.#widget !== respondent) return;
        respondent.element.replaceWith(loadFailed(this));
        respondent.destroy();
        this.#widget = null;
        console.error("maturity-quiz:", error);
      },
    );
  }

  /**
   * @param {string} name
   * @param {string | null} before
   * @param {string | null} after
   */
  attributeChangedCallback(name, before, after) {
    if (before !== after) this.#widget?.languageChanged();
  }
}

if (!customElements.get(LOADER_DATA.tag)) {
  customElements.define(LOADER_DATA.tag, MaturityQuizElement);
}
