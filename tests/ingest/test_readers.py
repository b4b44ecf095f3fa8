import csv
import io
import json
import os
import zipfile

import pytest

from corpus_tools.jobs import ingest
from corpus_tools.ingest import InputError, Limits, iter_documents
from corpus_tools.ingest.readers import FieldMap

EN = ("Microsoft will invest €4bn in France to expand its cloud and AI infrastructure, "
      "the company said on Monday.\n\nThe plan includes a new data centre campus near Mulhouse.")
FR = ("Microsoft va investir 4 milliards d'euros en France pour développer ses infrastructures "
      "de cloud et d'intelligence artificielle.\n\nLe groupe prévoit un nouveau campus près de Mulhouse.")

LONG_EN = (EN + " Brad Smith, the vice chair, said the investment was the largest the group had ever made in "
           "the country. The group also intends to train one million people in AI skills by 2027 and to support "
           "2,500 start-ups through a new programme run from its Paris offices. Other technology groups made "
           "pledges at the same summit, including a cloud provider that promised more data centres.")


def _run(tmp_path, **kwargs):
    corpus = ingest([tmp_path], progress=False, **kwargs)
    return corpus.documents, corpus.errors


def test_plain_text_with_date_header_and_title(tmp_path):
    (tmp_path / "a.txt").write_text(f"date 2024-05-13\nMicrosoft invests in France\n\n{EN}", encoding="utf-8")
    docs, errors = _run(tmp_path)
    row = docs.iloc[0]
    assert (row.date, row.title, row.lang) == ("2024-05-13", "Microsoft invests in France", "en")
    assert row.body.startswith("Microsoft will invest €4bn")
    assert row.n_words == len(row.body.split()) and row["item"] == "" and errors.empty


