"""Wire credit lines without brackets ("Reporting by ...; Editing by ..."), comment prompts in
the outlet's own words ("Tell us what you think in the comments below") and the page furniture
of common site software (share buttons, copyright and footer lines, reading times): each goes,
between story paragraphs or at the end, and the prose that looks like them stays."""

from __future__ import annotations

import pytest

from cleantext import clean

from .test_model import STORY  # the same three paragraphs of an invented story

HEADLINE = "Bridge to close for six weeks of repairs"


def _texts(line: str, story: list[str] = STORY) -> list[str]:
    """``line`` between the story's paragraphs, and closing it."""
    return ["\n\n".join(story[:2] + [line] + story[2:]), "\n\n".join(story + [line])]


def _furniture_goes(line: str, category: str, story: list[str], headline: str, titled: bool = True) -> None:
    """``line`` goes, as ``category`` (or one of "a|b"), mid-story, at the end and under the
    headline (where a page's tool bar stands); the story stays, and the headline is still the
    title (``titled``; a Spanish headline in sentence case is one only over a byline) or stays."""
    for text in _texts(line, story):
        r = clean(text)
        assert line not in r.text
        assert len(r.removed) == 1 and r.removed[0].category in category.split("|")
        assert all(p in r.text for p in story)
    r = clean("\n\n".join([headline, line, *story]))
    assert line not in r.text
    assert [x.category for x in r.removed if x.category != "title"] == [category.split("|")[0]]
    assert r.metadata.title == headline if titled else headline in r.text
    assert all(p in r.text for p in story)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Reporting by Jane Doe in London; Editing by John Roe", ("Jane Doe",)),
        ("Reporting by Jane Doe and Ann Lee; Additional reporting by Bo Li in Beijing; Editing by John Roe and Max Pole.",
         ("Jane Doe", "Ann Lee", "Bo Li")),
        ("Writing by Jane Doe; Editing by John Roe", ("Jane Doe",)),
    ],
)
def test_a_wire_credit_line_without_brackets_goes_and_names_the_reporters(line: str, authors: tuple[str, ...]) -> None:
    for text in _texts(line):
        r = clean(text)
        assert line not in r.text
        assert [(x.category, x.rule) for x in r.removed] == [("byline", "credit-line")]
        assert r.metadata.authors == authors  # the editors are not authors
        assert all(p in r.text for p in STORY)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the Example Times found that the company had hidden losses for years.",
        "Reporting by Jane Doe; Editing by the night desk after midnight, as always on Sundays",
        "Editing by hand took the crew three weeks, the director said at the premiere.",
        "Writing by candlelight, she finished the novel in a single winter.",
    ],
)
def test_prose_that_opens_like_a_credit_stays(line: str) -> None:
    for text in _texts(line):
        r = clean(text)
        assert line in r.text
        assert not any(x.rule == "credit-line" for x in r.removed)


@pytest.mark.parametrize(
    "line",
    [
        "Tell us what you think in the comments below.",
        "Share your thoughts in the comments section below!",
        "Sound off in the comments.",
        "We want to hear from you. Tell us what you think in the comments below.",
    ],
)
def test_a_comment_prompt_in_any_words_goes(line: str) -> None:
    for text in _texts(line):
        r = clean(text)
        assert line not in r.text
        assert [x.category for x in r.removed] == ["comments"]


@pytest.mark.parametrize(
    "line",
    [
        "Several readers argued in the comments below the video that the referee was wrong.",
        "Tell us what you think, the mayor wrote in the comments below his post, and many residents did.",
        "Fans were quick to weigh in on the decision, and the club's post drew thousands of replies.",
    ],
)
def test_reporting_about_comments_stays(line: str) -> None:
    for text in _texts(line):
        assert line in clean(text).text


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Click to share on Twitter (Opens in new window)", "social"),
        ("Click to email a link to a friend (Opens in new window)", "social"),
        ("\u00a9 Example Media Group 2026", "legal"),
        ("Terms of Service | Privacy Policy", "ui"),
        ("About Us | Contact Us | Privacy Policy | Cookie Settings", "ui"),
        ("Estimated reading time: 4 minutes", "ui"),
        ("Listen to this story (4 min)", "ui"),
        ("Continue reading the main story", "ui"),
        ("Posted in Local News, Schools", "ui"),
        ("This post may contain affiliate links.", "advertisement"),
        ("Presented by Example Bank", "advertisement"),
        ("Get our free Morning Brief newsletter", "newsletter"),
        ("Click here to subscribe.", "subscription"),
        ("Also on Example Gazette:", "related"),
        ("Contact the reporter at jdoe@example.com", "author_bio"),
        ("Have a story idea? Send it to news@example.com.", "comments"),
        # (closing the page, a short line goes first as ui's trailing tag)
        ("Share on Facebook", "social|ui"),
        ("Pin it", "social|ui"),
        ("Link copied!", "ui"),
        ("Text size", "ui"),
        ("A A A", "ui"),
        ("Save article", "ui"),
        ("Bookmark", "ui"),
        ("Gift this article", "ui"),
        ("View gallery", "ui"),
        ("Subscribers only", "ui"),
        ("Report this comment", "ui"),
        ("Next article", "ui"),
    ],
)
def test_page_furniture_of_common_site_software_goes(line: str, category: str) -> None:
    _furniture_goes(line, category, STORY, HEADLINE)


