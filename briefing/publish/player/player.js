// The briefing web player. The page works without this script (the server wrote the newest
// episode, its chapters and the list of episodes into index.html); this adds our controls,
// chapters that seek, a transcript that follows, remembered positions, the lock screen and
// an offline copy (sw.js).

const $ = (selector) => document.querySelector(selector);
const audio = $("#audio");
const show = document.title;
const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)");
// The page's words, in its language: index.html carries them (labels.json, chosen at write time).
const labels = JSON.parse($("#labels")?.textContent || "{}");
const say = (key, fallback) => labels[key] ?? fallback;
let episodes = [];
let current = null;
let chapters = [];
let cues = [];
let savedAt = 0;

const store = {
  get(key, fallback) {
    try {
      return JSON.parse(localStorage.getItem(`briefing:${key}`)) ?? fallback;
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(`briefing:${key}`, JSON.stringify(value));
    } catch {
      // storage full or disabled: the player still plays, it only forgets
    }
  },
};

function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  const hms = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  const parts = hms[0] ? hms : hms.slice(1);
  return parts.map((n, i) => (i ? String(n).padStart(2, "0") : String(n))).join(":");
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// The browser's own WebVTT parser, through a hidden text track.
function loadCues(url) {
  for (const old of audio.querySelectorAll("track")) old.remove();
  if (!url) return Promise.resolve([]);
  const track = element("track", {
    kind: "metadata",
    src: url,
    srclang: current?.language ?? "en",
    default: "",
  });
  audio.append(track);
  track.track.mode = "hidden";
  return new Promise((resolve) => {
    const done = () => resolve(Array.from(track.track.cues ?? []));
    track.addEventListener("load", done, { once: true });
    track.addEventListener("error", () => resolve([]), { once: true });
    if (track.readyState === 2) done();
  });
}

function seek(seconds) {
  const end = Number.isFinite(audio.duration) ? audio.duration : current.duration_s;
  audio.currentTime = Math.min(Math.max(0, seconds), end);
}

function chapterAt(time) {
  let index = -1;
  chapters.forEach((chapter, i) => {
    if (chapter.startTime <= time + 0.05) index = i;
  });
  return index;
}

function cueAt(time) {
  let index = -1;
  cues.forEach((cue, i) => {
    if (cue.startTime <= time + 0.05) index = i;
  });
  return index;
}

function renderChapters() {
  const list = $("#chapters");
  const marks = $("#marks");
  list.replaceChildren();
  marks.replaceChildren();
  const length = current.duration_s || 1;
  chapters.forEach((chapter, i) => {
    const button = element(
      "button",
      { type: "button", "data-start": chapter.startTime },
      element("span", { class: "at" }, clock(chapter.startTime)),
      " ",
      chapter.title,
    );
    button.addEventListener("click", () => {
      seek(chapter.startTime);
      audio.play().catch(() => {});
    });
    list.append(element("li", {}, button));
    if (i > 0) {
      const mark = element("span");
      mark.style.left = `${(100 * chapter.startTime) / length}%`;
      marks.append(mark);
    }
  });
}

function storyLinks(title) {
  const story = current.stories.find((s) => s.title === title);
  const links = (story?.links ?? []).filter((link) => link.url);
  if (!links.length) return null;
  const paragraph = element("p", { class: "links" }, say("read_it", "Read it: "));
  links.forEach((link, i) => {
    if (i) paragraph.append(", ");
    paragraph.append(element("a", { href: link.url, rel: "noopener" }, link.source));
  });
  return paragraph;
}

function renderTranscript() {
  const box = $("#transcript");
  box.replaceChildren();
  if (!cues.length) {
    box.append(element("p", {}, say("no_transcript", "No transcript for this episode.")));
    return;
  }
  let chapter = -1;
  let section = box;
  cues.forEach((cue, i) => {
    const here = chapterAt(cue.startTime);
    if (here !== chapter && here >= 0) {
      chapter = here;
      section = element("section", {}, element("h4", {}, chapters[here].title));
      const links = storyLinks(chapters[here].title);
      if (links) section.append(links);
      box.append(section);
    }
    const text = cue.getCueAsHTML().textContent;
    const button = element("button", { type: "button", class: "cue", "data-start": cue.startTime }, text);
    button.addEventListener("click", () => {
      seek(cues[i].startTime);
      audio.play().catch(() => {});
    });
    section.append(button, " ");
  });
}

