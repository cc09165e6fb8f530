"""Hostile or odd article files (issue 16): YAML alias bombs, bad front-matter fields,
UTF-16 without a byte order mark."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import pipeline, sources
from kg.cli import cli
from kg.errors import InputError

SEED = Path(__file__).parent / "fixtures" / "qianzhao-cities-2021.md"
BODY = SEED.read_text(encoding="utf-8").split("\n---", 2)[-1]  # the seed without its front matter


def _article(front: str) -> str:
    return f"---\n{front.strip()}\n---{BODY}"


def alias_bomb(levels: int) -> str:
    """Front matter whose aliases expand to 9**levels strings (a "billion laughs")."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "title: 炸弹\n" + "\n".join(lines)


# -- item 2: alias bombs ------------------------------------------------------------------------

@pytest.mark.parametrize("levels", [3, 9])
def test_yaml_aliases_are_refused_and_the_file_named(tmp_path, levels):
    bomb = tmp_path / "bomb.md"
    bomb.write_text(_article(alias_bomb(levels)), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        sources.read(bomb)
    assert caught.value.path == str(bomb)
    assert "aliases (*a0) are not allowed" in caught.value.reason


def test_a_bomb_among_good_files_is_one_reported_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.md").write_text(_article(alias_bomb(9)), encoding="utf-8")
    (folder / "good.md").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert f"error: {folder / 'bomb.md'}: malformed YAML front matter: aliases" in result.output
    assert "1 article(s), 1 failed" in result.output
    assert sum(p.stat().st_size for p in out.glob(".kg-cache/*/*")) < 1_000_000


def test_anchors_without_aliases_are_still_read(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(_article("title: &t 标题\ndate: 2021-12-25"), encoding="utf-8")
    assert sources.read(path).title


# -- item 13: one bad front-matter field ----------------------------------------------------------

BAD_FIELDS = [
    ("date: 2021-13-45", "date", "'2021-13-45' is not a date"),
    ("date: 0000-01-01", "date", "'0000-01-01' is not a date"),
    ("date: 99999-01-01", "date", "'99999-01-01' has a year out of range"),
    ("categories: {a: 1}", "categories", "\"{'a': 1}\" is not a list of names"),
]


@pytest.mark.parametrize("field,name,reason", BAD_FIELDS)
def test_a_bad_field_is_reported_and_the_article_kept(tmp_path, field, name, reason):
    path = tmp_path / "a.md"
    path.write_text(_article(f"title: 千兆城市\n{field}"), encoding="utf-8")
    notes: list[str] = []
    article = sources.parse_bytes(path, path.read_bytes(), notes=notes)
    assert "千兆城市" in article.title and len(article.sentences) > 10
    assert notes == [f"front matter field {name!r} left out: {reason}"]
    if name == "date":
        assert article.published is None  # never a silently different date (9999-01-01)
    result = CliRunner().invoke(cli, ["build", str(path), "--out", str(tmp_path / "out"),
                                      "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"warning: {path}: front matter field {name!r} left out" in result.output
    assert "1 article(s)" in result.output


def test_warnings_survive_the_cache(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(_article("title: 千兆城市\ndate: 2021-13-45"), encoding="utf-8")
    out = tmp_path / "out"
    options = pipeline.Options()
    first = pipeline.build_folder([path], out, options=options)
    second = pipeline.build_folder([path], out, options=options)
    assert second.cached == 1
    assert [w.reason for w in first.warnings] == [w.reason for w in second.warnings]
    assert len(second.warnings) == 1


# -- item 18: UTF-16 without a BOM ---------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf_16_le", "utf_16_be"])
def test_utf16_without_a_bom_is_read(tmp_path, encoding):
    path = tmp_path / "a.md"
    data = SEED.read_text(encoding="utf-8").encode(encoding)
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    path.write_bytes(data)
    article = sources.read(path)
    assert article.title and "千兆城市" in article.text


def test_binary_is_still_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        sources.read(path)


# -- item 8: reading time linear in the size -------------------------------------------------------

def _big_article(path: Path, copies: int) -> Path:
    """The seed's body `copies` times (each copy's people renamed, so no sentence repeats)."""
    front, body = SEED.read_text(encoding="utf-8").split("\n---", 2)[1:]
    path.write_text("---" + front + "\n---" + "".join(
        body.replace("韩夏", f"韩夏{i}") for i in range(copies)), encoding="utf-8")
    return path


def test_a_5_mb_article_is_read_whole(tmp_path):
    one = sources.read(_big_article(tmp_path / "one.md", 1))
    copies = 1400
    path = _big_article(tmp_path / "big.md", copies)
    assert path.stat().st_size > 5 * 1024 * 1024
    article = sources.read(path, max_bytes=60 * 1024 * 1024)
    assert len(article.sentences) == copies * len(one.sentences)
    assert article.sentences[-1].text == one.sentences[-1].text
    resources = pipeline.Resources.load()
    facts = pipeline.extract(article, resources)
    assert len(facts) >= copies * len(pipeline.extract(one, resources)) * 0.9
    assert facts[-1].evidence.end > len(article.text) - 2000  # extracted to the end


def test_boilerplate_removal_does_linear_work(monkeypatch):
    """Reading was quadratic in the number of boilerplate elements (each one looked its
    ancestors up in a set rebuilt from all of them). Counted, not timed: the identity
    look-ups of 4n elements are about 4 times those of n."""
    from kg.sources import body

    def lookups(n: int) -> int:
        calls = 0

        def counting_id(obj):
            nonlocal calls
            calls += 1
            return id(obj)

        monkeypatch.setattr(body, "id", counting_id, raising=False)
        page = "".join(f"<p>第{i}段。</p><img src=a.png><script>x</script>" for i in range(n))
        assert len(body.html_paragraphs(f"<div>{page}</div>")) == n
        monkeypatch.delattr(body, "id")
        return calls

    small, big = lookups(200), lookups(800)
    assert big < 6 * small, (small, big)
