#!/usr/bin/env python3
"""Extra librosa 0.11.0 load() fixtures (native-rate load, stereo 44.1k -> 22.05k mono, offset/duration).

usage (after `source /work/oracle/env.sh`):
  /usr/bin/python3 make_extra.py [TRUMPET_OGG] [OUTDIR]
defaults: /work/shared/reference/audio/trumpet.ogg, the folder holding this script.
"""
import json
import os
import sys

import numpy as np
import soundfile as sf
import librosa

here = os.path.dirname(os.path.abspath(__file__))
trumpet = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/audio/trumpet.ogg"
out = sys.argv[2] if len(sys.argv) > 2 else here
os.makedirs(out, exist_ok=True)
info = {"librosa": librosa.__version__, "numpy": np.__version__, "soundfile": sf.__version__,
        "libsndfile": sf.__libsndfile_version__}

# 1. trumpet at native rate (no resampling), mono, float32
y, sr = librosa.load(trumpet, sr=None)
np.save(os.path.join(out, "trumpet_native_y.npy"), y.astype(np.float32, copy=False))
info["trumpet_native_y.npy"] = {"call": "librosa.load('trumpet.ogg', sr=None)", "sr": sr,
                                "shape": list(y.shape), "dtype": str(y.dtype)}

# 2. deterministic stereo 44.1 kHz, 3 s test signal
SR, DUR = 44100, 3.0
n = int(SR * DUR)
t = np.arange(n, dtype=np.float64) / SR
rng = np.random.default_rng(12345)
left = 0.30 * np.sin(2 * np.pi * 220 * t) + 0.20 * np.sin(2 * np.pi * 330 * t) \
    + 0.10 * np.sin(2 * np.pi * 1000 * t) + 0.01 * rng.standard_normal(n)
right = 0.25 * np.sin(2 * np.pi * 220 * t + 0.5) + 0.25 * np.sin(2 * np.pi * 330 * t + 1.0) \
    + 0.15 * np.sin(2 * np.pi * 1000 * t + 1.5) + 0.01 * rng.standard_normal(n)
stereo = np.stack([left, right], axis=1)             # (frames, channels)
wav = os.path.join(out, "stereo44k.wav")
sf.write(wav, stereo, SR, subtype="PCM_16")
info["stereo44k.wav"] = {"sr": SR, "channels": 2, "frames": n, "subtype": "PCM_16",
                         "recipe": "L = .30 sin(2pi220t) + .20 sin(2pi330t) + .10 sin(2pi1000t) + .01 N(0,1); "
                                   "R = .25 sin(2pi220t+.5) + .25 sin(2pi330t+1) + .15 sin(2pi1000t+1.5) + .01 N(0,1); "
                                   "t = arange(132300)/44100; noise = np.random.default_rng(12345).standard_normal, "
                                   "L noise drawn first then R; soundfile.write(..., subtype='PCM_16')"}

y2, sr2 = librosa.load(wav, sr=22050, mono=True)
np.save(os.path.join(out, "stereo44k_y22050.npy"), y2)
info["stereo44k_y22050.npy"] = {"call": "librosa.load('stereo44k.wav', sr=22050, mono=True)", "sr": sr2,
                                "shape": list(y2.shape), "dtype": str(y2.dtype)}

y3, sr3 = librosa.load(wav, sr=22050, mono=True, offset=0.5, duration=1.25)
np.save(os.path.join(out, "stereo44k_y22050_off.npy"), y3)
info["stereo44k_y22050_off.npy"] = {"call": "librosa.load('stereo44k.wav', sr=22050, mono=True, offset=0.5, duration=1.25)",
                                    "sr": sr3, "shape": list(y3.shape), "dtype": str(y3.dtype)}

# intermediates, handy for checking a port step by step (native-rate mono mix before resampling)
ym, _ = librosa.load(wav, sr=None, mono=True)
np.save(os.path.join(out, "stereo44k_mono44100.npy"), ym)
info["stereo44k_mono44100.npy"] = {"call": "librosa.load('stereo44k.wav', sr=None, mono=True)",
                                   "shape": list(ym.shape), "dtype": str(ym.dtype)}

with open(os.path.join(out, "extra.json"), "w") as f:
    json.dump(info, f, indent=1)
for k, v in info.items():
    print(k, v)
