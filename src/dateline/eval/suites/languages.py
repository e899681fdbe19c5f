"""The `languages` suite: which language each article is in, Russian entities, and no English
rules on languages without a model.

(a) Detection, per language, on news assembled from the data folder: English (Reuters-21578
bodies, PolNeAR articles), Russian (factRuEval), and the pages of the Zyte benchmark whose
`<html lang>` states another language. Each is tried as an article (its first 1,000
characters, what the clean stage reads), as a short text (its title; factRuEval has none, so its
first sentence up to 120 characters) and as one paragraph. py3langid as the clean stage runs it
(the text lowercased, unknown when it has too few letters, over the languages with an ISO 639-1
code) beside lingua-language-detector (when installed) over all the languages it knows; also the
stage's own rule, which keeps a guess only when confident: right, left unknown, or wrong.
(b) factRuEval development set: Russian entity F1 (exact spans; Person -> PER, Org -> ORG,
Location and LocOrg -> LOC, see `load/factrueval.py`) through dateline beside bare Natasha NER.
(c) Every non-English Zyte page in a language without a model, through clean and extract: zero
entities, events and quotes of English rules expected (quotes between the language's own quotation
marks are kept on purpose and counted apart).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from dateline.eval.load.factrueval import RuDoc
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.eval.scoring import Counts, Item, score_typed, total
from dateline.model import Article, RawRecord, Source, Span
from dateline.settings import Settings

ARTICLE_CHARS = 1000  # what clean/language.py reads
SHORT_CHARS = 120
TARGET_ARTICLES = 0.99
TARGET_SHORT = 0.95
TARGET_RU_F1 = 0.85
KINDS = ("article", "title", "paragraph")
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
# factRuEval's types and ours: a GPE (a country) is a LOC there.
MAPPING = {"PER": frozenset({"PER", "PERSON"}), "ORG": frozenset({"ORG"}),
           "LOC": frozenset({"LOC", "GPE"})}
CANONICAL = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}


@dataclass(slots=True)
class Sample:
    language: str
    source: str
    texts: dict[str, str]  # kind -> text


# --- the samples -------------------------------------------------------------------------------

def _first_sentence(text: str) -> str:
    m = _SENTENCE_END.search(text, 20)
    s = " ".join(text[: m.end() if m else len(text)].split())
    return s if len(s) <= SHORT_CHARS else s[:SHORT_CHARS].rsplit(" ", 1)[0]


def _first_paragraph(text: str) -> str:
    return next((p.strip() for p in re.split(r"\n\s*\n|\n", text) if len(p.strip()) >= 40), text.strip())


def _sample(language: str, source: str, body: str, title: str | None) -> Sample:
    texts = {"article": body[:ARTICLE_CHARS], "paragraph": _first_paragraph(body)}
    texts["title"] = " ".join(title.split()) if title and title.strip() else _first_sentence(body)
    return Sample(language, source, texts)


def _reuters(data: Path, limit: int | None) -> Iterator[Sample]:
    from dateline.eval.load.reuters import iter_stories

    folder = data / "reuters21578"
    if folder.is_dir():
        bodies = (s for s in iter_stories(folder) if s.body and len(s.body.strip()) >= 200)
        for s in islice(bodies, limit):
            body = re.sub(r"\s*Reuter\s*$", "", s.body or "")
            yield _sample("en", "Reuters-21578", body, s.title)


def _polnear(data: Path, limit: int | None) -> Iterator[Sample]:
    from dateline.eval.load.polnear import iter_stories

    folder = data / "polnear"
    if folder.is_dir():
        stories = (s for s in iter_stories(folder) if s.paragraphs)
        for s in islice(stories, limit):
            yield _sample("en", "PolNeAR", "\n\n".join(s.paragraphs), s.title)


def _factrueval(data: Path, limit: int | None) -> list[RuDoc]:
    from dateline.eval.load.factrueval import iter_docs

    folder = data / "factrueval"
    return list(islice(iter_docs(folder), limit)) if folder.is_dir() else []


@dataclass(slots=True)
class Page:
    key: str
    language: str
    html: str
    body: str
    title: str | None


def _zyte_pages(data: Path) -> list[Page]:
    """The benchmark's pages whose `<html lang>` states a language, with their gold bodies."""
    folder = data / "article-extraction-benchmark"
    truth = folder / "ground-truth.json"
    if not truth.is_file():
        return []
    pages = []
    for key, gold in json.loads(truth.read_text(encoding="utf-8")).items():
        path = folder / "html" / f"{key}.html.gz"
        if not path.is_file():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        m = _HTML_LANG.search(html)
        if m and gold.get("articleBody"):
            t = _TITLE.search(html)
            title = re.sub(r"<[^>]+>", "", t.group(1)).strip() if t else None
            pages.append(Page(key, m.group(1).lower()[:2], html, gold["articleBody"], title))
    return pages


