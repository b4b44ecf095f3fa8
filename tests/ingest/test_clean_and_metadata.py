from corpus_tools.ingest.clean import clean_text
from corpus_tools.ingest.metadata import normalise_date, split_date_header, split_title

ARTICLE = """Share This Post

The group announced a €50m investment in a new lab on Tuesday.

Related: Another story about something else

The lab will open in Lyon next year.

- Advertisement -spot_img

Read more

We use cookies to improve your browsing experience on this site.

Related Posts

Bitcoin price surges above $60,000

Dogecoin whales accumulate
"""


def test_boilerplate_lines_and_sidebar_are_dropped_article_kept():
    cleaned = clean_text(ARTICLE)
    assert cleaned.text == ("The group announced a €50m investment in a new lab on Tuesday.\n\n"
                            "The lab will open in Lyon next year.")
    assert cleaned.dropped_chars > 150


def test_french_boilerplate():
    text = ("Partager\n\nLe groupe investit 2 milliards d'euros.\n\nLire aussi : autre sujet\n\nPublicité\n\n"
            "Nous utilisons des cookies pour améliorer votre expérience de navigation.\n\n"
            "À lire aussi\n\nLe cours du bitcoin s'envole")
    assert clean_text(text).text == "Le groupe investit 2 milliards d'euros."


def test_paragraphs_that_merely_begin_like_an_ad_label_are_kept():
    text = ("Advanced Micro Devices will pay $300 million in cash for the Finnish lab, the chipmaker said.\n\n"
            "Annoncée en mai, la levée de 40 millions d'euros a été bouclée cette semaine.\n\n"
            "Additionally, the state will invest €2bn in the site.\n\n"
            "Annonce d'un nouveau centre de données à Lyon")
    assert clean_text(text).text == text
    labels = "ADVERTISEMENT\n\nAd - scroll to continue\n\nSponsored content\n\nPublicité"
    assert clean_text(labels + "\n\nThe plant opens in 2026.").text == "The plant opens in 2026."


def test_article_sentences_that_mention_sharing_or_cookies_are_kept():
    text = ("Investors will share the cost of the new plant.\n\n"
            "The bakery sells cookies and bread across Paris, its owner said in an interview.")
    assert clean_text(text).text == text


def test_date_header_leaves_the_body():
    assert split_date_header(" date 2023-09 Le texte commence ici.") == ("2023-09", "Le texte commence ici.")
    assert split_date_header("date 2024-05-13\nBody") == ("2024-05-13", "Body")
    assert split_date_header("date 2024-13-45 Body")[0] == ""
    assert split_date_header("The date 2024-05-13 was chosen")[0] == ""


def test_headline_first_line_becomes_title():
    title, rest = split_title("Chips & clouds in Lyon\n\n\nThe city opened a new campus.")
    assert title == "Chips & clouds in Lyon"
    assert rest.strip() == "The city opened a new campus."
    assert split_title("This is a sentence that ends.\nMore text.")[0] == ""
    assert split_title("Only one line")[0] == ""


def test_normalise_date_from_metadata():
    assert normalise_date("2024-06-11T08:30:00+02:00") == "2024-06-11"
    assert normalise_date("2023-09") == "2023-09"
    assert normalise_date("yesterday") == ""
    assert normalise_date(None) == ""
