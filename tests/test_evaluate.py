"""The devset scorer: checked on a labelled set written here, with known right and wrong answers."""
from __future__ import annotations

from generator.evaluate import Score, norm_name, score_one
from generator.model import Article, EntityHit, OutletRef
from generator.pipeline import SiteConfig


def _cfg() -> SiteConfig:
    from pathlib import Path

    from generator.pipeline import load_site_config

    cfg, _ = load_site_config(Path("site_config"))
    return cfg


def test_norm_name_folds_quotes_and_alef_forms() -> None:
    assert norm_name("«إيلاف»") == norm_name("ايلاف")
    assert norm_name("الأمم  المتحدة") == "الامم المتحده"


def test_scores_dates_outlets_and_entities() -> None:
    art = Article(
        source="x.txt",
        date="2020-01-02",
        outlet=OutletRef("x-news", "أخبار إكس"),
        author="سمير",
        entities=[
            EntityHit("p1", "سمير خليل", "person", 2, ["خليل"]),
            EntityHit("c1", "مدينة الورد", "place", 1, ["مدينة الورد"]),
            EntityHit("o1", "نادي القراء", "organization", 1, ["نادي القراء"]),
        ],
    )
    label = {
        "date": "2020-01-03",
        "outlet": "أخبار اكس",
        "author": None,
        "people": ["خليل", "هند"],
        "places": [],
        "organizations": [],
        "other_entities": ["نادي القراء"],
    }
    s = Score()
    score_one(art, label, _cfg(), s, "x.txt")
    assert (s.date_ok, s.date_wrong) == (0, 1)
    assert (s.outlet_ok, s.outlet_wrong) == (1, 0)
    assert s.author_ok == 0
    # خليل found (surface), هند missed, مدينة الورد false, نادي القراء neutral
    assert (s.tp, s.fn, s.fp) == (1, 1, 1)
    p, r, f = s.prf()
    assert (round(p, 2), round(r, 2), round(f, 2)) == (0.5, 0.5, 0.5)


def test_null_answers_are_right_only_when_label_is_null() -> None:
    s = Score()
    score_one(Article(source="y.txt"), {"date": None, "outlet": None}, _cfg(), s, "y.txt")
    score_one(Article(source="z.txt"), {"date": "2001-01-01", "outlet": "أخبار"}, _cfg(), s, "z.txt")
    assert (s.date_ok, s.outlet_ok, s.date_wrong, s.outlet_wrong) == (1, 1, 0, 0)
