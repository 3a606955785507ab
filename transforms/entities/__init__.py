"""One key per real-world person or organisation across quotes and events, and across articles.

* ``names``: a name as a matching key (accents, case, titles, transliteration variants folded);
* ``dictionary``: the Phoenix actor dictionaries looked up by that key;
* ``keys``: the entity a name is (dictionary entry, full name, or the article's own), and its id;
* ``linking``: the stage after both extractors (spaCy component ``newsdb_entities``): a
  quote's speaker and an event's actors keyed through the language layer's mention table, so
  both point to the same entity within an article.

Which entities exist across the database, with every variant, role and count, is the load's
business (``sql/load/``), since only the stored rows can say it.
"""
