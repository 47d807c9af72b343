// The demo page's own script: shows the snippet with this server's real
// address and copies it. Not part of the widget.

const snippet = document.getElementById("snippet");
const status = document.querySelector(".copy-status");
const embedUrl = new URL("embed.js", document.baseURI).href;

if (location.protocol.startsWith("http")) {
  snippet.textContent = snippet.textContent.replace(/https:\/\/uw-site\.nl\/maturity-quiz\/embed\.js/, embedUrl);
}

document.querySelector(".copy-button").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = "Gekopieerd.";
  } catch {
    status.textContent = "Kopiëren lukte niet; selecteer de code en kopieer die zelf.";
  }
});
