import codecs

import pytest

from corpus_tools.ingest.decode import DecodeError, decode_bytes

FRENCH = "Le groupe a investi 3 M€ à Paris ; l'été dernier, déjà, « un succès »."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_plain_and_legacy_french(encoding):
    assert decode_bytes(FRENCH.encode(encoding)).text == FRENCH


def test_cp1252_euro_byte_becomes_euro_sign():
    assert decode_bytes(b"Un budget de 30 M\x80 pour l'\xe9t\xe9 prochain.").text == \
        "Un budget de 30 M€ pour l'été prochain."


def test_latin1_text_without_euro():
    text = "Les données de l'été sont arrivées à Genève, très tôt."
    assert decode_bytes(text.encode("latin-1")).text == text


@pytest.mark.parametrize("encoding,bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_byte_order_marks(encoding, bom):
    decoded = decode_bytes(bom + FRENCH.encode(encoding))
    assert decoded.text == FRENCH
    assert decoded.encoding.endswith("-bom")


def test_invalid_bytes_inside_good_utf8_are_replaced_not_fatal():
    data = ("Première partie, écrite en UTF-8. " * 20).encode() + b"\xff\xfe\x80" + " Fin intacte.".encode()
    decoded = decode_bytes(data)
    assert decoded.text.startswith("Première partie")
    assert decoded.text.endswith("Fin intacte.")
    assert decoded.replaced == 3


def test_binary_data_is_refused():
    data = bytes(range(256)) * 40
    with pytest.raises(DecodeError):
        decode_bytes(data)


def test_valid_utf8_with_nul_bytes_is_binary():
    with pytest.raises(DecodeError):
        decode_bytes(b"ABCD" * 50 + b"\x00" * 16)


def test_utf16_without_bom_is_still_text():
    text = "Texte français sans marque d'ordre des octets, été comme hiver."
    assert decode_bytes(text.encode("utf-16-le")).text == text
