// The standalone page's service worker (registered by demo.js, never by
// embed.js). It keeps the files of one release in a cache and answers from it,
// so that after one visit the page and the whole quiz work without a
// connection. It stays in its lane:
//
// - it answers only the files of its own list, each at its own address in the
//   folder beside this script; every other request in its scope (other pages
//   of the site, a file with a query string such as `embed.js?v=2`) goes to the
//   network untouched. Only a navigation to the page itself (`./?utm=…`)
//   ignores its query string. A request that names other bytes by its
//   integrity (embed.js asks for the wasm by its hash) is
//   left to the network too;
// - each file carries its SHA-384, checked before it is cached and again
//   before it is served from the cache: a copy that does not match (changed in
//   Cache Storage by another script of the origin, or a soft-404 page saved as
//   the wasm) is never served, the network answers instead;
// - its cache is named after its scope, and it deletes only its own scope's
//   older caches, so two copies of the quiz in two folders of one origin keep
//   each other's;
// - the page and embed.js come from the network while there is one (the cache
//   is their offline copy); when the network's copy is not the one of this
//   release, the files on the server have changed without a new sw.js, and the
//   cache of this release is dropped rather than mixed with them. The other
//   files come from the cache first: the list's hashes pin them.
//
// This is a template: scripts/precache.sh, a trunk post_build hook, writes it
// to dist/sw.js with the release's files, hashes and version filled in. A new
// release therefore changes this file's bytes, which is what makes browsers
// install the new worker. pwa/sw-retire.js, put in place of sw.js, retires it.

/** Names of this worker's caches: the scope keeps two deployments apart. */
const PREFIX = `maturity-quiz:${self.registration.scope}:`;
const CACHE = PREFIX + "@VERSION@";
/** Caches of the first workers, named without a scope: `maturity-quiz-<version>`. */
const UNSCOPED_PREFIX = "maturity-quiz-";

/** Each file of the release, relative to this script, with its SRI hash. */
const FILES = [@FILES@];
/** The files the network answers first, the cache only offline. */
const NETWORK_FIRST = ["./", "index.html", "embed.js"];

/** The folder of the release: where this script and its files are. */
const FOLDER = new URL("./", self.location.href).href;
/** The release's files by absolute URL (no query, no fragment). */
const BY_URL = new Map(
  FILES.map(([file, integrity]) => [
    new URL(file, FOLDER).href,
    { file, integrity, networkFirst: NETWORK_FIRST.includes(file) },
  ]),
);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          FILES.map(async ([file, integrity]) => {
            // "reload": the HTTP cache may still hold files of the previous
            // release; `integrity` makes the browser refuse other bytes.
            const response = await fetch(new Request(new URL(file, FOLDER), { cache: "reload", integrity }));
            // Checked again here, for engines that ignore a request's
            // integrity, and for its status: a 200 is all the cache takes.
            if (!response.ok || (await hash(response.clone())) !== integrity) {
              throw new Error(`maturity-quiz: ${file} is not the one of this release`);
            }
            await cache.put(new URL(file, FOLDER), response);
          }),
        ),
      )
      // A release that could not be cached whole is not kept half.
      .catch((error) => caches.delete(CACHE).then(() => Promise.reject(error)))
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
      // Only this scope's older releases (and the unscoped caches of the
      // first workers, which no worker can tell apart): other deployments and
      // other apps on this origin keep theirs.
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => (key.startsWith(PREFIX) && key !== CACHE) || key.startsWith(UNSCOPED_PREFIX))
            .map((key) => caches.delete(key)),
        ),
      )
      // The first visit is controlled too, so it is already offline-ready.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const entry = entryFor(event.request);
  // Not one of ours: not intercepted, so the browser fetches it as usual.
  if (!entry) return;
  event.respondWith(entry.networkFirst ? networkFirst(event.request, entry) : cacheFirst(event.request, entry));
});

/** The release's file that `request` asks for, if it asks for one exactly. */
function entryFor(request) {
  if (request.method !== "GET") return undefined;
  const url = new URL(request.url);
  url.hash = "";
  if (url.search) {
    // A query string on the page's own address (a campaign tag, say) still
    // means the page; on anything else it may mean another file.
    if (request.mode !== "navigate" || url.origin + url.pathname !== FOLDER) return undefined;
    url.search = "";
  }
  const entry = BY_URL.get(url.href);
  // A request that names the bytes it wants (Subresource Integrity) and wants
  // other ones than this release's goes to the network.
  if (entry && request.integrity && !request.integrity.split(/\s+/).includes(entry.integrity)) return undefined;
  return entry;
}

/** The network's answer; this release's copy only when there is no network. */
async function networkFirst(request, entry) {
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    return (await verified(entry)) ?? Response.error();
  }
  if (response.ok && (await hash(response.clone())) !== entry.integrity) {
    // The server holds another release than this worker's list (files
    // replaced without a new sw.js): drop this release's copies before the
    // response lets embed.js ask for the widget's wasm, so
    // that no old one is mixed in. (What the page fetched alongside, such as
    // demo.css, may still come from the old copies on this one visit.)
    await caches.delete(CACHE);
  }
  return response;
}

/** This release's copy, or the network's answer when there is no good copy. */
async function cacheFirst(request, entry) {
  return (await verified(entry)) ?? fetch(request);
}

/** The cached copy of `entry` if its bytes are the release's; none otherwise. */
async function verified(entry) {
  // caches.match with a cacheName never creates a cache that is gone.
  const cached = await caches.match(new URL(entry.file, FOLDER), { cacheName: CACHE });
  if (!cached) return undefined;
  if ((await hash(cached.clone())) === entry.integrity) return cached;
  console.warn(`maturity-quiz: the cached ${entry.file} is not the one of this release; fetching it`);
  return undefined;
}

/** The SRI form (`sha384-<base64>`) of the SHA-384 of `response`'s body. */
async function hash(response) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-384", await response.arrayBuffer()));
  return "sha384-" + btoa(String.fromCharCode(...digest));
}
