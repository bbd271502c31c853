import csv,sys,statistics as st
for f in sys.argv[1:]:
    r=list(csv.DictReader(open(f)))
    m=lambda k: st.median(float(x[k]) for x in r if x[k] not in ('','nan','NaN'))
    print(f"{f.split('/')[-1]:60s} n={len(r)} vocSDR {m('sep_vocals_sdr'):.2f} accSDR {m('sep_accompaniment_sdr'):.2f} vocSI {m('sep_vocals_sisdr'):.2f} accSI {m('sep_accompaniment_sisdr'):.2f}")
