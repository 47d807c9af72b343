// The demo page's own script: shows the snippet with this server's real
// address and copies it, and makes the page work offline. Not part of the
// widget.

const snippet = document.getElementById("snippet");
const status = document.querySelector(".copy-status");
const embedUrl = new URL("embed.js", document.baseURI).href;

if (location.protocol.startsWith("http")) {
  snippet.textContent = snippet.textContent.replace(/https:\/\/uw-site\.nl\/maturity-quiz\/embed\.js/, embedUrl);
}

document.querySelector(".copy-button").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = "De insluitcode is gekopieerd.";
  } catch {
    status.textContent = "Deze browser stond kopiëren niet toe: selecteer de insluitcode en kopieer die zelf.";
  }
});

// Only this page works offline: embed.js must not put a service worker on the
// pages that host the widget. Registered after load so that installing (which
// fetches every file of the build) does not compete with the page's own start.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("sw.js").catch((error) => console.warn("maturity-quiz: no offline copy:", error));
  });
}
