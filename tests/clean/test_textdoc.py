"""Text and Markdown articles: headline rule, header lines, Markdown stripping, boilerplate."""

from __future__ import annotations

import re
from datetime import date

import pytest

from transforms.clean import original_url
from transforms.clean.boilerplate import boilerplate_rule, same_headline
from transforms.clean.datelines import DAY, MONTH, YEAR, day_number, month_number, parse_date_line
from transforms.clean.markdown import looks_like_markdown, plain_lines
from transforms.clean.normalize import join_paragraphs, normalize_text
from transforms.clean.textdoc import find_original_url, parse_byline, parse_text
from transforms.model import RawDoc

# --- headline rule ------------------------------------------------------------------------------


def test_headline_followed_by_date_and_byline() -> None:
    article = parse_text(
        "Rebels free five hostages in Arauca\n12 August, 2017\nBy Andrés Galeano\n\n"
        "The rebels freed four soldiers on Friday, the church said.\n\n"
        "“They are alive,” the bishop said.\n"
    )
    assert article.title == "Rebels free five hostages in Arauca"
    assert article.published == date(2017, 8, 12)
    assert article.author == "Andrés Galeano"
    assert article.text == (
        "The rebels freed four soldiers on Friday, the church said.\n\n"
        "“They are alive,” the bishop said."
    )


def test_headline_followed_by_blank_line() -> None:
    article = parse_text("Minister resigns over leak\n\nThe minister resigned on Tuesday.\n")
    assert article.title == "Minister resigns over leak"
    assert article.text == "The minister resigned on Tuesday."


def test_first_line_ending_with_a_period_is_body() -> None:
    text = "The minister resigned on Tuesday.\n\nHis deputy takes over.\n"
    article = parse_text(text)
    assert article.title is None
    assert article.text == "The minister resigned on Tuesday.\n\nHis deputy takes over."


@pytest.mark.parametrize(
    "headline",
    [
        "Senator Quits Race Over Campaign Funding Leak.",  # Title Case with a period
        "Mayor seeks third term, vows to fix the buses.",  # headline style with a period
        "Will the port reopen before winter?",
    ],
)
def test_a_headline_ending_with_punctuation_is_still_a_headline(headline: str) -> None:
    article = parse_text(f"{headline}\n\nThe mayor spoke at a rally on Friday evening.\n")
    assert article.title == headline
    assert article.text == "The mayor spoke at a rally on Friday evening."


@pytest.mark.parametrize(
    "first",
    [
        "The minister resigned on Tuesday.",  # an article opens it
        "Police arrested two men after a robbery.",  # past tense: a lead, not a headline
        "Storms closed schools across the region on Monday.",
    ],
)
def test_a_short_lead_sentence_is_not_a_headline(first: str) -> None:
    article = parse_text(f"{first}\n\nHis deputy takes over.\n")
    assert article.title is None
    assert article.text.startswith(first)


@pytest.mark.parametrize("text", ["Floods kill 12 in Kerala", "Floods kill 12 in Kerala\n\n"])
def test_a_one_line_report_is_its_own_text(text: str) -> None:
    article = parse_text(text)
    assert (article.title, article.text) == (None, "Floods kill 12 in Kerala")


def test_a_file_of_plain_paragraphs_is_all_body() -> None:
    paragraphs = [
        "Police arrested two men after a robbery at a jewellery store on Wednesday.",
        "“We were terrified,” one employee told reporters outside the shop.",
        "The suspects will appear in court on Monday, police said.",
    ]
    article = parse_text("\n\n".join(paragraphs))
    assert article.title is None
    assert article.text == "\n\n".join(paragraphs)


def test_short_first_line_running_into_the_next_line_is_not_a_headline() -> None:
    article = parse_text("Police said\nthe suspects were arrested late on Thursday.\n")
    assert article.title is None
    assert "Police said" in article.text


def test_long_first_line_without_period_is_not_a_headline() -> None:
    first = " ".join(["word"] * 30)
    article = parse_text(f"{first}\n\nSecond paragraph.")
    assert article.title is None
    assert article.text.startswith(first)


def test_markdown_heading_is_a_title_even_with_final_punctuation() -> None:
    article = parse_text("# Is the truce holding?\n\nBody text here.\n", markdown=True)
    assert article.title == "Is the truce holding?"
    assert article.text == "Body text here."


def test_setext_heading_is_a_title() -> None:
    article = parse_text("Ceasefire collapses.\n=====\n\nFighting resumed.\n", markdown=True)
    assert article.title == "Ceasefire collapses."


