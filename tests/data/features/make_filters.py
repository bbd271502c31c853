# librosa 0.11.0 oracle: filterbank fixtures (HTK / unnormalised mel, chroma) for the filter parity tests.
# Run: source $ROOT/env.sh; cd tests/data/features; /usr/bin/python3 make_filters.py
import numpy as np, librosa
np.save('mel_htk_sr16000_nfft512_n40.npy', librosa.filters.mel(sr=16000, n_fft=512, n_mels=40, fmin=20, fmax=7000, htk=True))
np.save('mel_nonorm_sr22050_nfft512_n40.npy', librosa.filters.mel(sr=22050, n_fft=512, n_mels=40, norm=None))
np.save('chroma_sr22050_nfft512_tuning-0.13.npy', librosa.filters.chroma(sr=22050, n_fft=512, tuning=-0.13))
np.save('hz_to_mel_points.npy', np.array([[f, librosa.hz_to_mel(f), librosa.hz_to_mel(f, htk=True)] for f in [0, 100, 999.9, 1000, 1500, 8000, 11025]]))
print(librosa.__version__)
