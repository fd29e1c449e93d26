#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ (or $FUZZ_CORPUS_DIR/<target>/) with seeds: our own (fuzz/seeds/),
# the repository's testdata/, and the labelled third-party corpus beside the checkout (never
# committed; see its NOTICE.md).
# FUZZ_MAX_SEEDS caps the files per target (the smallest are kept) so short runs start fast.
set -euo pipefail
cd "$(dirname "$0")/.."
# The corpus sits beside the checkout (or beside the directory of worktrees).
CORPUS="${GATEPOST_CORPUS:-$(cd .. && pwd)/shared/corpus}"
[ -d "$CORPUS" ] || CORPUS="$(cd ../.. && pwd)/shared/corpus"
[ -d "$CORPUS" ] || echo "note: no third-party corpus at $CORPUS; seeding from testdata/ only" >&2
MAX="${FUZZ_MAX_SEEDS:-200}"
MAX_BYTES=65536
OUT="${FUZZ_CORPUS_DIR:-fuzz/corpus}"

# add <target> <file>...: copy each file under a content-hash name (so reruns add nothing new).
add() {
    local target="$1"; shift
    mkdir -p "$OUT/$target"
    local f
    for f in "$@"; do
        [ -f "$f" ] && [ "$(stat -c %s "$f")" -le "$MAX_BYTES" ] || continue
        cp "$f" "$OUT/$target/$(sha1sum "$f" | cut -c1-16)"
    done
}

# smallest <find args>: up to MAX matching files, smallest first.
smallest() {
    find "$@" -type f -printf '%s %p\n' 2>/dev/null | sort -n | head -n "$MAX" | cut -d' ' -f2-
}

for t in hcl yaml workflow gitlab k8s terraform scan model; do
    [ -d "fuzz/seeds/$t" ] && add "$t" fuzz/seeds/"$t"/*
done

mapfile -t tf < <(smallest testdata "$CORPUS/kics-terraform" \( -name '*.tf' -o -name '*.tfvars' \))
mapfile -t wf < <(smallest testdata "$CORPUS/zizmor-workflows" -name '*.y*ml' \( -path '*.github/workflows/*' -o -path "$CORPUS/*" \))
mapfile -t gl < <(smallest testdata \( -name '.gitlab-ci.yml' -o -path '*/.gitlab/*' -name '*.y*ml' \))
mapfile -t k8 < <(smallest testdata "$CORPUS/kics-k8s" -name '*.yaml' -not -path '*.github/*')
add hcl "${tf[@]}"
add terraform "${tf[@]}"
add workflow "${wf[@]}"
add gitlab "${gl[@]}"
add k8s "${k8[@]}"
add yaml "${k8[@]}" "${wf[@]}" "${gl[@]}"

# scan and model: a few real files of each kind, each prefixed with the byte that picks its
# path (0 .tf, 1 .yaml, 2 workflow, 3 .env, 4 GitLab CI), joined by the 0xFF separator.
seed_scan() {
    local out="$OUT/scan/$1"; shift
    : > "$out"
    local first=1 kind f
    for kf in "$@"; do
        kind="${kf%%:*}"; f="${kf#*:}"
        [ -f "$f" ] || continue
        [ $first = 1 ] || printf '\xff' >> "$out"
        printf "\\x0$kind" >> "$out"
        tr -d '\377' < "$f" >> "$out"
        first=0
    done
}
mkdir -p "$OUT/scan"
for i in 0 1 2 3 4 5 6 7; do
    seed_scan "mix$i" "0:${tf[$i]:-}" "1:${k8[$i]:-}" "2:${wf[$i]:-}"
done
mapfile -t envs < <(find testdata -type f \( -name '*.env' -o -name '.env*' \))
for i in "${!envs[@]}"; do seed_scan "env$i" "3:${envs[$i]}" "0:${tf[$i]:-}"; done
w2e=testdata/examples/where2eat
mapfile -t w2e_tf < <(find "$w2e/terraform" -name '*.tf' | sort | head -n 3)
mapfile -t w2e_k8 < <(find "$w2e/k8s" -name '*.yaml' | sort | head -n 1)
seed_scan where2eat "${w2e_tf[@]/#/0:}" "${w2e_k8[@]/#/1:}"
for i in "${!gl[@]}"; do seed_scan "gitlab$i" "4:${gl[$i]}"; done
# The model target reads the same file sets.
mkdir -p "$OUT/model"
cp "$OUT"/scan/* "$OUT/model/"

for t in hcl yaml workflow gitlab k8s terraform scan model; do
    printf '%-10s %s seeds\n' "$t" "$(ls "$OUT/$t" | wc -l)"
done
