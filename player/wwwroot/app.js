// AudioAlchemy player page: song list, two synchronised sources (WAV and MP3) through two AnalyserNodes, live spectrum
// and spectrogram, and the server's mel spectrogram and band spectra. Plain JS, no dependency, works offline.
"use strict";
(() => {
  const $ = id => document.getElementById(id);
  const P = Plots, C = Plots.C;
  const FFT = 4096, LIVE_SPAN = 90, PX_PER_S = 80;
  const el = { wav: new Audio(), mp3: new Audio() };
  for (const a of Object.values(el)) a.preload = "auto";
  const S = {
    songs: [], song: null, source: "wav", kbps: 128, analysis: null, lut: null, mel: null, playing: false, pending: null,
    ctx: null, nodes: null, frames: 0, peakDb: -Infinity, hi: -20, acc: null, accFrames: 0, specOff: null, lastT: 0, scrollCarry: 0, error: null,
  };
  const other = s => s === "wav" ? "mp3" : "wav";
  const active = () => el[S.source];

  function status(text, isError) {
    const s = $("status"); s.textContent = text || ""; s.classList.toggle("error", !!isError);
    S.error = isError ? text : null;
  }

  async function json(url) {
    const r = await fetch(url);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`HTTP ${r.status}: ${body.error || r.statusText}`);
    return body;
  }

  // ---- song list -------------------------------------------------------------------------------------------------
  async function loadSongs() {
    try {
      const [list, lut] = await Promise.all([json("/api/songs"), json("/api/colormap")]);
      S.songs = list.songs; S.lut = lut.rgb; S.kbps = list.defaultKbps;
      $("corpus").textContent = `${list.songs.length} songs · ${list.source}`;
      $("kbps").innerHTML = list.bitrates.map(k => `<option value="${k}"${k === S.kbps ? " selected" : ""}>${k} kbps</option>`).join("");
      fillFilter("genre", "genre"); fillFilter("language", "language");
      renderList();
    } catch (e) { status("Cannot load the song list: " + e.message, true); }
  }

  function fillFilter(id, key) {
    const values = [...new Set(S.songs.map(s => s[key]).filter(v => v))].sort();
    $(id).insertAdjacentHTML("beforeend", values.map(v => `<option>${esc(v)}</option>`).join(""));
  }

  const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  function renderList() {
    const q = $("search").value.trim().toLowerCase(), g = $("genre").value, l = $("language").value;
    const shown = S.songs.filter(s => (!g || s.genre === g) && (!l || s.language === l) &&
      (!q || [s.id, s.title, s.artist, s.genre, s.language, s.key].some(v => v && String(v).toLowerCase().includes(q))));
    $("songs").tBodies[0].innerHTML = shown.map(s => `<tr data-id="${esc(s.id)}" class="${s.available ? "" : "missing"}${S.song && S.song.id === s.id ? " sel" : ""}">
      <td class="t">${esc(s.title)}<small>${esc(s.artist || s.id)}${s.available ? "" : " · audio missing"}</small></td><td>${esc(s.genre || "")}</td>
      <td>${esc(s.language || "")}</td><td>${esc(s.key ? s.key + (s.mode === "minor" ? "m" : "") : "")}</td><td>${s.tempoBpm ?? ""}</td></tr>`).join("");
    $("count").textContent = `${shown.length} of ${S.songs.length} songs`;
  }

  // ---- audio graph -----------------------------------------------------------------------------------------------
  function ensureGraph() {
    if (S.ctx) return;
    const ctx = new AudioContext();
    const chain = a => {
      const src = ctx.createMediaElementSource(a), an = ctx.createAnalyser(), gain = ctx.createGain();
      an.fftSize = FFT; an.smoothingTimeConstant = 0.6; an.minDecibels = -140; an.maxDecibels = 0;
      src.connect(an); an.connect(gain); gain.connect(ctx.destination);
      return { an, gain, db: new Float32Array(an.frequencyBinCount) };
    };
    S.ctx = ctx; S.nodes = { wav: chain(el.wav), mp3: chain(el.mp3) };
    applyGains();
  }

  function applyGains() {
    if (!S.nodes) return;
    S.nodes[S.source].gain.gain.value = 1; S.nodes[other(S.source)].gain.gain.value = 0;
    for (const b of $("source").children) b.classList.toggle("on", b.dataset.src === S.source);
    $("specsrc").textContent = S.source.toUpperCase();
  }

  const mp3Url = id => `/audio/${encodeURIComponent(id)}/mp3?kbps=${S.kbps}`;

  async function mediaError(src) {
    const url = el[src].src;
    if (!url || !S.song) return;
    try {
      const r = await fetch(url, { headers: { Range: "bytes=0-0" } });
      if (!r.ok) { const b = await r.json().catch(() => ({})); status(`HTTP ${r.status}: ${b.error || r.statusText}`, true); return; }
      status(`The browser cannot decode the ${src.toUpperCase()} of '${S.song.id}'.`, true);
    } catch (e) { status(`${src.toUpperCase()}: ${e.message}`, true); }
  }

  function select(id, autoplay) {
    const song = S.songs.find(s => s.id === id);
    if (!song) return;
    pause();
    S.song = song; S.analysis = null; S.mel = null; S.acc = null; S.accFrames = 0; S.pending = null;
    status(song.available ? "" : "", false);
    $("title").textContent = song.title;
    $("labels").innerHTML = [song.artist, song.genre, song.language, song.key && song.key + " " + (song.mode || ""), song.tempoBpm && song.tempoBpm + " bpm", song.file]
      .filter(v => v).map(v => `<span>${esc(v)}</span>`).join("");
    renderList();
    el.wav.src = `/audio/${encodeURIComponent(id)}/wav`;
    el.mp3.src = mp3Url(id);
    $("play").disabled = false; $("seek").disabled = false;
    loadAnalysis();
    if (autoplay) play();
  }

  async function loadAnalysis() {
    const song = S.song, kbps = S.kbps;
    $("melinfo").textContent = "computing on the server…"; $("bandinfo").lastChild && null;
    try {
      const a = await json(`/api/songs/${encodeURIComponent(song.id)}/analysis?kbps=${kbps}`);
      if (S.song !== song || S.kbps !== kbps) return;
      S.analysis = a; S.acc = { wav: new Float64Array(a.wavDb.length), mp3: new Float64Array(a.wavDb.length) }; S.accFrames = 0;
      const m = a.mel;
      $("melinfo").textContent = `librosa.feature.melspectrogram defaults at ${a.sampleRate} Hz: n_fft ${m.nFft}, hop ${m.hopLength}, ${m.nMels} mels to ${P.kHz(m.fmaxHz)}Hz (Slaney); ` +
        `power_to_db(ref=max), ${m.floorDb}..0 dB, viridis · ${m.frames} frames`;
      const img = new Image();
      img.onload = () => { if (S.song === song) S.mel = img; };
      img.onerror = () => status("mel spectrogram image failed to load", true);
      img.src = m.url;
    } catch (e) {
      if (S.song === song) { status(e.message, true); $("melinfo").textContent = "no server analysis: " + e.message; }
    }
  }

  async function play() {
    if (!S.song) return;
    ensureGraph();
    await S.ctx.resume();
    const a = active(), b = el[other(S.source)];
    if (b.readyState >= 1 && Math.abs(b.currentTime - a.currentTime) > 0.03) b.currentTime = a.currentTime;
    try { await a.play(); } catch (e) { if (!S.error) status(`cannot play: ${e.message}`, true); return; }
    b.play().catch(() => { });
    S.playing = true; $("play").textContent = "❚❚";
  }

  function pause() {
    for (const a of Object.values(el)) a.pause();
    S.playing = false; $("play").textContent = "▶";
  }

  function setSource(src) {
    if (src === S.source) return;
    const next = el[src];
    if (next.readyState < 2) {                   // not decodable yet (MP3 still encoding): switch when it is
      S.pending = src; status(`${src.toUpperCase()} ${src === "mp3" ? S.kbps + " kbps " : ""}is loading…`);
      return;
    }
    const t = active().currentTime;
    if (Math.abs(next.currentTime - t) > 0.03) next.currentTime = t;
    S.source = src; S.pending = null; applyGains();
    if (S.playing && next.paused) next.play().catch(() => { });
    if (!S.error) status(`playing ${src.toUpperCase()}${src === "mp3" ? " at " + S.kbps + " kbps" : ""} from ${P.fmtTime(t)}`);
  }

  function setKbps(k) {
    S.kbps = k;
    if (!S.song) return;
    const t = active().currentTime, wasMp3 = S.source === "mp3";
    if (wasMp3) { S.source = "wav"; applyGains(); S.pending = "mp3"; }
    el.mp3.src = mp3Url(S.song.id);
    el.mp3.addEventListener("loadedmetadata", () => { el.mp3.currentTime = el.wav.currentTime || t; if (S.playing) el.mp3.play().catch(() => { }); }, { once: true });
    loadAnalysis();
  }

  for (const [src, a] of Object.entries(el)) {
    a.addEventListener("error", () => mediaError(src));
    a.addEventListener("canplay", () => { if (S.pending === src) setSource(src); });
    a.addEventListener("ended", () => { if (src === S.source) pause(); });
  }

  // Keep the silent source within 80 ms of the heard one (both feed their analysers).
  setInterval(() => {
    if (!S.playing) return;
    const a = active(), b = el[other(S.source)];
    if (b.readyState >= 1 && Math.abs(b.currentTime - a.currentTime) > 0.08) b.currentTime = a.currentTime;
    if (b.paused && b.readyState >= 2 && !a.paused) b.play().catch(() => { });
  }, 200);

  // ---- drawing ---------------------------------------------------------------------------------------------------
  const binHz = () => S.ctx.sampleRate / FFT;
  const topHz = () => Math.min(S.ctx ? S.ctx.sampleRate / 2 : 22050, S.analysis ? S.analysis.sampleRate / 2 : 1e9);

  function readAnalysers() {
    for (const k of ["wav", "mp3"]) S.nodes[k].an.getFloatFrequencyData(S.nodes[k].db);
    const db = S.nodes[S.source].db;
    let peak = -Infinity;
    for (let i = 0; i < db.length; i++) if (db[i] > peak) peak = db[i];
    S.peakDb = peak; S.frames++;
    if (isFinite(peak)) { const want = Math.min(0, Math.ceil((peak + 3) / 10) * 10); S.hi = want > S.hi ? want : S.hi - 0.02 * (S.hi - want); }
    if (S.playing && S.acc && el.mp3.readyState >= 2) {
      const top = S.analysis.sampleRate / 2, nb = S.acc.wav.length, hz = binHz();
      for (const k of ["wav", "mp3"]) {
        const d = S.nodes[k].db, acc = S.acc[k];
        for (let i = 0; i < d.length; i++) {
          const f = i * hz; if (f > top) break;
          acc[Math.min(nb - 1, Math.floor(f / top * nb))] += Math.pow(10, d[i] / 10);
        }
      }
      S.accFrames++;
    }
  }

  function drawSpectrum() {
    const cv = $("spectrum"), g = cv.getContext("2d"), W = cv.width, H = cv.height;
    g.fillStyle = "#0a0d13"; g.fillRect(0, 0, W, H);
    const main = { x0: 52, x1: W - 14, y0: 10, y1: 214 }, low = { x0: 52, x1: W - 14, y0: 226, y1: H - 22 };
    const fmax = topHz(), ax = P.logAxis(20, fmax, main.x0, main.x1);
    const hi = Math.round(S.hi / 10) * 10, lo = hi - LIVE_SPAN - 20;
    const yMain = v => main.y0 + (hi - v) / (hi - lo) * (main.y1 - main.y0);
    const yLow = v => low.y0 + (10 - v) / 50 * (low.y1 - low.y0);
    const yt = []; for (let v = hi; v >= lo; v -= 20) yt.push(v);
    P.frame(g, main, yt, yMain, "dBFS (AnalyserNode)");
    P.frame(g, low, [0, -20, -40], yLow, null);
    P.freqTicks(g, { x0: main.x0, x1: main.x1, y1: low.y1 }, ax.x, [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 16000, 20000], main.y0);
    g.fillStyle = C.diff; g.textAlign = "left"; g.textBaseline = "middle"; g.fillText("MP3 − WAV", low.x0 + 6, low.y0 + 8);
    const lp = S.analysis && lowpassHz(S.analysis);
    if (lp) {
      const x = Math.round(ax.x(lp)) + .5;
      g.strokeStyle = C.bad; g.setLineDash([3, 3]); g.beginPath(); g.moveTo(x, main.y0); g.lineTo(x, low.y1); g.stroke(); g.setLineDash([]);
      g.fillStyle = C.bad; g.textAlign = "right"; g.fillText(`MP3 ${S.kbps} kbps low-pass ≈ ${(lp / 1000).toFixed(1)} kHz`, x - 4, main.y0 + 8);
    }
    if (!S.nodes) { g.fillStyle = C.text; g.textAlign = "center"; g.fillText(S.song ? "press play" : "choose a song", (main.x0 + main.x1) / 2, (main.y0 + main.y1) / 2); return; }
    const hz = binHz(), xs = [], w = [], m = [], d = [];
    for (let x = main.x0; x <= main.x1; x += 1) {
      const f0 = ax.f(x), f1 = ax.f(x + 1);
      let k0 = Math.floor(f0 / hz), k1 = Math.max(k0 + 1, Math.ceil(f1 / hz));
      let pw = 0, pm = 0;
      for (let k = k0; k < k1; k++) { pw += Math.pow(10, S.nodes.wav.db[k] / 10); pm += Math.pow(10, S.nodes.mp3.db[k] / 10); }
      const a = 10 * Math.log10(pw / (k1 - k0) + 1e-30), b = 10 * Math.log10(pm / (k1 - k0) + 1e-30);
      xs.push(x); w.push(yMain(Math.max(a, lo))); m.push(yMain(Math.max(b, lo)));
      d.push(a > lo || b > lo ? yLow(Math.max(-40, Math.min(10, b - a))) : NaN);
    }
    const grad = g.createLinearGradient(0, main.y0, 0, main.y1);
    grad.addColorStop(0, "rgba(76,201,240,.35)"); grad.addColorStop(1, "rgba(76,201,240,0)");
    g.fillStyle = grad; g.beginPath(); g.moveTo(xs[0], main.y1);
    for (let i = 0; i < xs.length; i++) g.lineTo(xs[i], w[i]);
    g.lineTo(xs[xs.length - 1], main.y1); g.fill();
    P.curve(g, xs, w, C.wav, 1.6); P.curve(g, xs, m, C.mp3, 1.6);
    g.strokeStyle = "#3b4456"; g.beginPath(); g.moveTo(low.x0, yLow(0) + .5); g.lineTo(low.x1, yLow(0) + .5); g.stroke();
    P.curve(g, xs, d, C.diff, 1.4);
  }

  function drawSpectrogram(dt) {
    const cv = $("spectrogram"), g = cv.getContext("2d"), W = cv.width, H = cv.height;
    const box = { x0: 52, x1: W - 64, y0: 10, y1: H - 22 }, w = box.x1 - box.x0, h = box.y1 - box.y0;
    if (!S.specOff || S.specOff.width !== w || (S.lut && !S.specOff.filled)) {
      S.specOff = document.createElement("canvas"); S.specOff.width = w; S.specOff.height = h;
      const o = S.specOff.getContext("2d"); o.fillStyle = S.lut ? `rgb(${S.lut[0]},${S.lut[1]},${S.lut[2]})` : "#000"; o.fillRect(0, 0, w, h);
      S.specOff.filled = !!S.lut;
    }
    const fmax = topHz(), melTop = P.hzToMel(fmax);
    if (S.nodes && S.playing && S.lut) {
      S.scrollCarry += dt * PX_PER_S;
      const dx = Math.floor(S.scrollCarry);
      if (dx > 0) {
        S.scrollCarry -= dx;
        const o = S.specOff.getContext("2d");
        o.drawImage(S.specOff, dx, 0, w - dx, h, 0, 0, w - dx, h);
        const img = o.createImageData(dx, h), db = S.nodes[S.source].db, hz = binHz();
        for (let r = 0; r < h; r++) {
          const fHi = P.melToHz((1 - r / h) * melTop), fLo = P.melToHz((1 - (r + 1) / h) * melTop);
          let k0 = Math.floor(fLo / hz), k1 = Math.max(k0 + 1, Math.ceil(fHi / hz)), v = -Infinity;
          for (let k = k0; k < k1 && k < db.length; k++) if (db[k] > v) v = db[k];
          const i = Math.max(0, Math.min(255, Math.floor((v - S.hi + LIVE_SPAN) / LIVE_SPAN * 256)));
          for (let x = 0; x < dx; x++) {
            const o4 = 4 * (r * dx + x);
            img.data[o4] = S.lut[3 * i]; img.data[o4 + 1] = S.lut[3 * i + 1]; img.data[o4 + 2] = S.lut[3 * i + 2]; img.data[o4 + 3] = 255;
          }
        }
        o.putImageData(img, w - dx, 0);
      }
    }
    g.fillStyle = "#0a0d13"; g.fillRect(0, 0, W, H);
    g.drawImage(S.specOff, box.x0, box.y0);
    melAxis(g, box, fmax);
    g.fillStyle = C.text; g.textAlign = "center"; g.textBaseline = "top";
    for (let s = 0; s <= w / PX_PER_S; s += 1) g.fillText(s === 0 ? "now" : `−${s} s`, box.x1 - s * PX_PER_S, box.y1 + 4);
    if (S.lut) P.colorbar(g, S.lut, box.x1 + 10, box.y0, box.y1, Math.round(S.hi - LIVE_SPAN), Math.round(S.hi), "dB");
    $("dbrange").textContent = `${LIVE_SPAN} dB below a running peak (now ${Math.round(S.hi)} dBFS)`;
  }

  function melAxis(g, box, fmax) {
    const melTop = P.hzToMel(fmax);
    g.fillStyle = C.text; g.textAlign = "right"; g.textBaseline = "middle"; g.font = "11px DejaVu Sans, sans-serif";
    for (const f of P.melTicks(fmax)) {
      const y = box.y1 - P.hzToMel(f) / melTop * (box.y1 - box.y0);
      g.fillText(P.kHz(f), box.x0 - 4, y);
      g.strokeStyle = "rgba(255,255,255,.12)"; g.beginPath(); g.moveTo(box.x0 - 2, y + .5); g.lineTo(box.x0, y + .5); g.stroke();
    }
    g.save(); g.translate(11, (box.y0 + box.y1) / 2); g.rotate(-Math.PI / 2); g.textAlign = "center"; g.fillText("Hz (mel scale)", 0, 0); g.restore();
  }

  function drawMel() {
    const cv = $("mel"), g = cv.getContext("2d"), W = cv.width, H = cv.height;
    const box = { x0: 52, x1: W - 64, y0: 10, y1: H - 22 };
    g.fillStyle = "#0a0d13"; g.fillRect(0, 0, W, H);
    if (!S.mel || !S.analysis) {
      g.fillStyle = C.text; g.textAlign = "center"; g.fillText(S.song ? "computing…" : "choose a song", W / 2, H / 2); return;
    }
    g.imageSmoothingEnabled = true; g.drawImage(S.mel, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    melAxis(g, box, S.analysis.mel.fmaxHz);
    const dur = S.analysis.seconds;
    g.fillStyle = C.text; g.textAlign = "center"; g.textBaseline = "top";
    const step = dur > 40 ? 10 : dur > 12 ? 5 : 1;
    for (let t = 0; t <= dur + 1e-9; t += step) g.fillText(t + " s", box.x0 + t / dur * (box.x1 - box.x0), box.y1 + 4);
    const x = box.x0 + Math.min(1, active().currentTime / dur) * (box.x1 - box.x0);
    g.strokeStyle = "#ffffff"; g.lineWidth = 1.5; g.beginPath(); g.moveTo(x, box.y0); g.lineTo(x, box.y1); g.stroke();
    P.colorbar(g, S.lut, box.x1 + 10, box.y0, box.y1, S.analysis.mel.floorDb, 0, "dB");
  }

  function lowpassHz(a) {
    const d = a.wavDb.map((w, i) => a.mp3Db[i] - w);
    let b = d.length;
    while (b > 0 && d[b - 1] < -10) b--;
    return b < d.length && b > 0 ? a.bandEdgesHz[b] : null;
  }

  function drawBands() {
    const cv = $("bands"), g = cv.getContext("2d"), W = cv.width, H = cv.height;
    g.fillStyle = "#0a0d13"; g.fillRect(0, 0, W, H);
    const a = S.analysis;
    if (!a) { g.fillStyle = C.text; g.textAlign = "center"; g.fillText(S.song ? "computing…" : "choose a song", W / 2, H / 2); return; }
    const main = { x0: 52, x1: W - 14, y0: 10, y1: 196 }, low = { x0: 52, x1: W - 14, y0: 212, y1: H - 22 };
    const top = a.sampleRate / 2, xOf = f => main.x0 + f / top * (main.x1 - main.x0);
    const yMain = v => main.y0 + (5 - v) / 95 * (main.y1 - main.y0), yLow = v => low.y0 + (10 - v) / 50 * (low.y1 - low.y0);
    P.frame(g, main, [0, -20, -40, -60, -80], yMain, "dB re WAV max");
    P.frame(g, low, [0, -20, -40], yLow, null);
    const ticks = []; for (let f = 0; f <= top; f += top > 15000 ? 2000 : 1000) ticks.push(f);
    P.freqTicks(g, { x0: main.x0, x1: main.x1, y1: low.y1 }, xOf, ticks, main.y0);
    const centres = a.wavDb.map((_, i) => (a.bandEdgesHz[i] + a.bandEdgesHz[i + 1]) / 2), xs = centres.map(xOf);
    const ref = Math.max(...a.wavDb);
    const bw = (main.x1 - main.x0) / a.wavDb.length;
    for (let i = 0; i < a.wavDb.length; i++) {
      const dv = Math.max(-40, Math.min(10, a.mp3Db[i] - a.wavDb[i]));
      g.fillStyle = dv < -3 ? C.bad : C.diff; const y0 = yLow(0), y1 = yLow(dv);
      g.fillRect(xs[i] - bw * 0.35, Math.min(y0, y1), bw * 0.7, Math.max(1, Math.abs(y1 - y0)));
    }
    g.fillStyle = C.text; g.textAlign = "left"; g.textBaseline = "middle"; g.fillText("MP3 − WAV (server)", low.x0 + 6, low.y0 + 8);
    P.curve(g, xs, a.wavDb.map(v => yMain(Math.max(-95, v - ref))), C.wav, 2);
    P.curve(g, xs, a.mp3Db.map(v => yMain(Math.max(-95, v - ref))), C.mp3, 2);
    if (S.acc && S.accFrames > 0) {
      const toDb = acc => Array.from(acc, p => 10 * Math.log10(p / S.accFrames + 1e-30));
      const bwv = toDb(S.acc.wav), bmp = toDb(S.acc.mp3), bref = Math.max(...bwv);
      P.curve(g, xs, bwv.map(v => yMain(Math.max(-95, v - bref))), C.wav, 1.2, [5, 4]);
      P.curve(g, xs, bmp.map(v => yMain(Math.max(-95, v - bref))), C.mp3, 1.2, [5, 4]);
    }
    const lp = lowpassHz(a);
    if (lp) {
      g.strokeStyle = C.bad; g.setLineDash([3, 3]); g.beginPath(); g.moveTo(xOf(lp) + .5, main.y0); g.lineTo(xOf(lp) + .5, low.y1); g.stroke(); g.setLineDash([]);
      g.fillStyle = C.bad; g.textAlign = "right"; g.fillText(`MP3 ${a.kbps} kbps low-pass ≈ ${(lp / 1000).toFixed(1)} kHz`, xOf(lp) - 4, main.y0 + 10);
    }
    const s = a.similarity;
    $("bandinfo").innerHTML = `<span class="sw wav"></span>WAV <span class="sw mp3"></span>MP3 ${a.kbps} kbps — solid: server (${a.wavDb.length} bands, mean power of |STFT|², n_fft 2048), ` +
      `dashed: browser (${S.accFrames} AnalyserNode frames) · each relative to its WAV's loudest band · server Pearson r ${s.pearson.toFixed(3)}, mean |Δ| ${s.meanAbsDiffDb.toFixed(2)} dB`;
  }

  function updateTime() {
    const a = active(), d = isFinite(a.duration) ? a.duration : 0;
    $("time").textContent = `${P.fmtTime(a.currentTime)} / ${P.fmtTime(d)}`;
    const seek = $("seek");
    if (document.activeElement !== seek) { seek.max = d || 1; seek.value = a.currentTime; }
  }

  let bandTick = 0;
  function tick(now) {
    const dt = S.lastT ? Math.min(0.25, (now - S.lastT) / 1000) : 0; S.lastT = now;
    updateTime();
    if (S.nodes) readAnalysers();
    drawSpectrum(); drawSpectrogram(dt); drawMel();
    if (bandTick++ % 15 === 0) drawBands();
    requestAnimationFrame(tick);
  }

  // ---- events ----------------------------------------------------------------------------------------------------
  $("songs").addEventListener("click", e => { const tr = e.target.closest("tr[data-id]"); if (tr) select(tr.dataset.id, true); });
  for (const id of ["search", "genre", "language"]) $(id).addEventListener("input", renderList);
  $("play").addEventListener("click", () => S.playing ? pause() : play());
  $("seek").addEventListener("input", e => { const t = +e.target.value; for (const a of Object.values(el)) if (a.readyState >= 1) a.currentTime = t; });
  $("source").addEventListener("click", e => { const b = e.target.closest("button[data-src]"); if (b) setSource(b.dataset.src); });
  $("kbps").addEventListener("change", e => setKbps(+e.target.value));
  document.addEventListener("keydown", e => { if (e.code === "Space" && e.target.tagName !== "INPUT") { e.preventDefault(); S.playing ? pause() : play(); } });

  // State for tests and the demo's screenshot (read-only view).
  window.alchemy = {
    state: () => ({
      songs: S.songs.length, song: S.song && S.song.id, source: S.source, pending: S.pending, playing: S.playing, kbps: S.kbps,
      position: active().currentTime, wavTime: el.wav.currentTime, mp3Time: el.mp3.currentTime,
      wavReady: el.wav.readyState, mp3Ready: el.mp3.readyState, frames: S.frames, peakDb: S.peakDb, accFrames: S.accFrames,
      context: S.ctx && S.ctx.state, sampleRate: S.ctx && S.ctx.sampleRate, analysis: !!S.analysis, mel: !!S.mel, error: S.error,
    }),
  };

  loadSongs();
  requestAnimationFrame(tick);
})();
