"""Reading web pages and text scrapes: the article whole, its metadata, its date, no chrome."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.ingest import read_bytes, read_document, read_text

from support import COMMENTS, RELATED, page


def test_a_related_box_above_the_article_does_not_swallow_it():
    doc = read_bytes("a.html", page(before=RELATED), media_type="text/html")
    assert "about 4,300 containers" in doc.text and "Truck drivers waited up to nine hours" in doc.text
    assert "costliest storms" not in doc.text


def test_reader_comments_are_left_out():
    doc = read_bytes("a.html", page(after=COMMENTS), media_type="text/html")
    assert "14 hours" not in doc.text and "cranes were working" not in doc.text
    assert "1.2 million containers" in doc.text


def test_a_paragraph_wrapped_inside_p_is_one_paragraph():
    doc = read_bytes("a.html", page(), media_type="text/html")
    assert ("The port authority said on Tuesday that about 4,300 containers were held at the terminal last week, "
            "twice the usual number, after a strike by crane operators.") in doc.text


@pytest.mark.parametrize(
    "head, before, expected",
    [
        ('<meta property="article:published_time" content="2015-03-04T10:05:00Z">', "", date(2015, 3, 4)),
        ('<meta name="date" content="2015-03-04">', "", date(2015, 3, 4)),
        ("", '<p class="dateline">Wed Mar 4, 2015 10:05am GMT</p>', date(2015, 3, 4)),
        ("", '<div class="date">Wednesday, Mar. 4 2015, 5:05 AM EST</div>', date(2015, 3, 4)),
        # The page's own dateline, in its own time zone, wins over a UTC timestamp of the next day.
        ('<meta property="article:published_time" content="2015-03-05T03:30:00+00:00">',
         '<time datetime="2015-03-04">March 4, 2015</time>', date(2015, 3, 4)),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-03-04T08:00:00-05:00"}'
         "</script>", "", date(2015, 3, 4)),
    ],
)
def test_publication_dates_in_common_forms(head, before, expected):
    doc = read_bytes("a.html", page(head=head, before=before), media_type="text/html")
    assert doc.published == expected


def test_page_metadata():
    head = '<link rel="canonical" href="https://harbour.example/port-backlog">'
    doc = read_bytes("a.html", page(head=head), media_type="text/html")
    assert doc.title == "Port backlog grows after strike"
    assert doc.publisher == "Harbour Times"
    assert doc.authors == ("Maria Lopez", "Tom Berg")
    assert doc.url == "https://harbour.example/port-backlog"
    assert doc.language == "en"
    assert "Copyright" not in doc.text and "Sport" not in doc.text


def test_the_headline_kept_in_the_text_is_not_body():
    doc = read_bytes("a.html", page(), media_type="text/html")
    headline = doc.text.find("Port backlog grows after strike")
    assert headline < 0 or doc.is_boilerplate(headline, headline + 5)


# ------------------------------------------------------------------------------ plain text scrapes


def test_a_feed_heading_above_the_body_ends_at_the_next_paragraph():
    text = ("Port backlog grows after strike\n\nMost read\nThe 5 costliest storms\n10 ports to watch\n\n"
            "The port authority said on Tuesday that about 4,300 containers were held at the terminal last week, "
            "twice the usual number.\n\nRelated stories\nStrike ends at northern port\n\n"
            "Shipping lines expect the backlog to clear within ten days, the authority said in a statement on "
            "Wednesday.\n")
    doc = read_text("a.txt", text)
    feeds = [text[b.start : b.end] for b in doc.boilerplate if b.kind == "feed"]
    assert any("costliest" in f for f in feeds) and any("northern port" in f for f in feeds)
    for body in ("about 4,300 containers", "clear within ten days"):
        at = text.index(body)
        assert not doc.is_boilerplate(at, at + len(body))


def test_a_hard_wrapped_paragraph_is_one_paragraph_not_headings():
    text = ("Port backlog grows after strike\n\n"
            "The port authority said on Tuesday that\nabout 4,300 containers were held at the\n"
            "terminal last week, twice the usual\nnumber, after a strike by crane\noperators.\n")
    doc = read_text("a.txt", text)
    for piece in ("about 4,300 containers", "terminal last week", "operators"):
        at = text.index(piece)
        assert not doc.is_boilerplate(at, at + len(piece)), piece


# ------------------------------------------------------------------------------ the real-dev pages

REAL_DEV_DATES = {
    "d01": "2019-11-19", "d02": "2019-11-19", "d03": "2019-11-18", "d04": "2019-11-18", "d05": "2019-11-18",
    "d06": "2019-11-19", "d07": "2019-11-18", "d08": "2019-11-18", "d09": "2019-11-18", "d10": "2019-11-20",
    "d11": "2016-12-20", "d12": "2016-12-20",
}


@pytest.fixture(scope="module")
def real_dev(shared_dir) -> Path:
    folder = shared_dir / "eval" / "real-dev"
    if not (folder / "docs").is_dir():
        pytest.skip(f"the real-dev pages are not in {folder} (../shared is absent)")
    return folder


def test_every_real_page_keeps_its_date(real_dev):
    for path in sorted((real_dev / "docs").glob("*.html")):
        doc = read_document(path)
        assert doc.published is not None and doc.published.isoformat() == REAL_DEV_DATES[path.name[:3]], path.name


def test_no_real_page_loses_a_gold_figure(real_dev, tmp_path: Path):
    """The set's own check: every hand-annotated figure is found in the text the reader keeps."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(real_dev / "build_real_dev.py"), "--strict", f"--out={tmp_path}"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    gold = [json.loads(line) for line in (tmp_path / "gold-real-dev.jsonl").read_text().splitlines()]
    assert len(gold) == 118 and all(row.get("in_reader", True) for row in gold)


def test_a_reworded_headline_at_the_top_is_not_article_text():
    html = ("<html><head><title>Ferry operator in Oslo fined over late sailings</title></head><body><article>"
            "<h1>Ferry operator fined over late sailings after a winter of delays</h1>"
            "<p>The ferry operator was fined on Tuesday for months of late sailings across the fjord.</p>"
            "<p>Passengers had complained since November, the transport authority said.</p>"
            "</article></body></html>")
    doc = read_bytes("ferry.html", html.encode(), media_type="text/html")
    headers = [doc.text[b.start:b.end] for b in doc.boilerplate if b.kind == "header"]
    assert headers == ["Ferry operator fined over late sailings after a winter of delays"]
    assert not any("The ferry operator was fined" in h for h in headers)
