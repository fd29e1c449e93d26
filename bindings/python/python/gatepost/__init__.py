"""gatepost: policy-as-code checks for micro-apps (IAM, public buckets, quotas, cost, CI
workflows and secrets), over the same Rust core as the CLI.

    report = gatepost.scan({"main.tf": "..."}, {"cost_ceiling": 30})
    report = gatepost.scan("path/to/app")
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _native
from ._native import GatepostError

__all__ = [
    "scan",
    "rules",
    "version",
    "Report",
    "Finding",
    "ScanError",
    "Summary",
    "Rule",
    "GatepostError",
]

PathLike = Union[str, "os.PathLike[str]"]
Files = Mapping[str, Union[str, bytes]]


@dataclass(frozen=True)
class Finding:
    rule: str
    family: str
    severity: str
    title: str
    message: str
    file: str
    line: int
    column: int
    address: str
    remediation: str
    fingerprint: str
    pointer: str = ""
    # The Terraform module calls (address, file, line), root first, that led to the resource.
    module_chain: List[Dict[str, Any]] = field(default_factory=list, hash=False)


@dataclass(frozen=True)
class ScanError:
    """A file that could not be read or parsed, or a policy that failed."""

    file: str
    line: int
    column: int
    kind: str
    message: str


@dataclass(frozen=True)
class Summary:
    files: int
    resources: int
    findings: int
    errors: int
    by_severity: Dict[str, int]
    by_family: Dict[str, int]
    unresolved: int


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    family: str
    severity: str
    description: str
    fix: str
    types: List[str]
    references: List[str]
    package: str
    source: str
    bundled: bool


@dataclass(frozen=True)
class Report:
    version: str
    findings: List[Finding]
    errors: List[ScanError]
    summary: Summary
    costs: Dict[str, Any]
    _native: Any = field(repr=False, compare=False)

    def to_json(self) -> str:
        """The report as `gatepost scan --format json` prints it (the same bytes)."""
        return self._native.render("json")

    def to_sarif(self) -> str:
        """SARIF 2.1.0."""
        return self._native.render("sarif")

    def to_text(self) -> str:
        """The CLI's text report, without colour."""
        return self._native.render("text")

    def render(self, format: str) -> str:
        """`json`, `sarif`, `text` or `github`."""
        return self._native.render(format)

    def model_json(self) -> str:
        """The normalized model the rules saw, as `gatepost model` prints it (the same bytes)."""
        return self._native.model_json()

    @property
    def model(self) -> Dict[str, Any]:
        """The normalized model, parsed: `{"resources": [...], "unresolved": n}`."""
        return json.loads(self.model_json())

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 errors: as the CLI exits."""
        return self._native.exit_code()


def _report(native: Any) -> Report:
    d = json.loads(native.render("json"))
    return Report(
        version=d["version"],
        findings=[Finding(**f) for f in d["findings"]],
        errors=[ScanError(**e) for e in d["errors"]],
        summary=Summary(**d["summary"]),
        costs=d["costs"] or {},
        _native=native,
    )


def _options(options: Optional[Mapping[str, Any]], extra: Mapping[str, Any]) -> str:
    merged = dict(options or {})
    merged.update(extra)
    return json.dumps(merged)


def scan(
    files: Union[Files, PathLike, Sequence[PathLike]],
    options: Optional[Mapping[str, Any]] = None,
    **kwargs: Any,
) -> Report:
    """Scan in-memory files (a mapping of path to text or bytes) or paths on disk (a path or a
    list of them; directories are walked honouring .gitignore).

    Options (also as keyword arguments): cost_ceiling, region, min_severity, fail_on,
    disabled, enabled, vars, policies ({path: rego text}), config, secret_allow_paths,
    limits ({max_file_bytes, max_alias_nodes, max_depth, max_eval_seconds}).
    Raises GatepostError for bad options or policies; unreadable or unparsable files are
    reported in `Report.errors`. The GIL is released while the scan runs.
    """
    opts = _options(options, kwargs)
    if isinstance(files, Mapping):
        items = []
        for path, data in files.items():
            if isinstance(data, str):
                data = data.encode("utf-8")
            elif not isinstance(data, (bytes, bytearray, memoryview)):
                raise TypeError(f"{path}: contents must be str or bytes")
            items.append((str(path), bytes(data)))
        return _report(_native.scan(items, opts))
    if isinstance(files, (str, os.PathLike)):
        paths = [os.fspath(files)]
    else:
        paths = [os.fspath(p) for p in files]
    return _report(_native.scan_paths(paths, opts))


def rules() -> List[Rule]:
    """The bundled rules."""
    return [Rule(**r) for r in json.loads(_native.rules_json())]


def version() -> str:
    return _native.version()
