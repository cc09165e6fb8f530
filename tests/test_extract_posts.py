"""posts: worksFor and jobTitle from posts in apposition."""
from __future__ import annotations

import pytest

from kg.extractors import posts
from tests.conftest import make_article, triples

CASES = [
    # organisation, post, name
    ("工业和信息化部总工程师韩夏出席会议并致辞。",
     {("韩夏", "worksFor", "工业和信息化部"), ("韩夏", "jobTitle", "总工程师")}),
    # an abbreviation resolves to the full name
    ("工信部副部长张三出席论坛。",
     {("张三", "worksFor", "工业和信息化部"), ("张三", "jobTitle", "副部长")}),
    # name before the post, several people in one sentence
    ("国家发展改革委张某强副主任、百度公司王劲副总裁分别致辞。",
     {("张某强", "worksFor", "国家发展和改革委员会"), ("张某强", "jobTitle", "副主任"),
      ("王劲", "worksFor", "百度公司"), ("王劲", "jobTitle", "副总裁")}),
    # a chain of posts in two organisations; the post nearest the name is the job title
    ("国家发展和改革委员会党组成员、国家能源局党组书记、局长丛明出席。",
     {("丛明", "worksFor", "国家发展和改革委员会"), ("丛明", "worksFor", "国家能源局"),
      ("丛明", "jobTitle", "局长")}),
    # a party committee post keeps the committee in the title
    ("天津市委书记李某忠致辞。", {("李某忠", "worksFor", "天津市委"), ("李某忠", "jobTitle", "市委书记")}),
    # a head of government with no body written works for the people's government
    ("天津市委副书记、市长廖某勋主持开幕式。",
     {("廖某勋", "worksFor", "天津市委"), ("廖某勋", "worksFor", "天津市人民政府"),
      ("廖某勋", "jobTitle", "市长")}),
    ("1月27日，省长刘宁作政府工作报告。", {("刘宁", "worksFor", "省政府"), ("刘宁", "jobTitle", "省长")}),
    # 请 before a body is the verb that invites its head, not part of its name
    ("某办举行吹风会，请国务院研究室主任黄某宏解读有关情况。",
     {("黄某宏", "worksFor", "国务院研究室"), ("黄某宏", "jobTitle", "主任")}),
    # 中共某自治区党委书记: the region's party committee
    ("中共广西壮族自治区党委书记彭某华出席。",
     {("彭某华", "worksFor", "中共广西壮族自治区党委"), ("彭某华", "jobTitle", "党委书记")}),
    # colleagues after a chain whose body is written once; posts that name no body before
    ("某某银行党委副书记、行长张某良，党委委员、副行长崔某；某某集团董事长赵某革，总会计师王某军出席。",
     {("张某良", "worksFor", "某某银行"), ("张某良", "jobTitle", "行长"),
      ("崔某", "worksFor", "某某银行"), ("崔某", "jobTitle", "副行长"),
      ("赵某革", "worksFor", "某某集团"), ("赵某革", "jobTitle", "董事长"),
      ("王某军", "worksFor", "某某集团"), ("王某军", "jobTitle", "总会计师")}),
    # a credit (文/), a dash or a year before the body is no part of its name
    ("文/某某晚报记者黎某根", {("黎某根", "worksFor", "某某晚报"), ("黎某根", "jobTitle", "记者")}),
    ("——国家统计局局长谢某广表示，经济回升。",
     {("谢某广", "worksFor", "国家统计局"), ("谢某广", "jobTitle", "局长")}),
    ("2030年民政部新闻发言人张某星出席。",
     {("张某星", "worksFor", "民政部"), ("张某星", "jobTitle", "新闻发言人")}),
    # 市长 after a county-level city's party secretary: that city's government
    ("义乌市委书记王某明、市长李某华出席。义乌市今年推进项目。",
     {("王某明", "worksFor", "义乌市委"), ("王某明", "jobTitle", "市委书记"),
      ("李某华", "worksFor", "义乌市人民政府"), ("李某华", "jobTitle", "市长")}),
    # ...and 省长 after a provincial secretary, with no other mention of the province
    ("湖南省委书记赵某江、省长钱某平出席。",
     {("赵某江", "worksFor", "湖南省委"), ("赵某江", "jobTitle", "省委书记"),
      ("钱某平", "worksFor", "湖南省人民政府"), ("钱某平", "jobTitle", "省长")}),
    # words that qualify the post between the body and the post (专职, 主管…的, 新任, 总行)
    ("中国某某协会专职副会长王某平出席。",
     {("王某平", "worksFor", "中国某某协会"), ("王某平", "jobTitle", "副会长")}),
    ("通化市主管工业的副市长王某平出席。",
     {("王某平", "worksFor", "通化市人民政府"), ("王某平", "jobTitle", "副市长")}),
    ("某某银行总行董事长王某平出席。", {("王某平", "worksFor", "某某银行"), ("王某平", "jobTitle", "董事长")}),
    ("某某集团新任党委书记、总经理王某平出席。",
     {("王某平", "worksFor", "某某集团"), ("王某平", "jobTitle", "总经理")}),
    # a chain of posts: a short body is in the place of the body before it; a committee's
    # department is the committee's; a head's title may share its unit's character (规划局长)
    ("东山县政协副主席、住建委主任、规划局长王某平出席。",
     {("王某平", "worksFor", "东山县政协"), ("王某平", "worksFor", "东山县住建委"),
      ("王某平", "worksFor", "东山县规划局"), ("王某平", "jobTitle", "局长")}),
    ("东山县委常委、宣传部部长王某平出席。",
     {("王某平", "worksFor", "东山县委"), ("王某平", "worksFor", "东山县委宣传部"),
      ("王某平", "jobTitle", "部长")}),
    ("重庆市委常委、市委秘书长郑某主持。",
     {("郑某", "worksFor", "重庆市委"), ("郑某", "jobTitle", "秘书长")}),
    # ...but a former body's old head (原某部老部长) names no body
    ("原机械工业部老部长何某远出席。", {("何某远", "jobTitle", "部长")}),
    # a relative body (市委) is the one of the only city the article names, even once
    ("市委常委、秘书长张某出席。长沙市今年推进项目。",
     {("张某", "worksFor", "长沙市委"), ("张某", "jobTitle", "秘书长")}),
    # ...and a city speaks for its province (省委 in an article about 青岛, which also names 台湾)
    ("青岛市委书记王某平会见台湾客人。青岛市今年推进项目。省委副书记李某参加会见。",
     {("王某平", "worksFor", "青岛市委"), ("王某平", "jobTitle", "市委书记"),
      ("李某", "worksFor", "山东省委"), ("李某", "jobTitle", "省委副书记")}),
    # a field before the post belongs to the post (焊接顾问, 工艺总监), a team's post is whole
    ("南山钢铁公司焊接顾问艾某华出席。",
     {("艾某华", "worksFor", "南山钢铁公司"), ("艾某华", "jobTitle", "焊接顾问")}),
    ("东湖机械厂班组长游某平出席。", {("游某平", "worksFor", "东湖机械厂"), ("游某平", "jobTitle", "班组长")}),
    # ...but not when the words before it are no body of their own (某某国际汽配城, 某某大会)
    ("某某华美国际汽配城总经理秦某华出席。", {("秦某华", "jobTitle", "总经理")}),
    ("世界互联网大会秘书长任某远出席。", {("任某远", "jobTitle", "秘书长")}),
    # the verb before a body (会见某集团…) is no part of it; a place phrase before the verb
    # does not hide the second person; (集团) ends a company's name
    ("市长郭某会见东海电气集团副总裁金某成。",
     {("郭某", "jobTitle", "市长"), ("郭某", "worksFor", "市政府"),
      ("金某成", "worksFor", "东海电气集团"), ("金某成", "jobTitle", "副总裁")}),
    ("市长郭某在市行政中心会见了东方旅游集团公司副总经理许某林一行。",
     {("郭某", "jobTitle", "市长"), ("郭某", "worksFor", "市政府"),
      ("许某林", "worksFor", "东方旅游集团公司"), ("许某林", "jobTitle", "副总经理")}),
    ("东湖临港经济发展(集团)董事长袁某明，总裁翁某强出席。",
     {("袁某明", "worksFor", "东湖临港经济发展(集团)"), ("袁某明", "jobTitle", "董事长"),
      ("翁某强", "worksFor", "东湖临港经济发展(集团)"), ("翁某强", "jobTitle", "总裁")}),
    # a place found inside a word (公会理事长: 会理) is no article place for 市政府
    ("市长郭某会见了东方旅游公会理事长许某林率领的代表团。",
     {("郭某", "jobTitle", "市长"), ("郭某", "worksFor", "市政府"), ("许某林", "jobTitle", "理事长")}),
    # a place run on into a company's name (西林电气集团) is not where the article is
    ("市长郭某会见西林电气集团副总裁金某成。西林电气集团今年扩产。",
     {("郭某", "jobTitle", "市长"), ("郭某", "worksFor", "市政府"),
      ("金某成", "worksFor", "西林电气集团"), ("金某成", "jobTitle", "副总裁")}),
    # bylines: 据某报记者甲报道, two reporters before 报道, a photo credit (甲摄 / 甲 摄)
    ("据湖北日报记者张某远报道，会议在武汉举行。",
     {("张某远", "worksFor", "湖北日报"), ("张某远", "jobTitle", "记者")}),
    ("长江日报记者张某远、李某报道。",
     {("张某远", "worksFor", "长江日报"), ("张某远", "jobTitle", "记者"),
      ("李某", "worksFor", "长江日报"), ("李某", "jobTitle", "记者")}),
    ("东湖网记者王某摄", {("王某", "worksFor", "东湖网"), ("王某", "jobTitle", "记者")}),
    ("东湖网记者 王某 摄", {("王某", "worksFor", "东湖网"), ("王某", "jobTitle", "记者")}),
    # a foreign legislature is a body
    ("德国联邦议院议长王某平出席。", {("王某平", "worksFor", "德国联邦议院"), ("王某平", "jobTitle", "议长")}),
    # a body's party secretary and its head: the head serves the same body
    ("某某师范学院党委书记孙某立、院长周某文出席开幕式。",
     {("孙某立", "worksFor", "某某师范学院"), ("孙某立", "jobTitle", "党委书记"),
      ("周某文", "worksFor", "某某师范学院"), ("周某文", "jobTitle", "院长")}),
    # ...but a head after someone else's bare post names no body
    ("某某师范学院教授孙某立、院长周某文出席开幕式。",
     {("孙某立", "worksFor", "某某师范学院"), ("孙某立", "jobTitle", "教授"),
      ("周某文", "jobTitle", "院长")}),
    # a city's mayor works for its people's government, a foreign mayor for the city as written
    ("北京市市长殷勇出席开幕式。", {("殷勇", "worksFor", "北京市人民政府"), ("殷勇", "jobTitle", "市长")}),
    ("日本神户市市长久元某造，中国工程院院长李某红致辞。",
     {("久元某造", "worksFor", "日本神户市"), ("久元某造", "jobTitle", "市长"),
      ("李某红", "worksFor", "中国工程院"), ("李某红", "jobTitle", "院长")}),
    # a former post gives no employer
    ("国际电信联盟原秘书长赵某麟出席。", {("赵某麟", "jobTitle", "原秘书长")}),
    # ...unless the person holds a current title too
    ("中国工程院原副院长兼秘书长邬某铨院士发表演讲。",
     {("邬某铨", "worksFor", "中国工程院"), ("邬某铨", "jobTitle", "原副院长兼秘书长")}),
    # a reporter's byline
    ("本报讯(记者 宋某华 通讯员 张某富)日前，", {("宋某华", "jobTitle", "记者"), ("张某富", "jobTitle", "通讯员")}),
    # organisation names that hold 有, 经, 据 (words that elsewhere end a name)
    ("常州恒锐精密机械股份有限公司董事长李明华说。",
     {("李明华", "worksFor", "常州恒锐精密机械股份有限公司"), ("李明华", "jobTitle", "董事长")}),
    ("湖北省经济和信息化厅厅长张晓峰、湖北省数据局局长陈刚出席。",
     {("张晓峰", "worksFor", "湖北省经济和信息化厅"), ("张晓峰", "jobTitle", "厅长"),
      ("陈刚", "worksFor", "湖北省数据局"), ("陈刚", "jobTitle", "局长")}),
    # a name ends before a verb that begins inside it (张宏认为)
    ("华中科技大学教授张宏认为，政策力度大。",
     {("张宏", "worksFor", "华中科技大学"), ("张宏", "jobTitle", "教授")}),
    # a title that would leave no organisation gives way to a shorter one (…办公室 + 主任)
    ("国家互联网信息办公室主任孟庆丰出席。",
     {("孟庆丰", "worksFor", "中央网络安全和信息化委员会办公室"), ("孟庆丰", "jobTitle", "主任")}),
    # two people joined by 和
    ("中国工经联会长李某中和重庆市原市长黄某帆发表主旨演讲。",
     {("李某中", "worksFor", "中国工业经济联合会"), ("李某中", "jobTitle", "会长"),
      ("黄某帆", "jobTitle", "原市长")}),
]

