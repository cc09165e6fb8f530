"""Tests for kg.gazetteer: places (GB/T 2260), organisations, job titles, the matcher."""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from importlib.resources import files

import pytest

from kg.gazetteer import Gazetteers, JobTitles, Matcher, OrgGazetteer, PlaceGazetteer


@pytest.fixture(scope="module")
def places() -> PlaceGazetteer:
    return PlaceGazetteer.load()


@pytest.fixture(scope="module")
def orgs() -> OrgGazetteer:
    return OrgGazetteer.load()


@pytest.fixture(scope="module")
def titles() -> JobTitles:
    return JobTitles.load()


def _rows(name: str) -> list[dict[str, str]]:
    text = (files("kg") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


# -- places.tsv integrity -------------------------------------------------------------------
def test_places_table_integrity():
    rows = _rows("places.tsv")
    codes = {r["code"] for r in rows}
    assert len(codes) == len(rows), "duplicate codes"
    for r in rows:
        assert re.fullmatch(r"\d{6}", r["code"]), r
        assert r["level"] in ("province", "prefecture", "county"), r
        if r["level"] == "province":
            assert r["parent"] == "", r
        else:
            assert r["parent"] in codes, r
        assert "市辖区" not in r["name"] and "直辖县级" not in r["name"], r
    levels = Counter(r["level"] for r in rows)
    assert len(rows) > 3000
    assert levels["province"] >= 31
    assert levels["prefecture"] >= 330
    assert levels["county"] >= 2800


def test_places_parents_have_right_levels(places):
    for p in places:
        parent = places.parent(p)
        if p.level == "province":
            assert parent is None
        elif p.level == "prefecture":
            assert parent is not None and parent.level == "province"
        else:
            assert parent is not None and parent.level in ("province", "prefecture")
        assert places.province(p).level == "province"


def test_places_former_table_points_at_current_units(places):
    for r in _rows("places_former.tsv"):
        cur = places.get(r["current_code"])
        assert cur is not None and cur.name == r["current_name"], r
        assert cur in places.lookup(r["former_name"]), r


# -- places lookup / resolve ----------------------------------------------------------------
@pytest.mark.parametrize(
    "name, code, level, parent, province",
    [
        ("通山县", "421224", "county", "咸宁市", "湖北省"),
        ("通山", "421224", "county", "咸宁市", "湖北省"),
        ("莱芜", "370116", "county", "济南市", "山东省"),
        ("莱芜市", "370116", "county", "济南市", "山东省"),
        ("莱芜区", "370116", "county", "济南市", "山东省"),
        ("江干区", "330102", "county", "杭州市", "浙江省"),
        ("湾里区", "360112", "county", "南昌市", "江西省"),
        ("长乐市", "350112", "county", "福州市", "福建省"),
        ("襄樊市", "420600", "prefecture", "湖北省", "湖北省"),
        ("内蒙古", "150000", "province", None, "内蒙古自治区"),
        ("广西", "450000", "province", None, "广西壮族自治区"),
        ("新疆", "650000", "province", None, "新疆维吾尔自治区"),
        ("香港", "810000", "province", None, "香港特别行政区"),
        ("黔南州", "522700", "prefecture", "贵州省", "贵州省"),
        ("黔南", "522700", "prefecture", "贵州省", "贵州省"),
        ("果洛州", "632600", "prefecture", "青海省", "青海省"),
        ("恩施州", "422800", "prefecture", "湖北省", "湖北省"),
        ("伊犁州", "654000", "prefecture", "新疆维吾尔自治区", "新疆维吾尔自治区"),
        ("锡林郭勒", "152500", "prefecture", "内蒙古自治区", "内蒙古自治区"),
        ("互助县", "630223", "county", "海东市", "青海省"),
        ("互助", "630223", "county", "海东市", "青海省"),
        ("石景山区", "110107", "county", "北京市", "北京市"),
        ("浦东新区", "310115", "county", "上海市", "上海市"),
        ("神农架林区", "429021", "county", "湖北省", "湖北省"),
        ("青岛", "370200", "prefecture", "山东省", "山东省"),
        ("青岛市", "370200", "prefecture", "山东省", "山东省"),
        ("呼和浩特", "150100", "prefecture", "内蒙古自治区", "内蒙古自治区"),
        ("吉林", "220000", "province", None, "吉林省"),  # province beats 吉林市
    ],
)
def test_resolve(places, name, code, level, parent, province):
    p = places.resolve(name)
    assert p is not None, name
    assert p.code == code
    assert p.level == level
    assert (places.parent(p).name if places.parent(p) else None) == parent
    assert places.province(p).name == province


@pytest.mark.parametrize(
    "context_code, expected",
    [("110000", "110112"), ("320600", "320612"), ("320000", "320612"), ("110105", "110112")],
)
def test_resolve_ambiguous_with_context(places, context_code, expected):
    assert places.resolve("通州区") is None  # ambiguous without context
    assert places.resolve("通州区", [places.get(context_code)]).code == expected


def test_lookup_returns_all_candidates(places):
    codes = {p.code for p in places.lookup("通州区")}
    assert codes == {"110112", "320612"}
    assert places.lookup("不存在的地方") == []
    assert places.get("999999") is None


def test_abbr_not_used_for_matching(places):
    sh = places.get("310000")
    assert sh.abbr == ("沪",)
    assert places.lookup("沪") == []
    assert places.find("沪深两市") == []


@pytest.mark.parametrize(
    "text, code",
    [
        ("山东省青岛市", "370200"),
        ("湖北省恩施州", "422800"),
        ("上海市青浦区", "310118"),
        ("北京通州", "110112"),
        ("江苏省南通市通州区", "320612"),
        ("湖北省咸宁市通山县", "421224"),
        ("山东省莱芜市", "370116"),
    ],
)
def test_resolve_path(places, text, code):
    p = places.resolve_path(text)
    assert p is not None and p.code == code


def test_find_places(places):
    text = "记者从山东青岛、湖北通山县和北京市通州区获悉"
    hits = places.find(text)
    assert [h[2] for h in hits] == ["山东", "青岛", "湖北", "通山县", "北京市", "通州区"]
    for start, end, surface, cands in hits:
        assert text[start:end] == surface and cands
    # without short forms only official and former names match
    assert [h[2] for h in places.find(text, short_forms=False)] == ["通山县", "北京市", "通州区"]
    # common-word short forms are not matched in free text
    assert places.find("维护世界和平") == []
    assert places.resolve("和平") is None  # three 和平区/县, none preferred


def test_short_alias_flags(places):
    qd = places.get("370200")
    assert "青岛" in qd.short_forms and places.is_short("青岛")
    assert not places.is_short("青岛市")
    lw = places.get("370116")
    assert "莱芜市" in lw.former_names


# -- organisations --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "alias, name, kind",
    [
        ("工信部", "工业和信息化部", "GovernmentBody"),
        ("中华人民共和国工业和信息化部", "工业和信息化部", "GovernmentBody"),
        ("发改委", "国家发展和改革委员会", "GovernmentBody"),
        ("国家发改委", "国家发展和改革委员会", "GovernmentBody"),
        ("发展改革委", "国家发展和改革委员会", "GovernmentBody"),
        ("央行", "中国人民银行", "GovernmentBody"),
        ("国新办", "国务院新闻办公室", "GovernmentBody"),
        ("证监会", "中国证券监督管理委员会", "GovernmentBody"),
        ("国资委", "国务院国有资产监督管理委员会", "GovernmentBody"),
        ("住建部", "住房和城乡建设部", "GovernmentBody"),
        ("市场监管总局", "国家市场监督管理总局", "GovernmentBody"),
        ("全国政协", "中国人民政治协商会议全国委员会", "GovernmentBody"),
        ("中科院", "中国科学院", "GovernmentBody"),
        ("中石化", "中国石油化工集团有限公司", "Organization"),
        ("工行", "中国工商银行", "Organization"),
        ("中电联", "中国电力企业联合会", "Organization"),
        ("中国工经联", "中国工业经济联合会", "Organization"),
        ("中国贸促会", "中国国际贸易促进委员会", "Organization"),
    ],
)
def test_org_lookup(orgs, alias, name, kind):
    org = orgs.lookup(alias)
    assert org is not None, alias
    assert org.name == name and org.kind == kind