# --- (a) detection -------------------------------------------------------------------------------

Detector = Callable[[str], str | None]


def _py3langid() -> Detector:
    # the clean stage's own reading of the text (lowercased, letters counted, ISO 639-1 labels),
    # before its confidence rule: the figures are those of the detector as dateline runs it
    from dateline.clean.language import label

    label("Das ist ein kurzer Satz.")  # the model is read on first use: not an article's cost
    return label


def _lingua() -> Detector | None:
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return None
    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> str | None:
        lang = detector.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else None

    return detect


def _detection(samples: list[Sample], with_lingua: bool = True) -> dict[str, Any]:
    from dateline.clean.language import detect as stage_detect

    systems: dict[str, Detector] = {"py3langid": _py3langid()}
    load = {"py3langid": 0.0}
    start = time.perf_counter()
    lingua = _lingua() if with_lingua else None
    if lingua is not None:
        lingua("Das ist ein kurzer Satz.")  # lingua reads its models on first use: timed apart
        systems["lingua"] = lingua
        load["lingua"] = time.perf_counter() - start
    out: dict[str, Any] = {"load_s": load, "systems": {}}
    for name, detect in systems.items():
        right: dict[str, Counter[str]] = defaultdict(Counter)
        seconds = cpu = 0.0
        for s in samples:
            for kind, text in s.texts.items():
                t0, c0 = time.perf_counter(), time.process_time()
                got = detect(text)
                if kind == "article":
                    seconds += time.perf_counter() - t0
                    cpu += time.process_time() - c0
                right[kind]["n"] += 1
                right[kind]["ok"] += got == s.language
                right[f"{kind}|{s.language}"]["n"] += 1
                right[f"{kind}|{s.language}"]["ok"] += got == s.language
        out["systems"][name] = {
            "accuracy": {k: c["ok"] / c["n"] for k, c in right.items() if c["n"]},
            "n": {k: c["n"] for k, c in right.items()},
            "ms_per_article": 1000 * seconds / max(1, len(samples)),
            # CPU time as well: on a shared machine the clock counts other people's work
            "cpu_ms_per_article": 1000 * cpu / max(1, len(samples)),
        }
    stage: dict[str, Counter[str]] = defaultdict(Counter)
    for s in samples:
        for kind, text in s.texts.items():
            got = stage_detect(text)
            stage[kind]["right" if got == s.language else "unknown" if got is None else "wrong"] += 1
    out["stage"] = {k: dict(c) for k, c in stage.items()}
    out["contested"] = _contested(samples, systems)
    return out


def _contested(samples: list[Sample], systems: dict[str, Detector]) -> list[str]:
    """Samples whose stated language every detector contradicts, agreeing on another: a page
    that states the wrong language is more likely than two detectors wrong the same way."""
    out = []
    for s in samples:
        labels = {detect(s.texts["article"]) for detect in systems.values()}
        if len(systems) > 1 and len(labels) == 1 and s.language not in labels:
            out.append(f"{s.source}, stated {s.language}, detected {labels.pop()}: {s.texts['title'][:70]}")
    return out


# --- (b) Russian entities ------------------------------------------------------------------------