NEGATIVE = [
    # a reporter who learns something is no one named 从工业 or 提问时
    "9月11日，记者从工业和信息化部获悉。",
    "在回答记者提问时，他表示。",
    "昨天，中国科学院、中国工程院公布两年一次的院士增选结果。",
    "17日上午举行党的二十大首场记者招待会。",
    "来自中国科学院、中国工程院的20多位院士出席大会。",
    "大会由中国科学技术协会指导。",
    "千兆用户规模提升至3389万户。",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_posts(resources, text, expected):
    got = triples(posts.extract(make_article(text), resources))
    assert got == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_posts(resources, text):
    assert list(posts.extract(make_article(text), resources)) == []


def test_evidence_points_at_the_sentence(resources):
    article = make_article("第一句。工业和信息化部总工程师韩夏出席会议。")
    fact = next(iter(posts.extract(article, resources)))
    ev = fact.evidence
    assert ev.extractor == "posts"
    assert article.text[ev.start:ev.end] == ev.sentence == "工业和信息化部总工程师韩夏出席会议。"
    assert article.text[fact.subject.start:fact.subject.end] == "韩夏"


@pytest.mark.parametrize("text,expected", [
    # 公司 / 该集团: the company the article named in full before
    ("5月20日，浙江某某智能制造股份有限公司召开股东大会。会议由公司董事长方某栋主持。",
     {("方某栋", "jobTitle", "董事长"), ("方某栋", "worksFor", "浙江某某智能制造股份有限公司")}),
    ("某某控股集团今天发布年报。该集团总裁李某明表示，海外收入增长。",
     {("李某明", "jobTitle", "总裁"), ("李某明", "worksFor", "某某控股集团")}),
    # 集团, 该行, 该校: the body of that kind the article named; 公司: the one company it named
    # by its trade when it named none in full
    ("青禾集团召开年度大会。集团董事长李某明出席会议。",
     {("李某明", "jobTitle", "董事长"), ("李某明", "worksFor", "青禾集团")}),
    ("记者从青禾银行获悉，该行董事会秘书李某明表示，分红不变。",
     {("李某明", "jobTitle", "董事会秘书"), ("李某明", "worksFor", "青禾银行")}),
    ("青禾大学举行开学典礼。该校校长李某明致辞。",
     {("李某明", "jobTitle", "校长"), ("李某明", "worksFor", "青禾大学")}),
    ("青禾证券近日举行发布会，公司首席经济学家李某明表示看好市场。",
     {("李某明", "jobTitle", "首席经济学家"), ("李某明", "worksFor", "青禾证券")}),
    # two companies named: which one 公司 is, unsaid
    ("青禾证券与白杨银行签约。公司董事长李某明表示满意。", {("李某明", "jobTitle", "董事长")}),
    ("该行行长李某明表示，今年将加大投入。", {("李某明", "jobTitle", "行长")}),
    # a title inside a firm's name (律师事务所) is not the post
    ("浙江某某律师事务所律师徐某、吴某现场见证。",
     {("徐某", "jobTitle", "律师"), ("徐某", "worksFor", "浙江某某律师事务所"),
      ("吴某", "jobTitle", "律师"), ("吴某", "worksFor", "浙江某某律师事务所")}),
])
def test_the_company_an_article_is_about_and_firms(resources, text, expected):
    assert triples(posts.extract(make_article(text), resources)) == expected


def test_company_with_none_named_gives_the_post_alone(resources):
    # one node called 公司 would join every article's company into one
    found = triples(posts.extract(make_article("会议由公司董事长方某栋主持。"), resources))
    assert found == {("方某栋", "jobTitle", "董事长")}


@pytest.mark.parametrize("text,company", [
    ("青禾科技（600321）晚间公告，公司董事长方某栋表示，订单充足。", "青禾科技"),
    ("据报道，青禾科技(300456.SZ)发布公告称，公司董事长方某栋表示，订单充足。", "青禾科技"),
    ("青禾科技（股票代码：002875）公告，公司董事长方某栋表示，订单充足。", "青禾科技"),
    ("青禾控股(01234.HK)公告，公司董事长方某栋表示，订单充足。", "青禾控股"),
])
def test_company_is_the_one_with_a_stock_code(resources, text, company):
    found = triples(posts.extract(make_article(text), resources))
    assert ("方某栋", "worksFor", company) in found


@pytest.mark.parametrize("text,expected", [
    # a deputy right after the head names the same body
    ("某某市发展改革委主任张三、副主任李四出席。",
     {("张三", "jobTitle", "主任"), ("张三", "worksFor", "某某市发展改革委"),
      ("李四", "jobTitle", "副主任"), ("李四", "worksFor", "某某市发展改革委")}),
    # a company's officers one after another
    ("某某公司董事长张三，总经理李四参加会议。",
     {("张三", "jobTitle", "董事长"), ("张三", "worksFor", "某某公司"),
      ("李四", "jobTitle", "总经理"), ("李四", "worksFor", "某某公司")}),
    # a post of another family is no colleague's (教授 after 校长)
    ("某某大学校长张三、教授李四出席。",
     {("张三", "jobTitle", "校长"), ("张三", "worksFor", "某某大学"), ("李四", "jobTitle", "教授")}),
])
def test_a_colleague_named_right_after_holds_the_post_in_the_same_body(resources, text, expected):
    assert triples(posts.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text,expected", [
    # 总领事馆 is a body, not 总领事 + 馆
    ("某某国驻沪总领事馆总领事张某出席。",
     {("张某", "jobTitle", "总领事"), ("张某", "worksFor", "某某国驻沪总领事馆")}),
    # a branch is the employer and 行长 the post
    ("某某银行长沙分行行长周某介绍。", {("周某", "jobTitle", "行长"), ("周某", "worksFor", "某某银行长沙分行")}),
    # 说 and 以 after a name are no part of it
    ("某某公司总经理夏某说：“今年很好。”", {("夏某", "jobTitle", "总经理"), ("夏某", "worksFor", "某某公司")}),
    ("某某协会名誉会长于某以视频方式致辞。", {("于某", "jobTitle", "名誉会长"), ("于某", "worksFor", "某某协会")}),
])
def test_bodies_and_name_ends(resources, text, expected):
    assert triples(posts.extract(make_article(text), resources)) == expected


