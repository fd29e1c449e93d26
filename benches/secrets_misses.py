#!/usr/bin/env python3
"""Sort the secret detector's missed positives into kinds, by their text's shape.

Input: the index file `GATEPOST_SECRETS_DUMP=FILE` makes the accuracy test write
(`cargo test --release -p gatepost --test secrets_accuracy -- --ignored`), and the corpus.
Prints counts per kind and, per kind, the upstream rule ids. Never prints example text.

Kinds, first match wins:
  reference    the value is held elsewhere: $VAR, %VAR%, #{...}, process.env.X, "..." + var
  placeholder  the issue's decoys: runs (aaaa, xxxx, 0000), typed sequences (abcdef, 123456,
               a1b2c3, 123e4567-e89b-...), EXAMPLE/TEST/DEMO/SAMPLE/YOUR markers, default and
               dictionary passwords (changeme-like, super$ecret, password123, open_sesame)
  not-secret   no credential in the text: host names, URLs without a password, an e-mail,
               a public client id, an encrypted CI value
  other        the rest: real-looking values the detectors do not take
"""
import gzip
import json
import re
import sys
from collections import Counter, defaultdict

REFERENCE = re.compile(r"(?<![A-Za-z0-9])\$[A-Za-z{]|%[A-Za-z]+%|#\{|process\.env|\" \+ \w+")
PLACEHOLDER = re.compile(
    r"EXAMPLE|[Ee]xample|TEST|[Tt]est|DEMO|[Dd]emo|SAMPLE|[Ss]ample|YOUR|[Yy]our"
    r"|xxxx|XXXX|XxXx|aaaa|AAAA|0000|1234|2345|abcd|ABCD|bcde|123e4567|9876|wxyz|WXYZ|zyxw"
    r"|ZYXW|xyz|XYZ|3333|cccc|a1b2|hijkl|lmnop|z9y8|k9m2|FRFR|######|GOES_HERE"
    r"|my-?user|mystorage|mypassword|open.?sesame|super\$ecret|password123|[Pp]@ssw0rd"
    r"|changeme|Secret123|letmein|qwerty|blink\d|admin"
)
NOT_SECRET = re.compile(
    r"^https?://[^@\s]*$|^[a-z0-9.-]+\.(?:com|net)$|@domain\.|_url = \"https|client_id"
    r"|secure: \"|bot_id",
    re.M,
)


def kind(text):
    if REFERENCE.search(text):
        return "reference"
    if PLACEHOLDER.search(text):
        return "placeholder"
    if NOT_SECRET.search(text):
        return "not-secret"
    return "other"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: secrets_misses.py DUMP_FILE examples.jsonl.gz")
    dump, corpus = sys.argv[1], sys.argv[2]
    with gzip.open(corpus, "rt") as f:
        examples = [json.loads(line) for line in f if line.strip()]
    with open(dump) as f:
        misses = [int(line.split()[1]) for line in f if line.startswith("miss ")]
    counts = Counter()
    rules = defaultdict(Counter)
    for i in misses:
        k = kind(examples[i]["text"])
        counts[k] += 1
        rules[k][examples[i]["rule_id"]] += 1
    positives = sum(1 for e in examples if e["kind"] == "positive")
    print(f"missed positives: {len(misses)} of {positives}")
    for k in ("reference", "placeholder", "not-secret", "other"):
        print(f"  {k:<12} {counts[k]:>4}")
    found = positives - len(misses)
    print(f"recall if every 'other' were found: {100 * (found + counts['other']) / positives:.1f}%")
    for k in ("reference", "placeholder", "not-secret", "other"):
        ids = ", ".join(f"{r} ({n})" if n > 1 else r for r, n in sorted(rules[k].items()))
        print(f"\n{k}: {ids}")


if __name__ == "__main__":
    main()
