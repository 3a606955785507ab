"""Within-document coreference: every mention of an article resolved once, in reading order.

One pass over the parse builds the mention table both extractors read (``doc._.mentions``): a
quote's speaker and an event's actor are looked up in it, so the same person is resolved by one
procedure whichever extractor asks. Each mention is resolved by a short sieve, most precise rule
first (after the multi-pass sieve of Lee et al. 2013, "Deterministic coreference resolution based
on entity-centric, precision-ranked rules"):

1. joint mentions ("Mayor Lina Park and Governor Tom Ross"): each part resolved, "A and B";
2. names: a mention whose words are a contiguous part of a known name ("al-Hadithi" -> "Saad
   al-Hadithi", "Pardo" -> "Rodrigo Pardo Ruiz"), or an acronym of one ("the ICRC"); ambiguous
   surnames go to the most recent bearer (``entities``);
3. pronouns, which must agree in gender, number and type:
   a. an object pronoun is not its own clause's subject ("she warned him"): the nearest mention
      before it in its sentence, else the latest one before the sentence;
   b. a pronoun inside a clause whose governing clause has a subject before it is that subject
      ("the ministry said it had ...", "Turkey said its jets ...");
   c. the last speaker (the subject of a reporting verb) when it spoke in the last two paragraphs:
      news style continues the last speaker with "he said"; but a person of the pronoun's
      gender named since as the subject of a main clause is the story's new focus;
   d. the most recent subject, then the most recent mention; none at all gives no entity rather
      than a guess;
4. descriptions: "her publisher" (someone new) stays itself; "the companies" in a merger story
   is the two main companies; otherwise the entity whose role or name holds the head noun ("the
   spokeswoman", "the ministry") and every modifier ("the defence ministry" is not "Iraq's
   foreign ministry"), in number, preferring a head-noun match, a name, an antecedent and
   recency, in that order (the article may name the person further down). A person description
   in subject position that matches nobody ("the teenager", "the 46-year-old") is the last
   speaker or the person met last, and "the company" the company the story is about (a guess
   made for subjects only: elsewhere an unmatched description is nobody in particular);
5. anything else (indefinites, "Residents of Hodeidah", "Critics") is its own entity, named by
   the phrase itself.

Mentions inside quotation marks and on boilerplate lines are resolved too, but they are nobody's
antecedent and add nothing to the table: a name a speaker utters is not a candidate for "he said".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from transforms.nlp.agreement import agrees, best_description_match, compatible
from transforms.nlp.entities import EntityTable
from transforms.nlp.layout import DocLayout
from transforms.nlp.marks import QuoteSpan, walled_tokens
from transforms.nlp.mentions import SUBJECT_DEPS, is_mention_head, mention_at
from transforms.nlp.names import name_words
from transforms.nlp.nouns import is_company_noun
from transforms.nlp.subjects import speaker_subjects
from transforms.nlp.types import Entity, Mention

#: Parts of speech a mention can be headed by (``is_mention_head`` says which such tokens are).
_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: NER labels of names that start an entity wherever they occur.
_NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
#: Dependencies of the phrases an object pronoun may point back to within its sentence.
_PHRASE_DEPS = frozenset({"nsubj", "dobj", "pobj", "appos", "dative"})
#: How sure a pronoun's resolution must be for its gender to become the entity's.
_LEARNS_GENDER = 0.8
#: How many paragraphs back the last speaker still continues ("he said").
_SPEAKER_REACH = 2


@dataclass(frozen=True, slots=True)
class _Access:
    """What resolving one mention may do: note the mention on the entity it resolves to
    (``register``), start a new entity when it matches none (``create``), and guess from the
    discourse when nothing matches (``salient``: the mention is a subject or speaks)."""

    register: bool
    create: bool
    salient: bool


#: A speaker the caller read off the parse itself (see ``resolve_detached``).
_DETACHED = _Access(register=False, create=False, salient=True)


@dataclass(slots=True)
class Resolved:
    """A mention resolved to an entity, with how sure the sieve step was."""

    entity: Entity | None
    confidence: float


class MentionTable:
    """The article's mentions by head token, each resolved to an entity (``doc._.mentions``)."""

    def __init__(self, layout: DocLayout, quotations: Sequence[QuoteSpan]) -> None:
        self.layout = layout
        self.walls = walled_tokens(layout, quotations)
        self._read: dict[int, Mention] = {}  # mention_at, read once per token
        self.table = EntityTable(layout, self.walls, self._mention_at)
        self._mentions: dict[int, Mention] = {}
        self._speakers = speaker_subjects(layout, quotations, self.walls)
        self._subjects: list[tuple[int, Entity]] = []  # subject mentions so far: (token, entity)
        self._last_speaker: tuple[Entity, int, int] | None = None  # entity, paragraph, token
        doc = layout.doc
        nouns = (i for i, pos in enumerate(layout.pos) if pos in _HEAD_POS)
        heads = {i for i in nouns if is_mention_head(i, layout)} | self._speakers
        for i in sorted(heads):
            self._visit(doc[i])

    # ---- what the extractors ask --------------------------------------------------------

    @property
    def entities(self) -> list[Entity]:
        return self.table.entities

    def mention(self, i: int) -> Mention | None:
        """The resolved mention headed by token ``i`` (None when ``i`` heads no mention)."""
        return self._mentions.get(i)

    def entity(self, i: int) -> Entity | None:
        found = self._mentions.get(i)
        return found.entity if found is not None else None

    def entity_type(self, i: int) -> str | None:
        entity = self.entity(i)
        return entity.entity_type if entity is not None else None

    def resolve_detached(self, mention: Mention) -> Resolved:
        """Resolve a mention read off the parse by the caller (not one of the table's), without
        changing the table: "military intelligence estimates" read as the issuer "military
        intelligence"."""
        resolved = self._resolve(mention, self.layout.doc[mention.head], _DETACHED)
        if resolved.entity is None and mention.kind != "pronoun":
            return Resolved(self.table.detached(mention), resolved.confidence)
        return resolved

    # ---- the pass ---------------------------------------------------------------------------

    def _mention_at(self, tok: Token) -> Mention:
        found = self._read.get(tok.i)
        if found is None:
            found = self._read[tok.i] = mention_at(tok, self.layout)
        return found

    def _visit(self, tok: Token) -> None:
        mention = self._mention_at(tok)
        register = not self.walls[tok.i]
        salient = tok.dep_ in SUBJECT_DEPS or tok.i in self._speakers
        how = _Access(register, register and self._introduces(tok, mention), salient)
        anchor = self._appositive_anchor(tok, mention)
        if anchor is not None:
            # "Kamran Ghaffari, a spokesman for ...": the apposition is the phrase it describes.
            # Only its position is noted: the anchor's reading already took the apposition's
            # role, which a reading of the apposition alone would garble.
            resolved = Resolved(anchor.entity, anchor.confidence)
            if register and anchor.entity is not None:
                self.table.note(anchor.entity, mention.head)
        else:
            resolved = self._resolve(mention, tok, how)
        mention.entity, mention.confidence = resolved.entity, resolved.confidence
        self._mentions[tok.i] = mention
        entity = resolved.entity
        if not register or entity is None:
            return
        if tok.dep_ in SUBJECT_DEPS:
            self._subjects.append((tok.i, entity))
        if tok.i in self._speakers:
            self._last_speaker = (entity, self._paragraph(tok.i), tok.i)

    def _appositive_anchor(self, tok: Token, mention: Mention) -> Mention | None:
        """The mention an apposition restates, when the two can be one entity (the parser
        also hangs "Sinn Féin, whose spokeswoman, Aoife Ní Bhriain," on the party)."""
        if tok.dep_ != "appos":
            return None
        anchor = self._mentions.get(tok.head.i)
        if anchor is None or anchor.entity is None or mention.kind == "pronoun":
            return None
        if anchor.kind == "name" and mention.kind == "name":
            return None  # two names side by side are two entities
        same_type = anchor.entity.entity_type == mention.entity_type
        return anchor if same_type or mention.entity_type == "unknown" else None

    def _introduces(self, tok: Token, mention: Mention) -> bool:
        """Whether a mention that matches no entity starts one: a speaker, someone's relation
        ("his lawyer"), a name NER calls a person, organisation or group, and a country or city
        acting as a subject ("Turkey struck ..."). A place named as a setting ("in Adelaide"),
        a description in passing or a name of unknown kind is nobody a later "he" or "it"
        should find."""
        if tok.i in self._speakers:
            return True
        if mention.possessed and mention.entity_type == "person":
            return True  # "her Iranian counterpart": someone new, whom "him" may mean next
        if mention.kind != "name":
            return False
        label = tok.ent_type_
        return label in _NAMED_LABELS or (label == "GPE" and tok.dep_ in SUBJECT_DEPS)

    def _paragraph(self, i: int) -> int:
        block = self.layout.block_at(self.layout.doc[i].idx)
        return block.index if block is not None else -1

    def _recent_speaker(self, i: int) -> Entity | None:
        if self._last_speaker is None:
            return None
        entity, paragraph, _ = self._last_speaker
        return entity if self._paragraph(i) - paragraph <= _SPEAKER_REACH else None

    # ---- the sieve --------------------------------------------------------------------------

    def _resolve(self, mention: Mention, tok: Token, how: _Access) -> Resolved:
        if mention.conjuncts:
            return self._resolve_joint(mention, tok, how)
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention, tok, how)
        if mention.kind == "name":
            return self._resolve_name(mention, how)
        return self._resolve_nominal(mention, tok, how)

    def _resolve_joint(self, mention: Mention, tok: Token, how: _Access) -> Resolved:
        parts = [self._resolve(p, tok, how) for p in mention.conjuncts]
        names = [
            p.entity.name if p.entity is not None else c.text
            for p, c in zip(parts, mention.conjuncts, strict=True)
        ]
        if len(set(names)) == 1 and parts[0].entity is not None:
            return parts[0]  # NER named the pair as one organisation already
        confidence = min(p.confidence for p in parts)
        if not how.create:
            return Resolved(self.table.find_joint(names), confidence)
        joint = self.table.joint(names, mention.entity_type)
        self.table.note(joint, mention.head)
        return Resolved(joint, confidence)

    def _resolve_name(self, mention: Mention, how: _Access) -> Resolved:
        words = name_words(mention.name or mention.text)
        if len(words) == 1 and mention.entity_type != "person":
            acro = self.table.by_acronym(words[0])
            if acro is not None:
                if how.register:
                    self.table.absorb(acro, mention)
                return Resolved(acro, 0.9)
        entity = self.table.find(mention)
        if how.register and (entity is not None or how.create):
            entity = self.table.add(mention)  # merged (a fuller name upgrades it) or new
        if entity is None:
            return Resolved(None, 0.5)
        return Resolved(entity, 0.95 if len(entity.words) > 1 else 0.85)

    def _resolve_pronoun(self, mention: Mention, tok: Token, how: _Access) -> Resolved:
        found: Entity | None = None
        confidence = 0.0
        if tok.dep_ in _OBJECT_DEPS:
            found, confidence = self._object_antecedent(mention, tok), 0.7
        else:
            found, confidence = self._governing_subject(mention, tok), 0.85
            if found is None:
                speaker = self._recent_speaker(tok.i)
                if speaker is not None and agrees(speaker, mention):
                    found, confidence = speaker, 0.9
                    # ... unless someone else of that gender has since been the subject of a
                    # main clause: '"...," Reid said. Cornyn stood up. "...," he said.'
                    later = self._latest_main_subject(mention, tok.i)
                    if later is not None and later[0] > self._last_speaker_token():
                        found, confidence = later[1], 0.85
            if found is None:
                found, confidence = self._latest_subject(mention, tok.i), 0.8
            if found is None:
                found, confidence = self._latest_entity(mention, tok.i), 0.75
        if found is None:
            return Resolved(None, 0.3)  # "she said" with no one to be she: nobody
        if how.register:
            if found.gender is None and mention.gender and confidence >= _LEARNS_GENDER:
                found.gender = mention.gender  # only from a sure link: one slip misleads all
            self.table.note(found, tok.i)
        return Resolved(found, confidence)

    def _object_antecedent(self, mention: Mention, tok: Token) -> Entity | None:
        """ "she warned him": the nearest fitting phrase of the sentence, else the latest
        mention before it, that is not who the pronoun's own clause's subject is (an object
        pronoun is never its clause's subject: that would be "herself")."""
        doc = tok.doc
        own_subjects = {
            c.i for t in (tok.head, tok.head.head) for c in t.children if c.dep_ == "nsubj"
        }
        subject_entities = {id(e) for i in own_subjects if (e := self.entity(i)) is not None}

        def fits(entity: Entity) -> bool:
            return id(entity) not in subject_entities and agrees(entity, mention)

        sent_start = tok.sent.start
        for j in range(tok.i - 1, sent_start - 1, -1):
            other = doc[j]
            if other.dep_ not in _PHRASE_DEPS or j in own_subjects or self.walls[j]:
                continue
            if other.pos_ not in ("NOUN", "PROPN"):
                continue
            entity = self.entity(j)
            if entity is not None and fits(entity):
                return entity
        return self.table.latest(sent_start, fits)

    def _governing_subject(self, mention: Mention, tok: Token) -> Entity | None:
        """The subject, before the pronoun, of a clause governing it: "the ministry said it
        had ...", "Turkey said its jets struck ..."."""
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS and child.i < tok.i and not self.walls[child.i]:
                    entity = self.entity(child.i)
                    if entity is not None and agrees(entity, mention):
                        return entity
        return None

    def _last_speaker_token(self) -> int:
        return self._last_speaker[2] if self._last_speaker is not None else -1

    def _latest_main_subject(self, mention: Mention, before: int) -> tuple[int, Entity] | None:
        """The latest named subject of a main clause that agrees with ``mention`` (a subject
        inside a reported clause, "Reid said Cornyn was wrong", is not the story's focus)."""
        doc = self.layout.doc
        for i, entity in reversed(self._subjects):
            if i >= before:
                continue
            head = doc[i].head
            main = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
            if main and doc[i].pos_ == "PROPN" and agrees(entity, mention):
                return i, entity
        return None

    def _latest_subject(self, mention: Mention, before: int) -> Entity | None:
        for i, entity in reversed(self._subjects):
            if i < before and agrees(entity, mention):
                return entity
        return None

    def _latest_entity(self, mention: Mention, before: int) -> Entity | None:
        return self.table.latest(before, lambda e: agrees(e, mention))

    def _resolve_nominal(self, mention: Mention, tok: Token, how: _Access) -> Resolved:
        at = mention.head
        head = mention.head_lemma
        table = self.table
        if mention.entity_type == "unknown" and not how.create:
            return Resolved(None, 0.5)  # "the ballot", "the room" in passing: nobody
        if mention.possessed and mention.entity_type == "person":
            # "her publisher", "his lawyer": someone new, related to a person already met.
            return self._new(mention, 0.7, how)
        if mention.definite and mention.plural and is_company_noun(head):
            joint = table.joint_companies(create=how.create)
            if joint is not None:
                return self._noted(joint, at, 0.6, how)
        if mention.definite or mention.plural or mention.entity_type == "organisation":
            match = best_description_match(self.table, mention)
            if match is not None:
                if how.register:
                    table.absorb(match, mention)
                return Resolved(match, 0.8)
        # A description with its own post-modifier ("the deputy head of China's delegation")
        # introduces someone; only a bare one ("the teenager") may be the person just met.
        bare = not any(c.dep_ in ("prep", "acl", "relcl") and c.i > tok.i for c in tok.children)
        person = mention.definite and mention.entity_type == "person" and how.salient and bare
        speaker = self._recent_speaker(tok.i)
        if (
            person
            and speaker is not None
            and speaker.entity_type == "person"
            and compatible(speaker, mention)
        ):
            return self._noted(speaker, at, 0.65, how)
        if person and not mention.plural:
            # "the 46-year-old", "the Frenchman": the person met last, as a pronoun would be.
            found = self.table.latest(
                at, lambda e: e.entity_type == "person" and compatible(e, mention)
            )
            if found is not None:
                return self._noted(found, at, 0.55, how)
        if how.salient and mention.definite and is_company_noun(head):
            company = table.salient_company(at)
            if company is not None:
                return self._noted(company, at, 0.6, how)
        return self._new(mention, 0.7, how)

    def _noted(self, entity: Entity, at: int, confidence: float, how: _Access) -> Resolved:
        """``entity`` as the referent, noted as mentioned at ``at`` when the access registers."""
        if how.register:
            self.table.note(entity, at)
        return Resolved(entity, confidence)

    def _new(self, mention: Mention, confidence: float, how: _Access) -> Resolved:
        """The mention as its own entity, when it may start one."""
        if not how.create:
            return Resolved(None, confidence)
        return Resolved(self.table.add(mention), confidence)
