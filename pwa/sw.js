// The standalone page's service worker (registered by demo.js, never by
// embed.js). It keeps every file of one release in a cache named after that
// release and answers from it first, so that after one visit the page and the
// whole quiz work without a connection.
//
// This is a template: scripts/precache.sh, a trunk post_build hook, writes it
// to dist/sw.js with the release's file list and version filled in. A new
// release therefore changes this file's bytes, which is what makes browsers
// install the new worker.

const PREFIX = "maturity-quiz-";
const CACHE = PREFIX + "@VERSION@";
const FILES = [@FILES@];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // "reload": the HTTP cache may still hold files of the previous release.
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" }))))
      // Take over at once rather than when every tab has closed: the page
      // fetches all of its files while it loads, before a new worker can have
      // installed, so no page ends up half on one release and half on the next.
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      // Only our own older releases: other apps on this origin keep theirs.
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      // The first visit is controlled too, so it is already offline-ready.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(
    caches
      .open(CACHE)
      // A query string (e.g. a campaign tag on the page's URL) selects no other file.
      .then((cache) => cache.match(event.request, { ignoreSearch: true }))
      .then((cached) => cached ?? fetch(event.request)),
  );
});
