# librosa 0.11.0 oracle: frame-level language-ID features (FrameFeatureOptions defaults, before gating and CMVN).
# Run: source $ROOT/env.sh; cd tests/data/features; /usr/bin/python3 make_frames.py
# trumpet at 16 kHz -> MFCC(20, n_fft 512, hop 256, 40 mels, fmin 20) + feature.delta(width 9), stacked (40, frames);
# plus SDC 7-1-3-7 of those MFCCs written with numpy (edge-clamped indices), an independent implementation of the C# one.
import numpy as np, librosa
y, sr = librosa.load(librosa.ex('trumpet'), sr=16000)
m = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=20, n_fft=512, hop_length=256, n_mels=40, fmin=20)
d = librosa.feature.delta(m, width=9, order=1)
np.save('trumpet16k_mfcc20_delta.npy', np.vstack([m, d]).astype(np.float32))
N, D, P, K = 7, 1, 3, 7
T = m.shape[1]
t = np.arange(T)
blocks = []
for i in range(K):
    hi = np.clip(t + i * P + D, 0, T - 1)
    lo = np.clip(t + i * P - D, 0, T - 1)
    blocks.append(m[:N, hi] - m[:N, lo])
np.save('trumpet16k_sdc7137.npy', np.vstack(blocks).astype(np.float32))
print(librosa.__version__, m.shape)
