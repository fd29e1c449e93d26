import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import gatepost

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = "testdata/examples/where2eat"
PUBLIC = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n'


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def example_files():
    out = {}
    for root, _, names in os.walk(EXAMPLE):
        for n in names:
            p = os.path.join(root, n)
            with open(p, "rb") as f:
                out[p] = f.read()
    return out


def test_in_memory_scan_gives_typed_findings():
    report = gatepost.scan({"app/main.tf": PUBLIC})
    acl = [f for f in report.findings if f.rule == "aws-s3-public-acl"]
    assert len(acl) == 1
    f = acl[0]
    assert isinstance(f, gatepost.Finding)
    assert (f.file, f.line, f.severity, f.family) == ("app/main.tf", 3, "high", "storage")
    assert f.address == "aws_s3_bucket.b"
    assert report.summary.findings == len(report.findings)
    assert report.exit_code == 1


def test_bytes_and_str_contents_agree():
    assert (
        gatepost.scan({"a/main.tf": PUBLIC}).to_json()
        == gatepost.scan({"a/main.tf": PUBLIC.encode()}).to_json()
    )


def test_paths_and_memory_give_the_same_bytes():
    from_disk = gatepost.scan(EXAMPLE)
    in_memory = gatepost.scan(example_files())
    assert from_disk.to_json() == in_memory.to_json()
    assert {f.rule for f in from_disk.findings} >= {"aws-s3-public-acl", "aws-iam-wildcard-action"}
    assert from_disk.costs["apps"][0]["app"] == EXAMPLE


def test_options_and_keyword_options():
    off = gatepost.scan({"a/main.tf": PUBLIC}, {"disabled": ["storage"]})
    assert not [f for f in off.findings if f.family == "storage"]
    high = gatepost.scan(example_files(), min_severity="high")
    assert high.findings and all(f.severity in ("high", "critical") for f in high.findings)


def test_cost_ceiling_changes_the_cost_finding():
    low = gatepost.scan(example_files(), cost_ceiling=1)
    high = gatepost.scan(example_files(), cost_ceiling=100000)
    assert any(f.family == "cost" and f.rule == "cost-app-over-ceiling" for f in low.findings)
    assert not any(f.rule == "cost-app-over-ceiling" for f in high.findings)


def test_sarif_and_text():
    report = gatepost.scan({"a/main.tf": PUBLIC})
    sarif = json.loads(report.to_sarif())
    assert sarif["version"] == "2.1.0"
    assert any(r["ruleId"] == "aws-s3-public-acl" for r in sarif["runs"][0]["results"])
    assert "aws-s3-public-acl" in report.to_text()


def test_sarif_after_a_json_scan():
    report = gatepost.scan({"a/main.tf": PUBLIC}, format="json")
    assert json.loads(report.render("sarif"))["runs"][0]["results"]
    with pytest.raises(gatepost.GatepostError, match="unknown format"):
        report.render("xml")


def test_report_gives_the_normalized_model():
    report = gatepost.scan({"a/main.tf": PUBLIC})
    bucket = report.model["resources"][0]
    assert bucket["address"] == "aws_s3_bucket.b"
    assert bucket["attrs"]["acl"] == "public-read"
    assert report.model["unresolved"] == report.summary.unresolved
    # Paths and in-memory files give the same model bytes.
    assert gatepost.scan(EXAMPLE).model_json() == gatepost.scan(example_files()).model_json()


def test_user_policy():
    rego = (
        "package custom.no_buckets\n\n"
        "deny contains f if {\n"
        "  some r in input.by_type.aws_s3_bucket\n"
        '  f := {"address": r.address, "pointer": "", "message": "no buckets here"}\n'
        "}\n"
    )
    report = gatepost.scan({"a/main.tf": PUBLIC}, policies={"mine/no_buckets.rego": rego})
    assert any(f.message == "no buckets here" and f.rule == "no-buckets" for f in report.findings)


def test_errors_are_typed():
    with pytest.raises(gatepost.GatepostError, match="unknown severity"):
        gatepost.scan({"a/main.tf": PUBLIC}, min_severity="huge")
    with pytest.raises(gatepost.GatepostError, match="unknown field"):
        gatepost.scan({"a/main.tf": PUBLIC}, nope=1)
    with pytest.raises(TypeError):
        gatepost.scan({"a/main.tf": 3})
    report = gatepost.scan({"a/main.tf": "resource {{{", "k/x.yaml": b"\xff\xfe"})
    assert {e.kind for e in report.errors} == {"parse"}
    assert report.exit_code == 2


def test_rules_and_version():
    rules = gatepost.rules()
    assert any(r.id == "aws-s3-public-acl" and r.family == "storage" for r in rules)
    assert gatepost.version().count(".") == 2


def test_scan_releases_the_gil():
    # One scan long enough to measure: twenty copies of the example app.
    files = {f"copy{i}/{p}": b for i in range(20) for p, b in example_files().items()}
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        time.sleep(0.02)
        start = time.monotonic()
        gatepost.scan(files)
        end = time.monotonic()
    finally:
        stop.set()
        t.join()
    during = [x for x in ticks if start + 0.01 <= x <= end]
    # Were the GIL held for the whole call the ticker could not run at all meanwhile.
    assert end - start > 0.05
    assert len(during) >= 10, (len(during), end - start)


def test_module_cli_prints_the_same_json():
    out = subprocess.run(
        [sys.executable, "-m", "gatepost", "scan", EXAMPLE, "--format", "json"],
        capture_output=True,
    )
    assert out.returncode == 1, out.stderr
    assert out.stdout.decode() == gatepost.scan(EXAMPLE).to_json()


def test_console_script_prints_the_same_json():
    # The `gatepost` entry point pip installs beside this interpreter (not the Rust CLI).
    bindir = Path(sys.executable).parent
    script = bindir / ("gatepost.exe" if os.name == "nt" else "gatepost")
    assert script.exists(), f"{script}: install the package with pip to get the entry point"
    if os.name != "nt":
        assert "gatepost.cli" in script.read_text(errors="replace")
    out = subprocess.run(
        [str(script), "scan", EXAMPLE, "--format", "json"], capture_output=True
    )
    assert out.returncode == 1, out.stderr
    assert out.stdout.decode() == gatepost.scan(EXAMPLE).to_json()
    version = subprocess.run([str(script), "version"], capture_output=True, text=True)
    assert version.stdout.strip() == gatepost.version()
