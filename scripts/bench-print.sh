#!/usr/bin/env bash
# Benchmark (not a test): printing the request form with `xiezuo print` as a whole process, against
# LibreOffice headless converting an equivalent .docx of the same form — median of 5 runs each, and
# the ratio. Installs LibreOffice (apt) and python-docx (pip) for itself; nothing else needs them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v soffice >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null; }
python3 -c 'import docx' 2>/dev/null || pip install -q python-docx
cargo build -q --release -p xiezuo-cli
xiezuo=target/release/xiezuo
db=$work/bench.db
$xiezuo --db "$db" demo >/dev/null

# One-run timing in milliseconds.
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The same form as a .docx, with the same fields, built from the same record.
$xiezuo --db "$db" show XZ-2026-001 --format json > "$work/record.json"
python3 - "$work/record.json" "$work/request.docx" <<'PY'
import json, sys
from docx import Document
from docx.shared import Pt
d = json.load(open(sys.argv[1])); c = d["collaboration"]
doc = Document()
doc.styles["Normal"].font.name = "Noto Serif CJK SC"; doc.styles["Normal"].font.size = Pt(10.5)
doc.add_heading("协作需求申请表", 0)
doc.add_paragraph(f"编号：{c['number']}")
rows = [("申请部门", c["initiating_department"]), ("申请人", c.get("initiator_contact") or ""), ("协作事项", c["title"]),
        ("需求背景", c["background"]), ("核心目标", c["goal"]), ("期望完成", c.get("expected_completion") or ""),
        ("协作部门", "、".join(x["department"] for x in d["departments"])),
        ("所需支持", "\n".join(f"{x['department']}：{x['support_text']}" for x in d["departments"])),
        ("关键节点", "\n".join(f"{m['due_date']} {m['name']}" for m in d["milestones"]))]
t = doc.add_table(rows=0, cols=2); t.style = "Table Grid"
for k, v in rows:
    r = t.add_row().cells; r[0].text = k; r[1].text = v
doc.add_heading("审批意见", 1)
for dept in [c["initiating_department"]] + [x["department"] for x in d["departments"]]:
    doc.add_paragraph(f"{dept}：☐ 同意 ☐ 不同意 ☐ 补充材料后再议    负责人签字：________  日期：____年__月__日")
doc.save(sys.argv[2])
PY

xz=(); lo=()
for i in $(seq "$runs"); do
  xz+=("$(ms $xiezuo --db "$db" print request XZ-2026-001 -o "$work/xz-$i.pdf")")
  lo+=("$(ms soffice --headless --norestore -env:UserInstallation=file://$work/lo-profile --convert-to pdf --outdir "$work/lo-$i" "$work/request.docx")")
done
xz_median=$(printf '%s\n' "${xz[@]}" | median)
lo_median=$(printf '%s\n' "${lo[@]}" | median)
size=$(stat -c %s "$work/xz-1.pdf")
echo "xiezuo print request (whole process): median ${xz_median} ms over $runs runs (${xz[*]}); PDF $((size / 1024)) KB"
echo "LibreOffice headless .docx → PDF:     median ${lo_median} ms over $runs runs (${lo[*]})"
awk -v a="$lo_median" -v b="$xz_median" 'BEGIN { printf "ratio: xiezuo is %.1f× faster (target ≥ 25×)\n", a / (b > 0 ? b : 1) }'