def test_a_chain_of_posts_after_another_persons_verb_keeps_its_body(resources):
    found = triples(posts.extract(make_article("区长范某军会见某某集团党委书记、董事长梁某康。"), resources))
    assert ("梁某康", "worksFor", "某某集团") in found
    assert ("梁某康", "jobTitle", "党委书记、董事长") in found or ("梁某康", "jobTitle", "董事长") in found


@pytest.mark.parametrize("text,expected", [
    # officers one after another serve the company named first
    ("东禾建工集团总裁王某远，副总裁李某生，总裁助理赵某燕出席签约仪式。",
     {("赵某燕", "worksFor", "东禾建工集团"), ("赵某燕", "jobTitle", "总裁助理")}),
    ("东禾建工集团董事长王某远，财务总监李某生，独立董事赵某燕通过网络参会。",
     {("赵某燕", "worksFor", "东禾建工集团"), ("赵某燕", "jobTitle", "独立董事")}),
    # a company by its short name (a name and its trade) before an officer's post
    ("东禾科技董事长王某远出席会议。", {("王某远", "worksFor", "东禾科技")}),
    ("东禾股份董事会秘书李某生表示，订单充足。",
     {("李某生", "worksFor", "东禾股份"), ("李某生", "jobTitle", "董事会秘书")}),
    # a short name the article defined for the company
    ("南港某某金融控股有限公司（以下简称“某某金融”）与东禾建工集团签约。某某金融主席陈某强出席签约仪式。",
     {("陈某强", "worksFor", "南港某某金融控股有限公司")}),
    ("东禾西部建设股份有限公司（以下简称“股份公司”）召开业绩说明会。股份公司党委书记、董事长王某远出席。",
     {("王某远", "worksFor", "东禾西部建设股份有限公司")}),
])
def test_company_officers_short_names_and_aliases(resources, text, expected):
    assert expected <= triples(posts.extract(make_article(text), resources))


