"""awards, case by case: the behaviours mutation testing found no test for (sentences of our own).

Besides the triples, every mention must point at its words in the article: a wrong offset
puts the evidence of a fact in the wrong place.
"""
from __future__ import annotations

import unicodedata

import pytest

from kg.extractors import awards
from kg.model import Value
from tests import test_extract_awards as earlier
from tests.conftest import make_article, triples

_FOREST = "国家森林城市"

CASES = [
    # people as awardees: a name alone, or after their employer and post
    ("张某某荣获全国五一劳动奖章。", {("张某某", "awardedTitle", "全国五一劳动奖章")}),
    ("李某某荣获“全国劳动模范”称号。", {("李某某", "awardedTitle", "全国劳动模范")}),
    ("某某公司工程师李某荣获全国五一劳动奖章。",
     {("李某", "awardedTitle", "全国五一劳动奖章"), ("李某", "jobTitle", "工程师"),
      ("李某", "worksFor", "某某公司")}),
    # a place by its short name, a town below the gazetteer, an organisation (荣誉称号 dropped)
    ("南京荣获全国文明城市称号。", {("南京市", "awardedTitle", "全国文明城市")}),
    ("某某镇荣获国家卫生乡镇称号。", {("某某镇", "awardedTitle", "国家卫生乡镇")}),
    ("某某公司荣获“全国质量奖”荣誉称号。", {("某某公司", "awardedTitle", "全国质量奖")}),
    # newly elected: the employer is the last part of the note
    ("新当选的中国工程院院士：王某(某某大学)、李某(化学部，某某研究院)。",
     {("王某", "awardedTitle", "中国工程院院士"), ("王某", "worksFor", "某某大学"),
      ("李某", "awardedTitle", "中国工程院院士"), ("李某", "worksFor", "某某研究院")}),
    # the active voice: the list after 授予, quoted or after a count; the passive with its agent
    ("国家某某局授予南京市、苏州市“国家历史文化名城”称号。",
     {("南京市", "awardedTitle", "国家历史文化名城"), ("苏州市", "awardedTitle", "国家历史文化名城")}),
    ("国家某某局授予南京市“国家历史文化名城”。", {("南京市", "awardedTitle", "国家历史文化名城")}),
    ("某某部授予某某公司等3家企业全国质量标杆企业称号。",
     {("某某公司", "awardedTitle", "全国质量标杆企业")}),
    ("南京市、苏州市被国家某某局授予“国家历史文化名城”称号。",
     {("南京市", "awardedTitle", "国家历史文化名城"), ("苏州市", "awardedTitle", "国家历史文化名城")}),
    # 上榜/入选 after the list the sentence named (公布了, 发布了, 印发), a partial list (等)
    ("有关部门公布了全国文明城市名单，南京市等10个城市上榜。", {("南京市", "awardedTitle", "全国文明城市")}),
    ("某某部发布了国家森林城市名单，南京市等10个城市入选。", {("南京市", "awardedTitle", _FOREST)}),
    ("国务院办公厅印发第三批国家文化名镇名单，南京市等20个地区上榜。",
     {("南京市", "awardedTitle", "第三批国家文化名镇")}),
    # 入选 after a document the article named before
    ("某某部公布《第二批国家智慧城市试点名单》。南京市、苏州市成功入选。",
     {("南京市", "awardedTitle", "第二批国家智慧城市试点名单"),
      ("苏州市", "awardedTitle", "第二批国家智慧城市试点名单")}),
    ("某某部公布《第二批国家智慧城市试点名单》。南京市等5个城市入选。",
     {("南京市", "awardedTitle", "第二批国家智慧城市试点名单")}),
    # a verb that opens the sentence; a list in the second sentence (its offsets are that one's)
    ("授予南京市“国家森林城市”称号。", {("南京市", "awardedTitle", _FOREST)}),
    ("会议指出。甲乙医药集团、丙丁化工等2家企业入选服务业百强。",
     {(c, "awardedTitle", "服务业百强") for c in ("甲乙医药集团", "丙丁化工")}),
    # a rank after a quoted title is not part of it
    ("昆山市获评“全国综合实力百强县前十名”。", {("昆山市", "awardedTitle", "全国综合实力百强县")}),
    # lists set out line by line under a heading that names the title (numbered, counted,
    # with a year, 名单), and a new title for each heading
    ("一、国家森林城市（2个）\n南京市\n苏州市", {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("（一）国家森林城市\n南京市\n苏州市", {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("国家森林城市名单（共2个）\n南京市\n苏州市", {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("2023年国家森林城市名单\n南京市\n苏州市", {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("国家森林城市\n南京市\n苏州市\n国家园林城市\n无锡市\n常州市",
     {("南京市", "awardedTitle", _FOREST), ("苏州市", "awardedTitle", _FOREST),
      ("无锡市", "awardedTitle", "国家园林城市"), ("常州市", "awardedTitle", "国家园林城市")}),
    ("国家森林城市名单（3个）\n省会城市（2个）\n南京市\n杭州市\n其他城市（1个）\n苏州市",
     {(c, "awardedTitle", _FOREST) for c in ("南京市", "杭州市", "苏州市")}),
    # a count after 授予: the list of that many lines under the heading that names the title
    ("国家某某局授予3个城市“国家森林城市”称号。\n一、国家森林城市（3个）\n南京市\n苏州市\n无锡市\n"
     "二、其他（2个）\n常州市\n扬州市",
     {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市", "无锡市")}),
    ("国家某某局授予2个城市“国家森林城市”称号。\n名单\n南京市\n苏州市\n附件\n无锡市\n常州市\n扬州市",
     {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    # rankings: the list named in the sentence (…榜单中), a heading above a colon line
    ("在全国综合实力百强市榜单中，南京市、苏州市分列第一和第二。",
     {(c, "awardedTitle", "全国综合实力百强市") for c in ("南京市", "苏州市")}),
    ("2023年全国综合实力百强县\n排名前三的县市依次为：\n昆山市\n江阴市\n晋江市",
     {(c, "awardedTitle", "全国综合实力百强县") for c in ("昆山市", "江阴市", "晋江市")}),
    # naming sentences: 确认…为T (a note on where the list is dropped), 命名 towns
    ("现确认南京市等2个城市为国家森林城市（名单见附件）。", {("南京市", "awardedTitle", _FOREST)}),
    ("现命名某某镇等2个乡镇为国家卫生乡镇。\n南京市：某某镇、某某乡",
     {("某某镇", "awardedTitle", "国家卫生乡镇"), ("某某乡", "awardedTitle", "国家卫生乡镇")}),
    # a colon list after a title named before the colon, or after a count an earlier sentence gave
    ("获评“全国综合实力百强市”的城市分别是：南京市、苏州市。",
     {(c, "awardedTitle", "全国综合实力百强市") for c in ("南京市", "苏州市")}),
    ("获评全国综合实力百强市的城市分别是：南京市、苏州市。",
     {(c, "awardedTitle", "全国综合实力百强市") for c in ("南京市", "苏州市")}),
    ("今年有2个城市获评“国家森林城市”称号。这2个城市是：南京市、苏州市。",
     {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    # ...unquoted there, and up to five sentences back
    ("今年有2个城市获评国家森林城市。这2个城市是：南京市、苏州市。",
     {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("今年有2个城市获评国家森林城市。第二句。第三句。第四句。第五句。这2个城市是：南京市、苏州市。",
     {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("“全国文明城市”名单如下：南京市、苏州市。",
     {(c, "awardedTitle", "全国文明城市") for c in ("南京市", "苏州市")}),
    ("《全国文明城市名单》如下：南京市、苏州市。",
     {(c, "awardedTitle", "全国文明城市") for c in ("南京市", "苏州市")}),
    ("全国文明城市\n入选城市分别是：南京市、苏州市。",
     {(c, "awardedTitle", "全国文明城市") for c in ("南京市", "苏州市")}),
    ("全国百强县\n名单如下：\n昆山市\n江阴市", {(c, "awardedTitle", "全国百强县") for c in ("昆山市", "江阴市")}),
    # a person after posts the list parser cannot type
    ("某某大学教授、博士生导师刘某荣获全国五一劳动奖章。", {("刘某", "awardedTitle", "全国五一劳动奖章")}),
    ("某某公司总经理、工程师李某某荣获全国五一劳动奖章。", {("李某某", "awardedTitle", "全国五一劳动奖章")}),
    # headings: spaces before, a quoted title, a batch note before the count, a ranking (榜, 榜单)
    ("  一、国家森林城市（2个）\n南京市\n苏州市", {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("“国家森林城市”名单（2个）\n南京市\n苏州市", {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("国家森林城市（第一批）（2个）\n南京市\n苏州市",
     {(c, "awardedTitle", _FOREST) for c in ("南京市", "苏州市")}),
    ("城市榜\n南京市\n苏州市", {(c, "awardedTitle", "城市榜") for c in ("南京市", "苏州市")}),
    ("全国百强榜单\n南京市\n苏州市", {(c, "awardedTitle", "全国百强") for c in ("南京市", "苏州市")}),  # 榜单 after a ranking only says it is a list
    # naming sentences: a quoted title, two titles (towns, 县城), a note after the title
    ("经评选，命名南京市等2个城市为“国家森林城市”。", {("南京市", "awardedTitle", _FOREST)}),
    ("决定命名某某镇等2个乡镇为国家卫生乡镇，某某县城等1个县城为国家卫生县城。",
     {("某某镇", "awardedTitle", "国家卫生乡镇"), ("某某县城", "awardedTitle", "国家卫生县城")}),
    ("命名南京市等2个城市为国家森林城市（名单）。", {("南京市", "awardedTitle", _FOREST)}),
    # rankings: who published the list and its year are not part of its name
    ("在某某研究院发布的2023年全国百强县榜单中，昆山市、江阴市位列前二。",
     {(c, "awardedTitle", "全国百强县") for c in ("昆山市", "江阴市")}),
    ("在某某研究院公布的全国百强县名单中，昆山市、江阴市位列前二。",
     {(c, "awardedTitle", "全国百强县") for c in ("昆山市", "江阴市")}),
    ("在新近揭晓的全国百强县榜单中，昆山市、江阴市位列前二。",
     {(c, "awardedTitle", "全国百强县") for c in ("昆山市", "江阴市")}),
    ("全国百强县排行榜揭晓，昆山市、江阴市分列第一和第二。",
     {(c, "awardedTitle", "全国百强县") for c in ("昆山市", "江阴市")}),
    # an attachment's heading names the list; a note on it is no part of the title, and the
    # province sub-headings below it go on with the same list
    ("附件：第七批国家级某某设计中心名单（节选）\n北京市（2家）\n北京某某设计有限公司\n"
     "北京某某装备股份有限公司\n江苏省（1家）\n常州某某科技股份有限公司",
     {(c, "awardedTitle", "国家级某某设计中心") for c in
      ("北京某某设计有限公司", "北京某某装备股份有限公司", "常州某某科技股份有限公司")}),
    # sites named with their place are awardees
    ("文旅部公布第四批国家级夜间文化和旅游消费集聚区名单，我省以下2个项目上榜：\n"
     "1．南昌市东湖区某某文化街区\n2．宜春市袁州区某某夜市",
     {(c, "awardedTitle", "国家级夜间文化和旅游消费集聚区") for c in
      ("南昌市东湖区某某文化街区", "宜春市袁州区某某夜市")}),
    # a table under the sentence that names the list; the region column is no awardee
    ("近日，生态环境部公布第六批国家生态文明建设示范区名单。\n序号 | 省份 | 名称 |\n"
     "1 | 江苏省 | 南京市江宁区 |\n2 | 浙江省 | 安吉县 |",
     {(c, "awardedTitle", "国家生态文明建设示范区") for c in ("江宁区", "安吉县")}),
    ("某省公布2030年度某省隐形冠军企业名单。\n本市入选企业名单如下：\n序号　企业名称　所在地区\n"
     "1　宁波某某密封科技有限公司　北仑区\n2　宁波某某轴承有限公司　慈溪市",
     {(c, "awardedTitle", "某省隐形冠军企业") for c in ("宁波某某密封科技有限公司", "宁波某某轴承有限公司")}),
    # several titles on one verb
    ("安吉县先后荣获全国文明城市、国家卫生县城和省级平安县等称号。",
     {("安吉县", "awardedTitle", t) for t in ("全国文明城市", "国家卫生县城", "省级平安县")}),
    ("安吉县先后被命名为“国家生态县”“中国天然氧吧”。",
     {("安吉县", "awardedTitle", t) for t in ("国家生态县", "中国天然氧吧")}),
    ("杭州市获评全国文明城市和国家园林城市。",
     {("杭州市", "awardedTitle", t) for t in ("全国文明城市", "国家园林城市")}),
    ("安吉县先后荣获全国某某试点县、全国乡村建设样本县，全省某某工作先进集体、省级平安县等多项荣誉。",
     {("安吉县", "awardedTitle", t) for t in ("全国某某试点县", "全国乡村建设样本县", "全省某某工作先进集体",
                                          "省级平安县")}),
    # ... up to a clause of its own
    ("安吉县获评全国文明城市、国家卫生县城，成为全省唯一的示范县。",
     {("安吉县", "awardedTitle", t) for t in ("全国文明城市", "国家卫生县城")}),
    # a title with 和 inside it stays whole
    ("某某街区入选国家级夜间文化和旅游消费集聚区。",
     {("某某街区", "awardedTitle", "国家级夜间文化和旅游消费集聚区")}),
    # 我县: the county the article is about
    ("安吉县召开大会。安吉县位于浙江。2021年，我县先后荣获全国乡村建设样本县。",
     {("安吉县", "awardedTitle", "全国乡村建设样本县")}),
    ("此前，南昌市某某历史文化街区已入选第一批国家级夜间文化和旅游消费集聚区。",
     {("南昌市某某历史文化街区", "awardedTitle", "国家级夜间文化和旅游消费集聚区")}),
    # a category the article named opens the sentence, and the list after it 上榜 with no object;
    # organisations are read before the places inside their names
    ("某部发布绿色制造名单，其中包括绿色工厂30家。绿色工厂中，武汉某某汽车有限公司、某某建材有限公司上榜。",
     {(c, "awardedTitle", "绿色工厂") for c in ("武汉某某汽车有限公司", "某某建材有限公司")}),
    # ... and after a colon, on a line of its own
    ("2030年国家园林城市和国家园林县城名单公布。\n国家园林城市：迁安市、武安市。\n国家园林县城：沛县、丰县。",
     {("迁安市", "awardedTitle", "国家园林城市"), ("武安市", "awardedTitle", "国家园林城市"),
      ("沛县", "awardedTitle", "国家园林县城"), ("丰县", "awardedTitle", "国家园林县城")}),
    # 命名N个城市为T with no list in the sentence: the lines after it, grouped by province
    ("某部命名3个城市为国家园林城市。名单如下：\n河北省　迁安市　武安市\n山西省　介休市",
     {(c, "awardedTitle", "国家园林城市") for c in ("迁安市", "武安市", "介休市")}),
    # 命名A、B、C等N个…为T: every item of the list before 等
    ("某部命名迁安市、武安市、介休市等3个城市为国家园林城市。",
     {(c, "awardedTitle", "国家园林城市") for c in ("迁安市", "武安市", "介休市")}),
    # passing a title's review keeps it; communities and villages are awardees
    ("某某汽车有限公司、某某银行某某分行2家单位本次均通过了全国文明单位复查。",
     {(c, "awardedTitle", "全国文明单位") for c in ("某某汽车有限公司", "某某银行某某分行")}),
    ("某某自来水有限公司、昌国街道某某社区被评为全国文明单位；岱西镇某某村被评为全国文明村镇。",
     {("某某自来水有限公司", "awardedTitle", "全国文明单位"), ("某某社区", "awardedTitle", "全国文明单位"),
      ("某某村", "awardedTitle", "全国文明村镇")}),
    # a ranking published just before the places or companies ranked on it
    ("某某协会发布2030全国县域经济百强。昆山市、江阴市分列第一和第二位。",
     {(c, "awardedTitle", "2030全国县域经济百强") for c in ("昆山市", "江阴市")}),
    # the selected ones of a list the article named, whatever its name ends with
    ("2030年度某市十佳美丽乡村名单出炉。去年开展了评选。最终入选的2个乡村分别为：川店镇甲家村、岑河镇乙家村。",
     {(c, "awardedTitle", "某市十佳美丽乡村") for c in ("甲家村", "乙家村")}),
    # a body's published title counted after it (某部公布的T共N个，分别是…)
    ("某部公布的第七批国家园林城市共2个，分别是：迁安市、武安市。",
     {(c, "awardedTitle", "国家园林城市") for c in ("迁安市", "武安市")}),
    # places grouped by province in one sentence, the title before the first colon
    ("第七批国家园林城市名单如下：河北省：迁安市、武安市；山西省：介休市。",
     {(c, "awardedTitle", "国家园林城市") for c in ("迁安市", "武安市", "介休市")}),
    # lines: markdown bullets; a table set out one cell a line (header cells, serial numbers
    # and the region after each company are no items); a municipality heading its districts
    ("某部公布2030年度国家级绿色工厂名单，我市以下企业入选：\n- 甲乙科技股份有限公司\n- 丙丁机械有限公司",
     {(c, "awardedTitle", "国家级绿色工厂") for c in ("甲乙科技股份有限公司", "丙丁机械有限公司")}),
    ("某部公布第五批国家级绿色工厂名单，具体名单如下：\n序号\n企业名称\n所在地\n1\n甲乙科技股份有限公司\n海曙区"
     "\n2\n丙丁机械有限公司\n北仑区",
     {(c, "awardedTitle", "国家级绿色工厂") for c in ("甲乙科技股份有限公司", "丙丁机械有限公司")}),
    ("某部公布第二批国家全域旅游示范区名单。\n北京市\n怀柔区\n密云区\n1、河北省\n保定市易县",
     {(c, "awardedTitle", "国家全域旅游示范区") for c in ("怀柔区", "密云区", "易县")}),
    # people: a list of names counted with 人; lines of 姓名：单位，职务 under a 获奖名单, whose
    # 获奖 is no part of the title (and 获 in it no award verb)
    ("据悉，张三、李四、王五等3人当选为中国科学院院士。",
     {(c, "awardedTitle", "中国科学院院士") for c in ("张三", "李四", "王五")}),
    ("某会公布了2030年全国五一劳动奖章获奖名单，我省以下人员获奖：\n张三：某某集团有限公司，高级工程师\n"
     "李四（女）　某某大学教授",
     {("张三", "awardedTitle", "全国五一劳动奖章"), ("李四", "awardedTitle", "全国五一劳动奖章"),
      ("张三", "jobTitle", "高级工程师"), ("张三", "worksFor", "某某集团有限公司"),
      ("李四", "jobTitle", "教授"), ("李四", "worksFor", "某某大学")}),
    ("全国五一劳动奖章获得者名单\n张三　某某大学教授\n李四　某某医院主任医师",
     {("张三", "awardedTitle", "全国五一劳动奖章"), ("李四", "awardedTitle", "全国五一劳动奖章"),
      ("张三", "jobTitle", "教授"), ("张三", "worksFor", "某某大学"),
      ("李四", "jobTitle", "主任医师"), ("李四", "worksFor", "某某医院")}),
    # the title an award verb took just before a colon lead; provinces heading their
    # companies (with a count in brackets or after a space, or before a colon on the line);
    # the province after a block goes on with the block's title
    ("某部公布绿色制造名单。全国共有90家工厂入选国家级绿色工厂。以下为部分省份入选企业（节选）：\n"
     "江苏（2家）\n甲乙科技有限公司、丙丁材料有限公司\n浙江省（1家）：戊己纺织有限公司\n"
     "山东 2家\n庚辛机械有限公司\n壬癸食品有限公司",
     {(c, "awardedTitle", "国家级绿色工厂") for c in ("甲乙科技有限公司", "丙丁材料有限公司",
                                                  "戊己纺织有限公司", "庚辛机械有限公司", "壬癸食品有限公司")}),
    ("甲乙经济技术开发区、丙丁高新技术产业开发区等2家园区入选国家级绿色工业园区。",
     {(c, "awardedTitle", "国家级绿色工业园区") for c in ("甲乙经济技术开发区", "丙丁高新技术产业开发区")}),
    # one list's name joins two titles: each item takes the one that ends as it does;
    # a counted province before the colon groups the items; villages with their full path
    ("某部公布《第一批某某重点村和第一批某某重点镇（乡）名单》。\n具体名单如下。\n"
     "河北省（2个）：石家庄市平山县甲乙镇丙丁村、保定市易县戊己乡庚辛村。\n"
     "在第一批某某重点镇（乡）中，河北入选的有：保定市涞水县壬癸镇。",
     {("丙丁村", "awardedTitle", "某某重点村"), ("庚辛村", "awardedTitle", "某某重点村"),
      ("壬癸镇", "awardedTitle", "某某重点镇(乡)")}),
    # N个村入选，分别是: the list the article named before
    ("某部公布第一批某某重点村名单。湖南省共有2个村入选，分别是花垣县甲乙镇丙丁村、永定区戊己镇庚辛村。",
     {(c, "awardedTitle", "某某重点村") for c in ("丙丁村", "庚辛村")}),
    # 新命名的T有以下几个：then one item a line
    ("某会印发命名决定。\n新命名的国家卫生城市有以下几个：\n・河北省邢台市\n・山西省临汾市",
     {(c, "awardedTitle", "国家卫生城市") for c in ("邢台市", "临汾市")}),
    # 入选 with no object after a ranking (…榜) the sentence says was published
    ("近日，2030中国品牌价值榜发布，甲乙电器、丙丁乳业入选。",
     {(c, "awardedTitle", "2030中国品牌价值榜") for c in ("甲乙电器", "丙丁乳业")}),
    # those who pass the review keep the title of the review's list named in the sentence
    ("某部公布拟通过复核的第三批制造业单项冠军名单，某某液压股份有限公司和某某精锻集团有限公司等2家企业顺利通过复核。",
     {(c, "awardedTitle", "制造业单项冠军") for c in ("某某液压股份有限公司", "某某精锻集团有限公司")}),
    # people set out one a line with their employer and no post
    ("某院公布院士增选结果。以下为新当选院士名单：\n某某学部\n李志远 某某大学\n宋建国 某某研究院",
     {("李志远", "awardedTitle", "院士"), ("宋建国", "awardedTitle", "院士"),
      ("李志远", "worksFor", "某某大学"), ("宋建国", "worksFor", "某某研究院")}),
    # a line that names a quoted honour's list before a colon, then numbered people
    ("某会召开发布仪式。\n2030年度某省“最美乡村医生”名单：\n（一）李志远　男　某某镇卫生院医生\n"
     "（二）王秀兰　女　某某镇卫生院护士",
     {("李志远", "awardedTitle", "某省最美乡村医生"), ("王秀兰", "awardedTitle", "某省最美乡村医生"),
      ("李志远", "jobTitle", "医生"), ("李志远", "worksFor", "某某镇卫生院"),
      ("王秀兰", "jobTitle", "护士"), ("王秀兰", "worksFor", "某某镇卫生院")}),
    # a title that ends in 县城 is no town: it heads its own lines
    ("某部公布国家园林城市名单。\n国家园林城市（2个）\n迁安市、武安市\n国家园林县城（2个）\n沛县、丰县",
     {("迁安市", "awardedTitle", "国家园林城市"), ("武安市", "awardedTitle", "国家园林城市"),
      ("沛县", "awardedTitle", "国家园林县城"), ("丰县", "awardedTitle", "国家园林县城")}),
    # 将A等N个镇列为T (the disposal puts the awardees before the verb); the title ends before 并
    ("现决定将浙江省长兴县泗安镇等120个镇列为全国重点镇并予以公布。",
     {("泗安镇", "awardedTitle", "全国重点镇")}),
    ("拟将浙江省长兴县泗安镇等50个镇认定为第三批全国特色小镇。",
     {("泗安镇", "awardedTitle", "全国特色小镇")}),
    # one person named alone between 授予/追授 and the title, with or without 同志
    ("追授李长河同志“全省优秀共产党员”荣誉称号。", {("李长河", "awardedTitle", "全省优秀共产党员")}),
    ("授予李长河“全省劳动模范”荣誉称号。", {("李长河", "awardedTitle", "全省劳动模范")}),
    # names listed with a counter and a noun no list counts (3位医生), or with no count at all
    ("王明远、赵青、孙立夫3位医生获得“最美医生”称号。",
     {(n, "awardedTitle", "最美医生") for n in ("王明远", "赵青", "孙立夫")}),
    ("王明远、赵青和孙立夫获得“最美医生”称号。",
     {(n, "awardedTitle", "最美医生") for n in ("王明远", "赵青", "孙立夫")}),
    ("田某才等40名乡村教师被推选为“特别关注乡村教师”。", {("田某才", "awardedTitle", "特别关注乡村教师")}),
    # the quoted word after the list's count is the title (等12家“老字号”榜上有名)
    ("本市的东兴饭庄、南华茶社等12家“老字号”榜上有名。",
     {("东兴饭庄", "awardedTitle", "老字号"), ("南华茶社", "awardedTitle", "老字号")}),
    # 名列其中 / 列入其中 point back to the list (名单, 名录) just named
    ("公布第二批国家森林乡村名单，长兴县泗安镇白石村等30个村名列其中。",
     {("白石村", "awardedTitle", "第二批国家森林乡村")}),
    ("省里公示了第五批传统村落名录，包括安吉县鄣吴村、长兴县白岘村在内的12个村落列入其中。",
     {("鄣吴村", "awardedTitle", "第五批传统村落"), ("白岘村", "awardedTitle", "第五批传统村落")}),
    # a proposed list's words (拟命名名单) and 称号 are no part of the title
    ("其中，湖州市长兴县入选国家生态文明建设示范区拟命名名单。",
     {("长兴县", "awardedTitle", "国家生态文明建设示范区")}),
    ("2019年，第三批国家生态文明建设示范市县称号名单公布，长兴县入选。",
     {("长兴县", "awardedTitle", "第三批国家生态文明建设示范市县")}),
    # a table set out one cell a line: spaced header cells, province cells, counts, a row
    # that wraps after 、
    ("拟命名国家卫生城市（区）名单\n省 份\n数量\n城市（区）\n江 苏\n2\n苏州市、无锡市\n"
     "浙 江\n3\n宁波市、温州市、\n湖州市",
     {(c, "awardedTitle", "国家卫生城市(区)") for c in ("苏州市", "无锡市", "宁波市", "温州市", "湖州市")}),
    # a list named as a 名录: the title without the word
    ("决定将房山区史家营乡柳林水村等1336个村落列入中国传统村落名录。",
     {("柳林水村", "awardedTitle", "中国传统村落")}),
    # towns under a heading, grouped by district inline
    ("全国重点镇名单\n一、北京市（4个）\n门头沟区潭柘寺镇、斋堂镇,房山区窦店镇、长沟镇。",
     {(t, "awardedTitle", "全国重点镇") for t in ("潭柘寺镇", "斋堂镇", "窦店镇", "长沟镇")}),
    # people listed with where they come from; names of any origin when the note is a place
    ("扎西(西藏)、吴海林(广西)、张某龙(湖北)等10人获得“最美村医”荣誉称号。",
     {(n, "awardedTitle", "最美村医") for n in ("扎西", "吴海林", "张某龙")}),
    # the list named in quotes in the sentence before; city lines head their counties' towns
    ("住建部公布了最新“全国重点镇”名单，江西有124个镇入选！\n南昌市\n湾里区梅岭镇\n南昌县向塘镇、蒋巷镇\n"
     "景德镇市\n昌江区鲇鱼山镇",
     {(t, "awardedTitle", "全国重点镇") for t in ("梅岭镇", "向塘镇", "蒋巷镇", "鲇鱼山镇")}),
    # 省：姓名 单位职务 lines under 获得T的会员有：
    ("获得2030年全国五一劳动奖章的会员有：\n上海：江某源 某某中学教师\n吉林：高某燕 某某医院护士",
     {("江某源", "awardedTitle", "2030年全国五一劳动奖章"), ("江某源", "jobTitle", "教师"),
      ("江某源", "worksFor", "某某中学"), ("高某燕", "awardedTitle", "2030年全国五一劳动奖章"),
      ("高某燕", "jobTitle", "护士"), ("高某燕", "worksFor", "某某医院")}),
    # a post the titles lack, after the unit: the unit employs, the post is the job title
    ("2030年全国劳动模范名单：\n张某明（某某钢铁公司炼钢厂技术员）、李某华（某某县人民医院院长）",
     {("张某明", "awardedTitle", "全国劳动模范"), ("张某明", "jobTitle", "技术员"),
      ("张某明", "worksFor", "某某钢铁公司炼钢厂"), ("李某华", "awardedTitle", "全国劳动模范"),
      ("李某华", "jobTitle", "院长"), ("李某华", "worksFor", "某某县人民医院")}),
    # a school's department is an organisation, not a post and a name (汽车工 + 程系)
    ("某某职业学院汽车工程系、某某县第二实验小学获评全国教育系统先进集体。",
     {("某某职业学院汽车工程系", "awardedTitle", "全国教育系统先进集体"),
      ("某某县第二实验小学", "awardedTitle", "全国教育系统先进集体")}),
    # a table's header row (省份 | 示范区名单) names its columns: the title is the list named before
    ("文化和旅游部近日公示第二批国家全域旅游示范区名单，共97家单位入选。\n省份 | 示范区名单 |\n"
     "浙江省 | 安吉县、长兴县 |\n江苏省 | 昆山市、江阴市 |",
     {(c, "awardedTitle", "国家全域旅游示范区") for c in ("安吉县", "长兴县", "昆山市", "江阴市")}),
    # a heading 荣获T的个人/集体: the title is what those listed gained
    ("荣获全国五一劳动奖章的个人（2名）\n某某钢铁公司 张某明\n某某县人民医院 李某华",
     {("张某明", "awardedTitle", "全国五一劳动奖章"), ("张某明", "worksFor", "某某钢铁公司"),
      ("李某华", "awardedTitle", "全国五一劳动奖章"), ("李某华", "worksFor", "某某县人民医院")}),
    # 某市12个村入选T as a heading; villages after their townships, closed by 共计12村
    ("湖州市12个村入选第五批中国传统村落\n其中安吉县鄣吴镇鄣吴村、长兴县水口乡顾渚村共计12村入选。",
     {("鄣吴村", "awardedTitle", "中国传统村落"), ("顾渚村", "awardedTitle", "中国传统村落")}),
    # the region that already has them (浙江已有) is no awardee
    ("此前，浙江已有安吉县、长兴县入选国家生态县。",
     {("安吉县", "awardedTitle", "国家生态县"), ("长兴县", "awardedTitle", "国家生态县")}),
    # 命名…为第X批T: the batch is no part of the title
    ("生态环境部命名长兴县、安吉县等5个县为第二批国家生态县。",
     {("长兴县", "awardedTitle", "国家生态县"), ("安吉县", "awardedTitle", "国家生态县")}),
    # a quoted name opening a title keeps its quotes; the batch before it goes
    ("长兴县、安吉县入选第一批“美丽乡村”示范县名单。",
     {("长兴县", "awardedTitle", "“美丽乡村”示范县"), ("安吉县", "awardedTitle", "“美丽乡村”示范县")}),
    # 确定/命名…为T where quoted words sit inside the title, or open it
    ("某部确定东禾精密有限公司、西林材料有限公司等30家企业为第二批专精特新“小巨人”企业。",
     {("东禾精密有限公司", "awardedTitle", "专精特新“小巨人”企业"),
      ("西林材料有限公司", "awardedTitle", "专精特新“小巨人”企业")}),
    ("某部命名长兴县等10个县为“四好农村路”全国示范县，安吉县等5个县为“美丽乡村”示范县。",
     {("长兴县", "awardedTitle", "“四好农村路”全国示范县"),
      ("安吉县", "awardedTitle", "“美丽乡村”示范县")}),
    ("某部命名长兴县等10个县为“全国生态县”称号。", {("长兴县", "awardedTitle", "全国生态县")}),
    # 对…认定名单进行公示, then the items: the body and the list's word are no part of the title
    ("市商务局对首批老字号认定名单进行公示。最终有3家入围，包括东来顺意、南华茶号、西湖酱园。",
     {("东来顺意", "awardedTitle", "老字号"), ("南华茶号", "awardedTitle", "老字号"),
      ("西湖酱园", "awardedTitle", "老字号")}),
    ("东禾电子入选高新技术企业推荐名单。", {("东禾电子", "awardedTitle", "高新技术企业")}),
    # rankings: the top N listed after a lead that names the ranking before or after it
    ("某机构发布百强县榜单。百强县排在前十位的依次是：昆山市、江阴市、张家港市。",
     {("昆山市", "awardedTitle", "百强县"), ("江阴市", "awardedTitle", "百强县"),
      ("张家港市", "awardedTitle", "百强县")}),
    ("排名前三的百强区分别是：海淀区、浦东新区、南山区。",
     {("海淀区", "awardedTitle", "百强区"), ("浦东新区", "awardedTitle", "百强区"),
      ("南山区", "awardedTitle", "百强区")}),
    ("在2030年中国品牌500强中，排名前三的依次是：东华银行、西林食品、南岭电器。",
     {("东华银行", "awardedTitle", "中国品牌500强"), ("西林食品", "awardedTitle", "中国品牌500强"),
      ("南岭电器", "awardedTitle", "中国品牌500强")}),
    # ...the ranking named between the verb and the place on it
    ("海淀区、浦东新区、南山区位列全国百强区前三。",
     {("海淀区", "awardedTitle", "全国百强区"), ("浦东新区", "awardedTitle", "全国百强区"),
      ("南山区", "awardedTitle", "全国百强区")}),
    # ...the measure and the scope between the item and its place
    ("某机构发布最具价值中国品牌200强榜单。东华银行以335亿元的品牌价值在全国排第38位。",
     {("东华银行", "awardedTitle", "最具价值中国品牌200强")}),
    # people with 等 and no count; people among places in one list
    # the honour is the title; 榜单 after it only says it is a list
    ("最终，张某伟、王某澍、赵某珠等荣登2030年度“十大经济人物”榜单。",
     {("张某伟", "awardedTitle", "2030年度“十大经济人物”"),
      ("王某澍", "awardedTitle", "2030年度“十大经济人物”"),
      ("赵某珠", "awardedTitle", "2030年度“十大经济人物”")}),
    ("张某伟、广州市、赵某珠等荣登2030年度“十大经济人物”榜单。",
     {("张某伟", "awardedTitle", "2030年度“十大经济人物”"),
      ("广州市", "awardedTitle", "2030年度“十大经济人物”"),
      ("赵某珠", "awardedTitle", "2030年度“十大经济人物”")}),
    # quotes inside a title after a year stay whole
    ("张某伟荣获2030年度“十大经济人物”称号。", {("张某伟", "awardedTitle", "2030年度“十大经济人物”")}),
    # a comment after the list (占…, 数量居…) is no item and does not lose the list
    ("某省有2家企业入选国家级绿色工厂，分别是东禾电子有限公司、西林材料有限公司，占全省总数的37.5%。",
     {("东禾电子有限公司", "awardedTitle", "国家级绿色工厂"),
      ("西林材料有限公司", "awardedTitle", "国家级绿色工厂")}),
    ("某省有2家企业入选国家级绿色工厂，分别是东禾电子有限公司、西林材料有限公司，数量居全省第一。",
     {("东禾电子有限公司", "awardedTitle", "国家级绿色工厂"),
      ("西林材料有限公司", "awardedTitle", "国家级绿色工厂")}),
    # ...but a post with 居 in it (居委会主任) is part of an item
    ("获得“三八红旗手”称号的有：某中学副校长刘某，某社区居委会主任付某燕。",
     {("刘某", "awardedTitle", "三八红旗手"), ("付某燕", "awardedTitle", "三八红旗手"),
      ("刘某", "jobTitle", "副校长"), ("刘某", "worksFor", "某中学"),
      ("付某燕", "jobTitle", "居委会主任"), ("付某燕", "worksFor", "某社区")}),
    # bare names between 授予 and the title
    ("市委、市政府授予张某伟、王某澍、赵某珠“东湖市优秀企业家”称号。",
     {(n, "awardedTitle", "东湖市优秀企业家") for n in ("张某伟", "王某澍", "赵某珠")}),
    # people with their posts, one a clause, closed by 等N名…: the people, not the posts
    ("某某集团董事长王某远，某某机床有限公司总经理赵某等28名企业家被授予“优秀企业家”荣誉称号。",
     {("王某远", "awardedTitle", "优秀企业家"), ("赵某", "awardedTitle", "优秀企业家"),
      ("王某远", "worksFor", "某某集团"), ("王某远", "jobTitle", "董事长"),
      ("赵某", "worksFor", "某某机床有限公司"), ("赵某", "jobTitle", "总经理")}),
    # a later clause with its own year and agent and no subject: the subject before
    ("长兴县2002年被某局命名为“国家生态示范区”，2008年被某部命名为“国家水利风景区”。",
     {("长兴县", "awardedTitle", "国家生态示范区"), ("长兴县", "awardedTitle", "国家水利风景区")}),
    # a list named with quoted words inside its title, then a table under it
    ("某部公布第五批专精特新“小巨人”企业名单，我省2家企业入选，名单如下：\n序号 | 企业名称 | 所在地\n"
     "1 | 东禾电子股份有限公司 | 杭州市\n2 | 西林材料科技有限公司 | 宁波市",
     {("东禾电子股份有限公司", "awardedTitle", "专精特新“小巨人”企业"),
      ("西林材料科技有限公司", "awardedTitle", "专精特新“小巨人”企业")}),
    # when it happened, between the item and the verb, is no part of the item
    ("西林机械有限公司近日获评国家级绿色工厂。", {("西林机械有限公司", "awardedTitle", "国家级绿色工厂")}),
    ("北河镇2010年被评为某省文明村镇。", {("北河镇", "awardedTitle", "某省文明村镇")}),
    ("北河镇早在去年6月就被评为某省文明村镇。", {("北河镇", "awardedTitle", "某省文明村镇")}),
    ("东禾电子股份有限公司曾多次荣获全国质量奖。", {("东禾电子股份有限公司", "awardedTitle", "全国质量奖")}),
    # titles that end in 教师, 能手, 实验室, 众创空间…
    ("林某红被评为全国优秀教师。", {("林某红", "awardedTitle", "全国优秀教师")}),
    ("东湖机械有限公司被认定为市级重点实验室。", {("东湖机械有限公司", "awardedTitle", "市级重点实验室")}),
    # people named by their unit (某中心的甲), with or without 的, in an honours list
    ("某县农业技术推广中心的周某生、某市第二医院的龚某峰等8人获得省劳动模范称号。",
     {("周某生", "awardedTitle", "省劳动模范"), ("龚某峰", "awardedTitle", "省劳动模范"),
      ("周某生", "worksFor", "某县农业技术推广中心"), ("龚某峰", "worksFor", "某市第二医院")}),
    # 授予 with people counted in 人, after a relative clause, before a year
    ("某市妇联授予王某华等10人某市三八红旗手标兵称号。", {("王某华", "awardedTitle", "某市三八红旗手标兵")}),
    ("授予张某生等200名同志2030年度“东湖工匠”称号。", {("张某生", "awardedTitle", "东湖工匠")}),
    ("授予在城市建设中做出突出贡献的郭某等15名同志“建设功臣”称号。", {("郭某", "awardedTitle", "建设功臣")}),
    # a quoted title in the relative clause before the list, whatever it ends in
    ("被命名为“东湖名匠”的有3人，分别为张某青、李某林和胡某江。",
     {(n, "awardedTitle", "东湖名匠") for n in ("张某青", "李某林", "胡某江")}),
    # 他们是： after the sentence that gave the title
    ("2名职工被授予某市技术能手。他们是某某钢铁有限公司吴某林、某某重工集团王某河。",
     {("吴某林", "awardedTitle", "某市技术能手"), ("王某河", "awardedTitle", "某市技术能手"),
      ("吴某林", "worksFor", "某某钢铁有限公司"), ("王某河", "worksFor", "某某重工集团")}),
    # two titles named in one sentence, then a list for each: each list takes its own title,
    # the one whose count it has, else the first no list took
    ("某部命名2个县为国家生态县、3个县为“两山”实践创新基地。\n一是：\n德清县\n桐庐县\n淳安县\n"
     "二是：\n长兴县\n安吉县",
     {("长兴县", "awardedTitle", "国家生态县"), ("安吉县", "awardedTitle", "国家生态县"),
      ("德清县", "awardedTitle", "“两山”实践创新基地"),
      ("桐庐县", "awardedTitle", "“两山”实践创新基地"),
      ("淳安县", "awardedTitle", "“两山”实践创新基地")}),
    # the title a body named or published, then the list line by line
    ("某部命名了一批国家园林城市，名单如下：\n江苏省镇江市\n浙江省湖州市",
     {("镇江市", "awardedTitle", "国家园林城市"), ("湖州市", "awardedTitle", "国家园林城市")}),
    ("某部公布了新一批国家园林城市。具体名单如下：\n1.江苏省镇江市\n2.浙江省湖州市",
     {("镇江市", "awardedTitle", "国家园林城市"), ("湖州市", "awardedTitle", "国家园林城市")}),
    ("某部公布了新一批国家园林城市，共2个城市入选：\n江苏省镇江市\n浙江省湖州市",
     {("镇江市", "awardedTitle", "国家园林城市"), ("湖州市", "awardedTitle", "国家园林城市")}),
    # who has them (某省有, 我市共有) is no awardee
    ("其中，浙江省有甲乙精密机械股份有限公司、丙丁生物科技有限公司入选国家级绿色工厂。",
     {("甲乙精密机械股份有限公司", "awardedTitle", "国家级绿色工厂"),
      ("丙丁生物科技有限公司", "awardedTitle", "国家级绿色工厂")}),
    ("我市共有甲乙精密机械股份有限公司、丙丁生物科技有限公司入选国家级绿色工厂。",
     {("甲乙精密机械股份有限公司", "awardedTitle", "国家级绿色工厂"),
      ("丙丁生物科技有限公司", "awardedTitle", "国家级绿色工厂")}),
    # names of no known kind, typed by the title's head (老字号 is held by shops and brands)
    ("我市的明月酱园、老周记糕点、福源茶庄入选第三批省级老字号名单。",
     {(n, "awardedTitle", "省级老字号") for n in ("明月酱园", "老周记糕点", "福源茶庄")}),
    # 确定A、B、C为T: a naming with no count
    ("省文化和旅游厅确定甲乙景区、西塘古镇、南浔古镇为国家5A级旅游景区。",
     {(n, "awardedTitle", "国家5A级旅游景区") for n in ("甲乙景区", "西塘古镇", "南浔古镇")}),
    ("会议认定甲乙精密机械股份有限公司、丙丁生物科技有限公司为省级技术中心。",
     {("甲乙精密机械股份有限公司", "awardedTitle", "省级技术中心"),
      ("丙丁生物科技有限公司", "awardedTitle", "省级技术中心")}),
    # ranked on the list the clause before names
    ("在日前公布的全国县域经济百强县名单中，我省昆山市、江阴市分别位列第1位和第2位。",
     {("昆山市", "awardedTitle", "全国县域经济百强县"), ("江阴市", "awardedTitle", "全国县域经济百强县")}),
    # 其中 picks items of the clause before, which names the title
    ("全省共有15个县被命名为省级生态县，其中我市的沛县、丰县名列其中。",
     {("沛县", "awardedTitle", "省级生态县"), ("丰县", "awardedTitle", "省级生态县")}),
    ("在全国文明单位名单中，某市公安局、某市中心医院榜上有名。",
     {("某市公安局", "awardedTitle", "全国文明单位"), ("某市中心医院", "awardedTitle", "全国文明单位")}),
    ("我区东湖村成功创建为省级美丽乡村示范村。", {("东湖村", "awardedTitle", "省级美丽乡村示范村")}),
    ("我市昆仑中学、育才小学被教育部认定为全国青少年校园足球特色学校。",
     {(n, "awardedTitle", "全国青少年校园足球特色学校") for n in ("昆仑中学", "育才小学")}),
    # a table under …前10名如下：, its header row between the colon and the rows
    ("2030年全国县域经济百强县前3名如下：\n排名 | 县（市） | 所属省份\n1 | 昆山市 | 江苏省\n"
     "2 | 江阴市 | 江苏省\n3 | 晋江市 | 福建省",
     {(c, "awardedTitle", "全国县域经济百强县") for c in ("昆山市", "江阴市", "晋江市")}),
    # the sentence that counted as many items as the table holds gives the table its title
    ("甲乙机械股份有限公司等2家企业被认定为2030年度某省智能制造示范工厂。第二句。具体名单如下：\n"
     "序号 | 单位名称\n1 | 甲乙机械股份有限公司\n2 | 丙丁电子有限公司",
     {(c, "awardedTitle", "2030年度某省智能制造示范工厂") for c in ("甲乙机械股份有限公司", "丙丁电子有限公司")}),
    # brands in quotes one after another, with no separator
    ("某厅认定“甲记”“乙味坊”“丙韵”等3个品牌为第三批某省老字号。",
     {(c, "awardedTitle", "某省老字号") for c in ("甲记", "乙味坊", "丙韵")}),
    # 推介…为T names as 命名 does; a village whose name starts like a place elsewhere
    ("某部推介福建省屏南县龙潭溪村等2个村落为中国美丽休闲乡村。",
     {("龙潭溪村", "awardedTitle", "中国美丽休闲乡村")}),
    # the list the clause before published; people with their units in brackets
    ("某省总工会公布某省五一劳动奖章获奖名单，我市王某军（甲乙电气有限公司高级技师）、"
     "赵某丽（丙丁机械有限公司工程师）获此殊荣。",
     {("王某军", "awardedTitle", "某省五一劳动奖章"), ("赵某丽", "awardedTitle", "某省五一劳动奖章"),
      ("王某军", "worksFor", "甲乙电气有限公司"), ("王某军", "jobTitle", "高级技师"),
      ("赵某丽", "worksFor", "丙丁机械有限公司"), ("赵某丽", "jobTitle", "工程师")}),
    # where the awardee comes from is no awardee
    ("来自江苏的王某军被评为全国敬业奉献模范。", {("王某军", "awardedTitle", "全国敬业奉献模范")}),
    # people with a post after the name, one after another
    ("我校王志明教授、刘晓燕研究员当选中国科学院院士。",
     {("王志明", "awardedTitle", "中国科学院院士"), ("刘晓燕", "awardedTitle", "中国科学院院士")}),
]

NEGATIVE = [
    "“东湖平原油气田开发技术研究”等9个项目荣获科技进步奖一等奖。",  # a place inside a quoted project
    "海淀区GDP位列全省第三。",                          # a rank among places, on no list
    "海淀区、浦东新区位列前三。",                        # a rank on no named ranking
    "南京市成功入选。",                                  # 入选 with no list named anywhere
    "工信部公布《关于第二批试点城市的通报》。南京市入选。",  # a notice is no list
    "榜单显示：南京市、苏州市、无锡市。",                  # a colon list with no title
    "全国综合实力百强市分别是：南京市、苏州市。",
    "南京市、苏州市排名前二。\n全国综合实力百强市",        # a heading below is no heading
    # a count taken up more than five sentences after it
    "今年有2个城市获评国家森林城市。第二句。第三句。第四句。第五句。第六句。这2个城市是：南京市、苏州市。",
    "入选的城市分别是：南京市、苏州市。",
    "昆山市、江阴市位列前二。",                            # a ranking no one names
    "现命名“南京市等2个城市为国家森林城市”。",
    "国家森林城市、国家园林城市\n南京市\n苏州市",           # two titles in a heading
    # the body that signs a notice, and the bodies it is copied to, are no awardees
    "附件：第三批某某试点单位名单\n工业和信息化部\n2030年4月15日\n抄送：某某行业协会，某某研究所。",
    # a list named as proposed (拟命名) names no title yet
    "南京市某某草原、苏州市某某湿地列入拟命名名单。",
    # a category the article never named before is not a title (参评企业中, 重点企业：)
    "参评企业中，某某汽车有限公司、某某建材有限公司入选。",
    "今年的重点企业：某某汽车有限公司、某某建材有限公司。",
    "某某公司通过了年度安全生产复查。",                  # a review of no title
    "某某公司顺利通过复核。",                              # a review of no list named
    "王明远和赵青获得国家专利。",                          # names, but no title they gained
    "扎西、吴海林、张某龙等10人获得“最美村医”荣誉称号。",  # people counted: 海林 is no place
    "将长兴县等10个县列为重点帮扶对象并予以支持。",        # 列为 something that is no title
    "杭州市位列长三角城市第三位。",                        # a rank among cities, on no list
    "以下为部分省份入选名单：\n北京市\n天津市",             # a list that names no honour
    "会议确定明年的工作重点为推进改革、扩大开放。",          # 确定…为 a plan, no title
    "报告显示，苏州、上海、宁波位列城市排名前三。",          # a ranking named by what it ranks only
    "某部公布了新一批建设项目，名单如下：\n江苏省镇江市\n浙江省湖州市",  # no title's head
    # a quoted word inside a longer name is not the title of the lines below
    "某某市有3家专精特新“小巨人”企业。\n此次入选的企业分别是：\n甲乙科技股份有限公司\n丙丁机械有限公司",
]


def test_a_title_two_clauses_before_a_colon_list_is_not_the_lists(resources):
    text = "杭州市去年获评全国文明城市，今年又启动了一批工程，总投资50亿元，主要包括：某某公园、某某街区。"
    found = triples(awards.extract(make_article(text), resources))
    assert found == {("杭州市", "awardedTitle", "全国文明城市")}


@pytest.mark.parametrize("text,expected", CASES)
def test_awards_case_by_case(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_awards_here(resources, text):
    assert list(awards.extract(make_article(text), resources)) == []


_MARKS = "“”\"《》"
ALL_TEXTS = [t for t, _ in CASES + earlier.CASES + earlier.LIST_CASES]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_mentions_point_at_their_words(resources, text):
    """Each subject and object is the text at its offsets (quote marks and the spaces inside a
    name set out line by line aside), and each fact's evidence is its sentence."""
    article = make_article(text)
    facts = list(awards.extract(article, resources))
    assert facts
    for fact in facts:
        for mention in (fact.subject, fact.object):
            if isinstance(mention, Value):
                continue
            written = article.text[mention.start:mention.end].replace(" ", "")
            # the extractors read folded text (（乡） as (乡)); labels are restored as written later
            assert unicodedata.normalize("NFKC", written.strip(_MARKS)) == \
                unicodedata.normalize("NFKC", mention.text.strip(_MARKS)), mention
        if fact.predicate == "awardedTitle":
            assert fact.object.kind == "Title" and fact.object.key
        ev = fact.evidence
        assert article.text[ev.start:ev.end] == ev.sentence and ev.extractor == "awards"
        assert ev.start <= fact.subject.start < fact.subject.end <= ev.end


# (sentence, {(subject label, kind, key)}): what the awardee is
KINDS = [
    ("张某某荣获全国五一劳动奖章。", {("张某某", "Person", None)}),
    ("南京荣获全国文明城市称号。", {("南京市", "City", "320100")}),
    ("某某镇荣获国家卫生乡镇称号。", {("某某镇", "Place", "town/某某镇")}),
    ("某某公司荣获“全国质量奖”荣誉称号。", {("某某公司", "Organization", "某某公司")}),
    ("2023年全国综合实力百强县\n排名前三的县市依次为：\n昆山市\n江阴市\n晋江市",
     {("昆山市", "County", "320583"), ("江阴市", "County", "320281"), ("晋江市", "County", "350582")}),
    ("现命名某某镇等2个乡镇为国家卫生乡镇。\n南京市：某某镇、某某乡",
     {("某某镇", "Place", "town/某某镇"), ("某某乡", "Place", "town/某某乡")}),
]


@pytest.mark.parametrize("text,expected", KINDS)
def test_awardee_kinds(resources, text, expected):
    facts = awards.extract(make_article(text), resources)
    assert {(f.subject.label, f.subject.kind, f.subject.key) for f in facts
            if f.predicate == "awardedTitle"} == expected


def test_title_keys_and_names(resources):
    """The title's name drops what is not part of it (称号, a batch, a rank); its key is the name's."""
    text = "某某部公布《第二批国家智慧城市试点名单》。南京市成功入选。昆山市获评“全国综合实力百强县前十名”。"
    facts = list(awards.extract(make_article(text), resources))
    assert sorted((f.object.text, f.object.name, f.object.kind) for f in facts) == [
        ("“全国综合实力百强县前十名”", "全国综合实力百强县", "Title"),
        ("第二批国家智慧城市试点名单", "第二批国家智慧城市试点名单", "Title")]


def test_a_clause_without_a_subject_takes_the_one_before_it(resources):
    # 成为… names no subject of its own: it is the town of the clause before (issue 14)
    facts = triples(awards.extract(make_article("昆山市入选，成为全国百强县。"), resources))
    assert facts == {("昆山市", "awardedTitle", "全国百强县")}


HEADLINED = [
    # a selection's results in the headline; fields as short headings, each a rank, a firm by
    # its short name and the analyst
    ("第五届东方奖最佳分析师评选结果出炉",
     "获奖结果如下：\n宏观经济\n第一名 东禾证券 陈某远\n第二名 西林证券 贝某宁\n固定收益\n第一名 东禾证券 汤某溪",
     {(n, "awardedTitle", "第五届东方奖最佳分析师") for n in ("陈某远", "贝某宁", "汤某溪")}
     | {("陈某远", "worksFor", "东禾证券"), ("贝某宁", "worksFor", "西林证券"),
        ("汤某溪", "worksFor", "东禾证券")}),
    # the body lists who gained a title only the headline names
    ("我市3家企业入选省级绿色工厂",
     "日前，省经信厅公布了2030年度名单，我市以下企业上榜：\n东禾电子股份有限公司\n西林材料科技有限公司\n"
     "南岭精密机械有限公司",
     {(c, "awardedTitle", "省级绿色工厂")
      for c in ("东禾电子股份有限公司", "西林材料科技有限公司", "南岭精密机械有限公司")}),
    ("2030年度省级绿色工厂名单公布",
     "日前，省经信厅公布名单。具体名单如下：\n1.东禾电子股份有限公司\n2.西林材料科技有限公司",
     {(c, "awardedTitle", "省级绿色工厂") for c in ("东禾电子股份有限公司", "西林材料科技有限公司")}),
    # a list the body names keeps the body's title
    ("我市企业喜获殊荣",
     "日前，省经信厅公布了省级绿色工厂名单，我市以下企业上榜：\n东禾电子股份有限公司\n西林材料科技有限公司",
     {(c, "awardedTitle", "省级绿色工厂") for c in ("东禾电子股份有限公司", "西林材料科技有限公司")}),
    # a headline with no title gives none
    ("我市企业喜获殊荣", "日前，省经信厅公布了名单，我市以下企业上榜：\n东禾电子股份有限公司\n西林材料科技有限公司",
     set()),
]


@pytest.mark.parametrize("headline,body,expected", HEADLINED)
def test_a_list_takes_the_title_only_its_headline_names(resources, headline, body, expected):
    from dataclasses import replace

    article = replace(make_article(body), title=headline)
    assert triples(awards.extract(article, resources)) == expected


THREE = ("东禾电子股份有限公司", "西林材料科技有限公司", "南岭精密机械有限公司")


@pytest.mark.parametrize("text", [
    # the list an earlier clause of the sentence names, then who of the city made it
    "省经信厅公布2030年省级绿色工厂名单，某市共有3家企业上榜，分别是东禾电子股份有限公司、"
    "西林材料科技有限公司、南岭精密机械有限公司。",
    "日前，省经信厅公布2030年省级绿色工厂名单，某市3家企业上榜：东禾电子股份有限公司、"
    "西林材料科技有限公司、南岭精密机械有限公司。",
    "省经信厅公布了2030年省级绿色工厂名单。某市3家企业入选：东禾电子股份有限公司、"
    "西林材料科技有限公司、南岭精密机械有限公司。",
    # the list on a line of its own after 具体如下：, ending like a sentence
    "日前，省经信厅公布2030年省级绿色工厂名单，某市共有3家企业上榜，具体如下：\n"
    "东禾电子股份有限公司、西林材料科技有限公司、南岭精密机械有限公司。",
])
def test_who_made_a_list_the_sentence_names(resources, text):
    expected = {(c, "awardedTitle", "省级绿色工厂") for c in THREE}
    assert triples(awards.extract(make_article(text), resources)) == expected


def test_shang_bang_is_a_verb_not_a_list_name(resources):
    # 上榜 ends no list's name: with no list named, nothing is awarded
    text = "某市共有3家企业上榜，分别是东禾电子股份有限公司、西林材料科技有限公司、南岭精密机械有限公司。"
    assert not {t for t in triples(awards.extract(make_article(text), resources))
                if "上" in t[2]}


@pytest.mark.parametrize("text,title", [
    # the title before a colon, then the list
    ("以下企业入选省级绿色工厂：东禾电子股份有限公司、西林材料科技有限公司、南岭精密机械有限公司。",
     "省级绿色工厂"),
    # a selection's result announced, then who made it
    ("2030年度某市十佳民营企业评选结果揭晓，东禾电子股份有限公司、西林材料科技有限公司、"
     "南岭精密机械有限公司等10家企业上榜。", "某市十佳民营企业"),
    ("2030年度“十佳民营企业”评选结果近日揭晓，东禾电子股份有限公司、西林材料科技有限公司、"
     "南岭精密机械有限公司等10家企业获此殊荣。", "十佳民营企业"),
    # 获此殊荣 points back at the list the sentence before named
    ("某市十佳民营企业名单公布。东禾电子股份有限公司、西林材料科技有限公司、南岭精密机械有限公司"
     "获此殊荣。", "某市十佳民营企业"),
    # 上述企业: the list the sentences before gave
    ("某市推荐了以下企业：东禾电子股份有限公司、西林材料科技有限公司、南岭精密机械有限公司。"
     "上述3家企业均入选省级企业技术中心。", "省级企业技术中心"),
    ("某市共有5家企业入围，分别为东禾电子股份有限公司、西林材料科技有限公司和南岭精密机械有限公司等。"
     "上述企业被评为省级企业技术中心。", "省级企业技术中心"),
])
def test_lists_whose_title_is_named_apart(resources, text, title):
    assert triples(awards.extract(make_article(text), resources)) == {
        (c, "awardedTitle", title) for c in THREE}


@pytest.mark.parametrize("text", [
    "上述企业入选省级绿色工厂。",  # no list before: nobody
    "评选结果揭晓，10家企业获此殊荣。",  # no items
    "某市推荐了以下企业：东禾电子股份有限公司、西林材料科技有限公司。评审历时三个月。今年的结果令人满意。"
    "上述企业入选省级绿色工厂。",  # the list is too far back
])
def test_no_list_to_refer_to(resources, text):
    assert triples(awards.extract(make_article(text), resources)) == set()


@pytest.mark.parametrize("text,expected", [
    # a setting or the means between the awardee and the verb
    ("东禾电子股份有限公司在本届评选中荣获“最佳投资者关系奖”。",
     {("东禾电子股份有限公司", "awardedTitle", "最佳投资者关系奖")}),
    ("东禾电子凭借信息披露等方面的优异表现，荣获“年度投资者关系管理奖”。",
     {("东禾电子", "awardedTitle", "年度投资者关系管理奖")}),
    # an honorific after the person
    ("某某集团董事长钱某远先生荣获“最佳董事长”。", {("钱某远", "awardedTitle", "最佳董事长")}),
    # 授予 an unquoted or partly quoted title with no count: it opens with a scope word
    ("同意授予东禾电子专精特新“小巨人”企业称号。",
     {("东禾电子", "awardedTitle", "专精特新“小巨人”企业")}),
    ("授予东禾电子股份有限公司全国文明单位称号。",
     {("东禾电子股份有限公司", "awardedTitle", "全国文明单位")}),
    # A、B也入选 after the sentence that named the list
    ("某部公布了专精特新“小巨人”企业名单。东禾电子(833001.NQ)、西林材料(832002.NQ)也入选。",
     {("东禾电子", "awardedTitle", "专精特新“小巨人”企业"),
      ("西林材料", "awardedTitle", "专精特新“小巨人”企业")}),
    # two stock codes in one bracket: its comma ends no clause
    ("东禾电子(SZ 000001,HK 00001)获颁最佳港股公司奖。",
     {("东禾电子", "awardedTitle", "最佳港股公司奖")}),
    # glue words: 最终 before the list, 共 before its count
    ("最终东禾电子股份有限公司、西林材料科技有限公司等企业获评“最佳董事会”。",
     {("东禾电子股份有限公司", "awardedTitle", "最佳董事会"),
      ("西林材料科技有限公司", "awardedTitle", "最佳董事会")}),
    ("东禾电子股份有限公司和西林材料科技有限公司共2家公司入选“最佳董事会”。",
     {("东禾电子股份有限公司", "awardedTitle", "最佳董事会"),
      ("西林材料科技有限公司", "awardedTitle", "最佳董事会")}),
    # finance titles with no quote marks
    ("东禾银行荣获中国最佳本地银行。", {("东禾银行", "awardedTitle", "中国最佳本地银行")}),
    # how many awards is no title
    ("某某集团获得7项大奖。", set()),
    ("某某集团荣获多项大奖。", set()),
])
def test_finance_news_honour_frames(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected


RANKING = "2030年东方品牌500强榜单近日发布。"


@pytest.mark.parametrize("text,expected", [
    # 榜首 and the ones after it on the ranking the sentence before names
    (RANKING + "东禾电网以5576亿元的品牌价值荣登榜首，占据榜单前五名的还有西林银行、南岭电器和中州人寿。",
     {(c, "awardedTitle", "东方品牌500强") for c in ("东禾电网", "西林银行", "南岭电器", "中州人寿")}),
    (RANKING + "东禾电网名列榜首，西林银行和南岭电器分居二三位。",
     {(c, "awardedTitle", "东方品牌500强") for c in ("东禾电网", "西林银行", "南岭电器")}),
    (RANKING + "东禾汽车和西林汽车双双首次上榜，分别位列第344位和第427位。",
     {(c, "awardedTitle", "东方品牌500强") for c in ("东禾汽车", "西林汽车")}),
    # a ranking named by 排名出炉; a time phrase before the rank verb
    ("2030年全国百强县排名出炉，昆山、江阴、张家港位列前三。",
     {(c, "awardedTitle", "全国百强县") for c in ("昆山市", "江阴市", "张家港市")}),
    ("2030年中国百强县榜单发布。昆山连续19年位居榜首。", {("昆山市", "awardedTitle", "中国百强县")}),
    # a kind of item before a colon, under the list the sentence before named
    ("第六届全国文明城市名单公布。\n地级市：杭州、宁波\n县级市：义乌",
     {(c, "awardedTitle", "第六届全国文明城市") for c in ("杭州市", "宁波市", "义乌市")}),
    # a list that counts companies has no places among its items
    (RANKING + "东禾政和建设和西林速运两家企业入围。", set()),
    # companies by short names: half of them by their trade
    ("青松移动、白杨电力、红星电子入选“东方先锋100”。",
     {(c, "awardedTitle", "东方先锋100") for c in ("青松移动", "白杨电力", "红星电子")}),
])
def test_rankings_and_short_names(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) >= expected
    if not expected:
        assert not {t for t in triples(awards.extract(make_article(text), resources))
                    if t[0].endswith("县")}


PUBLISHED = "某部公布第五批专精特新“小巨人”企业名单，"
SMALL_GIANT = "专精特新“小巨人”企业"


@pytest.mark.parametrize("text,expected", [
    # a ranking set out one item a line, its figures in columns after each item
    ("东方企业联合会发布2030东方企业500强榜单。前三名如下：\n1 东禾能源集团有限公司 35652450\n"
     "2 西林石化集团有限公司 3169343.5\n3 南岭建筑集团有限公司 20661万元",
     {(c, "awardedTitle", "东方企业500强")
      for c in ("东禾能源集团有限公司", "西林石化集团有限公司", "南岭建筑集团有限公司")}),
    # 第N名：an item
    ("2030东方企业500强榜单发布。\n第1名：东禾能源集团有限公司\n第2名：西林石化集团有限公司",
     {(c, "awardedTitle", "东方企业500强") for c in ("东禾能源集团有限公司", "西林石化集团有限公司")}),
    # a county-level city, then the province and city that hold it: where it is, no awardee
    ("2030年全国百强县名单出炉。\n1 昆山市 江苏省苏州市\n2 晋江市 福建省",
     {(c, "awardedTitle", "全国百强县") for c in ("昆山市", "晋江市")}),
    # the quoted words are inside the list's name; 我市企业名单 names no title
    (PUBLISHED + "我市以下企业入选：\n东禾电子股份有限公司\n西林材料有限公司",
     {(c, "awardedTitle", SMALL_GIANT) for c in ("东禾电子股份有限公司", "西林材料有限公司")}),
    (PUBLISHED + "我市企业名单如下：\n| 1 | 东禾电子股份有限公司 | 海曙区 |\n| 2 | 西林材料有限公司 | 北仑区 |",
     {(c, "awardedTitle", SMALL_GIANT) for c in ("东禾电子股份有限公司", "西林材料有限公司")}),
    # the list's name, then a colon and the items; people with their posts in brackets
    ("2030年度东方省绿色工厂名单：东禾电子股份有限公司、西林材料有限公司。",
     {(c, "awardedTitle", "东方省绿色工厂") for c in ("东禾电子股份有限公司", "西林材料有限公司")}),
    ("2030年度东方省劳动模范名单如下：王建国（东禾电子股份有限公司技术员）、李红梅（西林材料有限公司工程师）。",
     {("王建国", "awardedTitle", "东方省劳动模范"), ("李红梅", "awardedTitle", "东方省劳动模范"),
      ("王建国", "worksFor", "东禾电子股份有限公司"), ("王建国", "jobTitle", "技术员"),
      ("李红梅", "worksFor", "西林材料有限公司"), ("李红梅", "jobTitle", "工程师")}),
    ("2030年度东方省劳动模范名单公布。\n王建国（东禾电子股份有限公司技术员）\n李红梅（西林材料有限公司工程师）",
     {("王建国", "awardedTitle", "东方省劳动模范"), ("李红梅", "awardedTitle", "东方省劳动模范"),
      ("王建国", "worksFor", "东禾电子股份有限公司"), ("王建国", "jobTitle", "技术员"),
      ("李红梅", "worksFor", "西林材料有限公司"), ("李红梅", "jobTitle", "工程师")}),
    # a list named by who is on it names no title
    ("我市企业名单：东禾电子股份有限公司、西林材料有限公司。", set()),
    ("参会人员名单：王建国、李红梅。", set()),
    # a superlative opens an unmarked title whatever noun ends it
    ("东禾证券荣获2030年度最佳投行。", {("东禾证券", "awardedTitle", "2030年度最佳投行")}),
    ("东禾证券取得最佳效果。", set()),
    ("东禾银行获得最佳。", set()),
])
def test_rankings_set_out_and_list_names(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text,expected", [
    # 她们是：one description a person, each ending in the post and the name, parted by ；
    ("某妇联决定授予在科技创新中贡献突出的2位优秀女性东方省三八红旗手标兵荣誉称号。\n"
     "她们是：面对危险挺身救人的东禾网络技术有限公司职工王晓梅；深耕科研一线的东禾研究院研究员赵丽华。",
     {("王晓梅", "awardedTitle", "东方省三八红旗手标兵"), ("赵丽华", "awardedTitle", "东方省三八红旗手标兵"),
      ("赵丽华", "worksFor", "东禾研究院"), ("赵丽华", "jobTitle", "研究员")}),
    # how they ranked, between the list and the verb; 我市企业 before the first item;
    # 榜单 after a ranking
    ("我市企业东禾医药集团、西林化工集团等2家企业分别以第31位和第34位的排名跻身营收百强榜单。",
     {(c, "awardedTitle", "营收百强") for c in ("东禾医药集团", "西林化工集团")}),
    # 入选公示: the list the sentence before named
    ("某部对第二批东方全域旅游示范区名单进行公示。其中，广西西林县、湖南江永县等2个县入选公示。",
     {(c, "awardedTitle", "东方全域旅游示范区") for c in ("西林县", "江永县")}),
    # the top of a ranking named before
    ("2030东方企业百强排行榜出炉。总榜排名前三的企业分别是东禾集团、西林控股、南岭银行。",
     {(c, "awardedTitle", "东方企业百强") for c in ("东禾集团", "西林控股", "南岭银行")}),
    # a title, how many, and in brackets which
    ("今年我市新增国家级绿色工厂2家（东禾电子股份有限公司、西林材料有限公司）。",
     {(c, "awardedTitle", "国家级绿色工厂") for c in ("东禾电子股份有限公司", "西林材料有限公司")}),
    ("全市共有2家国家级专精特新“小巨人”企业（东禾电子股份有限公司、西林材料有限公司）。",
     {(c, "awardedTitle", "国家级专精特新“小巨人”企业") for c in ("东禾电子股份有限公司", "西林材料有限公司")}),
    # a kind of company is no title; a count in brackets is no list
    ("我市新增上市公司2家（东禾电子股份有限公司、西林材料有限公司）。", set()),
    ("全市规上企业新增120家（其中制造业80家）。", set()),
    # 首批71家T: how many the batch holds is no part of the title
    ("此前，广西西林县已入选首批71家东方全域旅游示范区。",
     {("西林县", "awardedTitle", "东方全域旅游示范区")}),
])
def test_lists_of_people_and_rankings_in_prose(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected


def test_our_county_is_the_one_the_source_names(resources):
    from dataclasses import replace
    article = make_article("2030年，我县先后荣获东方省平安县、东方省园林县城等荣誉。")
    assert triples(awards.extract(article, resources)) == set()  # which county: unsaid
    article = replace(article, sources=("西林县人民政府网",))
    assert triples(awards.extract(article, resources)) == {
        ("西林县", "awardedTitle", "东方省平安县"), ("西林县", "awardedTitle", "东方省园林县城")}


LIST_PUBLISHED = "某部公示第八批专精特新“小巨人”企业名单，东方市共有16家企业入选。"


@pytest.mark.parametrize("text,expected", [
    # 榜 and 排行榜 name the ranking; 百强 is the title of a 百强榜
    ("某研究院发布《2030东方上市公司品牌价值榜》。具体名单如下：\n| 1 | 东禾电气 | 600917 | 412.6 |\n| 2 | 西林重工 | 601388 | 356.2 |",
     {(c, "awardedTitle", "东方上市公司品牌价值榜") for c in ("东禾电气", "西林重工")}),
    # a column of titles: each row its own
    ("某部公布2030年度绿色制造名单。名单如下：\n| 序号 | 企业名称 | 入选类别 |\n"
     "| 1 | 东禾电器有限公司 | 绿色工厂 |\n| 2 | 西林家电集团有限公司 | 绿色供应链管理企业 |",
     {("东禾电器有限公司", "awardedTitle", "绿色工厂"),
      ("西林家电集团有限公司", "awardedTitle", "绿色供应链管理企业")}),
    # title：winners lines under 获奖名单如下：; a banker is no count of companies
    ("某刊年度银行奖揭晓。获奖名单如下：\n1．年度最佳普惠金融银行：东禾农商银行、西林银行\n"
     "2．年度杰出银行家：南岭银行行长李某明",
     {("东禾农商银行", "awardedTitle", "年度最佳普惠金融银行"),
      ("西林银行", "awardedTitle", "年度最佳普惠金融银行"),
      ("李某明", "awardedTitle", "年度杰出银行家"), ("李某明", "worksFor", "南岭银行"),
      ("李某明", "jobTitle", "行长")}),
    # two titles, then how many lists
    ("东禾陶瓷集团股份有限公司同时入选绿色工厂和绿色供应链管理企业两个名单。",
     {("东禾陶瓷集团股份有限公司", "awardedTitle", "绿色工厂"),
      ("东禾陶瓷集团股份有限公司", "awardedTitle", "绿色供应链管理企业")}),
    # a review of a title with quote marks inside it
    ("东禾传动科技股份有限公司、西林数控机床有限公司2家企业通过第五批专精特新“小巨人”企业复核，继续保留称号。",
     {(c, "awardedTitle", SMALL_GIANT) for c in ("东禾传动科技股份有限公司", "西林数控机床有限公司")}),
    # those selected, counted again: the list named before, not 上市公司
    (LIST_PUBLISHED + "本批入选企业中有2家为A股上市公司，分别为东禾微电子（688576）、西林精工（301285）。",
     {(c, "awardedTitle", SMALL_GIANT) for c in ("东禾微电子", "西林精工")}),
    (LIST_PUBLISHED + "其余2家入选企业为：东禾储能科技有限公司、西林半导体有限公司。",
     {(c, "awardedTitle", SMALL_GIANT) for c in ("东禾储能科技有限公司", "西林半导体有限公司")}),
])
def test_finance_honours_layouts(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected
