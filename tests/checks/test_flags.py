"""Flag mismatch: emoji in the text, flag images in the HTML by file name, alt text or icon class."""

from __future__ import annotations

import pytest

STORY_AUS_EN = (
    "Prime Minister Scott Morrison announced new bushfire relief funds in Canberra on Wednesday, "
    "and Sydney firefighters welcomed them."
)


def _html(figure: str, body: str = STORY_AUS_EN, nav: str = "") -> str:
    return (
        f"<html><body><nav>{nav}</nav><article><h1>Relief funds</h1>{figure}<p>{body}</p></article>"
        "</body></html>"
    )


def _flags(doc):
    return [f for f in doc.findings if f.kind == "flag-mismatch"]


def test_emoji_of_the_confusable_country(run) -> None:
    doc = run("🇦🇹 " + STORY_AUS_EN, "2020-01-08")
    (flag,) = _flags(doc)
    assert (flag.text, flag.start, flag.end, flag.says, flag.context) == ("🇦🇹", 0, 2, "AUT", "AUS")
    assert flag.severity == "warning" and flag.suggest == "🇦🇺"
    assert "Canberra" in flag.evidence


def test_emoji_that_fits_the_story(run) -> None:
    assert _flags(run("🇦🇺 " + STORY_AUS_EN, "2020-01-08")) == []


@pytest.mark.parametrize(
    ("img", "name"),
    [
        ('<img src="/static/flags/4x3/at.svg" alt="">', "at.svg"),
        ('<img src="https://upload.example.org/wiki/Flag_of_Austria.svg" alt="">', "Flag_of_Austria.svg"),
        ('<img src="/img/banderas/bandera-de-austria.png" alt="">', "bandera-de-austria.png"),
        ('<img src="/img/flag-aut-small.png">', "flag-aut-small.png"),
        ('<img src="/media/7731.jpg" alt="Flag of Austria" class="flag">', "7731.jpg"),
        ('<img src="/media/7731.jpg" alt="Bandera de Austria">', "7731.jpg"),
    ],
)
def test_flag_image_in_html(run, img: str, name: str) -> None:
    html = _html(img)
    doc = run(f"Relief funds\n{STORY_AUS_EN}", "2020-01-08", html=html)
    (flag,) = _flags(doc)
    assert (flag.text, flag.says, flag.context, flag.severity) == (name, "AUT", "AUS", "warning")
    assert doc.text.startswith(STORY_AUS_EN[:20], flag.start), "located where the text after the image begins"


def test_icon_class(run) -> None:
    doc = run(f"Relief funds\n{STORY_AUS_EN}", "2020-01-08", html=_html('<span class="fi fi-at"></span>'))
    (flag,) = _flags(doc)
    assert (flag.says, flag.context) == ("AUT", "AUS")


def test_images_that_are_not_flags_or_outside_the_article(run) -> None:
    html = _html(
        '<img src="/photos/at.jpg" alt="Firefighters">', nav='<img src="/flags/at.png" alt="Deutsch">'
    )
    assert _flags(run(f"Relief funds\n{STORY_AUS_EN}", "2020-01-08", html=html)) == []


def test_flag_image_that_fits(run) -> None:
    doc = run(
        f"Relief funds\n{STORY_AUS_EN}", "2020-01-08", html=_html('<img src="/flags/au.png" alt="Australia">')
    )
    assert _flags(doc) == []


def test_spanish_story_with_the_other_koreas_flag(run) -> None:
    text = (
        "Pionyang anunció el lunes un nuevo acuerdo comercial.\n"
        "El líder norcoreano, Kim Jong-un, lo firmó con una delegación cubana."
    )
    html = _html('<img src="/wiki/Flag_of_South_Korea.svg" alt="Bandera de Corea del Sur">', body=text)
    doc = run(text, "2016-05-10", html=html, lang="es")
    (flag,) = _flags(doc)
    assert (flag.text, flag.says, flag.context) == ("Flag_of_South_Korea.svg", "KOR", "PRK")


def test_flag_of_the_country_for_the_us_state(run) -> None:
    doc = run("🇬🇪 Voters in Georgia lined up for hours in Atlanta and Savannah.", "2020-11-03")
    (flag,) = _flags(doc)
    assert (flag.says, flag.context, flag.severity) == ("GEO", "USA", "warning")
    assert "Atlanta" in flag.evidence


def test_flag_of_a_country_the_story_never_names_is_info(run) -> None:
    doc = run("🇯🇵 " + STORY_AUS_EN, "2020-01-08")
    (flag,) = _flags(doc)
    assert (flag.says, flag.severity) == ("JPN", "info")


def test_html_only_through_check_text() -> None:
    import dyad

    html = _html('<img src="/flags/at.png" alt="Austria">')
    findings = dyad.check_text("", date="2020-01-08", html=html)
    assert [(f.kind, f.text, f.says, f.context) for f in findings] == [
        ("flag-mismatch", "at.png", "AUT", "AUS")
    ]


def test_embedded_flag_image_is_named_by_its_alt_text(run) -> None:
    html = _html('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Flag of Austria">')
    (flag,) = _flags(run(f"Relief funds\n{STORY_AUS_EN}", "2020-01-08", html=html))
    assert (flag.text, flag.says, flag.context) == ("Flag of Austria", "AUT", "AUS")


def test_broken_html_does_not_stop_the_check(run) -> None:
    html = (
        "<<<>>><div><img src=/flags/at.png alt=Austria><p>" + STORY_AUS_EN + "</div></p><script>'<img src=x>'"
    )
    doc = run(STORY_AUS_EN, "2020-01-08", html=html)
    assert [(f.text, f.says) for f in _flags(doc)] == [("at.png", "AUT")]
