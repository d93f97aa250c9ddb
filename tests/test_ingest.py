"""Ingest: encodings, HTML layouts, PDFs, offsets into the normalised text, and bad input."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import IngestError, LayoutChanged, NeedsOCR, NotSupported, normalise_text, parse_html, read_path
from tests.support import make_pdf


def test_seed_text_is_normalised_and_finnish(seeds):
    doc = read_path(seeds["281"])
    assert doc.lang == "fi" and doc.format == "txt"
    assert "  " not in doc.text and "\n\n\n" not in doc.text
    assert "Selostus Hyvinvointialueen toimintaa ohjaa strategia" in doc.text
    assert normalise_text(doc.text) == doc.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "iso-8859-1", "cp1252"])
def test_finnish_text_in_any_common_encoding_reads_without_mojibake(tmp_path, seeds, encoding):
    original = read_path(seeds["36"]).text
    # cp1252 and latin-1 cannot hold every character of the seed; keep what they can
    text = original.encode(encoding, "ignore").decode(encoding)
    path = tmp_path / "item.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_path(path)
    assert doc.text == normalise_text(text.lstrip("\ufeff"))
    assert "Ã" not in doc.text and "hyvinvointialueen" in doc.text


def test_cp1252_euro_and_quotes_survive(tmp_path):
    path = tmp_path / "item.txt"
    path.write_bytes("Valmistelija controller Maija Mäkinen\n\nSelostus Hankinnan arvo on 12 000 € ja nimi ”Ääni”.".encode("cp1252"))
    assert "12 000 € ja nimi ”Ääni”" in read_path(path).text


def test_double_encoded_utf8_is_repaired(tmp_path):
    text = "Selostus Hyvinvointialueen päätösesitys etenee suunnitellusti, määrä on 12 hakijaa ja äänestys."
    path = tmp_path / "mojibake.txt"
    path.write_bytes(text.encode("utf-8").decode("latin-1").encode("utf-8"))
    assert read_path(path).text == text


def test_ahjo_decision_headings_and_fields_come_from_the_markup(ahjo_dir):
    doc = read_path(ahjo_dir / "hel-apulaispormestari-nd-s2-89b4a5f3.paatos.html")
    headings = [doc.text[a:b] for a, b in doc.headings]
    assert headings[:3] == ["Päätös", "Esittelijätiedot", "Lisätiedot"]
    assert doc.fields["item_number"] == "2"
    assert doc.fields["title"].startswith("Kasvatus- ja koulutuslautakunnan alaisten viranomaisten")
    assert doc.fields["organisation"] == "Helsingin kaupunki"


def test_every_ahjo_file_reads_with_offsets_on_its_headings(ahjo_dir):
    files = sorted(ahjo_dir.glob("*.html"))
    assert len(files) > 300
    for path in files:
        doc = read_path(path)
        assert doc.lang == ("sv" if "ruotsinkielisen" in path.name else "fi"), path.name
        for a, b in doc.headings:
            assert doc.text[a:b] == doc.text[a:b].strip() != "", path.name


def test_dynasty_item_page_splits_heading_span_from_its_text():
    page = (
        "<html><head><meta charset='utf-8'></head><body>"
        "<div class='data-part page-navigation'><a href='../kokous/20261273-7.PDF'>Kokousasia</a></div>"
        "<div class='data-part meetingitem'><div class='data-part-block-htm'><div>"
        "<p><span style='font-weight:bold'>Asuntotuotannon edistäminen kunnassa</span></p>"
        "<p><span>Konserni- ja kaupunkikehitysjaosto</span> <span>27.08.2026</span></p>"
        "<p><span>Valmistelija</span><span>hallintojohtaja Olli Esimerkki, puh. 040 555 0101</span></p>"
        "<p><span>Kunta voi vaikuttaa asuntomarkkinoihin kaavoituksella.</span></p>"
        "<p><span>Kaupunginjohtaja</span><span>Jaosto päättää merkitä asian tiedoksi.</span></p>"
        "</div></div></div></body></html>"
    ).encode("utf-8")
    doc = parse_html(page, "https://example.fi/cgi/DREQUEST.PHP?page=meetingitem&id=20261273-7")
    assert "Valmistelija hallintojohtaja Olli Esimerkki" in doc.text
    headings = [doc.text[a:b] for a, b in doc.headings]
    assert "Valmistelija" in headings and "Kaupunginjohtaja" in headings
    assert doc.fields["pdf_href"] == "../kokous/20261273-7.PDF"


def test_dynasty_page_without_item_block_is_a_layout_change():
    page = b"<html><body><div class='data-part'><p>Uusi ulkoasu</p></div></body></html>"
    with pytest.raises(LayoutChanged, match="layout changed"):
        parse_html(page, "https://example.fi/cgi/DREQUEST.PHP?page=meetingitem&id=1-1")


def test_pdf_text_layer_is_read(tmp_path):
    path = tmp_path / "item.pdf"
    path.write_bytes(make_pdf(["Aluehallitus 08.09.2026 § 12", "", "Valmistelija talousjohtaja Eero Esimerkki", "Selostus Talous on tasapainossa."]))
    doc = read_path(path)
    assert doc.format == "pdf" and "Valmistelija talousjohtaja Eero Esimerkki" in doc.text


@pytest.mark.parametrize(
    "name, content, error, message",
    [
        ("empty.txt", b"", IngestError, "empty file"),
        ("junk.txt", bytes(range(256)) * 40, IngestError, "binary data"),
        ("undecodable.txt", b"\x81\x8d\x8f\x90\x9d" * 200, IngestError, "cannot decode"),
        ("scan.pdf", make_pdf([]), NeedsOCR, "needs OCR"),
        ("broken.pdf", b"%PDF-1.4 nothing else", IngestError, "not a readable PDF"),
        ("cut.html", b"<html><body><div class='paatos'><h1>Otsikko</h1><p>Kesken j", IngestError, "truncated HTML"),
        ("notes.md", b"# README", NotSupported, "not an agenda file"),
    ],
)
def test_bad_input_gets_one_line_naming_the_file(tmp_path, name, content, error, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as raised:
        read_path(path)
    text = str(raised.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(b"Selostus " * (50 * 1024 * 1024 // 9 + 1))
    with pytest.raises(IngestError, match="50 MB, over the 20 MB limit"):
        read_path(big)
