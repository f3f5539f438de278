"""Ingestion: metadata, boilerplate and hostile files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError, InputTooLargeError, UnsupportedMediaError
from kg.ingest import (
    discover,
    find_boilerplate,
    find_date,
    read_bytes,
    read_document,
    read_text,
)


@pytest.mark.parametrize(
    "name, title, authors, publisher, published",
    [
        ("000_7b65b09a4260db5d.txt", "Fewer Central Asians, more N. Koreans after terror attacks",
         ["Jeong Tae Joo"], "Daily NK", date(2025, 9, 20)),
        ("001_46a845f7f420ae60.txt", "North Korean workers flood into Russia amid deepening alliance with Putin",
         ["Anna Fadiah", "Hayu Andini"], "UPI", None),
        ("002_9296196bccfae27d.txt",
         "North Koreans entering Russia surge to 13,000, suggests labor deal amid Ukraine war",
         ["Seo Ji-eun"], "Korea JoongAng Daily", date(2025, 2, 5)),
        ("003_7d78bd987665da43.txt",
         "North Korea sends nearly 15,000 migrants to Russia to cover labor market shortage, WSJ reports",
         ["Kateryna Hodunova"], "The Kyiv Independent", date(2025, 5, 5)),
        ("004_90cfa5b8c2d3a207.txt", "North Korean Labor Dispatch to Russia: Current Issues and Prospects",
         ["Andrei Lankov"], "Sejong Institute", date(2025, 9, 12)),
    ],
)
def test_seed_metadata(seeds_dir, name, title, authors, publisher, published):
    doc = read_document(seeds_dir / name)
    assert (doc.title, list(doc.authors), doc.publisher, doc.published) == (title, authors, publisher, published)
    assert len(doc.sha256) == 64


def test_seed_sidecars_state_only_what_the_text_lacks(seeds_dir):
    for sidecar in seeds_dir.glob("*.meta.json"):
        meta = json.loads(sidecar.read_text())
        text = (seeds_dir / sidecar.name.removesuffix(".meta.json")).read_text(encoding="utf-8")
        assert set(meta) <= {"publisher", "url"}
        assert not any(f"By {meta['publisher']}" in line for line in text.splitlines())
    # 002 states its publisher in its byline and needs no sidecar.
    assert not (seeds_dir / "002_9296196bccfae27d.txt.meta.json").exists()


def _kind_at(doc, needle: str, occurrence: int = 0) -> str | None:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(needle, start + 1)
    for b in doc.boilerplate:
        if b.start <= start and start + len(needle.rstrip()) <= b.end:
            return b.kind
    return None


@pytest.mark.parametrize(
    "name, needle, kind",
    [
        ("003_7d78bd987665da43.txt", "Help us reach 20,000 members", "newsletter"),
        ("003_7d78bd987665da43.txt", "Our goal: reach 20,000 members", "newsletter"),
        ("003_7d78bd987665da43.txt", "Can we reach 20,000 members", "newsletter"),
        ("003_7d78bd987665da43.txt", "2:36 PM", "feed"),
        ("003_7d78bd987665da43.txt", "Gavriil Grigorov / POOL / AFP", "caption"),
        ("003_7d78bd987665da43.txt", "Enter your email to subscribe", "feed"),
        ("000_7b65b09a4260db5d.txt", "Who Will Vote For?", "poll"),
        ("000_7b65b09a4260db5d.txt", "Satellite data shows N. Korea", "feed"),
        ("000_7b65b09a4260db5d.txt", "Share this post:", "share"),
        ("001_46a845f7f420ae60.txt", "Photo by Yuri Kochetkov/EPA", "caption"),
        ("002_9296196bccfae27d.txt", "8a2baf21-6633-402a", "image"),
        ("002_9296196bccfae27d.txt", "[JOONGANG PHOTO]\n", "caption"),
        ("002_9296196bccfae27d.txt", "17:25", "header"),
        ("004_90cfa5b8c2d3a207.txt", "View 254", "header"),
        ("004_90cfa5b8c2d3a207.txt", "(Brief 2025-24)", "header"),
        ("004_90cfa5b8c2d3a207.txt", "5. Sanctions, War", "heading"),
    ],
)
def test_seed_chrome_is_marked(seeds_dir, name, needle, kind):
    assert _kind_at(read_document(seeds_dir / name), needle) == kind


@pytest.mark.parametrize(
    "name, needle",
    [
        ("002_9296196bccfae27d.txt", "13,221 North Koreans entered Russia"),
        ("003_7d78bd987665da43.txt", "North Korea sent about 15,000 labor migrants"),
        ("004_90cfa5b8c2d3a207.txt", "nearly 8,000 arrived"),
        ("004_90cfa5b8c2d3a207.txt", "Financing the Regime"),
        ("001_46a845f7f420ae60.txt", "approximately 15,000 North Korean workers"),
        ("000_7b65b09a4260db5d.txt", "a source in Russia told Daily NK"),
    ],
)
def test_seed_reporting_is_not_chrome(seeds_dir, name, needle):
    assert _kind_at(read_document(seeds_dir / name), needle) is None


def test_negatives_of_the_gold_set_in_chrome_fall_in_boilerplate(shared_dir, seeds_dir):
    """Site chrome among the gold negatives (not the in-text identifiers) is all marked."""
    rows = [json.loads(line) for line in (shared_dir / "eval" / "negatives.jsonl").read_text().splitlines() if line]
    docs = {p.name: read_document(p) for p in seeds_dir.glob("*.txt")}
    chrome = [r for r in rows if not any(w in r["context"] for w in ("Covid", "COVID", "Resolution", "crop"))]
    for r in chrome:
        assert docs[r["document"]].is_boilerplate(r["start"], r["end"]), r


def test_offsets_point_into_the_original_text(seeds_dir):
    for path in seeds_dir.glob("*.txt"):
        doc = read_document(path)
        assert doc.text == path.read_text(encoding="utf-8")
        for b in doc.boilerplate:
            assert 0 <= b.start < b.end <= len(doc.text)
            assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("September 20, 2025", date(2025, 9, 20)),
        ("Published: 05 Feb. 2025, 17:25", date(2025, 2, 5)),
        ("by Someone May 5, 2025 6:18 PM 2 min read", date(2025, 5, 5)),
        ("Date 2025-09-12 View 254", date(2025, 9, 12)),
        ("Sept. 4, 2024", date(2024, 9, 4)),
        ("1 March 2023", date(2023, 3, 1)),
        ("Feb. 30, 2024", None),
        ("no date here", None),
    ],
)
def test_find_date(text, expected):
    hit = find_date(text)
    assert (hit[0] if hit else None) == expected


@pytest.mark.parametrize(
    "header, authors",
    [
        ("By Ann Lee and Bo Kim", ("Ann Lee", "Bo Kim")),
        ("BY KIM MIN-JI [[email protected]]", ("Kim Min-ji",)),
        ("Writer John Smith", ("John Smith",)),
        ("by Jane Doe, Carl Roe & Al Poe", ("Jane Doe", "Carl Roe", "Al Poe")),
        ("Photo by Yuri Kochetkov/EPA", ()),
    ],
)
def test_bylines(header, authors):
    body = "The ministry said on Monday that about 1,200 workers arrived in the city last year, a record."
    doc = read_text("x.txt", f"A headline about something big\n\n{header}\n\n{body}\n")
    assert doc.authors == authors


def test_date_outside_the_header_is_not_the_publication_date():
    doc = read_text("x.txt", "A headline about something big\n\n" + "The talks began on May 5, 2024, officials said, and about 300 delegates came to the city.\n")
    assert doc.published is None


def test_feed_in_the_header_stops_at_the_article():
    text = "LATEST NEWS\n\nSome headline here\n\n" + "Officials said that the number of workers rose sharply in the region this year, to 4,000.\n"
    kinds = [b.kind for b in find_boilerplate(text)]
    assert kinds == ["feed"]


# ------------------------------------------------------------------ hostile files


def test_a_short_piece_has_a_body():
    text = "Arrivals\n\nOfficials said 1,200 workers arrived in March.\n"
    spans = find_boilerplate(text)
    assert [(b.kind, text[b.start : b.end]) for b in spans] == [("header", "Arrivals")]


def test_a_short_lead_before_a_long_paragraph_is_the_article():
    lead = "The harbour reopened to cargo ships on Tuesday."
    text = ("Harbour reopens\n\nBy Ann Lee\nMay 4, 2026\n\n" + lead + "\n\n"
            "Port officials said that about 40 vessels had waited offshore during the three weeks of repairs.\n")
    header = [text[b.start : b.end] for b in find_boilerplate(text) if b.kind == "header"]
    assert header and all(lead not in h for h in header)
    assert read_text("x.txt", text).published == date(2026, 5, 4)


def test_a_text_that_opens_with_a_paragraph_has_no_header():
    text = ("Acme Foods recalled 8,000 jars of peanut butter on Monday after inspectors found traces of "
            "glass in a batch, the agency said.\n\nNo injuries were reported.\n")
    assert [b for b in find_boilerplate(text) if b.kind == "header"] == []


def test_empty_file_is_refused(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"  \n\n")
    with pytest.raises(InputError, match=r"empty\.txt: the document is empty"):
        read_document(tmp_path / "empty.txt")


def test_binary_file_is_refused(tmp_path: Path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UnsupportedMediaError, match=r"image\.txt: binary data"):
        read_document(tmp_path / "image.txt")


def test_invalid_utf8_is_refused_with_the_byte_position(tmp_path: Path):
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 cr\u00e8me".encode("latin-1"))
    with pytest.raises(UnsupportedMediaError, match=r"latin1\.txt: not valid UTF-8 at byte 3"):
        read_document(tmp_path / "latin1.txt")


def test_huge_file_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50_000_000)
    with pytest.raises(InputTooLargeError, match=r"huge\.txt: 50000000 bytes is over the limit"):
        read_document(path, max_bytes=2_000_000)


def test_control_character_soup_is_refused():
    with pytest.raises(UnsupportedMediaError, match="looks like binary"):
        read_bytes("x.txt", bytes(range(1, 32)) * 100)


def test_missing_path_is_an_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "nope"])


def test_bad_sidecar_is_an_error(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Some headline for a test\n\nThe ministry said that about 1,200 workers arrived here last year.\n")
    (tmp_path / "a.txt.meta.json").write_text('{"publisher": "X", "colour": "red"}')
    with pytest.raises(InputError, match=r"unknown fields \['colour'\]"):
        read_document(tmp_path / "a.txt")


def test_folders_are_searched_for_text_files_only(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "c.html").write_text("x")
    (tmp_path / "a.txt.meta.json").write_text("{}")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    assert [p.name for p in discover([tmp_path])[0]] == ["a.txt", "b.md", "c.html"]


def test_html_is_read_without_scripts_or_fetching():
    html = b"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
    <html><head><title>Workers head north</title><meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2025-03-01T10:00:00Z">
    <script>document.write("Subscribe now 999")</script><style>p{}</style></head>
    <body><img src="http://127.0.0.1:9/x.png"><p>By Ann Lee</p>
    <p>The ministry said on Monday that about 1,200 workers arrived in the city last year &amp; more came.&xxe;</p></body></html>"""
    doc = read_bytes("page.html", html, media_type="text/html")
    assert doc.title == "Workers head north"
    assert doc.publisher == "Example News"
    assert doc.published == date(2025, 3, 1)
    assert "999" not in doc.text and "passwd" not in doc.text
    assert "1,200 workers arrived in the city last year & more came." in doc.text
    assert doc.authors == ("Ann Lee",)


