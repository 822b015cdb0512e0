"""The reader's evaluation (`make eval`, `evals/eval_reader.py`) reads the corpus labels as the
headers write them and scores every text it should."""

from __future__ import annotations

from pathlib import Path

from evals.eval_reader import read_labels, score_reader


def test_the_labels_are_read_from_the_corpus_headers(shared: Path) -> None:
    labels = {label.name: label for label in read_labels(shared)}
    # read from the headers by hand: a report, the bitext, an excerpt, a complete text
    report = labels["A_HRC_7_31.en.txt"]
    assert (report.symbol, report.language, report.resolution) == ("A/HRC/7/31", "en", False)
    assert labels["A_HRC_31_81.en.txt"].symbol == "A/HRC/31/81"  # (reissued: `*` left out)
    bitext = labels["A_AC_109_2019_L_18.en-ar.bitext.txt"]
    assert (bitext.language, bitext.resolution) == (None, False)
    draft = labels["A_C_3_66_L_32.en.txt"]
    assert (draft.resolution, draft.complete) == (True, False)
    assert labels["A_RES_52_7.zh.txt"].complete
    assert (labels["seed"].symbol, labels["seed"].complete) == ("A/RES/63/180", True)


def test_every_text_is_scored_on_every_check_it_has(shared: Path) -> None:
    labels = read_labels(shared)
    scores = score_reader(labels)

    def n(check: str) -> int:
        return len(scores.passed.get(check, [])) + len(scores.failed.get(check, []))

    resolutions = sum(label.resolution for label in labels)
    assert n("refusal") == len(labels)
    assert n("language") == sum(label.language is not None for label in labels)
    # the symbol and completeness of every text the reader reads (and should)
    assert (
        n("symbol")
        == n("completeness")
        == len(scores.passed["refusal"]) - (len(labels) - resolutions)
    )
    assert sum(scores.paragraphs.values()) > 0


def test_a_text_read_that_should_have_been_refused_is_one_failed_refusal(shared: Path) -> None:
    from evals.eval_reader import Label

    path = shared / "corpus" / "un" / "A_RES_42_193.en.txt"
    wrong = Label("mislabelled", path, "A/RES/42/193", None, resolution=False, complete=False)
    scores = score_reader([wrong])
    assert scores.failed["refusal"] == ["mislabelled"]
    assert "symbol" not in scores.passed
    assert "symbol" not in scores.failed
