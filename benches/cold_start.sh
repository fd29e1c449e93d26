#!/usr/bin/env bash
# Cold start: a fresh process scanning a 20-file micro-app, against `gatepost --version` in
# the same run (the cost of just starting the binary). Bar: scan ≤ 30 ms wall.
#
#   benches/cold_start.sh [BINARY]      # default: target/release/gatepost (built if missing)
#
# Uses hyperfine when installed (apt install hyperfine), else a small Python timer. Writes
# benches/results/cold_start.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/gatepost}"
[ -x "$bin" ] || cargo build --release -q -p gatepost-cli
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# The example app (10 files) plus application code, a second Terraform module and more
# manifests: 20 files, the size of a typical micro-app.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
app="$work/app"
cp -r testdata/examples/where2eat "$app"
mkdir -p "$app/src" "$app/terraform/dns" "$app/k8s/extra"
for i in 1 2 3 4; do
    printf 'import os\n\ndef handler_%s(event):\n    return {"status": 200, "region": os.environ.get("AWS_REGION")}\n' "$i" > "$app/src/handler_$i.py"
done
printf "requests==2.32.3\n" > "$app/src/requirements.txt"
printf '{\n  "name": "where2eat",\n  "version": "1.0.0"\n}\n' > "$app/package.json"
printf 'FROM python:3.12-slim\nCOPY src /app\nCMD ["python", "/app/handler_1.py"]\n' > "$app/Dockerfile"
printf 'resource "aws_route53_record" "www" {\n  zone_id = "Z123"\n  name    = "www"\n  type    = "CNAME"\n  ttl     = 300\n  records = ["where2eat.example"]\n}\n' > "$app/terraform/dns/main.tf"
printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: where2eat\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n' > "$app/k8s/extra/service.yaml"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: where2eat\ndata:\n  LOG_LEVEL: info\n' > "$app/k8s/extra/configmap.yaml"
n="$(find "$app" -type f | wc -l)"
while [ "$n" -lt 20 ]; do
    printf 'def util_%s():\n    return %s\n' "$n" "$n" > "$app/src/util_$n.py"
    n=$((n + 1))
done
[ "$n" -ge 20 ] || { echo "expected at least 20 files, made $n"; exit 1; }

scan=("$bin" scan --no-config --no-progress "$app")
version=("$bin" --version)
out=benches/results/cold_start.txt
if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 10 --runs 100 --export-json "$work/h.json" \
        "${version[*]}" "${scan[*]}" >&2
    python3 - "$work/h.json" > "$work/summary" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
v, s = r[0], r[1]
ms = lambda x: x * 1000
print(f"tool: hyperfine, {len(s['times'])} runs each, warm file cache")
print(f"gatepost --version: mean {ms(v['mean']):.1f} ms, median {ms(v['median']):.1f} ms")
print(f"gatepost scan (20 files): mean {ms(s['mean']):.1f} ms, median {ms(s['median']):.1f} ms, max {ms(s['max']):.1f} ms")
print(f"ratio scan/version (median): {s['median'] / v['median']:.1f}x")
print(f"bar (median <= 30 ms): {'met' if ms(s['median']) <= 30 else 'NOT met'}")
PY
else
    python3 - "$bin" "$app" > "$work/summary" <<'PY'
import statistics, subprocess, sys, time
bin, app = sys.argv[1], sys.argv[2]
def run(cmd, n=100):
    for _ in range(10):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ts.append((time.perf_counter() - t) * 1000)
    return ts
v = run([bin, "--version"])
s = run([bin, "scan", "--no-config", "--no-progress", app])
print(f"tool: python timer, {len(s)} runs each, warm file cache")
print(f"gatepost --version: mean {statistics.mean(v):.1f} ms, median {statistics.median(v):.1f} ms")
print(f"gatepost scan (20 files): mean {statistics.mean(s):.1f} ms, median {statistics.median(s):.1f} ms, max {max(s):.1f} ms")
print(f"ratio scan/version (median): {statistics.median(s) / statistics.median(v):.1f}x")
print(f"bar (median <= 30 ms): {'met' if statistics.median(s) <= 30 else 'NOT met'}")
PY
fi
{
    echo "# benches/cold_start.sh, $(date -u +%Y-%m-%d), $(nproc) cores ($(uname -m)), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    cat "$work/summary"
} | tee "$out"
