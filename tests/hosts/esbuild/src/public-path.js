// Where build.js copies the widget's files; set before the package runs.
globalThis.MATURITY_QUIZ_PUBLIC_PATH = "/static/maturity-quiz/";
