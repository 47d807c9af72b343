// In-page driver and stopwatch for the benchmark (bench/src/main.rs).
//
// Inlined as the first script of both host pages, so it starts with the page
// and no WebDriver round trip falls inside a measurement. It waits for each
// screen by checking once per animation frame, which is when a browser
// paints: a time below is that of the first frame in which the thing was in
// the DOM and visible (so resolution is one frame, ~16.7 ms). It then answers
// the twelve questions by clicking, as a visitor would, and resolves
// `window.benchDone` with the times, in ms since navigation start
// (`performance.now()`).
//
// `window.BENCH` (set by the page before this script) says which page this
// is, `kind` "ours" or "surveyjs", and the answers to give, `answers`: one
// radio `value` per question.
(() => {
  const { kind, answers } = window.BENCH;

  // The wasm instance's linear memory, kept as the glue instantiates it:
  // the loader is one minified module that exports nothing to a page.
  let wasmInstanceMemory = null;
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const made = await original.apply(WebAssembly, args);
      wasmInstanceMemory ??= (made.instance ?? made).exports?.memory ?? null;
      return made;
    };
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  /** Rendered, not hidden by CSS, and with an area. */
  const shown = (el) => {
    if (!el || !el.isConnected) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };

  /** Resolves with `probe()`'s first truthy value, checked once per frame. */
  const until = async (probe) => {
    for (;;) {
      const found = probe();
      if (found) return found;
      await frame();
    }
  };

  // What each page shows, found by what a visitor sees. A question counts as
  // shown when at least four radios are in the DOM and the option each one
  // belongs to (its label) is visible: SurveyJS styles its own radio and
  // hides the native input, so the label is what both have on screen.
  const radiosIn = (root) => {
    const radios = [...(root?.querySelectorAll("input[type=radio]") ?? [])];
    const labelled = radios.every((r) => shown(r.closest("label") ?? r));
    return radios.length >= 4 && labelled ? radios : null;
  };
  const pages = {
    ours: {
      root: () => document.querySelector("maturity-quiz")?.shadowRoot,
      intro: (root) => root?.querySelector(".mq-start"),
      next: (root) => root.querySelector(".mq-continue"),
      result: (root) => root?.querySelector(".mq-result .mq-phase-name"),
      // The result's last control: the whole result is on screen with it.
      whole: (root) => root?.querySelector(".mq-result .mq-restart"),
      // The background questions after the last question, which a visitor
      // may leave at "prefer not to say": their "See result" button.
      profile: (root) => root?.querySelector(".mq-profile .mq-continue"),
    },
    surveyjs: {
      root: () => document,
      intro: () => null,
      next: (root) =>
        [...root.querySelectorAll(".sd-navigation__next-btn, .sd-navigation__complete-btn")].find(shown),
      result: (root) => root.querySelector("#bench-result .bench-phase-name"),
      // The page appends the result in one piece: all of it shows at once.
      whole: (root) => root.querySelector("#bench-result"),
      profile: () => null,
    },
  };
  const page = pages[kind];

  // Every layout shift from the start (the Layout Instability API, which
  // Chromium has), summed up to the first question: what a visitor sees
  // jump while the page and the widget load.
  let layoutShift = 0;
  let counting = true;
  new PerformanceObserver((list) => {
    if (counting) for (const entry of list.getEntries()) layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });

  // Every task over 50 ms (the Long Tasks API, which Chromium has): those
  // that start before the first question are what kept the page from
  // answering a visitor while it loaded.
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });

  const run = async () => {
    const times = {};
    // When the widget itself runs, whatever it shows then: until then ours
    // shows the prerendered intro, marked busy. SurveyJS's first screen is
    // its running first question.
    const usable =
      kind === "ours"
        ? until(() => page.root()?.querySelector(".mq:not([aria-busy])")).then(() => performance.now())
        : null;
    // Ours opens on an intro screen with a Start button: its time is the
    // first screen; Start is clicked in that same frame, so the first
    // question's time includes that extra step.
    if (kind === "ours") {
      const start = await until(() => {
        const button = page.intro(page.root());
        return shown(button) && button;
      });
      times.firstScreen = performance.now();
      start.click();
    }
    let radios = await until(() => radiosIn(page.root()));
    times.firstQuestion = performance.now();
    times.firstScreen ??= times.firstQuestion;
    times.usable = (await usable) ?? times.firstQuestion;
    // The observer's last entries arrive on the next frame at the latest.
    await frame();
    counting = false;
    const loading = longTasks.filter((task) => task.start < times.firstQuestion);
    const longTasksToFirstQuestion = {
      count: loading.length,
      total: loading.reduce((sum, task) => sum + task.duration, 0),
      longest: Math.max(0, ...loading.map((task) => task.duration)),
    };

    for (const [i, value] of answers.entries()) {
      const root = page.root();
      const radio = radios.find((r) => r.value === String(value));
      if (!radio) throw new Error(`question ${i + 1}: no radio with value ${value}`);
      radio.click();
      // One frame for the framework to take the answer in, as a person's
      // hand would give it, before pressing the button.
      await frame();
      if (!radio.checked) throw new Error(`question ${i + 1}: the answer did not take`);
      const button = page.next(root);
      if (!button) throw new Error(`question ${i + 1}: no next button`);
      const name = radio.name;
      if (i === answers.length - 1) {
        // Ours asks its background questions on a screen of their own before
        // the result; they are optional and left unanswered here. The time
        // runs from the click that asks for the result, on whichever screen.
        const resultOrProfile = () => {
          const root = page.root();
          if (shown(page.result(root))) return "result";
          return shown(page.profile(root)) && "profile";
        };
        times.submit = performance.now();
        button.click();
        if ((await until(resultOrProfile)) === "profile") {
          // One frame on that screen, as before every other button press.
          await frame();
          times.submit = performance.now();
          page.profile(page.root()).click();
        }
        // The verdict (the phase's name) and the whole result, each at the
        // first frame it is visible in.
        await until(() => {
          const root = page.root();
          if (times.result === undefined && shown(page.result(root))) times.result = performance.now();
          return times.result !== undefined && shown(page.whole(root));
        });
        times.resultWhole = performance.now();
      } else {
        button.click();
        // The next question: radios of another group.
        radios = await until(() => {
          const next = radiosIn(page.root());
          return next && next[0].name !== name ? next : null;
        });
      }
    }

    // What the page downloaded, from Resource Timing (same origin, so the
    // sizes are exposed): the document and every resource.
    const entries = [
      ...performance.getEntriesByType("navigation"),
      ...performance.getEntriesByType("resource"),
    ];
    const sum = (key) => entries.reduce((total, e) => total + (e[key] || 0), 0);
    const bytes = {
      requests: entries.length,
      transfer: sum("transferSize"),
      encoded: sum("encodedBodySize"),
      decoded: sum("decodedBodySize"),
    };

    // The wasm instance's linear memory (kept above as it was made).
    const wasmMemory = wasmInstanceMemory?.buffer.byteLength ?? 0;

    // A fixed amount of work, timed, to confirm that CPU throttling applied.
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 2e6; i++) x = (x + i * i) % 1000003;
    const calibration = performance.now() - t0;

    // The host page's own first paint: no widget shows before it.
    times.pageFirstPaint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;

    const result = page.result(page.root()).textContent.trim();
    return { times, layoutShift, longTasks: longTasksToFirstQuestion, bytes, wasmMemory, calibration, result, check: x };
  };

  // Ours only, after the figures above (bench.rs calls it once the heap is
  // measured): opens the group overview from the result, as a facilitator
  // would, and resolves with every byte the page transferred by the time
  // its paste field shows: the facilitator's download.
  window.benchFacilitator = async () => {
    page.root().querySelector(".mq-open-group").click();
    await until(() => shown(page.root().querySelector(".mq-group-paste")));
    const entries = [
      ...performance.getEntriesByType("navigation"),
      ...performance.getEntriesByType("resource"),
    ];
    return entries.reduce((total, e) => total + (e.transferSize || 0), 0);
  };

  window.benchDone = run().then(
    (value) => ({ value }),
    (error) => ({ error: String(error?.stack ?? error) }),
  );
})();