def test_header_block_with_standfirst_read_time_and_caption_is_dropped() -> None:
    article = parse_text(
        "Talks stall in Geneva\n\nTalks stall in Geneva\nThe envoy urged both sides to return.\n"
        "3 min read\n2 March, 2022\nDelegates leave the venue [AFP]\n\n"
        "Negotiators failed to agree on a ceasefire on Tuesday, the UN said.\n"
    )
    assert article.title == "Talks stall in Geneva"
    assert article.published == date(2022, 3, 2)
    assert article.text == "Negotiators failed to agree on a ceasefire on Tuesday, the UN said."


def test_without_headline_only_leading_date_lines_are_header() -> None:
    article = parse_text("2021-02-26\n\nThe strike hit a depot, officials said.\n")
    assert article.title is None
    assert article.published == date(2021, 2, 26)
    assert article.text == "The strike hit a depot, officials said."


def test_byline_in_the_body_is_text() -> None:
    text = "Protest over media bill\n1 May, 2022\n\nCrowds gathered.\n\nBy Jane Doe\n"
    assert "By Jane Doe" in parse_text(text).text


def test_hard_wrapped_paragraphs_are_joined() -> None:
    article = parse_text(
        "The ministry said in a statement that the jets had hit fourteen\n"
        "targets, including ammunition depots and cave shelters.\n"
        "A second paragraph follows on its own line.\n"
    )
    assert article.text == (
        "The ministry said in a statement that the jets had hit fourteen targets, including "
        "ammunition depots and cave shelters.\n\nA second paragraph follows on its own line."
    )


def test_empty_input_gives_empty_text() -> None:
    assert parse_text("  \n\n ").text == ""


# --- original url -------------------------------------------------------------------------------


def test_original_url_on_a_later_line_is_taken_and_removed() -> None:
    article = parse_text(
        "Strikes in Syria\n\nMay 10, 2018\n\nIsrael struck targets, a spokesman said.\n\n"
        "Original url:\n\n<https://www.example.com/2018/05/10/strikes-a61409>"
    )
    assert article.url == "https://www.example.com/2018/05/10/strikes-a61409"
    assert "Original url" not in article.text
    assert "example.com" not in article.text


def test_original_url_on_the_same_line() -> None:
    text = "Body text.\n\nOriginal url: https://news.example/a?b=1\n"
    assert find_original_url(text) == "https://news.example/a?b=1"
    assert parse_text(text).text == "Body text."


def test_original_url_of_a_raw_local_file() -> None:
    """What acquire asks before fetching: only text and Markdown files name an original,
    in whatever encoding they were saved."""
    text = "Headline\n\nBody text.\n\nOriginal url:\n\n<https://news.example/a>\n"
    assert original_url(RawDoc("/s.txt", text.encode(), content_type="text/plain")) == (
        "https://news.example/a"
    )
    assert original_url(RawDoc("/s.md", text.encode("utf-16"), content_type="text/markdown")) == (
        "https://news.example/a"
    )
    html = f"<html><body><p>{text}</p></body></html>".encode()
    assert original_url(RawDoc("/s.html", html, content_type="text/html")) is None
    assert original_url(RawDoc("/s.txt", b"Just a body.\n", content_type="text/plain")) is None
    assert original_url(RawDoc("/s.txt", b"\x00\x01\x02", content_type="text/plain")) is None


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_links_images_emphasis_and_escapes_are_stripped() -> None:
    article = parse_text(
        "# Title\n\n"
        "![Putin and Netanyahu](https://img.example/1.jpg)\n\n"
        "**Bold** start, *italic* middle and a [linked text](https://x.example/a_(b)) end.\n\n"
        r"What Smoke Signals Are Russia's Arms Deals Sending? \(Op-ed\) 2 \* 3 = 6" + "\n\n"
        "A snake_case_name and __strong__ words.\n",
        markdown=True,
    )
    assert article.text == (
        "Bold start, italic middle and a linked text end.\n\n"
        "What Smoke Signals Are Russia's Arms Deals Sending? (Op-ed) 2 * 3 = 6\n\n"
        "A snake_case_name and strong words."
    )


def test_markdown_related_article_teaser_is_boilerplate() -> None:
    article = parse_text(
        "# Title\n\nFirst paragraph.\n\n**Related article:** [Russia Says Planes Attacked](#)\n\n"
        "*Reuters contributed reporting to this article.*\n",
        markdown=True,
    )
    assert article.text == "First paragraph."


