"""Text written in one case is recased for parsing, keeping its length (issue 9)."""

from __future__ import annotations

import pytest

from transforms.nlp.recase import one_case, recase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "police detained nine students in dhaka on friday. i saw it, said a witness.",
            "Police detained nine students in Dhaka on Friday. I saw it, said a witness.",
        ),
        (
            "GHANAIAN TROOPS ARRIVED IN MALI ON SUNDAY. THE UNITED NATIONS WELCOMED THE MOVE.",
            "Ghanaian troops arrived in Mali on Sunday. The United Nations welcomed the move.",
        ),
        (
            "the u.s. envoy met turkish officials in ankara's old quarter on tuesday afternoon.",
            "The U.S. envoy met Turkish officials in Ankara's old quarter on Tuesday afternoon.",
        ),
    ],
)
def test_one_case_text_gets_ordinary_capitals(text: str, expected: str) -> None:
    assert recase(text) == expected
    assert len(recase(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police detained nine students in Dhaka on Friday, a spokesman for the force said.",
        "SHORT HEADLINE",
        "a mobile phone was found near the reading room of the university library today.",
    ],
)
def test_mixed_case_and_short_text_and_common_words_stay(text: str) -> None:
    out = recase(text)
    if one_case(text) is None:
        assert out == text
    else:  # common words that are also city names keep their case
        assert "mobile" in out and "reading" in out


def test_lower_case_police_reports_are_coded() -> None:
    from tests.events.test_events import code

    text = (
        "police arrested fourteen protesters in lahore on monday after clashes near the "
        "assembly. two people were killed in police firing in karachi, officials said."
    )
    events = code(text)
    kinds = {(e.event_type, e.actor1_sector) for e in events}
    assert ("COERCE", "COP") in kinds and ("ASSAULT", "COP") in kinds
    assert all(e.actor1_country in {None, "PAK"} for e in events)
