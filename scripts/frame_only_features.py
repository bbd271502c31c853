"""Ablation/corpus manifest -> minimal feature table for `study q1 --models none` (frame models / CNN only):
track_id, track_type, language, artist, genre, path, const. Corpus manifests (vocals_path/accompaniment_path)
expand to track types 1 and 2 (true stems); ablation manifests keep their track_type rows."""
import csv, os, sys
src, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]  # mode: ablation | true
base = os.path.dirname(os.path.abspath(src))
rows = list(csv.DictReader(open(src)))
w = csv.writer(open(out, 'w', newline=''))
w.writerow(['track_id', 'track_type', 'language', 'artist', 'genre', 'path', 'const'])
for r in rows:
    if mode == 'true':
        for t, col in (('1', 'vocals_path'), ('2', 'accompaniment_path')):
            w.writerow([r['id'], t, r['language'], r['artist'], r['genre'], os.path.join(base, r[col]), 1])
    else:
        w.writerow([r['id'], r.get('track_type') or '0', r['language'], r['artist'], r['genre'], os.path.join(base, r['path']), 1])
