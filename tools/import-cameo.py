#!/usr/bin/env python3
"""import-cameo.py — write data/cameo/codes.tsv and data/cameo/roles.tsv from the public codebook
facts in ../shared/reference (CAMEO 1.1b3 codes, GDELT's labels and Goldstein values, QuadClass per
root). Run by hand when the reference changes; the output is committed and is what vigie reads.
Where GDELT gives no Goldstein value, ICEWS's is used, else the parent code's; the `goldstein_from`
column says which. Only GDELT's short labels are taken (the manual's descriptions are CC BY-NC-SA).
"""
import csv, sys, os

ref = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"
out = sys.argv[2] if len(sys.argv) > 2 else "data/cameo"

def rows(name):
    with open(os.path.join(ref, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))

quad = {r["root"]: r["quadclass"] for r in rows("cameo-quadclass.tsv")}
gold = {r["code"]: r for r in rows("cameo-goldstein.tsv")}
codes = rows("cameo-eventcodes.tsv")
value = {}
with open(os.path.join(out, "codes.tsv"), "w", encoding="utf-8") as f:
    f.write("# CAMEO 1.1b3 event codes. Written by tools/import-cameo.py from public codebook facts\n"
            "# (GDELT labels and Goldstein values, CAMEO manual codes, GDELT QuadClass per root).\n"
            "# quad: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict\n")
    f.write("code\troot\tquad\tgoldstein\tgoldstein_from\tname\n")
    for r in codes:
        c = r["code"]
        g = gold.get(c, {})
        if g.get("goldstein"):
            v, src = g["goldstein"], "gdelt"
        elif g.get("goldstein_icews"):
            v, src = g["goldstein_icews"], "icews"
        else:
            v, src = value[c[:-1]], "parent"
        value[c] = v
        f.write(f"{c}\t{r['root']}\t{quad[r['root']]}\t{float(v):+.1f}\t{src}\t{r['name']}\n")
with open(os.path.join(out, "roles.tsv"), "w", encoding="utf-8") as f:
    f.write("# CAMEO actor role and type codes. Written by tools/import-cameo.py from public codebook facts.\n")
    f.write("code\tcategory\tname\n")
    for r in rows("cameo-actor-types.tsv"):
        f.write(f"{r['code']}\t{r['category']}\t{r['name']}\n")
