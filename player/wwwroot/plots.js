// Drawing helpers of the player page: axes, the mel scale (librosa's Slaney formula, htk=False), curves, colour bars.
"use strict";
const Plots = (() => {
  const C = { grid: "#232a38", axis: "#59627a", text: "#8a93a6", wav: "#4cc9f0", mp3: "#f8961e", diff: "#90be6d", bad: "#ff5d73" };
  const F_SP = 200 / 3, MIN_LOG_HZ = 1000, MIN_LOG_MEL = MIN_LOG_HZ / F_SP, LOGSTEP = Math.log(6.4) / 27;
  const hzToMel = f => f < MIN_LOG_HZ ? f / F_SP : MIN_LOG_MEL + Math.log(f / MIN_LOG_HZ) / LOGSTEP;
  const melToHz = m => m < MIN_LOG_MEL ? m * F_SP : MIN_LOG_HZ * Math.exp(LOGSTEP * (m - MIN_LOG_MEL));
  const kHz = f => f >= 1000 ? (f / 1000) + "k" : String(f);
  const fmtTime = t => { t = Math.max(0, t || 0); const m = Math.floor(t / 60); return m + ":" + (t - 60 * m).toFixed(1).padStart(4, "0"); };

  // Logarithmic frequency axis [fmin, fmax] mapped to [x0, x1].
  function logAxis(fmin, fmax, x0, x1) {
    const a = Math.log(fmin), b = Math.log(fmax);
    return { x: f => x0 + (Math.log(Math.max(f, fmin)) - a) / (b - a) * (x1 - x0), f: x => Math.exp(a + (x - x0) / (x1 - x0) * (b - a)) };
  }

  function frame(g, box, yTicks, yOf, yLabel) {
    g.strokeStyle = C.grid; g.lineWidth = 1; g.fillStyle = C.text; g.font = "11px DejaVu Sans, sans-serif";
    g.textAlign = "right"; g.textBaseline = "middle";
    for (const v of yTicks) {
      const y = Math.round(yOf(v)) + .5;
      g.beginPath(); g.moveTo(box.x0, y); g.lineTo(box.x1, y); g.stroke();
      g.fillText(String(v), box.x0 - 4, y);
    }
    if (yLabel) { g.save(); g.translate(11, (box.y0 + box.y1) / 2); g.rotate(-Math.PI / 2); g.textAlign = "center"; g.fillText(yLabel, 0, 0); g.restore(); }
  }

  function freqTicks(g, box, xOf, ticks, top) {
    g.strokeStyle = C.grid; g.fillStyle = C.text; g.textAlign = "center"; g.textBaseline = "top"; g.font = "11px DejaVu Sans, sans-serif";
    let last = -1e9;
    for (const f of ticks) {
      const x = Math.round(xOf(f)) + .5;
      if (x < box.x0 - 1 || x > box.x1 + 1 || x - last < 30) continue;
      last = x;
      g.beginPath(); g.moveTo(x, top); g.lineTo(x, box.y1); g.stroke();
      g.fillText(kHz(f), x, box.y1 + 4);
    }
  }

  function curve(g, xs, ys, color, width, dash) {
    g.strokeStyle = color; g.lineWidth = width; g.setLineDash(dash || []); g.beginPath();
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      if (!isFinite(ys[i])) { pen = false; continue; }
      if (pen) g.lineTo(xs[i], ys[i]); else { g.moveTo(xs[i], ys[i]); pen = true; }
    }
    g.stroke(); g.setLineDash([]);
  }

  // Vertical colour bar of a 256-entry RGB table, labelled lo..hi.
  function colorbar(g, lut, x, y0, y1, lo, hi, unit) {
    for (let y = y0; y < y1; y++) {
      const i = Math.min(255, Math.floor((y1 - 1 - y) / (y1 - y0) * 256));
      g.fillStyle = `rgb(${lut[3 * i]},${lut[3 * i + 1]},${lut[3 * i + 2]})`; g.fillRect(x, y, 10, 1);
    }
    g.fillStyle = C.text; g.font = "11px DejaVu Sans, sans-serif"; g.textAlign = "left"; g.textBaseline = "middle";
    g.fillText(hi + " " + unit, x + 13, y0 + 5); g.fillText(String(lo), x + 13, y1 - 5);
  }

  function melTicks(fmax) { return [100, 500, 1000, 2000, 4000, 8000, 16000].filter(f => f < fmax * 0.97); }

  return { C, hzToMel, melToHz, kHz, fmtTime, logAxis, frame, freqTicks, curve, colorbar, melTicks };
})();
