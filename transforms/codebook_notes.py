"""The words of the codebook: what each code means, with an example.

Only explanations live here. Which codes exist is read from where the code defines them
(:mod:`transforms.codebook` says where), and ``tests/test_codebook.py`` fails when a code has no
note here or a note names a code that no longer exists. Example sentences are written for this
codebook; none is taken from a corpus.
"""

from __future__ import annotations

#: list name -> code -> (meaning, example)
NOTES: dict[str, dict[str, tuple[str, str]]] = {
    "event_type": {
        "AGREE": (
            "Agree to, or say one will, do something (a promise, an accord, an intent).",
            "The two governments agreed to reopen the border crossing next month.",
        ),
        "CONSULT": (
            "Meet, visit, phone or otherwise talk with another actor.",
            "The foreign minister flew to Ankara for talks with his Turkish counterpart.",
        ),
        "SUPPORT": (
            "Praise, endorse or stand by another actor (verbal support).",
            "The bloc's leaders praised the interim government's reform plan.",
        ),
        "CONCEDE": (
            "Give in, apologise, release people or property, ease a restriction (verbal).",
            "Rebels freed four hostages after a week of negotiations.",
        ),
        "COOPERATE": (
            "Material cooperation: joint operations, shared intelligence, deals put into effect.",
            "Police from both countries carried out joint raids on the smuggling network.",
        ),
        "AID": (
            "Give material aid: economic, military, humanitarian, asylum, peacekeeping.",
            "The agency delivered food and medicine to the besieged district.",
        ),
        "RETREAT": (
            "Material concession: withdraw, demobilise, cease fire, resign, return territory.",
            "The army pulled its troops back from the disputed ridge.",
        ),
        "REQUEST": (
            "Ask, demand, urge or order another actor to do something.",
            "The opposition urged the election commission to recount the ballots.",
        ),
        "ACCUSE": (
            "Accuse, criticise, condemn or denounce; open an investigation into someone.",
            "The ministry condemned the shelling of the hospital as a war crime.",
        ),
        "REJECT": (
            "Refuse a request, proposal or accusation; veto, deny responsibility.",
            "The prime minister rejected calls for his resignation.",
        ),
        "THREATEN": (
            "Threaten force, sanctions or other harm, or give an ultimatum.",
            "The militia threatened to attack the port if the blockade continued.",
        ),
        "PROTEST": (
            "Demonstrate, strike, boycott, riot or hunger-strike against an actor.",
            "Thousands marched on parliament to protest against the media bill.",
        ),
        "SANCTION": (
            "Impose sanctions or embargoes, expel diplomats, break off relations or aid.",
            "The union imposed asset freezes on twelve officials.",
        ),
        "MOBILIZE": (
            "Move or put on alert troops or police, without using force yet.",
            "The government deployed extra police units to the border towns.",
        ),
        "COERCE": (
            "Use state power short of violence: arrest, detain, ban, deport, seize, curfew.",
            "Police arrested three journalists outside the court.",
        ),
        "ASSAULT": (
            "Use violence: attacks, strikes, bombings, shootings, abductions, killings.",
            "Warplanes struck a weapons depot near the town, killing at least six people.",
        ),
    },
    "quad_class": {
        "verbal cooperation": (
            "Cooperative words: AGREE, CONSULT, SUPPORT, CONCEDE.",
            "CONSULT: the leaders spoke by phone.",
        ),
        "material cooperation": (
            "Cooperative acts: COOPERATE, AID, RETREAT.",
            "AID: the agency delivered food aid.",
        ),
        "verbal conflict": (
            "Conflictual words: REQUEST, ACCUSE, REJECT, THREATEN.",
            "ACCUSE: the ministry condemned the shelling.",
        ),
        "material conflict": (
            "Conflictual acts: PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.",
            "ASSAULT: warplanes struck a depot.",
        ),
    },
    "date_precision": {
        "day": ("event_date is the day itself.", "'on Thursday' -> 2021-02-25"),
        "month": (
            "Only the month is known; event_date is its first day.",
            "'in March' -> 2021-03-01",
        ),
        "year": ("Only the year is known; event_date is 1 January.", "'in 2019' -> 2019-01-01"),
    },
    "date_method": {
        "explicit": ("A calendar date in the sentence.", "'on April 9' -> 2018-04-09"),
        "weekday": (
            "A weekday, counted back (or forward, in a future clause) from the publication date.",
            "'on Thursday' in an article of Friday 26 February 2021 -> 2021-02-25",
        ),
        "relative": (
            "A relative expression counted from the publication date.",
            "'two days ago' in an article of 10 May 2018 -> 2018-05-08",
        ),
        "vague": (
            "A time expression too vague to date; event_date is NULL, date_text keeps it.",
            "'last week', 'recently'",
        ),
        "no_dateline": (
            "A time expression that needs the publication date, which the page lacks; NULL date.",
            "'on Thursday' in an undated page",
        ),
        "published_fallback": (
            "No time expression: the publication date is used, as wire copy usually means.",
            "'The ministry condemned the raid.' in an article of 26 February 2021 -> 2021-02-26",
        ),
    },
    "polarity": {
        "positive": ("The sentence says the event happened (or will).", "Troops entered the town."),
        "negative": ("The sentence says it did not.", "Troops did not enter the town."),
    },
    "modality": {
        "asserted": ("Stated as fact.", "The army shelled the village."),
        "future": ("Announced or planned.", "The minister will visit Kyiv next week."),
        "threatened": ("Threatened, not done.", "The group threatened to strike the port."),
        "hypothetical": ("Conditional or possible.", "Sanctions could follow if talks fail."),
    },
    "quote_type": {
        "direct": ("Words inside quotation marks.", '"We will not back down," she said.'),
        "indirect": (
            "Reported speech without quotation marks.",
            "She said they would not back down.",
        ),
        "mixed": (
            "Reported speech that quotes some words directly.",
            'She said the plan was "dead on arrival".',
        ),
    },
    "speaker_type": {
        "person": ("A named or described person.", "Maria Novak, the health minister"),
        "organisation": ("A body speaking as one.", "the foreign ministry; Interfax"),
        "group": ("Several people speaking together or unnamed sources.", "residents; officials"),
        "document": (
            "A report, poll, study or memo that says something, when no author is named.",
            "the congressional report; a new poll",
        ),
        "unknown": ("No speaker could be resolved.", '"It is over." (no attribution)'),
    },
    "location_precision": {
        "city": ("A city or town: latitude and longitude are its own.", "'in Aleppo' -> Aleppo"),
        "admin1": (
            "A first-level division (a province, a US state); a province named after its "
            "capital keeps the capital's position.",
            "'in Idlib province' -> Idlib; 'in Texas' -> Texas",
        ),
        "country": (
            "Only the country is known: latitude and longitude are a stand-in centre, not a "
            "place where anything happened.",
            "'in eastern Syria' -> Syria",
        ),
    },
    "entity_scope": {
        "global": (
            "Matched across articles: by Phoenix dictionary entry, else by normalised full name.",
            "'Sergei Lavrov' and 'Sergey Lavrov' -> one entity",
        ),
        "document": (
            "An entity of one article only: a description, a group, or a person named by one "
            "word, never merged with the same words elsewhere.",
            "'analysts' in two articles -> two entities",
        ),
    },
    "speaker_mention_type": {
        "name": ("A full or partial name at the quote.", "Novak said"),
        "surname": ("A surname alone, resolved to the fullest name.", "Novak said -> Maria Novak"),
        "pronoun": ("A pronoun, resolved to the previous speaker.", "she said"),
        "nominal": ("A description.", "the minister said"),
        "none": ("No mention at the quote (a floating quote).", '"We are ready." (next paragraph)'),
    },
    "quote_method": {
        "direct:after_cue": (
            "A quotation followed by its cue.",
            '"We are ready," she said.',
        ),
        "direct:before_cue": (
            "A quotation preceded by its cue.",
            'She told reporters, "We are ready."',
        ),
        "direct:colon": (
            "A quotation after a cue and a colon.",
            'Novak said: "We are ready."',
        ),
        "direct:continuation": (
            "The second part of a quotation cut by its cue.",
            '"We are ready," she said, "and we will go."',
        ),
        "direct:multi_paragraph": (
            "A quotation running on into the next paragraph.",
            "A paragraph opening with a quotation mark that the previous one left open.",
        ),
        "floating": (
            "A quotation alone at the start of a paragraph, given to the previous speaker.",
            '"The talks are over." (paragraph after one that quoted Novak)',
        ),
        "floating:in_paragraph": (
            "A quotation with no cue inside a paragraph, given to the previous speaker.",
            'Novak left early. "The talks are over."',
        ),
        "direct:colon_uncued": (
            "A quotation after a colon with no reporting verb; the clause's subject speaks.",
            'Novak was blunt: "We are ready to go."',
        ),
        "direct:after_narrative": (
            "A quotation after a narrative sentence about its speaker.",
            'Novak walked out. "The talks are over."',
        ),
        "indirect:ccomp": (
            "A that-clause of a reporting verb.",
            "She said (that) talks had failed.",
        ),
        "indirect:clause_first": (
            "The reported clause before its cue.",
            "Talks had failed, she said.",
        ),
        "indirect:parenthetical": (
            "The sentence around a cue set off by commas (one row per side, linked).",
            "Talks, she said, had failed.",
        ),
        "indirect:according_to": ("'according to' a source.", "According to the army, ten died."),
        "indirect:xcomp": ("An infinitive of a reporting verb.", "She promised to resign."),
        "indirect:object": ("The object of a reporting verb.", "She announced her resignation."),
        "indirect:as": (
            "An 'as' phrase of a characterising verb.",
            "She described the plan as reckless.",
        ),
        "indirect:of": ("An 'of' phrase of accuse/warn.", "She accused the army of lying."),
        "indirect:against": ("An 'against' phrase.", "She warned against early elections."),
        "indirect:for": ("A 'for' phrase of call/praise.", "She called for a ceasefire."),
    },
    "event_method": {
        "cameo:VERB/CODE": (
            "A verb matched the CAMEO verb dictionary entry VERB with code CODE.",
            "cameo:CONDEMN/111",
        ),
        "cameo:VERB[PATTERN]/CODE": (
            "The verb matched with one of its phrase patterns (the words in brackets).",
            "cameo:GIVE[* (OF WARNING)]/040",
        ),
        "noun:PHRASE/CODE": (
            "An event noun matched newsdb's noun list.",
            "noun:strike/190",
        ),
        "control/CODE": (
            "A control verb whose infinitive carries the event ('vowed to retaliate').",
            "control+aspect/190",
        ),
        "...+HOW": (
            "A modifier: +not (negated approval read as a rejection), +host (receiving an "
            "official), or a control verb's reading of its infinitive.",
            "cameo:APPROVE+not/120",
        ),
        "...+OTHER": (
            "Two triggers of one event in a sentence were merged; the second's rule is appended.",
            "noun:strike/190+noun:air_strike",
        ),
    },
    "failure_stage": {
        "discover": ("Expanding the sources.", "a folder that does not exist"),
        "fetch": ("Downloading a URL.", "http_404, robots_disallow, timeout"),
        "read": ("Reading a file.", "unreadable, too_large"),
        "clean": ("Extracting the article text.", "empty: no article text found"),
        "extract": (
            "NLP, quotes or events.",
            "an extractor error on one document; unsupported_language: a non-English article, "
            "stored but not extracted",
        ),
        "load": ("Writing to DuckDB.", "a constraint violated by one batch"),
    },
    "origin": {
        "local": ("A local file.", "seeds/000_x.txt"),
        "live": ("Fetched from the web in this run.", "https://example.org/a.html"),
        "cache": ("Read from the raw page cache (data/raw/).", "a URL fetched in an earlier run"),
    },
    "input_format": {
        "html": ("An HTML page.", "a.html, a.html.gz, a fetched URL"),
        "text": ("Plain text.", "a.txt"),
        "markdown": ("Markdown.", "a.md"),
    },
}
