#!/usr/bin/env python3
"""Prints the "Every check" table of BENCHMARKS.md from a budget report.json.

Usage: python3 docs/tools/every-check.py sabot-engine-benchmarks/target/budget/report.json

Rows in the report's order. Limits show the measured value with four significant digits and its
unit (a ratio as "0.5517x"); regression checks show the estimated change of this code against the
baseline with its interval, in percent (positive: slower).
"""
import json
import sys


def markdown(text):
    for ch in "\\|[]":
        text = text.replace(ch, "\\" + ch)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def benchmark(check):
    name = check["benchmark"].split(".")
    short = ".".join(name[-2:])
    params = check.get("params") or {}
    if params:
        short += "[" + ",".join(f"{k}={v}" for k, v in params.items()) + "]"
    return f"{short} ({check['mode']})"


def significant(value):
    return "0" if value == 0 else f"{value:.4g}"


def measured(check):
    if check["kind"] == "REGRESSION":
        s = check.get("slowdown")
        if not s:
            return "-"
        return f"{s['estimate'] * 100:+.1f}% [{s['low'] * 100:+.1f}%, {s['high'] * 100:+.1f}%]".replace("+-", "-")
    value = check.get("measured")
    if value is None:
        return "-"
    unit = check.get("unit") or ""
    if unit == "x" or check["kind"] == "RATIO":
        return f"{significant(value)}x"
    return f"{significant(value)} {unit}".strip()


def main(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    print("| Budget | Benchmark | Level | Limit | Measured | Verdict |")
    print("|---|---|---|---|---|---|")
    for check in report["checks"]:
        cells = [check["id"], benchmark(check), check["level"], check.get("limit") or "-", measured(check),
                 check["verdictLabel"]]
        print("| " + " | ".join(markdown(str(c)) for c in cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