def test_markdown_images_and_headings_are_boilerplate():
    body = "The ministry said on Monday that about 1,200 workers arrived in the city last year, a record.\n"
    text = "# A headline about the workers\n\n![a photo](https://example.org/p.jpg)\n\n" + body + "\n## Section\n\n" + body
    doc = read_text("a.md", text, media_type="text/markdown")
    assert [b.kind for b in doc.boilerplate] == ["header", "image", "heading", "duplicate"]


def test_markdown_heading_marks_are_not_part_of_the_title():
    body = "The ministry said on Monday that about 1,200 workers arrived in the city last year, a record.\n"
    doc = read_text("a.md", "# Workers head north to the city\n\n*Reuters* | 12 June 2024\n\n" + body)
    assert doc.title == "Workers head north to the city"
    assert doc.published == date(2024, 6, 12)


def test_links_out_of_a_folder_are_refused_not_followed(tmp_path: Path):
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    (folder / "b.txt").write_text("y")
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "b.txt")
    found, refused = discover([folder])
    assert [p.name for p in found] == ["a.txt", "b.txt"]
    assert len(refused) == 1 and "passwd.txt" in refused[0][1].message and "not followed" in refused[0][1].message


def test_two_files_of_one_name_are_an_error_naming_both(tmp_path: Path):
    for part in ("a", "b"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "report.txt").write_text(part)
    with pytest.raises(InputError, match=r"a/report.txt and .*b/report.txt have the same file name"):
        discover([tmp_path])
