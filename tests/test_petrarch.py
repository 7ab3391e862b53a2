"""The PETRARCH verb-dictionary converter (``tidings.coding.petrarch``) on small samples of the format.

The samples are written for these tests in PETRARCH's syntax; they are not taken from CAMEO.2.0.txt.
"""

from pathlib import Path

import pytest

from tidings.coding.lexicon import load_lexicon, read_lexicon
from tidings.coding.petrarch import Row, Rule, convert, parse, read_rules, render_tsv, select
from tidings.tables import data_file

CODES = {"010": "Make statement", "020": "Appeal", "0233": "Appeal for humanitarian aid", "042": "Make a visit",
         "043": "Host a visit", "070": "Provide aid", "072": "Provide military aid", "073": "Provide humanitarian aid",
         "111": "Criticize", "120": "Reject", "140": "Political dissent", "141": "Demonstrate", "143": "Strike",
         "160": "Reduce relations", "163": "Impose embargo", "190": "Use conventional force"}

SAMPLE = """\
# a comment line
&GOODS
+FOOD
+MEDICINE
+CLEAN_WATER

&RULERS_
+KING
+EMIR

---  SHIP   [---]  ---
SHIP {SHIPS SHIPPED SHIPPING }
TRUCK
- * &GOODS                       [073]   # SHIP
- * {MILITARY GEAR}              [072]   # SHIPPED
- * GEAR                         [070]   # SHIP
- * PARCELS                      [---]   # TRUCK
- TROOPS * (ACROSS BORDER)       [190]   # SHIP
- * ARMS (TO +)                  [072]   # SHIPPED

---  PLEAD   [020]  ---
+ASK_FOR {+ASKS_FOR +ASKED_FOR +ASKING_FOR }
PLEAD
- * &GOODS                       [0233]  # ASKED_FOR
- * (FOR HELP) (IN CRISIS)       [020]   # PLEAD
- * OUT (AT $)                   [111]   # PLEAD

---  HOLD   [---]  ---
HOLD {HOLDS HELD HOLDING }
STAGE
- * STRIKE                       [140]   # STAGE
- * STRIKE                       [143]   # STAGE
- * TALKS (WITH +)               [042:043]  # HOLD
- * (BEFORE COURT)               [:173]  # HOLD
- * VIGIL                        [010]   # HOLD
- % * RALLY                      [141]   # STAGE
- * CEREMONY (AT ^) (WITH +)     [043]   # HOLD

~ a (a b SHIP) SAY = a b 073
"""


@pytest.fixture(scope="module")
def conversion():
    return convert(parse(SAMPLE), CODES)


def rows_for(conversion, lemma):
    return [r for r in conversion.rows if r.lemma == lemma]


def test_parse_reads_synsets_blocks_verbs_and_transformations():
    d = parse(SAMPLE)
    assert d.synsets["GOODS"] == ("FOOD", "MEDICINE", "CLEAN_WATER")
    assert [b.title for b in d.blocks] == ["SHIP", "PLEAD", "HOLD"]
    assert [v.name for v in d.blocks[1].verbs] == ["ask for", "plead"]
    assert "shipped" in d.blocks[0].verbs[0].forms
    assert len(d.transformations) == 1


def test_pattern_applies_to_the_verb_its_comment_names(conversion):
    food = [r for r in conversion.rows if r.code == "073"]
    assert [r.lemma for r in food] == ["ship"]  # not "truck": the comment names SHIP
    assert food[0].obj.split("|") == ["food", "medicine"]  # one-word synset members only
    assert food[0].origin == "CAMEO.2.0.txt:14"


def test_whole_block_applies_patterns_to_every_verb_as_petrarch_does():
    conv = convert(parse(SAMPLE), CODES, whole_block=True)
    assert {r.lemma for r in conv.rows if r.code == "073"} == {"ship", "truck"}


def test_target_marker_chooses_the_target_slot_and_plurals_are_kept(conversion):
    row = next(r for r in conversion.rows if r.code == "072")
    assert (row.obj, row.prep, row.target) == ("arm|arms", "to", "to")


def test_noun_modifier_that_decides_the_code_drops_the_pattern(conversion):
    # {MILITARY GEAR} [072] and GEAR [070] would both test only "gear": the exact pattern wins
    gear = [r for r in rows_for(conversion, "ship") if r.obj == "gear"]
    assert [r.code for r in gear] == ["070"]


def test_verb_and_preposition_takes_the_object_as_its_prepositional_object(conversion):
    row = next(r for r in conversion.rows if r.code == "0233")
    assert (row.lemma, row.prt, row.prep, row.obj) == ("ask", "", "for:food,medicine", "")


