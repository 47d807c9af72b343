// Imported first, so the folder is known before the first element connects.
import "./public-path.js";
import "maturity-quiz";

// What a host does with a result; tests/e2e/hosts.rs reads it back.
document.addEventListener("maturity-quiz:complete", (event) => {
  document.body.dataset.phase = event.detail.phase.id;
});
