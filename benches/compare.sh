#!/usr/bin/env bash
# Side-by-side timing on the same files, in one run: gatepost full scan, gatepost parse-only
# (`gatepost model`: read + parse + normalize, no rules), and peers that install from PyPI.
#
#   benches/compare.sh [--sizes "1000 10000 50000"] [--peers "checkov"] [--runs 3] [DIR...]
#
# Corpora: the synthetic monorepo from ../shared/tools/gen_tf_corpus.py at each size, plus
# any DIR given. Prints wall time (min / median of --runs), peak RSS and findings per tool,
# and the ratios; writes the table to benches/results/compare-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="1000 10000 50000"
peers="checkov"
runs=3
dirs=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --peers) peers="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) dirs+=("$1"); shift ;;
    esac
done
gen="${GATEPOST_CORPUS_TOOL:-../shared/tools/gen_tf_corpus.py}"
cargo build --release -q -p gatepost-cli
bin="$PWD/target/release/gatepost"
work="$PWD/target/compare"
mkdir -p "$work"

venv="$work/venv"
if [ -n "$peers" ] && [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q $peers
fi

corpora=()
for n in $sizes; do
    d="$work/tf$n"
    [ -d "$d" ] || python3 "$gen" --resources "$n" --out "$d" >/dev/null
    corpora+=("$d")
done
corpora+=("${dirs[@]}")

# measure NAME CMD...: runs the command $runs times; prints "min median rss_kb"
measure() {
    local times=() rss=0
    for _ in $(seq "$runs"); do
        local t0 t1
        t0=$(date +%s.%N)
        /usr/bin/time -f "%M" -o "$work/rss" "$@" > "$work/out" 2>/dev/null || true
        t1=$(date +%s.%N)
        times+=("$(echo "$t1 - $t0" | bc)")
        local r; r=$(tail -1 "$work/rss"); [ "$r" -gt "$rss" ] && rss=$r
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v rss="$rss" '{a[NR]=$1} END {printf "%.3f %.3f %d\n", a[1], a[int((NR+1)/2)], rss}'
}

out="benches/results/compare-$(date +%F).md"
{
    echo "# gatepost vs peers, $(date +%F)"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; min/median of $runs runs; RSS in MiB."
    echo
    echo "| corpus | files | MB | tool | min s | median s | peak RSS | findings | vs gatepost |"
    echo "|---|---|---|---|---|---|---|---|---|"
} > "$out"
for c in "${corpora[@]}"; do
    files=$(find "$c" -type f | wc -l)
    mb=$(du -sm "$c" | cut -f1)
    read -r gmin gmed grss < <(measure "$bin" scan --no-config --no-progress --format json "$c")
    gf=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/out" 2>/dev/null || echo "?")
    read -r pmin pmed prss < <(measure "$bin" model --no-config "$c")
    echo "| $(basename "$c") | $files | $mb | gatepost | $gmin | $gmed | $((grss / 1024)) | $gf | 1.0 |" >> "$out"
    echo "| $(basename "$c") | $files | $mb | gatepost parse-only | $pmin | $pmed | $((prss / 1024)) | - | $(echo "scale=2; $pmed / $gmed" | bc) |" >> "$out"
    for p in $peers; do
        case "$p" in
            checkov)
                read -r cmin cmed crss < <(measure "$venv/bin/checkov" -d "$c" --quiet --compact -o json --skip-download)
                cf=$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); d=d if isinstance(d,list) else [d]
print(sum(len(x.get("results",{}).get("failed_checks",[])) for x in d))' "$work/out" 2>/dev/null || echo "?")
                echo "| $(basename "$c") | $files | $mb | checkov | $cmin | $cmed | $((crss / 1024)) | $cf | $(echo "scale=1; $cmed / $gmed" | bc)x slower |" >> "$out"
                ;;
        esac
    done
done
cat "$out"
