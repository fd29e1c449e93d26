#!/usr/bin/env bash
# The pre-commit hook for real: installs pre-commit into a scratch venv (PyPI is the only
# network it needs), points a scratch git repository at this checkout's HEAD, and checks
# that a clean commit passes and commits with planted problems are refused.
#
# The hook is run with GATEPOST_BIN set to a binary built here, so the test does not spend
# minutes compiling the CLI again inside pre-commit's cache; everything else (pre-commit
# cloning this repository at HEAD, .pre-commit-hooks.yaml, scripts/pre-commit-hook.sh,
# file passing) is what users run.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
rev="$(git rev-parse HEAD)"
if [ -n "$(git status --porcelain -- .pre-commit-hooks.yaml scripts/pre-commit-hook.sh)" ]; then
    echo "note: uncommitted hook changes are not tested (pre-commit clones HEAD $rev)"
fi

cargo build -q -p gatepost-cli
export GATEPOST_BIN="$repo/target/debug/gatepost"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q pre-commit
export PRE_COMMIT_HOME="$scratch/cache" PATH="$scratch/venv/bin:$PATH"
unset CI || true

app="$scratch/app"
git init -q "$app"
cd "$app"
git config user.email test@example.invalid
git config user.name test
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: gatepost
YAML
pre-commit install >/dev/null

fail() { echo "FAIL: $*"; exit 1; }
# commit_expect <pass|refuse> <message> <files...>: stage, commit, check the outcome.
commit_expect() {
    local want="$1" msg="$2"; shift 2
    git add "$@"
    if git commit -q -m "$msg" > "$scratch/out" 2>&1; then
        [ "$want" = pass ] || { cat "$scratch/out"; fail "$msg: commit was accepted"; }
        echo "ok: $msg: accepted"
    else
        [ "$want" = refuse ] || { cat "$scratch/out"; fail "$msg: commit was refused"; }
        git reset -q
        echo "ok: $msg: refused"
    fi
}

mkdir -p infra
cat > infra/variables.tf <<'TF'
variable "acl" {
  default = "public-read"
}
TF
# A clean app carries the ownership tags and an expiry date the hygiene rules ask for.
expires="$(date -u -d '+30 days' +%F)"
cat > infra/main.tf <<TF
resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "private"
  tags = {
    app           = "site"
    owner         = "web-team@example.com"
    env           = "dev"
    cost-center   = "cc-42"
    expires-on    = "$expires"
  }
}
TF
# Its public access block sits in another file: later commits that stage only main.tf
# must still see it (a cross-file rule), or the bucket would be reported without one.
cat > infra/access.tf <<'TF'
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
TF
echo "# app" > README.md
commit_expect pass "clean files" .pre-commit-config.yaml infra README.md

# The value comes from variables.tf, which is not staged: the hook must still read it.
sed -i 's/acl    = "private"/acl    = var.acl/' infra/main.tf
commit_expect refuse "public bucket ACL through a variable" infra/main.tf
grep -q 'aws-s3-public-acl' "$scratch/out" || { cat "$scratch/out"; fail "no rule id in the message"; }
grep -q 'infra/main.tf:3:3' "$scratch/out" || { cat "$scratch/out"; fail "no location in the message"; }
grep -q 'commit refused' "$scratch/out" || { cat "$scratch/out"; fail "no readable verdict"; }
git checkout -q infra/main.tf

# A planted AWS access key id: refused, named, and never printed in full.
printf 'AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5TJN4KBW2P\n' > deploy.env
commit_expect refuse "planted AWS access key" deploy.env
grep -q 'hardcoded-secret' "$scratch/out" || { cat "$scratch/out"; fail "secret not named"; }
if grep -q 'AKIAZ7VRSQ5TJN4KBW2P' "$scratch/out"; then fail "the secret was printed"; fi
rm -f deploy.env

echo "pre-commit hook: all checks passed"
