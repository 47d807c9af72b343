// A site owner's TypeScript that uses the element and its three events.
// `tsc --noEmit` must accept it; each @ts-expect-error line must be an error,
// which proves the types are checked rather than `any`.
import "maturity-quiz";
import type { MaturityQuizAnswer, MaturityQuizAttributes, MaturityQuizCompleteDetail } from "maturity-quiz";

document.addEventListener("maturity-quiz:complete", (event) => {
  const phase: string = event.detail.phase.id;
  const level: number = event.detail.phase.level;
  const scores: (number | null)[] = event.detail.dimensions.map((d) => d.score);
  const capped: string[] = event.detail.cappedBy;
  const q8: MaturityQuizAnswer | null | undefined = event.detail.answers["q8"];
  const whole: MaturityQuizCompleteDetail = event.detail;
  console.log(phase, level, scores, capped, q8, whole.provisional && whole.uneven, whole.mean);
  // @ts-expect-error the phase is an object, not its name
  const name: string = event.detail.phase;
  console.log(name);
});

window.addEventListener("maturity-quiz:start", (event) => {
  const language: string = event.detail.language;
  const version: number = event.detail.questionnaire.version;
  console.log(language, version);
});

const quiz = document.querySelector("maturity-quiz");
quiz?.addEventListener("maturity-quiz:answer", (event) => {
  const answer: number | "dont-know" = event.detail.answer;
  const id: string = event.detail.questionId;
  const number: number = event.detail.questionNumber;
  console.log(answer, id, number, event.currentTarget);
  // @ts-expect-error an answer is a level or "dont-know", never a string of digits
  const text: string = event.detail.answer;
  console.log(text);
});
quiz?.addEventListener("click", (event) => console.log(event.clientX));

const made = document.createElement("maturity-quiz");
made.setAttribute("theme", "dark");
made.setAttribute("lang", "en");
const attributes: MaturityQuizAttributes = { lang: "nl", theme: "auto", mode: "group", src: "/q.json" };
// @ts-expect-error there is no such theme
const wrong: MaturityQuizAttributes = { theme: "sepia" };
console.log(attributes, wrong);

globalThis.MATURITY_QUIZ_PUBLIC_PATH = "/static/maturity-quiz/";
document.body.append(made);
