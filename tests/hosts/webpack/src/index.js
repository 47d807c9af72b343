// The one line a webpack app needs: importing the package defines <maturity-quiz>.
import "maturity-quiz";

// What a host does with a result; tests/e2e/hosts.rs reads it back.
document.addEventListener("maturity-quiz:complete", (event) => {
  document.body.dataset.phase = event.detail.phase.id;
});