def _russian_ner(docs: list[RuDoc], settings: Settings) -> dict[str, Any]:
    from dateline.extract import extract_articles
    from dateline.extract.ru.natasha import bare_spans

    articles = (Article(d.id, Source("factrueval", i, "txt"), d.text, [Span(0, len(d.text))], language="ru")
                for i, d in enumerate(docs))
    ours = {t: Counts() for t in MAPPING}
    bare = {t: Counts() for t in MAPPING}
    t0 = time.perf_counter()
    extracted = list(extract_articles(articles, settings))
    seconds = time.perf_counter() - t0
    for d, a in zip(docs, extracted, strict=True):
        items = [Item(m.start, m.end, e.type) for e in a.entities for m in e.mentions]
        for t, c in score_typed(d.entities, items, MAPPING, CANONICAL).items():
            ours[t] = ours[t] + c
        theirs = [Item(s, e, label) for s, e, label in bare_spans(d.text)]
        for t, c in score_typed(d.entities, theirs, MAPPING, CANONICAL).items():
            bare[t] = bare[t] + c
    return {
        "documents": len(docs),
        "seconds": seconds,
        "dateline": {"all": total(ours.values()).as_dict(), **{t: c.as_dict() for t, c in ours.items()}},
        "natasha": {"all": total(bare.values()).as_dict(), **{t: c.as_dict() for t, c in bare.items()}},
    }


# The resident memory now, not the peak: a child process starts with its parent's peak (Linux
# keeps the high-water mark across fork and exec), so `ru_maxrss` showed nothing added.
_COST = """
import os, time
from dateline.extract.ru.natasha import get_natasha
def resident():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
before = resident()
t = time.perf_counter()
get_natasha()
print(time.perf_counter() - t, resident() - before)
"""


def _natasha_cost() -> dict[str, float] | None:
    """Natasha's load time and the memory it adds, in a fresh process (this one has others loaded)."""
    try:
        done = subprocess.run([sys.executable, "-c", _COST], capture_output=True, text=True, timeout=300,
                              check=True)
        seconds, mib = (float(x) for x in done.stdout.split())
    except (subprocess.SubprocessError, ValueError, OSError):
        return None
    return {"load_s": seconds, "memory_mib": mib}


# --- (c) no nonsense -----------------------------------------------------------------------------

def _no_model(pages: list[Page], settings: Settings) -> dict[str, Any]:
    """Non-English pages in a language without a model, through clean and extract as ingest does."""
    from dateline.clean import clean_record
    from dateline.extract import _pipeline, extract_articles
    from dateline.model import Rejected

    articles = []
    for i, p in enumerate(pages):
        raw = RawRecord(Source(p.key, i, "html"), html=p.html)
        try:
            articles.append(clean_record(raw, settings))
        except Rejected:
            continue
    chosen = [a for a in articles if a.language not in (None, "en") and _pipeline(a, settings) is None]
    out = list(extract_articles(chosen, settings))
    return {
        "articles": len(out),
        "languages": dict(Counter(a.language or "?" for a in out)),
        "entities": sum(len(a.entities) for a in out),
        # Quotes between the language's quotation marks are kept on purpose (extract/local.py);
        # any other quote could only come from an English rule.
        "marked_quotes": sum(len(a.quotes) - len(_english_rule_quotes(a)) for a in out),
        "quotes": sum(len(_english_rule_quotes(a)) for a in out),
        "events": sum(len(a.events) for a in out),
        "warned": sum(any("no entities" in w for w in a.warnings) for a in out),
    }


def _english_rule_quotes(article: Article) -> list[Any]:
    """The article's quotes that its language's quotation marks do not account for."""
    from dateline.extract.foreign_quotes import find_foreign_quotes

    marked = {(q.start, q.end) for q in find_foreign_quotes(article.text, article.language)}
    return [q for q in article.quotes if (q.start, q.end) not in marked]


# --- the suite -----------------------------------------------------------------------------------

def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    """`limit`: the first N documents of each source (Reuters, PolNeAR, factRuEval)."""
    settings = settings or Settings()
    data = path
    ru_docs = _factrueval(data, limit)
    pages = _zyte_pages(data)
    samples = [*_reuters(data, limit), *_polnear(data, limit)]
    samples += [_sample("ru", "factRuEval", d.text, None) for d in ru_docs]
    samples += [_sample(p.language, "Zyte benchmark", p.body, p.title) for p in pages if p.language != "en"]
    figures: dict[str, Any] = {"samples": dict(Counter(f"{s.language} ({s.source})" for s in samples))}
    figures["detection"] = _detection(samples) if samples else None
    figures["russian_ner"] = _russian_ner(ru_docs, settings) if ru_docs else None
    figures["natasha_cost"] = _natasha_cost() if ru_docs else None
    figures["no_model"] = _no_model(pages, settings) if pages else None
    return _result(figures)