@pytest.mark.parametrize(
    "line",
    [
        "Click to print your boarding pass at the kiosk, the airline told passengers.",
        "Posted in Kabul, the soldier wrote letters home every week.",
        "Listen to this: the band played for four hours without a break.",
        "The company changed its privacy policy and terms of service after the ruling, the regulator said.",
        "Continue reading the report and you will find the council's own numbers on page 12.",
        "Privacy | Security is the title of the exhibition that opens on Friday at the museum.",
        "The lawsuit says the site may contain affiliate links that were never disclosed to readers.",
        "Presented by the mayor on Tuesday, the plan would close the bridge for six weeks.",
        "Residents who get the city newsletter were told about the closure a week ago.",
        "Also on the agenda was a plan to repave Main Street before the winter.",
        "Share on the open market fell by a third last year, the company said.",
        "Text size matters less than contrast, the designers told the council.",
        "Reply to the council's letter came two weeks later, the engineers said.",
        "Bookmark the date: the bridge reopens on March 5.",
        "Subscribers only pay for the print edition, the publisher said.",
        "Have a story idea of your own, the editor asked the students on Monday.",
    ],
)
def test_prose_that_names_page_furniture_stays(line: str) -> None:
    for text in _texts(line):
        assert line in clean(text).text


def test_a_footer_of_links_names_no_author() -> None:
    r = clean("\n\n".join(STORY + ["About Us | Contact Us"]))
    assert r.metadata.authors == ()
    assert not any(x.rule == "tail-name" for x in r.removed)


# -- the same furniture in Spanish (the model's other language) ------------------------------
HISTORIA = [
    "El ayuntamiento aprobó el martes cerrar el viejo puente para repararlo, después de que los "
    "ingenieros encontraran grietas en dos de sus soportes durante una inspección rutinaria.",
    "Los conductores serán desviados por la carretera del río, lo que según la ciudad añadirá unos "
    "quince minutos al trayecto de la mañana para quienes vienen del norte.",
    "El alcalde dijo que las obras terminarán antes del invierno y que el coste lo cubrirá el fondo "
    "de carreteras del Estado y no los impuestos locales de este año.",
]
TITULAR = "El puente cerrará seis semanas por obras"


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Tamaño de texto", "ui"),
        ("Guardar", "ui"),
        ("Artículo anterior", "ui"),
        ("Siguiente noticia", "ui"),
        ("Enlace copiado", "ui"),
        ("Escuchar esta noticia", "ui"),
        ("Responder", "ui"),
        ("Denunciar comentario", "ui"),
        ("Solo para suscriptores", "ui"),
        ("Ver galería", "ui"),
        ("Publicado en Noticias Locales", "ui"),
        ("Aviso legal | Política de privacidad | Política de cookies", "ui"),
        ("Comentarios (12)", "comments"),
        ("Cuéntanos qué opinas en los comentarios.", "comments"),
        ("Haz clic aquí para suscribirte", "subscription"),
        ("Este artículo puede contener enlaces de afiliados.", "advertisement"),
    ],
)
def test_spanish_page_furniture_goes(line: str, category: str) -> None:
    _furniture_goes(line, category, HISTORIA, TITULAR, titled=False)


@pytest.mark.parametrize(
    "line",
    [
        "Guardar silencio fue la decisión del alcalde durante la reunión.",
        "Responder a las preguntas de los vecinos llevó dos horas.",
        "La noticia anterior sobre el puente contenía un error de fecha.",
        "Publicado en 2019, el informe ya advertía de las grietas.",
        "Cuéntanos, dijo el alcalde en los comentarios de su publicación, qué opinan los vecinos.",
        "El contacto con los vecinos fue constante durante las obras.",
    ],
)
def test_spanish_prose_that_names_page_furniture_stays(line: str) -> None:
    for text in _texts(line, HISTORIA):
        assert line in clean(text).text
