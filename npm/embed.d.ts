// Types for the maturity-quiz package.
//
// Importing the package (`import "maturity-quiz"`) defines the
// <maturity-quiz> element; it exports nothing a page calls. These types make
// the element and its three events known to TypeScript: after the import,
// `document.querySelector("maturity-quiz")` is a `MaturityQuizElement`, and
// `document.addEventListener("maturity-quiz:complete", (e) => e.detail.phase)`
// knows the shape of `detail`. The shapes are the ones the project's README
// documents; custom-elements.json describes the same element for editors and
// documentation tools.

/** Which questionnaire an event is about: the built-in one is `{ id: "social-maturity", version: 3 }`. */
export interface MaturityQuizQuestionnaire {
  id: string;
  version: number;
}

/** `detail` of `maturity-quiz:start`, sent when a respondent starts the questionnaire. */
export interface MaturityQuizStartDetail {
  questionnaire: MaturityQuizQuestionnaire;
  /** The widget's language, such as `"nl"` or `"en"`. */
  language: string;
}

/** An answer: a phase's level (1 is the first phase), or "don't know". */
export type MaturityQuizAnswer = number | "dont-know";

/** `detail` of `maturity-quiz:answer`, sent each time a question is answered. */
export interface MaturityQuizAnswerDetail extends MaturityQuizStartDetail {
  /** The question's id in the questionnaire, such as `"q8"`; ids never change. */
  questionId: string;
  /** 1 for the first question. */
  questionNumber: number;
  answer: MaturityQuizAnswer;
}

/** A phase of the model, named in the widget's language. */
export interface MaturityQuizPhase {
  /** 1 for the first phase. */
  level: number;
  /** Such as `"experimental"`; ids never change. */
  id: string;
  /** Such as `"Experimental"` or `"Experimenteel"`. */
  name: string;
}

/** One dimension of a result. */
export interface MaturityQuizDimension {
  id: string;
  name: string;
  /** The average of the dimension's answers, to at most four decimals; `null` when none was answered. */
  score: number | null;
  phase: MaturityQuizPhase | null;
}

/** `detail` of `maturity-quiz:complete`, sent once per result: when the respondent arrives at it by answering, not when a reload resumes on it or a link or the group view shows over it. */
export interface MaturityQuizCompleteDetail extends MaturityQuizStartDetail {
  /** The overall phase. */
  phase: MaturityQuizPhase;
  /** The average of the dimension scores, to at most four decimals. */
  mean: number;
  /** True when a dimension is unanswered or fewer than three quarters of the questions are. */
  provisional: boolean;
  /** True when the strongest and weakest dimensions lie two or more phases apart. */
  uneven: boolean;
  /** The ids of the weakest dimensions when they held the overall phase down; else empty. */
  cappedBy: string[];
  /** How many questions have an answer other than "don't know". */
  answered: number;
  total: number;
  /** In the questionnaire's order. */
  dimensions: MaturityQuizDimension[];
  /** Per question id, in question order; `null` for a question left open. */
  answers: Record<string, MaturityQuizAnswer | null>;
  /** Per background question id (`sector`, `size` in the built-in one): the answer's id, or `null` when skipped. */
  profile: Record<string, string | null>;
  /** Only when the host gave a benchmark of this questionnaire and version: where the result stands in that poll. */
  benchmark?: MaturityQuizStanding;
}

/** Where a result stands in the poll of a benchmark. */
export interface MaturityQuizStanding {
  /** The poll's name, as its facilitator gave it. */
  title: string;
  /** The poll's date, as its facilitator gave it. */
  date: string;
  /** How many results the poll holds. */
  results: number;
  /** How many of them reached the result's phase or a more mature one. */
  reached: number;
  /** The same among the results with the respondent's answer to a background question, for each such segment the poll holds (five results or more). */
  segments: MaturityQuizSegmentStanding[];
  /** The poll's median score per dimension, in the questionnaire's order; `null` where no result had a score. */
  dimensions: { id: string; median: number | null }[];
}

/** Where a result stands among the poll's results with one answer to one background question. */
export interface MaturityQuizSegmentStanding {
  /** The background question's id. */
  question: string;
  /** The answer's id. */
  answer: string;
  results: number;
  reached: number;
}

/** The events a <maturity-quiz> sends; they bubble and are composed, so the document and the window hear them too. */
export interface MaturityQuizEventMap {
  "maturity-quiz:start": CustomEvent<MaturityQuizStartDetail>;
  "maturity-quiz:answer": CustomEvent<MaturityQuizAnswerDetail>;
  "maturity-quiz:complete": CustomEvent<MaturityQuizCompleteDetail>;
}

/** The element's attributes and their values, for frameworks' element typings (see the README on React). */
export interface MaturityQuizAttributes {
  /** One of the questionnaire's languages (the built-in one: `nl`, `en`); else the page's `<html lang>`, the browser's languages, Dutch. The widget's own words are in Dutch, English, German and French, or in the questionnaire's own `ui` words, else English. Changing it later switches the language. */
  lang?: string;
  /** `auto` (the default) follows the visitor's system. */
  theme?: "auto" | "light" | "dark";
  /** `group` shows only the group view; read once, when the widget starts. */
  mode?: "group";
  /** The URL of a questionnaire of your own, in the questionnaire format; read once, when the widget starts. */
  src?: string;
  /** The URL of a benchmark the group view made (a poll's totals): the result says where it stands in that poll; read once, when the widget starts. */
  benchmark?: string;
  /** The address a result's link starts with, instead of the page's own address without its query: an absolute http(s) URL, or a path resolved against the page. Its query is kept; anything else is ignored with a console warning. Read once, when the widget starts. */
  "share-url"?: string;
  /** `profile-<id>`: the id of an answer to background question `<id>`, such as `profile-sector="care"`; that question is not asked. Read once, when the widget starts. */
  [background: `profile-${string}`]: string | undefined;
}

/** A <maturity-quiz> element. Its settings are attributes: see {@link MaturityQuizAttributes}. */
export interface MaturityQuizElement extends HTMLElement {
  getAttribute<K extends keyof MaturityQuizAttributes>(name: K): string | null;
  getAttribute(qualifiedName: string): string | null;
  setAttribute<K extends keyof MaturityQuizAttributes>(
    name: K,
    value: NonNullable<MaturityQuizAttributes[K]>,
  ): void;
  setAttribute(qualifiedName: string, value: string): void;

  addEventListener<K extends keyof MaturityQuizEventMap>(
    type: K,
    listener: (this: MaturityQuizElement, event: MaturityQuizEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: MaturityQuizElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof MaturityQuizEventMap>(
    type: K,
    listener: (this: MaturityQuizElement, event: MaturityQuizEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: MaturityQuizElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  /**
   * Set before the first <maturity-quiz> connects: the folder (a URL,
   * relative to the page) that holds `maturity-quiz_bg.wasm` and
   * `maturity-quiz-group_bg.wasm`, for bundlers that leave those files alone,
   * such as esbuild. Without it the loader finds them beside itself.
   */
  var MATURITY_QUIZ_PUBLIC_PATH: string | URL | undefined;

  interface HTMLElementTagNameMap {
    "maturity-quiz": MaturityQuizElement;
  }

  // Composed and bubbling: every ancestor element, the document and the
  // window hear the events.
  interface HTMLElementEventMap extends MaturityQuizEventMap {}
  interface DocumentEventMap extends MaturityQuizEventMap {}
  interface WindowEventMap extends MaturityQuizEventMap {}
}
