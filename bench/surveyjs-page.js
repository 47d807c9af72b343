// The SurveyJS host page's own script (inlined by bench/src/main.rs after
// survey-core and survey-js-ui): renders the questionnaire and, on
// completion, a result screen like ours.
//
// SurveyJS has no maturity scoring, so the result is worked out here with the
// README's rule (dimension averages, a phase from three quarters of the way,
// the overall phase at most one above the weakest dimension's) in floating
// point, which is enough for a timing page; it shows the phase, its
// description, a bar per dimension and the next steps, as ours does. Its SVG
// chart and notes are left out, so this page does a little less work than ours.
(() => {
  const { survey: json, model } = window.BENCH_SURVEY;

  const phaseOf = (score) => Math.max(1, Math.min(4, Math.floor(score + 0.25)));
  const element = (tag, attrs = {}, ...children) => {
    const el = document.createElement(tag);
    Object.assign(el, attrs);
    el.append(...children);
    return el;
  };

  const showResult = (answers) => {
    const scores = model.dimensions.map((d) => {
      const levels = d.questions.map((q) => answers[q]).filter((a) => typeof a === "number");
      return levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null;
    });
    const known = scores.filter((s) => s !== null);
    const mean = known.reduce((a, b) => a + b, 0) / known.length;
    const weakest = Math.min(...known.map(phaseOf));
    const level = Math.min(phaseOf(mean), weakest + 1);
    const phase = model.phases[level - 1];
    const order = model.dimensions.map((d, i) => i).filter((i) => scores[i] !== null);
    order.sort((a, b) => scores[a] - scores[b]);

    const section = element(
      "section",
      { id: "bench-result" },
      element("h2", {}, "Your phase: ", element("span", { className: "bench-phase-name" }, phase.name)),
      ...phase.description.split("\n\n").map((p) => element("p", {}, p)),
      element("h3", {}, "Dimensions"),
      element(
        "ul",
        {},
        ...model.dimensions.map((d, i) => {
          const bar = element("span", { className: "bench-bar" });
          bar.style.width = `${((scores[i] ?? 0) / 4) * 100}%`;
          return element("li", {}, `${d.name}: ${scores[i] ?? "?"} `, bar);
        }),
      ),
      element("h3", {}, "Next steps"),
      element(
        "ol",
        {},
        ...order
          .filter((i) => phaseOf(scores[i]) < 4)
          .map((i) => {
            const d = model.dimensions[i];
            return element("li", {}, element("strong", {}, d.name), " ", d.levels[phaseOf(scores[i])]);
          }),
      ),
    );
    document.querySelector("main").append(section);
  };

  const survey = new Survey.Model(json);
  survey.onComplete.add((sender) => showResult(sender.data));
  survey.render(document.getElementById("survey"));
})();
