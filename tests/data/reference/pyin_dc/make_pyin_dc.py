#!/usr/bin/python3
"""librosa 0.11 pyin on a clip with a large DC offset: the reference for AudioAlchemy's DC-offset parity test.

usage (after `source $ROOT/env.sh` of shared/reference/oracle/setup.sh):
  /usr/bin/python3 tests/data/reference/pyin_dc/make_pyin_dc.py
Builds y = (first 4 s of tests/data/reference/audio/trumpet.ogg at 22050 Hz, mono) + 0.35 in float32 (the mean of
the real clip of issue 14 was about 0.35), writes y.npy, then librosa.pyin with Table-1's parameters (fmin C2,
fmax C7, frame_length 2048, hop 512, all else default): pyin_f0.npy, pyin_voiced_flag.npy, pyin_voiced_prob.npy,
the same for the clip without the offset (*_nodc.npy) for comparison, and for a synthetic 800 Hz voice + 0.35
(y_voice.npy, *_voice.npy); params.json records versions.
Last, the path of a user's file: a 1 s gated 800 Hz voice (0.25 s on, 0.25 s off: noise-only frames where the offset
dominates) upsampled to 44100 Hz, + 0.35, written as a 16-bit PCM WAV (voice_dc_44100.wav), then
librosa.load(sr=22050) (soxr_hq back to 22050, float32): y_load.npy and pyin_*_load.npy. In the noise-only frames
librosa's d(1) omits x[0]^2 (it zeroes yin_frames[0] before reading it as the energy term), which matters only when
x[0]^2 is large, i.e. with a DC offset.
"""
import json
import os

import numpy as np
import librosa

HERE = os.path.dirname(os.path.abspath(__file__))
CLIP = os.path.join(HERE, "..", "audio", "trumpet.ogg")
OFFSET = 0.35

y0, sr = librosa.load(CLIP, sr=22050, mono=True, duration=4.0)
y = (y0 + np.float32(OFFSET)).astype(np.float32)
np.save(os.path.join(HERE, "y.npy"), y)
kw = dict(fmin=librosa.note_to_hz("C2"), fmax=librosa.note_to_hz("C7"), sr=sr, frame_length=2048, hop_length=512)
for suffix, sig in (("", y), ("_nodc", y0)):
    f0, vf, vp = librosa.pyin(sig, **kw)
    np.save(os.path.join(HERE, f"pyin_f0{suffix}.npy"), f0)
    np.save(os.path.join(HERE, f"pyin_voiced_flag{suffix}.npy"), vf)
    np.save(os.path.join(HERE, f"pyin_voiced_prob{suffix}.npy"), vp)
    print(suffix or "dc", "voiced", int(vf.sum()), "of", len(vf), "mean f0", float(np.nanmean(f0[vf])) if vf.any() else None)
# A high voice (800 Hz, +-2 % vibrato, one harmonic, seeded noise) riding on the same offset, 4 s: the
# register of the real clip in issue 14 (mean f0 about 800 Hz).
t = np.arange(4 * sr) / sr
ph = 2 * np.pi * np.cumsum(800 * (1 + 0.02 * np.sin(2 * np.pi * 0.5 * t))) / sr
voice = 0.2 * np.sin(ph) + 0.05 * np.sin(2 * ph) + 0.02 * np.random.RandomState(0).randn(len(t))
yv = (voice + OFFSET).astype(np.float32)
np.save(os.path.join(HERE, "y_voice.npy"), yv)
f0, vf, vp = librosa.pyin(yv, **kw)
np.save(os.path.join(HERE, "pyin_f0_voice.npy"), f0)
np.save(os.path.join(HERE, "pyin_voiced_flag_voice.npy"), vf)
np.save(os.path.join(HERE, "pyin_voiced_prob_voice.npy"), vp)
print("voice+dc voiced", int(vf.sum()), "of", len(vf), "mean f0", float(np.nanmean(f0[vf])))
# The real-clip path: file at 44100 Hz PCM_16 -> librosa.load(sr=22050) -> pyin.
import soundfile as sf
tl = np.arange(sr) / sr
phl = 2 * np.pi * np.cumsum(800 * (1 + 0.02 * np.sin(2 * np.pi * 0.5 * tl))) / sr
rs = np.random.RandomState(2)
gate = (np.floor(tl / 0.25) % 2 == 0).astype(float)
vl = (0.2 * np.sin(phl) + 0.05 * np.sin(2 * phl)) * gate + 0.01 * rs.randn(len(tl))
up = librosa.resample(vl.astype(np.float32), orig_sr=sr, target_sr=44100) + OFFSET
wav = os.path.join(HERE, "voice_dc_44100.wav")
sf.write(wav, np.clip(up, -1, 1), 44100, subtype="PCM_16")
yl, _ = librosa.load(wav, sr=sr)
np.save(os.path.join(HERE, "y_load.npy"), yl)
f0, vf, vp = librosa.pyin(yl, **kw)
np.save(os.path.join(HERE, "pyin_f0_load.npy"), f0)
np.save(os.path.join(HERE, "pyin_voiced_flag_load.npy"), vf)
np.save(os.path.join(HERE, "pyin_voiced_prob_load.npy"), vp)
print("voice 44100 PCM_16 + dc, loaded: voiced", int(vf.sum()), "of", len(vf), "mean f0", float(np.nanmean(f0[vf])),
      "mean", float(yl.mean()))
with open(os.path.join(HERE, "params.json"), "w") as f:
    json.dump({"librosa": librosa.__version__, "numpy": np.__version__, "clip": "trumpet.ogg", "duration": 4.0,
               "offset": OFFSET, "pyin": {k: float(v) if not isinstance(v, int) else v for k, v in kw.items()}}, f, indent=1)