def test_org_parent(orgs):
    dept = orgs.lookup("工信部信息通信发展司")
    assert dept.name == "工业和信息化部信息通信发展司"
    assert dept.parent == "工业和信息化部"
    assert orgs.parent(dept).name == "工业和信息化部"


def test_org_table_integrity(orgs):
    names = {o.name for o in orgs}
    seen: dict[str, str] = {}
    for o in orgs:
        assert o.kind in ("GovernmentBody", "Organization")
        assert o.parent is None or o.parent in names, o
        assert set(o.generic_aliases) <= set(o.aliases), o
        for s in (o.name, *o.aliases):
            assert seen.setdefault(s, o.name) == o.name, f"{s} used twice"
    assert len(orgs) >= 300
    assert orgs.lookup("环境保护部").former


def test_org_find_longest(orgs):
    text = "工信部信息通信发展司与国家发改委、欧洲央行、央行有关负责人"
    hits = orgs.find(text)
    assert [(h[2], h[3].name) for h in hits] == [
        ("工信部信息通信发展司", "工业和信息化部信息通信发展司"),
        ("国家发改委", "国家发展和改革委员会"),
        ("欧洲央行", "欧洲中央银行"),
        ("央行", "中国人民银行"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a short form inside a longer name that has a head noun of its own is no match
        ("中国航空某某研究院召开会议", []),
        ("中国航空发动机集团有限公司召开会议", ["中国航空发动机集团有限公司"]),
        ("他在中国航空综合技术研究所工作", []),
        ("据央视新闻中心消息", []),
        ("中国网络空间研究院发布报告", []),  # 国网: one character before 网 heads no name
        # the same short forms where they stand alone, start a unit's name or end a phrase
        ("国航与东航签署协议", ["国航", "东航"]),
        ("国航北京分公司", ["国航"]),
        ("中科院的两个研究所", ["中科院"]),
        ("中国和东盟十国政府", ["东盟"]),
        ("乘坐国航航班", ["国航"]),
        # a name with a head noun of its own names the body before its unit
        ("山东省发改委综合处", ["发改委"]),
        ("国家发展改革委产业发展司", ["国家发展改革委"]),
        ("工信部规划司和新华社上海分社", ["工信部规划司", "新华社"]),
        # 部门 is "department": 财政部门 is no ministry
        ("各地财政部门和教育部门", []),
        ("财政部和省教育部门负责人", ["财政部"]),
    ],
)
def test_org_find_no_alias_inside_longer_name(orgs, text, expected):
    assert [h[2] for h in orgs.find(text)] == expected