def test_an_industry_is_no_company(resources):
    found = triples(posts.extract(make_article("新能源汽车董事长王某远出席。"), resources))
    assert not {t for t in found if t[1] == "worksFor"}


@pytest.mark.parametrize("text,expected", [
    # a board announcement: the company, not its board of a term
    ("东禾科技股份有限公司召开董事会，会议选举王某远为公司第七届董事会董事长。",
     {("王某远", "worksFor", "东禾科技股份有限公司"), ("王某远", "jobTitle", "董事长")}),
    ("东禾科技股份有限公司召开董事会。选举王某远同志(简历附后)担任公司第五届董事会董事长。",
     {("王某远", "worksFor", "东禾科技股份有限公司"), ("王某远", "jobTitle", "董事长")}),
    ("东禾科技股份有限公司召开董事会。辞职后，李某生先生仍担任公司总裁。",
     {("李某生", "worksFor", "东禾科技股份有限公司"), ("李某生", "jobTitle", "总裁")}),
    # 之日止 ends a term; it is nobody's name
    ("王某远代行总经理职责，期限至董事会聘任新任总经理之日止。", set()),
])
def test_board_announcements(resources, text, expected):
    found = triples(posts.extract(make_article(text), resources))
    assert expected <= found
    assert not {t for t in found if "之日" in t[0]}