@pytest.mark.parametrize(
    ("line", "text", "level"),
    [
        ("## Sub heading ##", "Sub heading", 2),
        ("> quoted paragraph", "quoted paragraph", 0),
        ("- list item", "list item", 0),
        ("12. numbered item", "numbered item", 0),
        ("---", "", 0),
        ("[ref]: https://example.com", "", 0),
    ],
)
def test_markdown_block_syntax(line: str, text: str, level: int) -> None:
    md = plain_lines([line])
    assert (md.lines[0], md.headings.get(0, 0)) == (text, level)


def test_inline_code_and_autolinks() -> None:
    assert plain_lines(["Run `make` or see <https://example.com/x>."]).lines == [
        "Run make or see https://example.com/x."
    ]


def test_markdown_keeps_one_line_per_source_line() -> None:
    """The caller reads headlines and paragraphs line by line: blank and syntax-only lines
    stay blank, a paragraph's wrapped lines stay lines, headings are found by line."""
    md = plain_lines(
        [
            "Ministers resign",
            "================",
            "",
            "The *first* line of a paragraph",
            "and its ~~second~~ line, with &amp; an entity.",
            "",
            "```",
            "kept verbatim **as code**",
            "```",
            '<div class="lead">A <b>bold</b> lead kept as text.</div>',
            "",
            "<script>var tracking = 1;</script>",
            "",
            "    An indented paragraph is a paragraph, not code.",
            "* * *",
        ]
    )
    assert md.lines == [
        "Ministers resign",
        "",
        "",
        "The first line of a paragraph",
        "and its second line, with & an entity.",
        "",
        "",
        "kept verbatim **as code**",
        "",
        "A bold lead kept as text.",
        "",
        "",
        "",
        "An indented paragraph is a paragraph, not code.",
        "",
    ]
    assert md.headings == {0: 1}


def test_markdown_never_changes_quote_marks() -> None:
    line = "\"We will stay,\" she said -- and 'nothing' else... (c)"
    assert plain_lines([line]).lines == [line]


def test_markdown_sniffing() -> None:
    assert looks_like_markdown("\n# Heading\n\nText")
    assert looks_like_markdown("Text with **bold** and a [link](https://x.example).")
    assert not looks_like_markdown("Plain text, with one *asterisk* and C# code.")
    assert not looks_like_markdown("Heading\n\nA paragraph about #hashtags.")
    assert looks_like_markdown("Intro\n\n---\n\nA \\*starred\\* word.")  # rule + escape
    assert not looks_like_markdown("Read it at <https://x.example/a> or [here].")


# --- boilerplate table --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Related article: Iraq’s Kurds caught between Ankara and the PKK", "related_link"),
        ("Read also: Pompeo questions Biden’s Syria airstrike: 'I hope it wasn't'", "related_link"),
        ("Follow us on FacebookTwitter and Instagram to stay connected", "social_follow"),
        ("Follow us on Facebook and Twitter for the latest news from the region.", "social_follow"),
        ("Sign up for our daily newsletter to get the top stories.", "social_follow"),
        ("2 min read", "read_time"),
        ("Reading time: 4 minutes", "read_time"),
        ("Photo: Jane Doe/AFP", "photo_label"),
        ("Image caption, Protesters gathered outside parliament on Monday", "photo_label"),
        ("Image source, Getty Images", "photo_label"),
        ("AFP via Getty Images", "credit_only"),
        ("Reuters/Jane Doe", "credit_only"),
        ("(AP Photo)", "credit_only"),
        ("Reuters", "credit_only"),
        (
            "The US strikes targeted Iran-backed militia groups in Syria [Getty]",
            "caption_bracket_credit",
        ),
        ("Benjamin Netanyahu and Vladimir Putin / Kremlin.ru", "caption_slash_credit"),
        ("Rescuers search the rubble in Kyiv (AP Photo/Efrem Lukatsky)", "caption_paren_credit"),
        ("Reuters contributed reporting to this article.", "contributor_note"),
        ("(Reporting by Jane Doe; Editing by John Smith)", "contributor_note"),
        ("© 2024 Example Media Ltd. All rights reserved.", "copyright"),
        ("We use cookies to personalise content and ads.", "cookie_notice"),
        ("Facebook Twitter WhatsApp Email", "share_bar"),
        ("Advertisement", "advert"),
        ("Most read", "related_heading"),
    ],
)
def test_boilerplate_lines(line: str, rule: str) -> None:
    assert boilerplate_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        # Quote paragraphs that mention social media are news.
        "“Follow us on Twitter for updates and stay indoors,” the police chief told residents.",
        "Follow us on Twitter, the ministry urged residents as the storm approached.",
        # Real sentences that merely start like a rule.
        "By dawn on Tuesday the avenue's cafés were shuttered.",
        "Photo evidence presented in court showed the suspects near the shop.",
        "Copyright lawsuits against the platform rose sharply last year.",
        "The regulator said websites must ask before they use cookies.",
        "Shares fell 3 percent to 37.10 euros in Amsterdam.",
        "The deal was first reported by Reuters",
        "Image quality of the satellite photos was poor, analysts said.",
        "Related talks on prisoner exchanges will resume in Muscat next week, the envoy said.",
        # Long paragraphs never match, whatever their start.
        "Read more: " + "the committee published a long report on the causes of the crisis " * 5,
    ],
)
def test_article_text_is_not_boilerplate(line: str) -> None:
    assert boilerplate_rule(line) is None


