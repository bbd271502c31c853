# librosa 0.11.0 oracle: feature.delta fixtures for the delta parity test.
# Run: source $ROOT/env.sh; cd tests/data/features; /usr/bin/python3 make_delta.py
import numpy as np, librosa
m = np.load('../reference/trumpet/mfcc.npy')          # (13, 230) float32, librosa's MFCCs of trumpet
np.save('trumpet_mfcc_delta1.npy', librosa.feature.delta(m))            # width 9, order 1, mode interp
np.save('trumpet_mfcc_delta2.npy', librosa.feature.delta(m, order=2))
np.save('trumpet_mfcc_delta1_w5.npy', librosa.feature.delta(m, width=5))
print(librosa.__version__)