def test_with_before_an_employer_is_no_part_of_it(resources):
    found = triples(posts.extract(make_article(
        "东湖市市长王某远，与白杨银行党委副书记、行长郑某新一行会面。"), resources))
    assert ("郑某新", "worksFor", "白杨银行") in found
    # inside a name it stays
    found = triples(posts.extract(make_article("国家创新与发展战略研究会副主席黄某帆发言。"), resources))
    assert ("黄某帆", "worksFor", "国家创新与发展战略研究会") in found


@pytest.mark.parametrize("text,expected", [
    # a body's leaders named with no post of their own: worksFor, no jobTitle
    ("白杨总公司领导朱某、王某海、徐某参加签约仪式。",
     {("朱某", "worksFor", "白杨总公司"), ("王某海", "worksFor", "白杨总公司"),
      ("徐某", "worksFor", "白杨总公司")}),
    ("区领导苏某、吕某，上交所领导徐某林、张某京等共同参加会见。",
     {("徐某林", "worksFor", "上海证券交易所"), ("张某京", "worksFor", "上海证券交易所")}),
    # a place's leaders serve its party or its government: which one is not said
    ("呼和浩特市领导刘某、李某清出席。", set()),
    ("公司领导高度重视。", set()),
])
def test_a_bodys_leaders(resources, text, expected):
    assert triples(posts.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text,code", [
    ("600123", True), ("600123.SH", True), ("00700", True), ("0700.HK", True),
    ("SZ 000123,HK 00123", True), ("股票代码：002993", True),
    ("2023", False), ("北京", False), ("600123，北京", False),
])
def test_one_reading_of_stock_codes(text, code):
    from kg.mentions import orgs

    assert orgs.is_stock_code(text) is code