def test_repeated_headline() -> None:
    assert same_headline("Nigerian Senate rejects bill.", "Nigerian Senate rejects bill")
    assert same_headline("nigerian  senate rejects BILL", "Nigerian Senate rejects bill")
    assert not same_headline("Nigerian Senate rejects bill", None)
    assert not same_headline("Nigerian Senate rejects police bill", "Nigerian Senate rejects bill")


# --- date lines and bylines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 10, 2018", date(2018, 5, 10)),
        ("26 February, 2021", date(2021, 2, 26)),
        ("2021-02-26", date(2021, 2, 26)),
        ("Sept. 3, 2020", date(2020, 9, 3)),
        ("Thursday, May 10, 2018 10:30 GMT", date(2018, 5, 10)),
        ("Published: 10th May 2018", date(2018, 5, 10)),
        ("Updated 2020-01-02T10:00:00Z", date(2020, 1, 2)),
        ("Sat 14 Mar 2020 | 12:00", date(2020, 3, 14)),
        ("February 30, 2020", None),
        ("03/04/2020", None),
        ("On May 10, 2018 the army said", None),
        ("May 2018", None),
    ],
)
def test_date_lines(line: str, expected: date | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Daniel Okafor", "Daniel Okafor"),
        ("By Pieter de Graaf", "Pieter de Graaf"),
        ("By Jane Doe and John Smith, Reuters", "Jane Doe and John Smith"),
        ("Written by Amira Haddad | Middle East editor", "Amira Haddad"),
        ("By dawn on Tuesday the cafés were shuttered", None),
        ("By Tuesday, police had arrested 20 people.", None),
        ("Bystanders watched", None),
    ],
)
def test_bylines(line: str, author: str | None) -> None:
    assert parse_byline(line) == author


# --- normalisation ------------------------------------------------------------------------------


def test_normalisation_keeps_curly_quotes_and_dashes() -> None:
    text = "“Quoted” — ‘single’ – «guillemets» and an ellipsis…"
    assert normalize_text(text) == text


def test_normalisation_composes_and_cleans_spaces() -> None:
    decomposed = "Cafe\u0301\u00a0in\u2009Zu\u0308rich\u200b  \t \r\n\r\n\r\n\nNext\u2028line "
    assert normalize_text(decomposed) == "Café in Zürich\n\nNext\nline"


def test_paragraphs_are_joined_with_one_blank_line() -> None:
    assert join_paragraphs([" One ", "", "Two\u00a0words", "   "]) == "One\n\nTwo words"


def test_date_pieces_for_dates_inside_sentences() -> None:
    """The pieces other stages build their date patterns from read the same months."""
    found = re.search(
        rf"({MONTH})\s+({DAY}),?\s+({YEAR})", "signed on Sept. 3rd, 2020 in Rome", re.I
    )
    assert found is not None
    assert (month_number(found.group(1)), day_number(found.group(2)), found.group(3)) == (
        9,
        3,
        "2020",
    )
    assert [month_number(m) for m in ("January", "jan.", "SEPT", "sep", "Dec.")] == [1, 1, 9, 9, 12]


@pytest.mark.parametrize(
    "credit", ["Harbour Press via Getty Images.", "Jane Okoro/AP", "The Canadian Press"]
)
def test_a_photo_credit_line_is_not_body_text(credit: str) -> None:
    article = parse_text(
        "Port strike ends\n\nThe strike ended on Friday.\n\n"
        f"{credit}\n\nThe union said the deal was fair.\n"
    )
    assert credit not in article.text
    assert article.text.endswith("The union said the deal was fair.")
