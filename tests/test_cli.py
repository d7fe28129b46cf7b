"""The command line, end to end: each command on real inputs, checked through the library."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.store import Store

from conftest import SAMPLES

MD = SAMPLES / "2016-01-04-saudi-arabia-cuts-ties-with-iran.md"
HTML = SAMPLES / "2016-12-30-us-expels-russian-diplomats.html"
CORPUS = SAMPLES / "corpus.jsonl"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def invoke(runner, *args, input=None):
    return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def test_extract_jsonl_gives_event_records(runner):
    result = invoke(runner, "extract", "-q", MD)
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    for e in events:
        assert {"event_id", "doc_id", "sentence", "source", "target", "cameo", "root", "quad_class", "goldstein",
                "plover", "date", "location", "factuality", "trigger", "rule", "confidence"} <= set(e)
        assert e["root"] == e["cameo"][:2]
    assert any(e["source"] and e["source"]["country"] == "SAU" and e["target"] and e["target"]["country"] == "IRN"
               for e in events)


def test_extract_csv_and_stdin_with_date(runner):
    text = "Russian warplanes bombed rebel positions near Aleppo on Monday, Syrian opposition groups said.\n"
    result = invoke(runner, "extract", "-q", "-", "--date", "2016-02-03", "--format", "csv", input=text)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["source_country"] == "RUS"
    assert rows[0]["date"] == "2016-02-01"  # "on Monday" before Wednesday 3 February


def test_articles_lists_metadata(runner):
    result = invoke(runner, "articles", "-q", HTML, CORPUS, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1 + sum(1 for line in CORPUS.read_text().splitlines() if line.strip())
    html = rows[0]
    assert html["date"] == "2016-12-30" and html["title"] and html["n_sentences"] > 3
    assert {"doc_id", "title", "date", "author", "url", "source", "n_sentences", "places"} <= set(html)


def test_articles_as_csv(runner):
    result = invoke(runner, "articles", "-q", HTML, "--format", "csv")
    assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["date"] == "2016-12-30" and int(row["n_events"]) > 0
    assert any(p["country"] == "USA" for p in json.loads(row["places"]))


def test_ingest_is_idempotent_and_exports(runner, tmp_path):
    db = tmp_path / "events.db"
    first = invoke(runner, "ingest", "-q", MD, CORPUS, "--db", db)
    assert first.exit_code == 0, first.output
    with Store(str(db)) as store:
        before = store.stats()
    again = invoke(runner, "ingest", "-q", MD, CORPUS, "--db", db)
    assert again.exit_code == 0
    with Store(str(db)) as store:
        after = store.stats()
    assert before["n_events"] > 0 and before == after
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == before["n_documents"]
    exported = invoke(runner, "export", "--db", db, "--format", "jsonl")
    assert len(exported.stdout.splitlines()) == before["n_events"]
    stats = invoke(runner, "stats", "--db", db, "--json")
    assert json.loads(stats.stdout)["n_events"] == before["n_events"]


def test_ingest_holds_no_write_lock_while_articles_are_coded(runner, tmp_path, monkeypatch):
    # another writer of the file must not wait for the parse of the next articles
    import newsevents.cli as cli_module

    db = tmp_path / "events.db"
    invoke(runner, "ingest", "-q", MD, "--db", db)  # the file exists, in WAL mode
    coded = cli_module._processed
    free = []

    def watched(*args, **kwargs):
        for p in coded(*args, **kwargs):
            other = sqlite3.connect(db, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                free.append(True)
            except sqlite3.OperationalError:  # "database is locked"
                free.append(False)
            finally:
                other.close()
            yield p

    monkeypatch.setattr(cli_module, "_processed", watched)
    result = invoke(runner, "ingest", "-q", CORPUS, "--db", db)
    assert result.exit_code == 0, result.output
    assert len(free) > 5 and all(free)
    with Store(str(db)) as store:
        assert store.stats()["n_documents"] == 1 + len(free)


def test_bad_inputs_are_reported_and_the_rest_goes_on(runner, tmp_path):
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"id": "a", "text": "Iran condemned the strikes on Monday."}\n{not json\n', encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    empty = tmp_path / "empty.md"
    empty.write_text("   \n", encoding="utf-8")
    result = invoke(runner, "extract", "-q", bad_jsonl, binary, empty, tmp_path / "missing.txt", MD)
    assert result.exit_code == 1
    err = result.stderr
    assert f"{bad_jsonl}:2:" in err and "invalid JSON" in err
    assert str(binary) in err and "binary" in err
    assert str(empty) in err and "empty" in err
    assert "missing.txt" in err
    assert "Traceback" not in err
    # the good documents were still coded
    assert any(json.loads(line)["doc_id"] == "a" for line in result.stdout.splitlines())


def test_missing_database_and_bad_date_are_usage_errors(runner, tmp_path):
    result = invoke(runner, "stats", "--db", tmp_path / "nope.db")
    assert result.exit_code != 0 and "no such database" in result.output
    result = invoke(runner, "extract", MD, "--date", "11/05/2015")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_unknown_model_is_one_line_error(runner):
    result = invoke(runner, "extract", "-q", MD, "--model", "no_such_pipeline_xx")
    assert result.exit_code == 2
    assert "no_such_pipeline_xx" in result.output and "Traceback" not in result.output


def test_python_dash_m_runs_the_same_command():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "newsevents", "evaluate", "--help"], capture_output=True,
                         text=True, check=True)
    assert "--format" in out.stdout and "--errors" in out.stdout


def test_an_article_repeated_in_one_run_is_coded_once(runner, tmp_path):
    corpus = tmp_path / "twice.jsonl"
    line = '{"id": "%s", "text": "Iran condemned the air strikes on Yemen on Monday."}\n'
    corpus.write_text(line % "a" + line % "b", encoding="utf-8")
    db = tmp_path / "events.db"
    result = invoke(runner, "ingest", corpus, "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 already stored" in result.output and "1 stored" in result.output
    with Store(str(db)) as store:
        assert store.stats()["n_documents"] == 1


def test_a_document_the_coder_fails_on_is_reported_and_the_rest_are_stored(runner, tmp_path, monkeypatch):
    from newsevents.pipeline import Pipeline

    original = Pipeline.process_parsed

    def failing(self, doc, spacy_doc):
        if doc.path and doc.path.endswith(".md"):
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, doc, spacy_doc)

    monkeypatch.setattr(Pipeline, "process_parsed", failing)
    db = tmp_path / "e.db"
    result = runner.invoke(cli, ["ingest", "-q", str(MD), str(HTML), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "could not be coded (RecursionError" in result.output and MD.name in result.output
    with Store(db) as store:
        assert store.stats()["n_documents"] == 1  # the HTML page is stored