@pytest.mark.parametrize("text,expected", [
    # the posts in an apposition after the name, in brackets or between commas
    ("李某明（青禾科技股份有限公司董事长）表示，订单充足。",
     {("李某明", "jobTitle", "董事长"), ("李某明", "worksFor", "青禾科技股份有限公司")}),
    ("李某明，青禾证券首席经济学家，在会上表示。",
     {("李某明", "jobTitle", "首席经济学家"), ("李某明", "worksFor", "青禾证券")}),
    # a body named in full, then 的
    ("青禾科技股份有限公司的董事长李某明表示。",
     {("李某明", "jobTitle", "董事长"), ("李某明", "worksFor", "青禾科技股份有限公司")}),
    # a company by its short name before a compound post or a founder's
    ("青禾科技董事长兼总经理李某明表示。",
     {("李某明", "jobTitle", "董事长兼总经理"), ("李某明", "worksFor", "青禾科技")}),
    ("青禾资本创始合伙人李某明表示。",
     {("李某明", "jobTitle", "创始合伙人"), ("李某明", "worksFor", "青禾资本")}),
    ("青禾科技联合创始人兼CEO李某明表示。",
     {("李某明", "jobTitle", "联合创始人兼CEO"), ("李某明", "worksFor", "青禾科技")}),
    ("青禾农商行董事长李某明表示。",
     {("李某明", "jobTitle", "董事长"), ("李某明", "worksFor", "青禾农商行")}),
    # the outlet before a reporter's title is the employer; a count or 本报 is none
    ("青禾财经新闻记者李某明报道。", {("李某明", "jobTitle", "记者"), ("李某明", "worksFor", "青禾财经新闻")}),
    ("来自青禾新闻的记者李某明提问。", {("李某明", "jobTitle", "记者"), ("李某明", "worksFor", "青禾新闻")}),
    ("本报记者李某明报道。", {("李某明", "jobTitle", "记者")}),
    ("多名记者李某明等提问。", {("李某明", "jobTitle", "记者")}),
    ("外国媒体记者李某明提问。", {("李某明", "jobTitle", "记者")}),
    # finance posts: analysts by field, directors of a function, the institute an 该所 refers to
    ("在青禾证券研究所所长、首席策略分析师李某明看来，行情有望延续。",
     {("李某明", "jobTitle", "首席策略分析师"), ("李某明", "worksFor", "青禾证券研究所")}),
    ("青禾资产总经理兼投资总监李某明对记者表示。",
     {("李某明", "jobTitle", "总经理兼投资总监"), ("李某明", "worksFor", "青禾资产")}),
    ("青禾证券研究所发布报告。该所首席宏观经济学家李某明建议增配。",
     {("李某明", "jobTitle", "首席宏观经济学家"), ("李某明", "worksFor", "青禾证券研究所")}),
    # colleagues after a company's officer, joined by 、 or 及; two names sharing one post
    ("青禾证券董事长王某、总裁李某明出席。",
     {(n, "worksFor", "青禾证券") for n in ("王某", "李某明")}
     | {("王某", "jobTitle", "董事长"), ("李某明", "jobTitle", "总裁")}),
    ("青禾集团董事长王某及总裁李某明出席。",
     {(n, "worksFor", "青禾集团") for n in ("王某", "李某明")}
     | {("王某", "jobTitle", "董事长"), ("李某明", "jobTitle", "总裁")}),
    ("青禾银行行长王某，副行长李某明、赵某出席。",
     {(n, "worksFor", "青禾银行") for n in ("王某", "李某明", "赵某")}
     | {("王某", "jobTitle", "行长"), ("李某明", "jobTitle", "副行长"), ("赵某", "jobTitle", "副行长")}),
    ("青禾投资首席策略师李某明表示。",
     {("李某明", "jobTitle", "首席策略师"), ("李某明", "worksFor", "青禾投资")}),
    # a biography, a note on a photo, a pronoun's secretary: no posts
    ("李某明，男，汉族，1970年生。", set()),
    ("李某明（右）与王某握手。", set()),
    ("他的秘书李某明表示。", set()),
])
def test_posts_after_the_name_and_short_company_names(resources, text, expected):
    assert triples(posts.extract(make_article(text), resources)) == expected


