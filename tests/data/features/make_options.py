# librosa 0.11.0 oracle: non-default keyword fixtures on the trumpet clip (librosa's own y).
# Run: source $ROOT/env.sh; cd tests/data/features; /usr/bin/python3 make_options.py
import numpy as np, librosa
y = np.load('../reference/trumpet/y.npy'); sr = 22050
env = librosa.onset.onset_strength(y=y, sr=sr)
np.save('trumpet_tempo_per_frame.npy', librosa.feature.tempo(onset_envelope=env, sr=sr, aggregate=None))
np.save('trumpet_tempo_start90_std05_max200.npy', librosa.feature.tempo(onset_envelope=env, sr=sr, start_bpm=90, std_bpm=0.5, max_tempo=200))
np.save('trumpet_tempogram_first10.npy', librosa.feature.tempogram(onset_envelope=env, sr=sr)[:, :10])
np.save('trumpet_onset_lag2_max3.npy', librosa.onset.onset_strength(y=y, sr=sr, lag=2, max_size=3))
np.save('trumpet_onset_detrend_nocenter.npy', librosa.onset.onset_strength(y=y, sr=sr, detrend=True, center=False))
np.save('trumpet_mfcc_lifter22_htk40.npy', librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13, lifter=22, htk=True, n_mels=40))
menv = librosa.onset.onset_strength(y=y, sr=sr, aggregate=np.median)
bpm, beats = librosa.beat.beat_track(onset_envelope=menv, sr=sr, tightness=400, trim=False)
np.save('trumpet_beats_tight400_notrim.npy', beats); np.save('trumpet_beats_tight400_notrim_bpm.npy', np.atleast_1d(bpm))
bpm2, beats2 = librosa.beat.beat_track(onset_envelope=menv, sr=sr, bpm=100.0)
np.save('trumpet_beats_bpm100.npy', beats2)
np.save('trumpet_chroma_tuning0_n24.npy', librosa.feature.chroma_stft(y=y, sr=sr, tuning=0.0, n_chroma=24))
np.save('trumpet_zcr_1024_256_nocenter.npy', librosa.feature.zero_crossing_rate(y, frame_length=1024, hop_length=256, center=False))
np.save('trumpet_rms_1024_256_nocenter.npy', librosa.feature.rms(y=y, frame_length=1024, hop_length=256, center=False))
np.save('trumpet_rolloff_099_bandwidth_p1.npy', np.vstack([librosa.feature.spectral_rolloff(y=y, sr=sr, roll_percent=0.99), librosa.feature.spectral_bandwidth(y=y, sr=sr, p=1)]))
print(librosa.__version__, bpm, beats.shape, beats2.shape)