def test_org_suffixes(orgs):
    sfx = [s for s, _ in orgs.suffixes]
    assert sfx == sorted(sfx, key=len, reverse=True)
    assert orgs.suffix_of("中国通信企业协会") == ("协会", "Organization")
    assert orgs.suffix_of("青岛市人民政府") == ("人民政府", "GovernmentBody")
    assert orgs.suffix_of("山东省人大常委会")[0] == "人大常委会"
    assert orgs.suffix_of("张三") is None


# -- titles ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("市会展办常务副主任夏鸣", ["常务副主任"]),
        ("工信部副部长辛国斌", ["副部长"]),
        ("总工程师张三和副总工程师李四", ["总工程师", "副总工程师"]),
        ("代省长王某", ["代省长"]),
        ("公司首席执行官", ["首席执行官"]),
        ("国务院国有资产监督管理委员会主任", ["主任"]),
        ("在记者会上，新闻发言人表示", ["新闻发言人"]),
        ("全国人大常委会委员长", ["委员长"]),
        ("董事会秘书王五与董事会成员", ["董事会秘书"]),
        ("市委常委会召开", []),
    ],
)
def test_titles_find(titles, text, expected):
    assert [t for _, _, t in titles.find(text)] == expected


def test_titles_contains(titles):
    for t in ("部长", "新闻发言人", "党组书记", "院士", "执行副院长", "记者", "通讯员"):
        assert t in titles
    assert "夏鸣" not in titles


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("院士", ["院士"]),
        ("{|副|代}市长", ["市长", "副市长", "代市长"]),
        ("{一|二}级巡视员", ["一级巡视员", "二级巡视员"]),
        ("{党委|市委}{|副}书记", ["党委书记", "党委副书记", "市委书记", "市委副书记"]),
        ("国家{|副}主席", ["国家主席", "国家副主席"]),
    ],
)
def test_title_patterns_expand(pattern, expected):
    from kg.gazetteer.titles import expand

    assert list(expand(pattern)) == expected