def _result(f: dict[str, Any]) -> SuiteResult:
    rows = [Row("samples", ", ".join(f"{k}: {v}" for k, v in sorted(f["samples"].items())))]
    det = f["detection"]
    has_lingua = bool(det and "lingua" in det["systems"])
    if det:
        langs = sorted({k.split("|")[1] for k in det["systems"]["py3langid"]["n"] if "|" in k})
        for kind in KINDS:
            target = TARGET_ARTICLES if kind == "article" else TARGET_SHORT
            for key in [kind, *(f"{kind}|{lang}" for lang in langs)]:
                p = det["systems"]["py3langid"]["accuracy"].get(key)
                if p is None:
                    continue
                lg = det["systems"]["lingua"]["accuracy"].get(key) if has_lingua else None
                n = det["systems"]["py3langid"]["n"][key]
                label = f"detection accuracy, {kind}s" if key == kind else f"  {key.split('|')[1]} ({n})"
                rows.append(Row(label, fmt(p), fmt(lg) if has_lingua else "not installed",
                                meets(p, target) if key == kind else ""))
        for kind in KINDS:
            c = det["stage"].get(kind, {})
            rows.append(Row(f"clean stage's rule, {kind}s: right / unknown / wrong",
                            f"{c.get('right', 0)} / {c.get('unknown', 0)} / {c.get('wrong', 0)}", "",
                            "wrong: as few as possible"))
        for what, field in (("ms per article (first 1,000 characters), clock", "ms_per_article"),
                            ("  CPU ms per article", "cpu_ms_per_article")):
            rows.append(Row(what, f"{det['systems']['py3langid'][field]:.2f}",
                            f"{det['systems']['lingua'][field]:.2f}" if has_lingua else "", "< 1 ms"))
        if has_lingua:
            rows.append(Row("detector load, s", "-", f"{det['load_s']['lingua']:.1f}"))
    ner = f["russian_ner"]
    if ner:
        d, b = ner["dateline"], ner["natasha"]
        rows.append(Row(f"factRuEval entity F1, all ({ner['documents']} documents, {d['all']['gold']} gold)",
                        fmt(d["all"]["f1"]), fmt(b["all"]["f1"]), meets(d["all"]["f1"], TARGET_RU_F1)))
        rows.append(Row("  precision / recall", f"{fmt(d['all']['precision'])} / {fmt(d['all']['recall'])}",
                        f"{fmt(b['all']['precision'])} / {fmt(b['all']['recall'])}"))
        for t in MAPPING:
            rows.append(Row(f"  F1 {t} ({d[t]['gold']} gold)", fmt(d[t]["f1"]), fmt(b[t]["f1"])))
        rows.append(Row("  Russian extraction, s per document (Natasha + times + amounts)",
                        f"{ner['seconds'] / max(1, ner['documents']):.3f}"))
    cost = f["natasha_cost"]
    if cost:
        rows.append(Row("Natasha load, s / memory added, MiB", f"{cost['load_s']:.1f} / {cost['memory_mib']:.0f}"))
    nm = f["no_model"]
    if nm:
        langs = ", ".join(f"{k} {v}" for k, v in sorted(nm["languages"].items()))
        rows.append(Row(f"articles without a model ({langs}): entities / English-rule quotes / events",
                        f"{nm['entities']} / {nm['quotes']} / {nm['events']}", "", "0 / 0 / 0"
                        + (" ok" if nm["entities"] == nm["quotes"] == nm["events"] == 0 else " MISSED")))
        rows.append(Row("  quotes between the language's quotation marks (kept on purpose)",
                        str(nm.get("marked_quotes", 0))))
        rows.append(Row("  of them with the warning that says why", f"{nm['warned']} of {nm['articles']}"))
    result = SuiteResult("languages", rows, f, baseline_name="lingua / bare Natasha" if has_lingua
                         else "bare Natasha")
    for line in (det or {}).get("contested", []):
        result.notes.append(f"stated language contradicted by both detectors: {line}")
    result.notes.append("detection: the dateline column is py3langid's label as the clean stage reads the "
                        "text (clean/language.py `label`), before its confidence rule; the baseline column is "
                        "lingua's on the same text, "
                        "for detection rows; for factRuEval rows it is Natasha's NER alone")
    if not has_lingua:
        result.notes.append("lingua-language-detector is not installed: pip install lingua-language-detector "
                            "to compare")
    return result