ANNOUNCED = "青禾科技（301622.SZ）召开股东大会。"


@pytest.mark.parametrize("text,expected", [
    # a board's elections in a listed company's announcement: its company, name by name
    (ANNOUNCED + "会议选举李某明、王某为公司第三届董事会非独立董事，选举赵某为第三届董事会独立董事。",
     {("李某明", "jobTitle", "非独立董事"), ("李某明", "worksFor", "青禾科技"),
      ("王某", "jobTitle", "非独立董事"), ("王某", "worksFor", "青禾科技"),
      ("赵某", "jobTitle", "独立董事"), ("赵某", "worksFor", "青禾科技")}),
    (ANNOUNCED + "会议选举王建国为董事长，聘任李某明为总经理。",
     {("王建国", "jobTitle", "董事长"), ("王建国", "worksFor", "青禾科技"),
      ("李某明", "jobTitle", "总经理"), ("李某明", "worksFor", "青禾科技")}),
    # the verb before 公司 is no part of it; the company with the stock code is 公司
    (ANNOUNCED + "会议同意聘任公司副总经理李某明为总经理。",
     {("李某明", "jobTitle", "副总经理"), ("李某明", "worksFor", "青禾科技")}),
    # 公司 is the company with the stock code, not a "…公司" the text happens to hold
    ("青禾科技（301622.SZ）股东大会在深圳市南山区公司总部召开，公司董事长李某明主持。",
     {("李某明", "jobTitle", "董事长"), ("李某明", "worksFor", "青禾科技")}),
    # a government's appointment gives no company
    ("市人大常委会任命王建国为副市长。", {("王建国", "jobTitle", "副市长")}),
    # 该行's officers one after another
    ("青禾银行（601588.SH）发布半年报。该行董事长王某，行长李某明，副行长兼首席财务官赵某出席。",
     {(n, "worksFor", "青禾银行") for n in ("王某", "李某明", "赵某")}
     | {("王某", "jobTitle", "董事长"), ("李某明", "jobTitle", "行长"),
        ("赵某", "jobTitle", "副行长兼首席财务官")}),
])
def test_a_listed_companys_announcements(resources, text, expected):
    assert triples(posts.extract(make_article(text), resources)) == expected


