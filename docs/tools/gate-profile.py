#!/usr/bin/env python3
"""Where a paired gate's time went: every JMH run's wall time (fork.args written -> fork.log last
written), grouped per round and side, the runs' benchmarks, and the gaps between runs."""
import os, re, sys, glob, collections
root = sys.argv[1] if len(sys.argv) > 1 else 'sabot-engine-benchmarks/target/budget/paired'
runs = []
for args in glob.glob(os.path.join(root, '**', 'fork.args'), recursive=True):
    d = os.path.dirname(args); log = os.path.join(d, 'fork.log')
    if not os.path.exists(log):
        continue
    start = os.stat(args).st_mtime; end = os.stat(log).st_mtime
    text = open(log, errors='replace').read()
    benches = []
    for m in re.finditer(r'^# Benchmark: (\S+)\n(?:# Parameters: \((.*)\)\n)?', text, re.M):
        benches.append(m.group(1).split('.')[-2] + '.' + m.group(1).split('.')[-1] + ('[' + m.group(2) + ']' if m.group(2) else ''))
    rel = os.path.relpath(d, root)
    rnd = re.search(r'round-(\d+)', rel)
    side = os.path.basename(d)
    runs.append(dict(dir=rel, start=start, end=end, wall=end-start, benches=benches,
                     round=int(rnd.group(1)) if rnd else 0, side=side if side in ('current', 'baseline') else 'one-side'))
runs.sort(key=lambda r: r['start'])
if not runs:
    sys.exit('no runs under ' + root)
t0 = runs[0]['start']; t1 = max(r['end'] for r in runs)
print(f'{len(runs)} JMH runs, first start to last end {(t1-t0)/60:.1f} min, runs themselves {sum(r["wall"] for r in runs)/60:.1f} min')
gaps = [b['start'] - a['end'] for a, b in zip(runs, runs[1:])]
print(f'gaps between runs: total {sum(gaps):.0f} s, median {sorted(gaps)[len(gaps)//2]:.2f} s, max {max(gaps):.1f} s')
per = collections.defaultdict(float); cnt = collections.Counter()
for r in runs:
    per[(r['round'], r['side'])] += r['wall']
    cnt[(r['round'], r['side'])] += 1
for k in sorted(per):
    print(f'round {k[0]} {k[1]:9s} {cnt[k]:3d} runs {per[k]/60:5.2f} min')
forks = sum(len(r['benches']) for r in runs)
print(f'{forks} benchmark forks; mean wall per fork {sum(r["wall"] for r in runs)/max(forks,1):.2f} s')
print('slowest runs:')
for r in sorted(runs, key=lambda r: -r['wall'])[:15]:
    print(f'  {r["wall"]:6.1f} s  {r["dir"]:40s} {", ".join(r["benches"])}')