def test_title_patterns_give_every_variant(titles):
    # deputy, acting, executive and standing deputy of any head, and party committee posts
    for t in ("副局长", "代县长", "常务副市长", "执行副总经理", "副总工程师", "代秘书长",
              "常务副理事长", "区委副书记", "党组副书记", "镇党委副书记", "一级巡视员", "军委副主席",
              "局长助理", "副主任科员", "董事局主席", "副国务卿", "副特派员", "宣传部长",
              "全媒体记者", "国际贸易谈判代表", "副参谋长", "副园长", "护士长", "副主委", "轮值主席",
              "审判员"):
        assert t in titles, t
    # a title never swallows the body it belongs to: 市政府 + 秘书长, 政法委 + 书记
    for t in ("市政府秘书长", "政法委书记"):
        assert t not in titles, t
    # the file lists heads and irregular titles, not every variant
    lines = (files("kg") / "data" / "job_titles.txt").read_text(encoding="utf-8").splitlines()
    listed = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(listed) < len(titles) / 2


@pytest.mark.parametrize(
    "text, title",
    [
        # modifiers the people layer adds before any title are not listed as titles
        ("某某学会名誉会长张某出席。", "名誉会长"),
        ("某某公司执行董事李某表示。", "执行董事"),
        ("某某协会常务理事王某发言。", "常务理事"),
        ("某某银行首席经济学家赵某认为。", "首席经济学家"),
        ("某某集团首席顾问刘某介绍。", "首席顾问"),
        ("某某省常务副省长陈某主持。", "常务副省长"),
        ("某某市代市长孙某讲话。", "代市长"),
    ],
)
def test_titles_with_modifiers_read_by_people(resources, text, title):
    from kg.mentions import people
    from kg.text.normalize import fold

    found = people.find(fold(text), resources)
    assert [p.job_title for p in found] == [title]


# -- matcher --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "entries, text, expected",
    [
        ({"中国": 1, "中国人民银行": 2, "银行": 3}, "中国人民银行行长", [(0, 6, "中国人民银行", 2)]),
        ({"ab": 1, "bcd": 2}, "abcd", [(0, 2, "ab", 1)]),  # leftmost wins over longer later
        ({"ab": 1, "bcd": 2, "d": 3}, "xbcdab", [(1, 4, "bcd", 2), (4, 6, "ab", 1)]),
        ({"a": 1, "aa": 2}, "aaa", [(0, 2, "aa", 2), (2, 3, "a", 1)]),
        ({}, "anything", []),
        ({"x": 1}, "", []),
    ],
)
def test_matcher_leftmost_longest(entries, text, expected):
    assert Matcher(entries).find(text) == expected


def test_gazetteers_load():
    g = Gazetteers.load()
    assert g.places.resolve("青岛").code == "370200"
    assert g.orgs.lookup("工信部").name == "工业和信息化部"
    assert "部长" in g.titles


@pytest.mark.parametrize("text,expected", [
    ("中国工业经济联合会联合中国钢铁工业协会、中国轻工业联合会",
     ["中国工业经济联合会", "中国钢铁工业协会", "中国轻工业联合会"]),
    ("工信部会同财政部", ["工信部", "财政部"]),
    ("中国工程院和深圳市人民政府", ["中国工程院", "深圳市人民政府"]),
    ("中国工程院和一些专家", []),
])
def test_organisation_lists(text, expected):
    from kg.mentions import orgs
    from kg.resources import Resources

    assert orgs.split_list(text, Resources.load()) == expected


@pytest.mark.parametrize("text, employer", [
    # a place or a relative prefix and a local department's short form: the local body
    ("某某省国资委副主任李某某出席。", "某某省国资委"),
    ("某某市发展改革委主任王某某致辞。", "某某市发展改革委"),
    ("某某市外办主任张某某介绍情况。", "某某市外办"),
    ("省委改革办主任刘某某表示。", "省委改革办"),
    ("某某县科协主席陈某某讲话。", "某某县科协"),
    ("某某区政法委书记赵某某出席。", "某某区政法委"),
    ("某某市委办主任张某某出席。", "某某市委办"),
    ("某某市政府新闻办主任王某某主持。", "某某市政府新闻办"),
    ("国务院新闻办主任王某某主持。", "国务院新闻办公室"),
    # the bare short form is the national body
    ("国资委主任李某某出席。", "国务院国有资产监督管理委员会"),
])
def test_local_department_heads(resources, text, employer):
    from kg.extractors import posts
    from tests.conftest import make_article, triples

    found = triples(posts.extract(make_article(text), resources))
    assert {o for _s, p, o in found if p == "worksFor"} == {employer}


