"""The sources stage: Hexo markdown, HTML pages and text become clean Articles."""
from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest

from kg import sources
from kg.errors import InputError
from kg.text.dates import SHANGHAI

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "qianzhao-cities-2021.md"


@pytest.fixture(scope="module")
def seed():
    return sources.read(SEED)


def test_front_matter_fields(seed):
    assert seed.title == "全国首批“千兆城市”名单发布 京津沪等29个城市获评"
    assert seed.categories == ("金融", "新浪财经", "新浪财经－国內")
    assert seed.publisher == "新浪财经"
    assert dict(seed.extra)["headimg"].startswith("https://n.sinaimg.cn/")


def test_published_is_aware_and_shanghai_date(seed):
    assert seed.published.tzinfo is not None
    assert seed.published.astimezone(timezone.utc).hour == 4
    assert seed.published.astimezone(SHANGHAI).isoformat().startswith("2021-12-25T12:39:10")


def test_metadata_lines_are_kept_as_metadata(seed):
    assert seed.original_title == "全国首批“千兆城市”名单发布 京津沪等29个城市获评"
    assert seed.sources == ("工业和信息化部信息通信发展司", "央视新闻")
    assert seed.editor == "蒋晓桐"


@pytest.mark.parametrize("junk", ["原标题", "来源", "责任编辑", "海量资讯", "appendQr", "video",
                                  "{", "&#123;", "　　", "<", "news_keyword"])
def test_boilerplate_is_removed(seed, junk):
    assert junk not in seed.text


def test_sentences_have_offsets_into_text(seed):
    assert seed.sentences[0].text.startswith("12月24日，首届“千兆城市”高峰论坛在山东省青岛市举行")
    for s in seed.sentences:
        assert seed.text[s.start:s.end] == s.text
    assert any(s.text == "工业和信息化部总工程师韩夏出席会议并致辞。" for s in seed.sentences)


def test_id_is_stable_and_content_based(seed, tmp_path):
    copy = tmp_path / "other-name.md"
    copy.write_bytes(SEED.read_bytes())
    assert sources.read(copy).id == seed.id
    copy.write_bytes(SEED.read_bytes() + b"\n<p>more</p>")
    assert sources.read(copy).id != seed.id


def test_html_page():
    page = sources.read(FIXTURES / "sources" / "page.html")
    assert page.title == "首场记者招待会举行"
    assert page.published.date().isoformat() == "2022-10-18"
    assert page.url == "https://example.org/a/1.html"
    assert "任京东出席记者招待会" in page.text
    for junk in ("脚本内容", "图片说明", "首页", "版权所有", "color:red", "2022-10-18"):
        assert junk not in page.text


def test_text_file():
    note = sources.read(FIXTURES / "sources" / "note.txt")
    assert note.title == "工信部发布通知"
    assert note.published.date().isoformat() == "2023-11-16"
    assert [s.text for s in note.sentences] == ["工业和信息化部印发《测试方案》。", "第二段落。"]


def test_a_lead_that_opens_with_a_date_is_body_text_not_the_date_line(tmp_path):
    path = tmp_path / "lead.txt"
    path.write_text("标题\n2023年5月6日，某市市长张某出席会议。\n", encoding="utf-8")
    article = sources.read(path)
    assert article.published is None
    assert [s.text for s in article.sentences] == ["2023年5月6日，某市市长张某出席会议。"]


def test_gbk_file_is_decoded(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("标题\n\n工业和信息化部印发通知。\n".encode("gb18030"))
    assert sources.read(path).title == "标题"


@pytest.mark.parametrize("name,content,reason", [
    ("empty.md", b"", "empty"),
    ("bad.md", b"---\ntitle: [unclosed\n---\n<p>text</p>\n", "front matter"),
    ("nobody.md", b"---\ntitle: x\n---\n", "no article text"),
    ("x.pdf", b"%PDF-1.4", "unsupported"),
])
def test_bad_files_raise_input_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        sources.read(path)
    assert info.value.path == str(path)
    assert reason in str(info.value)


def test_collect_walks_folders_and_reports_missing(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("x")
    (tmp_path / "two.txt").write_text("x")
    (tmp_path / "skip.json").write_text("{}")
    files, problems = sources.collect([tmp_path, tmp_path / "missing.md"])
    assert [f.name for f in files] == ["one.md", "two.txt"]
    assert [p.path for p in problems] == [str(tmp_path / "missing.md")]


def test_markdown_markup_is_read_as_its_text(tmp_path):
    page = tmp_path / "marked.md"
    page.write_text("---\ntitle: 名单\ndate: 2030-05-06\n---\n"
                    "某部公布2030年东方园林城市名单。\n\n## 东方园林城市（2个）\n\n**迁安市、武安市**\n\n"
                    "| 序号 | 城市 |\n| --- | :---: |\n| 1 | [沛县](https://example.org/a) |\n\n"
                    "![图片](https://example.org/p.png)\n", "utf-8")
    article = sources.read(page)
    lines = article.text.splitlines()
    assert "东方园林城市（2个）" in lines and "迁安市、武安市" in lines
    assert not any("---" in line or "#" in line or "*" in line or "https" in line for line in lines)
    assert any("沛县" in line for line in lines)


def test_a_table_row_with_paragraphs_in_its_cells_is_one_line():
    from kg.sources.body import html_paragraphs
    html = ("<p>名单如下：</p><table><tr><td><p>序号</p></td><td><p>企业名称</p></td></tr>"
            "<tr><td><p>1</p></td><td><p>东禾电子股份有限公司</p><p>（东方市）</p></td></tr></table>")
    lines = html_paragraphs(html)
    assert lines[0] == "名单如下：" and len(lines) == 3
    assert lines[2].split("|")[1].split() == ["东禾电子股份有限公司", "（东方市）"]


def test_a_page_laid_out_in_one_table_cell_keeps_its_paragraphs():
    from kg.sources.body import html_paragraphs
    long = "东方市今天召开全市工作会议，会议总结了过去一年的工作并部署了下一阶段的任务。" * 4
    html = f"<table><tr><td><p>{long}</p><p>第二段。</p></td></tr></table>"
    lines = html_paragraphs(html)
    assert lines[0] == long and lines[1].startswith("第二段。")