def test_verb_codes_become_default_rows(conversion):
    defaults = {(r.lemma, r.prt, r.code) for r in conversion.rows if r.kind == "default"}
    assert defaults == {("plead", "", "020")}
    ask_for = next(r for r in conversion.rows if r.id == "pv.ask.for.22")
    assert (ask_for.prt, ask_for.kind) == ("for", "pattern")


def test_particle_and_source_marker(conversion):
    row = next(r for r in conversion.rows if r.code == "111")
    assert (row.lemma, row.prt, row.prep, row.source) == ("plead", "out", "at", "at")


def test_two_sub_codes_of_one_root_give_the_root(conversion):
    strike = [r for r in conversion.rows if r.obj == "strike"]
    assert [(r.lemma, r.code) for r in strike] == [("stage", "140")]
    assert strike[0].origin == "CAMEO.2.0.txt:31,32"


def test_paired_code_keeps_what_the_source_does(conversion):
    row = next(r for r in conversion.rows if r.lemma == "hold" and r.obj.startswith("talk"))
    assert (row.code, row.prep, row.target) == ("042", "with", "with")


def test_what_does_not_convert_is_reported_with_its_reason(conversion):
    reasons = dict(conversion.dropped)
    assert reasons == {
        15: "a noun modifier decides the code (not testable on an object)",
        17: "null code (a pattern that blocks coding)",
        18: "constrains the subject or words before the verb",
        25: "two prepositional phrases",
        34: "reverse-only code ([:173])",
        35: "plain statement (010): not an event in tidings",
        36: "compound actor (%)",
        37: "two prepositional phrases",
        39: "transformation (a verb-on-verb rewrite)",
    }


def test_selection_most_specific_rule_wins_and_unruled_rows_are_left_out(conversion):
    rules = [Rule("root", "07 pattern", True, "measured"), Rule("verb", "ship 07 pattern", False, "sense"),
             Rule("line", "16", True, "reviewed"), Rule("verb", "plead *", True, "measured")]
    kept, dropped = select(conversion.rows, rules)
    assert {(r.lemma, r.code) for r in kept} == {("ship", "070"), ("plead", "020"), ("plead", "111")}
    assert ("sense" in {why for _, why in dropped}) and any("not measured" in why for _, why in dropped)


def test_rules_file_is_read_and_checked(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text("# comment\nroot\t02 pattern\tkeep\tmeasured\nline\t12\tdrop\tsense\n", encoding="utf-8")
    assert [r.key for r in read_rules(path)] == ["02 pattern", "12"]
    path.write_text("verb\tfail *\tmaybe\twhy\n", encoding="utf-8")
    with pytest.raises(Exception, match="keep or drop"):
        read_rules(path)


def test_converted_rows_load_as_a_fallback_lexicon_file(conversion, tmp_path):
    own = tmp_path / "a_own.tsv"
    own.write_text("id\tcode\tpos\tlemma\tprt\tprep\tobj\tcomp\tsource\ttarget\tintent\tnote\n"
                   "v.ship\t061\tV\tship\t\t\t\t\t\t\t\tship goods: trade\n", encoding="utf-8")
    zz = tmp_path / "zz_petrarch.tsv"
    zz.write_text(render_tsv(conversion.rows, ["sample"]), encoding="utf-8")
    lexicon = read_lexicon([own, zz])
    ship = lexicon.patterns("ship", "V")
    # the project's bare pattern ranks before the more specific fallback rows
    assert ship[0].id == "v.ship" and all(p.fallback for p in ship[1:])
    assert lexicon.size == 1 + len(conversion.rows)


def test_packaged_petrarch_file_is_in_the_lexicon_with_provenance():
    lexicon = load_lexicon()
    rows = [p for pats in lexicon.by_lemma.values() for p in pats if p.id.startswith("pv.")]
    assert rows and all(p.fallback for p in rows)
    text = data_file("lexicon/zz_petrarch.tsv").read_text(encoding="utf-8")
    body = [line.split("\t") for line in text.splitlines() if line and not line.startswith(("#", "id\t"))]
    assert len(body) == len(rows)
    assert all(cells[13].startswith("CAMEO.2.0.txt:") for cells in body)
    assert "MIT License" in data_file("lexicon/PETRARCH-LICENSE").read_text(encoding="utf-8")


def test_packaged_selection_rules_parse():
    rules = read_rules(Path(str(data_file("lexicon/petrarch_selection.txt"))))
    assert {r.scope for r in rules} == {"root", "verb", "line"}
    assert all(r.reason for r in rules)


def test_row_key_counts_singular_and_plural_as_one():
    a = Row(id="a", code="070", lemma="send", obj="supply|supplies", origin="x:1")
    b = Row(id="b", code="070", lemma="send", obj="supply", origin="x:2")
    assert a.key() == b.key()
