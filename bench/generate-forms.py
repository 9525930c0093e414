#!/usr/bin/env python3
"""Generates N OneStop form definitions (docs/forms/definitions.md) for the import benchmark and tests.

Each form has 2-7 pages of 1-6 fields drawn from every field type, trilingual labels, options,
limits, show-if conditions that look back at earlier answers, and the odd repeating group and
cross-field rule, spread over the demo catalogue's departments. Python 3 stdlib only; the output is
deterministic for a given seed.

    python3 bench/generate-forms.py --out /tmp/forms --forms 3500 --seed 7
    python3 bench/generate-forms.py --out /tmp/forms.zip --forms 3500      # a zip instead of a folder
"""
import argparse
import json
import os
import random
import zipfile

DEPARTMENTS = ["TD", "IRD", "IMMD", "FEHD", "HD", "CR", "LR", "IPD", "BD", "SWD", "DH", "EDB", "AFCD", "LCSD", "LD"]

# Matched trilingual words: English, Traditional (Hong Kong), Simplified.
SUBJECTS = [
    ("licence", "牌照", "牌照"), ("permit", "許可證", "许可证"), ("registration", "登記", "登记"),
    ("allowance", "津貼", "津贴"), ("certificate", "證明書", "证明书"), ("inspection", "檢查", "检查"),
    ("subsidy", "資助", "资助"), ("exemption", "豁免", "豁免"), ("renewal", "續期", "续期"), ("appeal", "上訴", "上诉"),
]
THINGS = [
    ("food stall", "熟食檔", "熟食档"), ("boat", "船隻", "船只"), ("kindergarten", "幼稚園", "幼稚园"),
    ("market stall", "街市檔位", "街市档位"), ("signboard", "招牌", "招牌"), ("pet dog", "寵物狗", "宠物狗"),
    ("swimming pool", "游泳池", "游泳池"), ("hawker trolley", "小販手推車", "小贩手推车"), ("workshop", "工場", "工场"),
    ("guesthouse", "賓館", "宾馆"), ("lift", "升降機", "升降机"), ("film screening", "電影放映", "电影放映"),
]
QUESTIONS = [
    ("Name of the business", "業務名稱", "业务名称"), ("Your full name", "你的全名", "你的全名"),
    ("Number of staff", "員工人數", "员工人数"), ("Floor area in square metres", "樓面面積（平方米）", "楼面面积（平方米）"),
    ("Fee paid last year", "去年已繳費用", "去年已缴费用"), ("Start date", "開始日期", "开始日期"),
    ("Have you applied before?", "你以前曾否申請？", "你以前曾否申请？"), ("Reason for applying", "申請原因", "申请原因"),
    ("Contact email", "聯絡電郵", "联络电子邮箱"), ("Contact phone", "聯絡電話", "联络电话"),
    ("Identity card number", "身份證號碼", "身份证号码"), ("Address of the premises", "處所地址", "处所地址"),
]
CHOICES = [("Yes, often", "是，經常", "是，经常"), ("Sometimes", "有時", "有时"), ("Never", "從不", "从不"),
           ("Owner", "業主", "业主"), ("Tenant", "租客", "租客"), ("Other", "其他", "其他")]


def words(triple, suffix=""):
    en, hk, cn = triple
    return {"en": en + suffix, "zh-HK": hk + suffix, "zh-CN": cn + suffix}


def options(rng):
    picked = rng.sample(CHOICES, rng.randint(2, 4))
    return [{"value": f"o{i}", "label": words(t)} for i, t in enumerate(picked)]


