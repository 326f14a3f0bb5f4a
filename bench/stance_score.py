#!/usr/bin/env python3
"""Scores stance labels: accuracy and macro-F1 overall, per language, per kind and per tag.

Usage: stance_score.py GOLD.jsonl [GOLD2.jsonl ...] --pred PRED.jsonl [--errors N] [--min-f1 X]
GOLD lines: {"id", "lang", "kind", "text", "label", "tags"}; PRED lines: analyze --jsonl output
({"id", "stance": {"label"}}). --min-f1 exits 1 when any language's macro-F1 is below X.
"""
import argparse
import collections
import json
import sys

LABELS = ("bubble", "revolution", "neutral")


def macro_f1(pairs):
    f1s = []
    for lab in LABELS:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        if not any(g == lab for g, _ in pairs):
            continue  # a class the group does not hold does not count
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def row(name, pairs):
    acc = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    return f"{name:<18} {len(pairs):>5} {acc:>9.3f} {macro_f1(pairs):>9.3f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--pred", required=True)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--min-f1", type=float, default=None)
    args = ap.parse_args()

    gold = []
    for path in args.gold:
        with open(path, encoding="utf-8") as f:
            gold.extend(json.loads(l) for l in f if l.strip())
    pred = {}
    why = {}  # id -> the evidence in short, for --errors
    with open(args.pred, encoding="utf-8") as f:
        for l in f:
            r = json.loads(l)
            stance = r.get("stance") or {}
            pred[r.get("id")] = stance.get("label", "neutral")
            why[r.get("id")] = "; ".join(
                f"{e['score']:+.2f}x{e['weight']:g} {'/'.join(e['cues'])} ({','.join(e.get('rules', []))})"
                for e in stance.get("evidence", []))

    pairs = [(g["label"], pred.get(g["id"], "missing")) for g in gold]
    by_lang = collections.defaultdict(list)
    by_kind = collections.defaultdict(list)
    by_tag = collections.defaultdict(list)
    for g, pair in zip(gold, pairs):
        by_lang[g["lang"]].append(pair)
        by_kind[g.get("kind", "article")].append(pair)
        for t in g.get("tags", []):
            by_tag[t].append(pair)

    print(f"{'group':<18} {'items':>5} {'accuracy':>9} {'macro-F1':>9}")
    print(row("all", pairs))
    for lang in sorted(by_lang):
        print(row("lang=" + lang, by_lang[lang]))
    for kind in sorted(by_kind):
        print(row("kind=" + kind, by_kind[kind]))
    for tag in sorted(by_tag):
        print(row("tag=" + tag, by_tag[tag]))
    print("\nconfusion (rows gold, columns predicted):")
    print(f"{'':<12}" + "".join(f"{l:>12}" for l in LABELS))
    for gl in LABELS:
        print(f"{gl:<12}" + "".join(f"{sum(1 for g, p in pairs if g == gl and p == pl):>12}" for pl in LABELS))

    if args.errors:
        print("\nerrors:")
        shown = 0
        for g, (gl, pl) in zip(gold, pairs):
            if gl != pl and shown < args.errors:
                print(f"  {g['id']}: gold {gl}, got {pl} [{','.join(g.get('tags', []))}] {g['text']}")
                print(f"      evidence: {why.get(g['id']) or 'none'}")
                shown += 1

    if args.min_f1 is not None:
        low = [l for l in by_lang if macro_f1(by_lang[l]) < args.min_f1]
        if low:
            print(f"macro-F1 below {args.min_f1} for: {', '.join(sorted(low))}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
