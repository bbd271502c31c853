#!/usr/bin/python3
"""Real-recording check for the separators: the librosa example clips the repository carries
(tests/data/reference/audio, licences in LICENSES.md) as accompaniment, espeak-ng speech as vocals.

    /usr/bin/python3 scripts/real_mixes.py --out data/real      # then:
    ./alchemy separate eval data/real/manifest.csv --method learned

Writes OUT/{mixture,vocals,accompaniment}/<id>.wav (16-bit mono 22050 Hz, mixture = vocals + accompaniment up to 16-bit rounding)
and OUT/manifest.csv. Deterministic: fixed texts, voices and gains; ffmpeg decodes the clips, espeak-ng speaks.
"""
import argparse, csv, os, subprocess, sys, tempfile, wave
import numpy as np

SR = 22050
CLIPS = ["brahms", "nutcracker", "trumpet"]
SPEECH = [  # (language, espeak voice, text)
    ("en", "en", "The river runs past the old mill, and the lanterns glow along the bridge until morning comes."),
    ("fr", "fr", "La rivière passe devant le vieux moulin, et les lanternes brillent sur le pont jusqu'au matin."),
    ("de", "de", "Der Fluss fließt an der alten Mühle vorbei, und die Laternen leuchten auf der Brücke bis zum Morgen."),
]
VOCAL_TO_ACCOMPANIMENT_DB = [0.0, -6.0]


def decode(path, seconds):
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-t", str(seconds), "-ac", "1", "-ar", str(SR), "-f", "f32le", "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(out, dtype="<f4").astype(np.float64)


def speak(voice, text, tmp):
    wav = os.path.join(tmp, "speech.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", wav, text], check=True, capture_output=True)
    return decode(wav, 60)


def write(path, y):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pcm = np.clip(y, -1, 1)
    with wave.open(path + ".tmp", "wb") as w:  # 16-bit PCM: what wave supports; the mixture is re-summed from the rounded stems
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(SR)
        w.writeframes((pcm * 32767).round().astype("<i2").tobytes())
    os.replace(path + ".tmp", path)


def read16(path):
    with wave.open(path, "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32767


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="data/real")
    ap.add_argument("--audio", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data", "reference", "audio"))
    a = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for ci, clip in enumerate(CLIPS):
            acc_full = decode(os.path.join(a.audio, clip + ".ogg"), 30)
            for li, (lang, voice, text) in enumerate(SPEECH):
                if (ci + li) % 3 == 2:
                    continue  # two languages per clip
                voc = speak(voice, text, tmp)
                n = min(len(acc_full), len(voc) + SR)  # speech starts after 0.5 s
                v = np.zeros(n); v[SR // 2: SR // 2 + min(len(voc), n - SR // 2)] = voc[: n - SR // 2]
                acc = acc_full[:n]
                for db in VOCAL_TO_ACCOMPANIMENT_DB:
                    rv, ra = np.sqrt(np.mean(v ** 2)), np.sqrt(np.mean(acc ** 2))
                    g = 10 ** (db / 20) * ra / rv
                    vv, aa = v * g, acc.copy()
                    peak = max(np.max(np.abs(vv)), np.max(np.abs(aa)), np.max(np.abs(vv + aa)))
                    if peak > 0.95:
                        vv, aa = vv * 0.95 / peak, aa * 0.95 / peak
                    name = f"{clip}_{lang}_{'m' if db < 0 else 'p'}{abs(int(db))}db"
                    paths = {k: os.path.join(a.out, k, name + ".wav") for k in ("vocals", "accompaniment", "mixture")}
                    write(paths["vocals"], vv); write(paths["accompaniment"], aa)
                    write(paths["mixture"], read16(paths["vocals"]) + read16(paths["accompaniment"]))
                    rows.append([name, f"mixture/{name}.wav", f"vocals/{name}.wav", f"accompaniment/{name}.wav", clip, lang, db])
    with open(os.path.join(a.out, "manifest.csv.tmp"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "path", "vocals_path", "accompaniment_path", "title", "language", "vocal_to_accompaniment_db"])
        w.writerows(rows)
    os.replace(os.path.join(a.out, "manifest.csv.tmp"), os.path.join(a.out, "manifest.csv"))
    print(f"{len(rows)} mixtures -> {os.path.join(a.out, 'manifest.csv')}")


if __name__ == "__main__":
    sys.exit(main())
