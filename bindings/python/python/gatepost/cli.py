"""`gatepost scan PATH... [--format json|sarif|text|github]`: the CLI's scan command over the
same core, printing the same bytes. Exit code 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Dict, List, Optional

from . import GatepostError, _native


def _policies(dirs: List[str]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for d in dirs:
        for root, _, names in os.walk(d):
            for n in sorted(names):
                if n.endswith(".rego"):
                    p = os.path.join(root, n)
                    with open(p, encoding="utf-8") as f:
                        out[p] = f.read()
    return out


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="gatepost")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("scan", help="scan files and directories and report findings")
    s.add_argument("paths", nargs="*", default=["."])
    s.add_argument("--format", "-f", default="text", choices=["text", "json", "sarif", "github"])
    s.add_argument("--fail-on", default="low")
    s.add_argument("--policy", action="append", default=[], metavar="DIR")
    s.add_argument("--var", action="append", default=[], metavar="NAME=VALUE")
    s.add_argument("--disable", action="append", default=[], metavar="RULE")
    s.add_argument("--select", action="append", default=[], metavar="RULE")
    s.add_argument("--cost-ceiling", type=float)
    s.add_argument("--region")
    s.add_argument("--output", "-o")
    sub.add_parser("rules", help="list the bundled rules (JSON)")
    sub.add_parser("version")
    args = parser.parse_args(argv)

    try:
        if args.command == "rules":
            sys.stdout.write(_native.rules_json())
            return 0
        if args.command == "version":
            print(_native.version())
            return 0
        vars_ = {}
        for v in args.var:
            if "=" not in v:
                parser.error(f"--var {v}: expected NAME=VALUE")
            k, val = v.split("=", 1)
            vars_[k] = val
        options = {
            "format": args.format,
            "fail_on": args.fail_on,
            "disabled": args.disable,
            "enabled": args.select,
            "vars": vars_,
            "policies": _policies(args.policy),
        }
        if args.cost_ceiling is not None:
            options["cost_ceiling"] = args.cost_ceiling
        if args.region:
            options["region"] = args.region
        report = _native.scan_paths(args.paths, json.dumps(options))
        text = report.render(None)
    except GatepostError as e:
        print(f"gatepost: {e}", file=sys.stderr)
        return 2
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return report.exit_code()