# 我校 is the school the article names, never a body of another kind (某某科学院 ends in 学院)
OUR_SCHOOL = [
    ("东海大学消息，我校王某明教授当选院士。",
     {("王某明", "jobTitle", "教授"), ("王某明", "worksFor", "东海大学")}),
    ("某某科学院公布增选结果，我校王某明教授当选院士。", {("王某明", "jobTitle", "教授")}),
]


@pytest.mark.parametrize("text,expected", OUR_SCHOOL)
def test_our_school_is_the_school_the_article_names(resources, text, expected):
    assert triples(posts.extract(make_article(text), resources)) == expected


# a company's own department, committee or region: the post is a post of the company
COMPANY_DEPARTMENTS = [
    ("某某银行私人银行部总经理邹某彦出席。", "某某银行"),
    ("某某证券股份有限公司财富管理委员会主任邵某鸣出席。", "某某证券股份有限公司"),
    ("荷兰某某农业科技公司亚太区总裁扬·德某斯出席。", "荷兰某某农业科技公司"),
]


@pytest.mark.parametrize("text,employer", COMPANY_DEPARTMENTS)
def test_a_company_department_post_is_a_post_of_the_company(resources, text, employer):
    found = {o for _s, p, o in triples(posts.extract(make_article(text), resources)) if p == "worksFor"}
    assert found == {employer}
