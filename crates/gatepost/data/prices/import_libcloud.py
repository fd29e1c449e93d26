#!/usr/bin/env python3
"""Refresh the apache-libcloud block of prices.csv.

Usage: pip download --no-deps apache-libcloud==3.9.1 && unzip it, then
    python3 import_libcloud.py path/to/libcloud/data/pricing.json

Rows whose source is not libcloud are kept as they are; the libcloud rows are replaced.
Only GCE per-vCPU / per-GB rates, GCE persistent-disk rates and Azure VM sizes are taken:
the EC2 block of that file mixes capacity-reservation and other variants into the
on-demand figures (e.g. t3.small us-east-1 = 0.022 instead of the published 0.0208), so
AWS prices come from the hand-entered block or from `gatepost prices update` instead.
A price of 0.0 in that file means "not found" and is skipped.
"""
import json
import os
import sys

SOURCE = "libcloud-3.9.1"
HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "prices.csv")


def main(pricing_path):
    compute = json.load(open(pricing_path))["compute"]
    rows = []
    for family, parts in compute["gce_instances"].items():
        for part, body in parts.items():
            service = {"cpu": "gce-cpu", "ram": "gce-ram"}[part]
            if family in ("f1", "g1"):
                service = "gce-fixed"
            unit = {"gce-cpu": "vcpu-hour", "gce-ram": "gb-hour", "gce-fixed": "hour"}[service]
            key = {"f1": "f1-micro", "g1": "g1-small"}.get(family, family)
            for region, p in body.get("on_demand", {}).items():
                if p["price"] > 0:
                    rows.append(("gcp", service, key, region, unit, p["price"]))
    # libcloud stores disks per GB-hour of a 720-hour month; the list price is per GB-month.
    for name, key in (("Standard", "pd-standard"), ("SSD", "pd-ssd")):
        for region, p in compute["gce_disks"][name]["on_demand"].items():
            if p["price"] > 0:
                rows.append(("gcp", "gce-disk", key, region, "gb-month", round(p["price"] * 720, 6)))
    for block, service in (("azure_linux", "vm-linux"), ("azure_windows", "vm-windows")):
        for size, regions in compute[block].items():
            if size.startswith("lowpriority"):
                continue
            for region, price in regions.items():
                if price > 0:
                    rows.append(("azure", service, size, region, "hour", price))
    kept = [l for l in open(TABLE).read().splitlines() if not l.endswith("," + SOURCE)]
    with open(TABLE, "w") as out:
        for l in kept:
            out.write(l + "\n")
        for r in sorted(rows):
            out.write("%s,%s,%s,%s,%s,%.10g,%s\n" % (r + (SOURCE,)))


if __name__ == "__main__":
    main(sys.argv[1])
