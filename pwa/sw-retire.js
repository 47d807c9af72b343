// The kill switch for the standalone page's service worker. A site owner who
// wants the offline copy gone puts this file in place of sw.js (same name,
// same folder: `cp sw-retire.js sw.js`). Browsers compare sw.js with the
// worker they have on each visit to the page; finding this one, they install
// it, and it:
// - takes over at once (no waiting for the old page's tabs to close);
// - deletes its scope's caches: the quiz's releases in this folder (named
//   `maturity-quiz:<scope>:<version>`) and the unscoped ones of the first
//   workers (`maturity-quiz-<version>`);
// - unregisters itself, so the next visit has no worker at all.
// It answers no request (there is no fetch handler: everything goes to the
// network), and it reloads no page: an open page keeps running, and the next
// page the visitor opens comes from the server.
// Leave it in place as long as visitors may still carry the old worker: a
// browser that finds no sw.js (a 404) keeps the worker it has.

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  const prefix = `maturity-quiz:${self.registration.scope}:`;
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(prefix) || key.startsWith("maturity-quiz-"))
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.registration.unregister()),
  );
});
