#!/usr/bin/env python3
"""Build kg/data/places.tsv (development time only; never imported by kg).

Usage:
    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    pip download --no-deps cpca==0.5.5 && unzip cpca-0.5.5-py3-none-any.whl
    python kg/data/build_places.py package/dist cpca/resources/adcodes.csv

Inputs
  DIST        the ``dist`` directory of the npm package china-division 2.7.0
              (provinces.csv, cities.csv, areas.csv: NBS 2023 statistical
              division codes, cut-off 2023-06-30)
  ADCODES     optional: cpca 0.5.5 ``resources/adcodes.csv`` (older table with
              longitude/latitude; used only for coordinates)
  kg/data/places_former.tsv   hand-kept former names (read from next to this script)

Output: kg/data/places.tsv (next to this script).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

ETHNIC = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 "
    "哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 "
    "达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 "
    "俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 "
    "基诺族 高山族"
).split()
# official names sometimes drop the 族 (伊犁哈萨克自治州, 博尔塔拉蒙古自治州);
# only forms of >= 2 characters are stripped that way
ETHNIC_FORMS = sorted(
    set(ETHNIC) | {e[:-1] for e in ETHNIC if len(e) >= 3}, key=len, reverse=True
)

PROVINCE_SHORT = {
    "内蒙古自治区": ["内蒙古", "内蒙"],
    "广西壮族自治区": ["广西"],
    "西藏自治区": ["西藏"],
    "宁夏回族自治区": ["宁夏"],
    "新疆维吾尔自治区": ["新疆"],
    "香港特别行政区": ["香港"],
    "澳门特别行政区": ["澳门"],
}
# one-character abbreviations (简称); kept in their own column: too ambiguous for text
PROVINCE_ABBR = {
    "110000": "京", "120000": "津", "130000": "冀", "140000": "晋", "150000": "蒙",
    "210000": "辽", "220000": "吉", "230000": "黑", "310000": "沪", "320000": "苏",
    "330000": "浙", "340000": "皖", "350000": "闽", "360000": "赣", "370000": "鲁",
    "410000": "豫", "420000": "鄂", "430000": "湘", "440000": "粤", "450000": "桂",
    "460000": "琼", "500000": "渝", "510000": "川|蜀", "520000": "黔|贵", "530000": "滇|云",
    "540000": "藏", "610000": "陕|秦", "620000": "甘|陇", "630000": "青", "640000": "宁",
    "650000": "新", "710000": "台", "810000": "港", "820000": "澳",
}
# one-character abbreviations of cities that news writes after 在/来/赴 (在蓉举行, 来穗): only
# those no province uses
CITY_ABBR = {
    "510100": "蓉",
    "440100": "穗",
    "350100": "榕",
    "520100": "筑",
    "330200": "甬",
    "450100": "邕",
    "330100": "杭",
    "420100": "汉",
    "440300": "深",
    "350200": "厦",
    "320200": "锡",
    "530100": "昆",
    "410100": "郑",
    "230100": "哈",
}
# customary short forms that the rules cannot derive
EXTRA_SHORT = {
    "652700": ["博州"],      # 博尔塔拉蒙古自治州
    "653000": ["克州"],      # 克孜勒苏柯尔克孜自治州
    "652800": ["巴州"],      # 巴音郭楞蒙古自治州 (also 巴中市巴州区)
    "532800": ["版纳"],      # 西双版纳傣族自治州
}
# not in the NBS table; GB/T 2260 codes
EXTRA_PROVINCES = [
    ("710000", "台湾省"),
    ("810000", "香港特别行政区"),
    ("820000", "澳门特别行政区"),
]
# NBS pseudo prefecture levels: counties below attach to the province
PSEUDO_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# NBS-only rows that are not county-level units (besides the x7x development zones)
DROP_COUNTY_CODES = {"460321", "460322", "460323", "632857"}


def strip_ethnic(base: str) -> str:
    changed = True
    while changed:
        changed = False
        for form in ETHNIC_FORMS:
            if base.endswith(form) and len(base) - len(form) >= 2:
                base = base[: -len(form)]
                changed = True
                break
    return base


def short_forms(name: str, level: str) -> list[str]:
    """Short forms of an official name (never the name itself)."""
    out: list[str] = []
    if level == "province":
        if name in PROVINCE_SHORT:
            return list(PROVINCE_SHORT[name])
        if name.endswith(("省", "市")):
            return [name[:-1]]
        return []
    for suffix, keep in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suffix):
            rest = name[: -len(suffix)]
            base = strip_ethnic(rest)
            if base == rest:  # e.g. 鄂伦春自治旗: nothing left once the ethnic name goes
                out.append(rest + keep)
                if rest.endswith("族") and not rest.endswith("各族") and len(rest) >= 3:
                    out.append(rest[:-1] + keep)  # 鄂温克族自治旗 -> 鄂温克旗
            else:
                out.append(base + keep)
                if len(base) >= 2:
                    out.append(base)
            return out
    for suffix in ("地区", "林区", "特区", "新区", "矿区", "市", "县", "区", "旗", "盟"):
        if name.endswith(suffix):
            rest = name[: -len(suffix)]
            if len(rest) >= 2 and not rest.endswith("族"):
                out.append(rest)
            break
    # districts named after an ethnic group: 瀍河回族区 -> 瀍河区, 瀍河
    if name.endswith("族区"):
        base = strip_ethnic(name[:-1])
        if base != name[:-1] and len(base) >= 2:
            out += [base + "区", base]
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit(__doc__)
    dist = Path(argv[1])
    adcodes = Path(argv[2]) if len(argv) > 2 else None

    rows: dict[str, dict] = {}
    for r in read_csv(dist / "provinces.csv"):
        code = r["code"] + "0000"
        rows[code] = dict(code=code, name=r["name"], level="province", parent="")
    for code, name in EXTRA_PROVINCES:
        rows[code] = dict(code=code, name=name, level="province", parent="")
    pseudo: set[str] = set()
    for r in read_csv(dist / "cities.csv"):
        if r["name"] in PSEUDO_PREFECTURES:
            pseudo.add(r["code"])
            continue
        code = r["code"] + "00"
        rows[code] = dict(code=code, name=r["name"], level="prefecture",
                          parent=r["provinceCode"] + "0000")
    for r in read_csv(dist / "areas.csv"):
        code = r["code"]
        if code.endswith("00"):
            continue  # 东莞, 中山, 儋州: prefecture-level cities without counties repeat themselves
        if code[4] == "7" or code in DROP_COUNTY_CODES:
            continue  # NBS statistical-only zones (开发区, 管理区 ...)
        parent = (r["provinceCode"] + "0000") if r["cityCode"] in pseudo else r["cityCode"] + "00"
        rows[code] = dict(code=code, name=r["name"], level="county", parent=parent)

    for row in rows.values():
        row["short"] = short_forms(row["name"], row["level"]) + EXTRA_SHORT.get(row["code"], [])
        row["former"] = []
        row["abbr"] = PROVINCE_ABBR.get(row["code"], "") if row["level"] == "province" \
            else CITY_ABBR.get(row["code"], "")
        row["lat"] = row["lon"] = ""

    former_codes: dict[str, str] = {}
    with (HERE / "places_former.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            cur = rows[r["current_code"]]
            assert cur["name"] == r["current_name"], r
            if r["former_name"] != cur["name"] and r["former_name"] not in cur["former"]:
                cur["former"].append(r["former_name"])
            for s in short_forms(r["former_name"], "former"):
                if s not in cur["short"] and s != cur["name"]:
                    cur["short"].append(s)
            if r["former_code"]:
                former_codes.setdefault(r["current_code"], r["former_code"])

    if adcodes:
        coords: dict[str, tuple[str, str]] = {}
        by_name: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for r in read_csv(adcodes):
            c = r["adcode"]
            if c.endswith("000000"):
                coords[c[:6]] = (r["latitude"], r["longitude"])
                by_name.setdefault((c[:2], r["name"]), []).append(coords[c[:6]])
        for code, row in rows.items():
            same_name = by_name.get((code[:2], row["name"]), [])
            c = (coords.get(code) or coords.get(former_codes.get(code, ""))
                 or (same_name[0] if len(same_name) == 1 else None))
            if c:
                row["lat"], row["lon"] = c

    out = HERE / "places.tsv"
    cols = ["code", "name", "level", "parent", "aliases", "short", "former", "abbr", "lat", "lon"]
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(cols) + "\n")
        for code in sorted(rows):
            row = rows[code]
            aliases = list(dict.fromkeys(row["short"] + row["former"]))
            vals = [code, row["name"], row["level"], row["parent"], "|".join(aliases),
                    "|".join(row["short"]), "|".join(row["former"]), row["abbr"],
                    row["lat"], row["lon"]]
            f.write("\t".join(vals) + "\n")
    levels = {lv: sum(1 for r in rows.values() if r["level"] == lv)
              for lv in ("province", "prefecture", "county")}
    print(f"wrote {out}: {len(rows)} units {levels}")


if __name__ == "__main__":
    main(sys.argv)