def test_local_heads_are_suffixes(orgs):
    assert orgs.suffix_of("某某市台办") == ("台办", "GovernmentBody")
    assert orgs.suffix_of("某某市残联") == ("残联", "Organization")
    # the generic aliases of national bodies head local names too
    assert orgs.suffix_of("某某市国资委")[0] == "国资委"


@pytest.mark.parametrize("alias, name, parent", [
    # party central bodies
    ("中央编办", "中央机构编制委员会办公室", "中央机构编制委员会"),
    ("中央金融办", "中央金融委员会办公室", "中央金融委员会"),
    ("中央社会工作部", "中共中央社会工作部", "中国共产党中央委员会"),
    ("中央外宣办", "国务院新闻办公室", "国务院"),
    # NPC and CPPCC committees
    ("全国人大环资委", "全国人民代表大会环境与资源保护委员会", "全国人民代表大会"),
    ("全国人大常委会预工委", "全国人民代表大会常务委员会预算工作委员会", "全国人民代表大会常务委员会"),
    ("全国政协提案委员会", "中国人民政治协商会议全国委员会提案委员会", "中国人民政治协商会议全国委员会"),
    # ministries' departments, by the ministry's full or short name
    ("财政部预算司", "财政部预算司", "财政部"),
    ("人社部就业促进司", "人力资源和社会保障部就业促进司", "人力资源和社会保障部"),
    ("国家卫健委医政司", "国家卫生健康委员会医政司", "国家卫生健康委员会"),
    ("央行货币政策司", "中国人民银行货币政策司", "中国人民银行"),
    ("国务院国资委企业改革局", "国务院国有资产监督管理委员会企业改革局", "国务院国有资产监督管理委员会"),
    # central enterprises by their short names
    ("中国航发", "中国航空发动机集团有限公司", None),
    ("国家管网", "国家石油天然气管网集团有限公司", None),
    ("中冶集团", "中国冶金科工集团有限公司", "中国五矿集团有限公司"),
])
def test_systematic_lists(orgs, alias, name, parent):
    org = orgs.lookup(alias)
    assert org is not None, alias
    assert (org.name, org.parent) == (name, parent)


def test_systematic_list_sizes(orgs):
    rows = list(orgs)
    assert sum(o.note.startswith("中央企业") for o in rows) >= 97
    npc = [o for o in rows if o.parent == "全国人民代表大会" and o.note == "special committee"]
    cppcc = [o for o in rows if o.parent == "中国人民政治协商会议全国委员会" and o.note == "special committee"]
    assert len(npc) == 10 and len(cppcc) == 10
    # bodies with their internal departments (…司) listed: every major ministry, not two
    departments = Counter(o.parent for o in rows if o.parent and o.name.startswith(o.parent)
                          and o.name.endswith("司"))
    assert len([body for body, n in departments.items() if n >= 3]) >= 28


def test_full_width_brackets_match_folded_text(orgs):
    # the readers width-fold text; a name written with full-width brackets still matches
    assert [h[3].name for h in orgs.find("华润(集团)有限公司董事长")] == ["华润（集团）有限公司"]


def test_local_bodies_table_integrity(orgs):
    text = (files("kg") / "data" / "local_bodies.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    shorts = [r[0] for r in rows]
    assert len(shorts) == len(set(shorts))
    for row in rows:
        assert len(row) == 3 and row[1] in ("GovernmentBody", "Organization") and row[2], row
    # a short form that already ends in a head noun of org_suffixes.txt needs no row
    heads = {line.split("\t")[0] for line in
             (files("kg") / "data" / "org_suffixes.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")}
    assert not [s for s in shorts if any(s.endswith(h) for h in heads)]
    assert all(orgs.suffix_of("某某市" + s) == (s, kind) for s, kind, _full in rows)


def test_every_title_line_changes_the_output():
    """No line of job_titles.txt only repeats titles other lines give, or titles the people
    layer makes itself from a listed one and a modifier (名誉 + 会长)."""
    from kg.gazetteer.titles import expand
    from kg.lexicon import Lexicon

    lexicon = Lexicon.load()
    modifiers = lexicon.words("title_prefix") + lexicon.words("former_prefix")
    text = (files("kg") / "data" / "job_titles.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.startswith("#")]
    spelt = [set(expand(line)) for line in lines]
    count = Counter(t for titles in spelt for t in titles)

    def own(title: str) -> bool:
        return count[title] == 1 and not any(
            title.startswith(m) and title[len(m):] in count for m in modifiers)

    assert [line for line, titles in zip(lines, spelt) if not any(map(own, titles))] == []