def field(rng, fid, earlier):
    kind = rng.choice(["text", "text", "textarea", "number", "decimal", "money", "date", "yesNo", "radios",
                       "checkboxes", "select", "email", "phone", "hkid", "address", "file", "guidance", "heading", "group"])
    f = {"id": fid, "type": kind, "label": words(rng.choice(QUESTIONS), f" ({fid})")}
    if kind not in ("guidance", "heading"):
        f["required"] = rng.random() < 0.7
    if kind in ("radios", "checkboxes", "select"):
        f["options"] = options(rng)
    if kind == "text":
        f["maxLength"] = rng.choice([50, 100, 200])
    if kind in ("number", "decimal", "money"):
        f["min"] = 0
        f["max"] = rng.choice([10, 1000, 100000])
    if kind == "date":
        f["notBefore"], f["notAfter"] = "today-5y", "today+1y"
    if kind == "phone":
        f["phoneRegion"] = rng.choice(["hk", "international", "any"])
    if kind == "file":
        f["accept"] = ["pdf", "jpeg", "png"]
        f["maxBytes"] = 10 * 1024 * 1024
    if kind == "group":
        f["maxItems"] = rng.randint(2, 6)
        f["itemLabel"] = words(("Person", "人士", "人士"))
        f["fields"] = [{"id": "name", "type": "text", "required": True, "label": words(QUESTIONS[1])},
                       {"id": "role", "type": "radios", "options": options(rng), "label": words(("Role", "職位", "职位"))}]
    # Look back at an earlier choice now and then, so forms carry real logic.
    choosers = [e for e in earlier if e["type"] in ("radios", "select", "yesNo", "checkboxes")]
    if choosers and rng.random() < 0.3:
        c = rng.choice(choosers)
        if c["type"] == "yesNo":
            f["showIf"] = {"field": c["id"], "equals": True}
        elif c["type"] == "checkboxes":
            f["showIf"] = {"field": c["id"], "contains": c["options"][0]["value"]}
        else:
            f["showIf"] = {"any": [{"field": c["id"], "equals": o["value"]} for o in c["options"][:2]]}
    return f


def form(rng, n):
    dept = DEPARTMENTS[n % len(DEPARTMENTS)]
    subject, thing = rng.choice(SUBJECTS), rng.choice(THINGS)
    pages, earlier, counter = [], [], 0
    for p in range(rng.randint(2, 7)):
        fields = []
        for _ in range(rng.randint(1, 6)):
            counter += 1
            f = field(rng, f"q{counter}", earlier)
            fields.append(f)
        earlier.extend(x for x in fields if x["type"] not in ("guidance", "heading", "group"))
        pages.append({"id": f"p{p + 1}", "title": words(("Step", "步驟", "步骤"), f" {p + 1}"), "fields": fields})
    rules = []
    numbers = [f for f in earlier if f["type"] == "number"]
    if len(numbers) >= 2:
        rules.append({"id": "order", "field": numbers[1]["id"], "assert": {"field": numbers[1]["id"], "atLeast": {"field": numbers[0]["id"]}},
                      "message": words(("Must not be less than the earlier number", "不可少於之前的數字", "不可少于之前的数字"))})
    title = {"en": f"Apply for a {thing[0]} {subject[0]} ({n})", "zh-HK": f"申請{thing[1]}{subject[1]}（{n}）", "zh-CN": f"申请{thing[2]}{subject[2]}（{n}）"}
    return {"id": f"{dept.lower()}-generated-{n:05d}", "department": dept, "title": title, "pages": pages, "rules": rules}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="a folder, or a file ending in .zip")
    parser.add_argument("--forms", type=int, default=3500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    definitions = [form(rng, n) for n in range(1, args.forms + 1)]
    if args.out.endswith(".zip"):
        with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as z:
            for d in definitions:
                z.writestr(f"{d['department']}/{d['id']}.json", json.dumps(d, ensure_ascii=False, indent=1))
    else:
        for d in definitions:
            folder = os.path.join(args.out, d["department"])
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, d["id"] + ".json"), "w", encoding="utf-8") as fh:
                json.dump(d, fh, ensure_ascii=False, indent=1)
    print(f"{len(definitions)} forms written to {args.out}")


if __name__ == "__main__":
    main()