function highlight(list, index, follow) {
  const items = list.querySelectorAll("button");
  items.forEach((item, i) => {
    if (i === index) item.setAttribute("aria-current", "true");
    else item.removeAttribute("aria-current");
  });
  const active = items[index];
  if (follow && active) {
    const top = active.offsetTop - list.offsetTop - list.clientHeight / 3;
    list.scrollTo({ top, behavior: reduceMotion.matches ? "auto" : "smooth" });
  }
}

function update() {
  const time = audio.currentTime;
  const length = Number.isFinite(audio.duration) ? audio.duration : current.duration_s;
  const seekBar = $("#seek");
  seekBar.max = String(length);
  if (document.activeElement !== seekBar) seekBar.value = String(time);
  const position = say("position_of", "{elapsed} of {length}");
  seekBar.setAttribute(
    "aria-valuetext",
    position.replace("{elapsed}", clock(time)).replace("{length}", clock(length)),
  );
  $("#elapsed").textContent = clock(time);
  $("#remaining").textContent = `−${clock(length - time)}`;
  const chapter = chapterAt(time);
  const cue = cueAt(time);
  if (chapter !== update.chapter) highlight($("#chapters"), chapter, false);
  if (cue !== update.cue) highlight($("#transcript"), cue, true);
  update.chapter = chapter;
  update.cue = cue;
  if (Math.abs(time - savedAt) >= 2) remember();
  if ("mediaSession" in navigator && Number.isFinite(audio.duration)) {
    navigator.mediaSession.setPositionState({
      duration: audio.duration,
      position: Math.min(time, audio.duration),
      playbackRate: audio.playbackRate,
    });
  }
}

function remember() {
  if (!current) return;
  savedAt = audio.currentTime;
  store.set(`position:${current.audio}`, savedAt);
  if (audio.ended || savedAt > current.duration_s * 0.95) markPlayed(current);
}

function listItem(episode) {
  return document.querySelector(`#episodes li[data-audio="${CSS.escape(episode.audio)}"]`);
}

function markPlayed(episode) {
  store.set(`played:${episode.audio}`, true);
  const mark = listItem(episode)?.querySelector(".played");
  if (mark) mark.hidden = false;
}

function setPlaying() {
  const playing = !audio.paused;
  document.body.toggleAttribute("data-playing", playing);
  $("#play").setAttribute("aria-label", playing ? say("pause", "Pause") : say("play", "Play"));
}

function toggle() {
  if (audio.paused) audio.play().catch(() => {});
  else audio.pause();
}

function chapterStep(step) {
  const here = chapterAt(audio.currentTime);
  const target = chapters[here + step];
  if (step < 0 && here >= 0 && audio.currentTime - chapters[here].startTime > 3) {
    seek(chapters[here].startTime); // "previous" first goes back to this chapter's start
  } else if (target) {
    seek(target.startTime);
  }
}

