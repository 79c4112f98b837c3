// The player's offline copy: the page and the newest episode, audio included, so it plays
// with no signal. `briefing daily` writes VERSION; a new episode or player changes it, and
// the browser then installs this worker again, which caches the new files.
const VERSION = "{{version}}";
const CACHE = `briefing-${VERSION}`;
const SHELL = [
  "./",
  "player.css",
  "player.js",
  "manifest.webmanifest",
  "icon-192.png",
  "icon-512.png",
  "episodes.json",
];
const ROOT = new URL("./", self.location).pathname;
const PAGE = new Set([ROOT, `${ROOT}index.html`]);
const LIST = `${ROOT}episodes.json`; // the page and the list change daily: network first

async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  const list = await (await cache.match("episodes.json")).json();
  const newest = list.episodes[0];
  if (newest) {
    const files = [newest.audio, newest.chapters, newest.transcript, ...newest.extra_files];
    await cache.addAll(files.filter(Boolean));
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

// Caches are listed oldest first. The one before ours stays until the next version: a page
// left open when a new episode came may be playing the one that was newest, even offline.
async function dropOldCaches() {
  const keys = await caches.keys();
  const older = keys.filter((k) => k.startsWith("briefing-") && k !== CACHE);
  await Promise.all(older.slice(0, -1).map((k) => caches.delete(k)));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(dropOldCaches().then(() => self.clients.claim()));
});

// A 206 cut from the cached whole file: the audio element asks for byte ranges. Built here,
// it has no URL; the element takes it after bytes from the network only in CORS mode (index.html).
async function partial(request, whole) {
  const blob = await whole.blob();
  const match = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("range").trim());
  let start = 0;
  let end = blob.size; // exclusive
  if (match && match[1] !== "") {
    start = Number(match[1]);
    if (match[2] !== "") end = Math.min(Number(match[2]) + 1, blob.size);
  } else if (match && match[2] !== "") {
    start = Math.max(0, blob.size - Number(match[2]));
  }
  if (!match || start >= end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${blob.size}` } });
  }
  const body = blob.slice(start, end);
  return new Response(body, {
    status: 206,
    statusText: "Partial Content",
    headers: {
      "Content-Type": whole.headers.get("Content-Type") || "application/octet-stream",
      "Content-Length": String(body.size),
      "Content-Range": `bytes ${start}-${end - 1}/${blob.size}`,
      "Accept-Ranges": "bytes",
    },
  });
}

async function fromCache(request) {
  // ours, else the version before's (see dropOldCaches)
  const cached =
    (await caches.match(request.url, { cacheName: CACHE })) ?? (await caches.match(request.url));
  if (!cached || !request.headers.has("range")) return cached;
  return partial(request, cached);
}

async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(CACHE)).put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (PAGE.has(url.pathname) || url.pathname === LIST) {
    event.respondWith(networkFirst(request, PAGE.has(url.pathname) ? "./" : LIST));
  } else {
    event.respondWith(fromCache(request).then((cached) => cached || fetch(request)));
  }
});
