# librosa 0.11.0 oracle: amplitude_to_db / rms(S=...) / estimate_tuning(y=...) fixtures.
# Run: source $ROOT/env.sh; cd tests/data/features; /usr/bin/python3 make_db.py
import numpy as np, librosa
S = np.load('../reference/trumpet/stft_mag.npy')[:, :16]           # (1025, 16) float32 |stft| of trumpet
np.save('trumpet_amplitude_to_db_max_16.npy', librosa.amplitude_to_db(S, ref=np.max))
np.save('trumpet_amplitude_to_db_16.npy', librosa.amplitude_to_db(S))
np.save('trumpet_rms_from_S_16.npy', librosa.feature.rms(S=S))
y = np.load('../reference/trumpet/y.npy')
np.save('trumpet_estimate_tuning_y.npy', np.array([librosa.estimate_tuning(y=y, sr=22050)]))
print(librosa.__version__)
