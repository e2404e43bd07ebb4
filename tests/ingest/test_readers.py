import gzip
import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import prepare_article, read_source
from newsgraph.ingest.raw import RawArticle
from newsgraph.records import Article
from newsgraph.settings import Settings

SETTINGS = Settings(database_url="sqlite://")
BODY = (
    "The city council of Northport voted on Monday to close the old harbour bridge to cars. "
    "The mayor said the bridge was no longer safe and that repairs would take two years."
)


def read_all(path: Path) -> list[RawArticle | InputError]:
    return list(read_source(path, SETTINGS))


def prepare_all(path: Path) -> list[Article | InputError]:
    out: list[Article | InputError] = []
    for item in read_all(path):
        if isinstance(item, InputError):
            out.append(item)
            continue
        try:
            out.append(prepare_article(item))
        except InputError as error:
            out.append(error)
    return out


def test_plain_text_title_and_body(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(f"Bridge closed\n\n{BODY}\n")
    [article] = prepare_all(path)
    assert isinstance(article, Article)
    assert article.title == "Bridge closed"
    assert article.text == BODY
    assert article.external_id == "bridge.txt"
    assert article.published.source == "unknown" and article.published.value is None


def test_html_uses_trafilatura_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Bridge closed | Northport Post</title>"
        '<meta property="og:site_name" content="Northport Post">'
        '<meta property="og:url" content="https://post.example/bridge">'
        '<meta property="article:published_time" content="2026-01-12T08:00:00Z"></head>'
        "<body><nav>Home | News</nav><article><h1>Bridge closed</h1>"
        f"<p>{BODY}</p><p>{BODY.replace('two years', 'three years')}</p></article>"
        "<footer>Copyright 2026</footer><script>var x = 1;</script></body></html>"
    )
    [article] = prepare_all(path)
    assert isinstance(article, Article)
    assert article.outlet == "Northport Post"
    assert article.url == "https://post.example/bridge"
    assert article.published.value == "2026-01-12" and article.published.source == "meta"
    assert "var x" not in article.text and "Home | News" not in article.text
    assert "harbour bridge" in article.text


def test_jsonl_keeps_fields_and_reports_bad_lines_by_number(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": BODY, "outlet": "Post", "published": "2026-01-12", "lang": "en"}),
        "{not json",
        json.dumps({"id": "a2", "title": "No text"}),
        json.dumps({"id": "a3", "text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": BODY.replace("Monday", "Tuesday")}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = prepare_all(path)
    assert len(items) == 6
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.external_id for a in good] == ["a1", "feed.jsonl:7"]
    assert good[0].metadata["lang"] == "en" and good[0].outlet == "Post"
    assert [e.source for e in bad] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "invalid JSON" in bad[0].reason and "no `text`" in bad[1].reason
    assert "must be a string" in bad[2].reason and "object" in bad[3].reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        ("archive.txt", gzip.compress(b"hello " * 100), "gzip"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t \n", "empty"),
        ("numbers.txt", b"Title\n\n" + b"12 34 56 78 90 " * 20, "no prose"),
        ("binary.txt", b"abc\x00\x01\x02" * 500 + b"\xff\xfe\xfd" * 300, "binary"),
        (
            "german.txt",
            "Titel\n\nDie Stadtverwaltung hat am Montag beschlossen, die alte Hafenbrücke für Autos zu "
            "sperren. Der Bürgermeister sagte, die Brücke sei nicht mehr sicher und die Reparatur werde "
            "zwei Jahre dauern. Anwohner kritisierten die Entscheidung scharf und verlangten eine "
            "Ersatzlösung für Pendler aus den umliegenden Dörfern.".encode(),
            "English",
        ),
        ("nomarkup.html", b"Just words in an html file without any markup at all, not even one tag.", "markup"),
        (
            "scripts.html",
            b"<html><head><script>var a=1;</script><style>p{}</style></head><body></body></html>",
            "no article text",
        ),
    ],
)
def test_bad_inputs_fail_with_a_reason_naming_the_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [item] = prepare_all(path)
    assert isinstance(item, InputError), item
    assert item.source.startswith(str(path))
    assert reason.lower() in item.reason.lower()


def test_other_encodings_are_decoded(tmp_path: Path) -> None:
    text = f"Café owner speaks\n\n{BODY} The café owner, José, said it was a pity."
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    for name in ("utf16.txt", "latin1.txt"):
        [article] = prepare_all(tmp_path / name)
        assert isinstance(article, Article), article
        assert "José" in article.text and article.title == "Café owner speaks"


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    [item] = read_all(path)
    assert isinstance(item, InputError) and "MB" in item.reason and "limit" in item.reason


def test_same_input_same_id_changed_input_new_id(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Title\n\n{BODY}")
    [first] = prepare_all(path)
    [again] = prepare_all(path)
    path.write_text(f"Title\n\n{BODY} A correction was added.")
    [changed] = prepare_all(path)
    assert isinstance(first, Article) and isinstance(again, Article) and isinstance(changed, Article)
    assert first.id == again.id != changed.id
    assert first.external_id == changed.external_id


def test_published_flag_fills_in_only_where_the_input_has_none(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "own", "text": BODY, "published": "2025-12-01T10:00:00Z"})
        + "\n"
        + json.dumps({"id": "none", "text": BODY})
        + "\n"
        + json.dumps({"id": "bad", "text": BODY, "published": "someday"})
        + "\n"
    )
    raws = [r for r in read_all(path) if isinstance(r, RawArticle)]
    own, none, bad = (prepare_article(r, outlet="Flag Outlet", published="2026-02-02") for r in raws)
    assert (own.published.value, own.published.source) == ("2025-12-01", "metadata")
    assert (none.published.value, none.published.source) == ("2026-02-02", "given")
    assert bad.published.source == "given" and "unparseable" in bad.metadata["published_note"]
    assert own.outlet == "Flag Outlet"


def test_truncated_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(f"<html><head><title>Cut</title></head><body><article><p>{BODY}</p><p>{BODY} More<div><span")
    [article] = prepare_all(path)
    assert isinstance(article, Article)
    assert "harbour bridge" in article.text


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + f"<p>{BODY}</p>" + "</div>" * 5000 + "</body></html>")
    [item] = prepare_all(path)
    assert isinstance(item, Article | InputError)
    if isinstance(item, InputError):
        assert item.source == str(path) and item.reason