def test_html_main_text_and_metadata_without_script_style_nav(tmp_path):
    html = f"""<html><head><title>Microsoft investit 4 milliards</title>
    <meta property="article:published_time" content="2024-05-13T09:00:00Z">
    <style>p {{ content: "99 millions d'euros"; }}</style><script>var x = "50 M€";</script></head>
    <body><nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav>
    <div class="cookie">Nous utilisons des cookies pour améliorer votre expérience de navigation.</div>
    <article><h1>Microsoft investit 4 milliards</h1>{''.join(f'<p>{p}</p>' for p in FR.split(chr(10)*2))}</article>
    <footer>Tous droits réservés</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    docs, errors = _run(tmp_path)
    row = docs.iloc[0]
    assert row.title == "Microsoft investit 4 milliards" and row.date == "2024-05-13" and row.lang == "fr"
    assert "Le groupe prévoit un nouveau campus" in row.body
    for junk in ("99 millions", "50 M€", "Accueil", "cookies", "droits"):
        assert junk not in row.body


def test_jsonl_records_fields_and_bad_lines(tmp_path):
    lines = [json.dumps({"title": "A", "date": "2024-05-13", "url": "https://x.org/a", "text": EN}),
             '{"text": "unterminated',
             json.dumps({"title": "no text"}),
             json.dumps({"text": 12345}),
             json.dumps([{"text": EN}]),
             "",
             json.dumps({"content": FR, "lang": "fr"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, errors = _run(tmp_path)
    assert list(docs["item"]) == ["line 1", "line 7"]
    assert list(docs["url"]) == ["https://x.org/a", ""]
    assert list(docs["lang"]) == ["en", "fr"]
    assert dict(zip(errors["item"], errors["reason"])) == {
        "line 2": "parse", "line 3": "missing_text", "line 4": "parse", "line 5": "parse"}


def test_json_array_and_configurable_text_field(tmp_path):
    (tmp_path / "items.json").write_text(json.dumps([{"story": EN}, {"story": FR}]), encoding="utf-8")
    docs, _ = _run(tmp_path, fields=FieldMap.with_text_fields("story"))
    assert list(docs["item"]) == ["record 1", "record 2"] and list(docs["lang"]) == ["en", "fr"]


def test_csv_with_embedded_newlines_and_quotes(tmp_path):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["title", "date", "body"])
    writer.writeheader()
    writer.writerow({"title": 'Un "titre"', "date": "2023-11-17", "body": FR})
    writer.writerow({"title": "Two", "date": "", "body": EN + '\n\n"Quoted," he said, "with commas".'})
    (tmp_path / "table.csv").write_text(buffer.getvalue(), encoding="utf-8")
    docs, errors = _run(tmp_path)
    assert list(docs["item"]) == ["row 1", "row 2"] and errors.empty
    assert docs.iloc[0].title == 'Un "titre"' and docs.iloc[0].date == "2023-11-17"
    assert docs.iloc[1].body.endswith('"Quoted," he said, "with commas".')


def test_zip_members_read_in_memory_with_caps(tmp_path):
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("news/en.txt", EN)
        zf.writestr("news/feed.jsonl", json.dumps({"text": FR}))
        zf.writestr("../escape.txt", EN + " escaped")
        zf.writestr("bomb.txt", "0" * 5_000_000)
        zf.writestr("image.png", b"\x89PNG")
    before = set(os.listdir(tmp_path.parent))
    docs, errors = _run(tmp_path)
    assert set(os.listdir(tmp_path.parent)) == before  # nothing extracted to disk
    assert list(docs["item"]) == ["news/en.txt", "news/feed.jsonl:line 1"]
    assert dict(zip(errors["item"], errors["reason"])) == {
        "../escape.txt": "unsafe_path", "bomb.txt": "zip_bomb", "image.png": "unsupported"}


def test_folders_recursive_sorted_with_loops_and_odd_names(tmp_path):
    (tmp_path / "b dir é").mkdir()
    (tmp_path / "b dir é" / "article été.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b dir é" / "loop").symlink_to(tmp_path)
    (tmp_path / "empty.txt").write_text("  \n ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    docs, errors = _run(tmp_path)
    assert [os.path.basename(s) for s in docs["source"]] == ["a.txt", "article été.txt"]
    reasons = sorted(errors["reason"])
    assert reasons == ["decode", "empty", "loop"]


def test_legacy_encodings_and_bom_files(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes(FR.replace("4 milliards d'euros", "4 Md€").encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(EN.encode("utf-16"))
    docs, errors = _run(tmp_path)
    assert errors.empty
    assert "4 Md€" in docs.iloc[0].body and "développer" in docs.iloc[0].body
    assert docs.iloc[1].body.startswith("Microsoft will invest €4bn")


def test_duplicates_kept_with_duplicate_of_and_unique_ids(tmp_path):
    (tmp_path / "a.txt").write_text(LONG_EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LONG_EN, encoding="utf-8")
    (tmp_path / "c.txt").write_text(LONG_EN.replace("Monday", "Tuesday") + " Updated at 10:00.",
                                    encoding="utf-8")
    docs, _ = _run(tmp_path)
    first = docs.iloc[0].doc_id
    assert list(docs["duplicate_of"]) == ["", first, first]
    assert docs["doc_id"].is_unique


def test_too_large_and_truncated(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 20_000, encoding="utf-8")
    (tmp_path / "long.txt").write_text((EN + "\n\n") * 20, encoding="utf-8")
    docs, errors = _run(tmp_path, limits=Limits(max_file_bytes=10_000, max_doc_chars=500))
    assert list(errors["reason"]) == ["too_large"]
    assert docs.iloc[0].truncated and docs.iloc[0].n_chars <= 500


def test_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        list(iter_documents([tmp_path / "nope"]))


def test_every_item_ends_in_exactly_one_table(tmp_path):
    (tmp_path / "feed.jsonl").write_text("\n".join([json.dumps({"text": EN}), "{bad", json.dumps({"text": EN})]),
                                         encoding="utf-8")
    docs, errors = _run(tmp_path)
    assert sorted(list(docs["item"]) + list(errors["item"])) == ["line 1", "line 2", "line 3"]