function mediaSession() {
  if (!("mediaSession" in navigator)) return;
  navigator.mediaSession.metadata = new MediaMetadata({
    title: current.title,
    artist: show,
    album: show,
    artwork: [
      { src: "icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  });
  const actions = {
    play: () => audio.play(),
    pause: () => audio.pause(),
    seekbackward: (d) => seek(audio.currentTime - (d.seekOffset || 15)),
    seekforward: (d) => seek(audio.currentTime + (d.seekOffset || 30)),
    seekto: (d) => seek(d.seekTime),
    previoustrack: () => chapterStep(-1),
    nexttrack: () => chapterStep(1),
  };
  for (const [action, handler] of Object.entries(actions)) {
    try {
      navigator.mediaSession.setActionHandler(action, handler);
    } catch {
      // an action this browser does not know
    }
  }
}

async function load(episode, play) {
  current = episode;
  savedAt = store.get(`position:${episode.audio}`, 0);
  update.chapter = update.cue = undefined;
  if (audio.getAttribute("src") !== episode.audio) audio.src = episode.audio;
  $("#now-title").textContent = episode.title;
  // The episode's own words are in its language, which may not be the page's (its labels).
  for (const part of ["#now-title", "#chapters", "#transcript"]) {
    $(part).lang = episode.language ?? "en";
  }
  const listed = listItem(episode)?.querySelector("time"); // the date as the server wrote it
  $("#now-date").textContent = listed ? listed.textContent : episode.date;
  $("#now-date").dateTime = episode.date;
  $("#now-duration").textContent = clock(episode.duration_s);
  $("#now-download").href = episode.audio;
  const [chapterData, cueList] = await Promise.all([
    episode.chapters ? getJson(episode.chapters).catch(() => ({ chapters: [] })) : { chapters: [] },
    loadCues(episode.transcript),
  ]);
  chapters = chapterData.chapters ?? [];
  cues = cueList;
  renderChapters();
  renderTranscript();
  mediaSession();
  const restore = () => {
    if (savedAt > 0 && savedAt < audio.duration - 1) audio.currentTime = savedAt;
    update();
  };
  if (audio.readyState >= 1) restore();
  else audio.addEventListener("loadedmetadata", restore, { once: true });
  if (play) audio.play().catch(() => {});
}

function wire() {
  audio.controls = false;
  $("#controls").hidden = false;
  $("#follow-row").hidden = false;
  $("#play").addEventListener("click", toggle);
  const back = () => seek(audio.currentTime - 15);
  const forward = () => seek(audio.currentTime + 30);
  $("#back").addEventListener("click", back);
  $("#forward").addEventListener("click", forward);
  $("#seek").addEventListener("input", (event) => seek(Number(event.target.value)));
  const speed = $("#speed");
  speed.value = String(store.get("speed", 1));
  audio.playbackRate = audio.defaultPlaybackRate = Number(speed.value) || 1;
  speed.addEventListener("change", () => {
    audio.playbackRate = audio.defaultPlaybackRate = Number(speed.value);
    store.set("speed", Number(speed.value));
  });
  const follow = $("#follow");
  follow.checked = store.get("follow", false);
  follow.addEventListener("change", () => store.set("follow", follow.checked));
  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", () => {
    update();
    remember();
  });
  audio.addEventListener("play", setPlaying);
  audio.addEventListener("pause", () => {
    setPlaying();
    remember();
  });
  audio.addEventListener("ratechange", () => {
    audio.defaultPlaybackRate = audio.playbackRate; // a new src keeps the chosen speed
  });
  audio.addEventListener("ended", () => {
    remember();
    const next = episodes[episodes.indexOf(current) + 1];
    if (follow.checked && next) load(next, true);
  });
  addEventListener("pagehide", remember);
  const keys = { " ": toggle, k: toggle, j: back, ArrowLeft: back, l: forward, ArrowRight: forward };
  document.addEventListener("keydown", (event) => {
    const busy = event.target.closest("input, select, textarea, button, a, .transcript");
    if (busy || event.altKey || event.ctrlKey || event.metaKey || !keys[event.key]) return;
    event.preventDefault(); // Space would scroll the page
    keys[event.key]();
  });
  for (const link of document.querySelectorAll("#episodes a.play")) {
    link.addEventListener("click", (event) => {
      const episode = episodes.find((e) => e.audio === link.closest("li").dataset.audio);
      if (!episode) return; // the list is newer than episodes.json: let the link open the MP3
      event.preventDefault();
      load(episode, true);
      $("#now").scrollIntoView({ behavior: reduceMotion.matches ? "auto" : "smooth" });
    });
  }
}

async function main() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch(() => {}); // needs HTTPS or localhost
  }
  try {
    episodes = (await getJson("episodes.json")).episodes;
  } catch {
    return; // no list: the page as the server wrote it still plays
  }
  if (!episodes.length) return;
  for (const episode of episodes) {
    if (store.get(`played:${episode.audio}`, false)) markPlayed(episode);
  }
  wire();
  await load(episodes[0], false);
  document.body.dataset.ready = "";
  performance.mark("briefing-ready");
}

main();
