"""Trigger lists are sound: every match of a phrase group holds one of its trigger literals.

A group's ``@triggers:`` line gates it: a block that holds none of the literals is never
searched. A literal missing from the list therefore silently turns a rule off for the texts
that need it. These tests search every block of every fixture (and lines written to exercise
the rules) with each group's full expression, ungated, and check the block holds a trigger.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleantext import read
from cleantext._patterns import LANGUAGES, _groups_in, load_triggers
from cleantext.filters._common import _phrases

ROOT = Path(__file__).resolve().parent.parent

# Lines each rule is meant to take, phrased the ways the lists allow (written for this test).
SAMPLES = [
    "Editors Pick",
    "DON'T MISS",
    "Top Stories",
    "More News Stories",
    "More news...",
    "Also see: The band's farewell tour dates",
    "E-Mail *",
    "Search",
    "Tag: gardening",
    "12 minute read",
    "4 mins read",
    "Information from: The Valley Courier, http://www.example.com",
    "HT: Jane Roe",
    "We may receive compensation for some of the links in this story.",
    "Use promo code SPRING for 20% off.",
    "When you join, you'll get unlimited digital access to every story.",
    "You have 2 free stories left this month.",
    "Read the original article on the author's site.",
    "By continuing to use this website, you agree to our use of cookies.",
    "What do you think? Let us know in the comments below.",
    "12 thoughts on \u201cThe bridge reopens\u201d",
    "Notify me of follow-up comments by email.",
    "Follow them on Twitter for updates.",
    "Their website is full of recipes.",
    "Read more from Jane Roe",
    "About the contributors",
    "Acerca del autor",
    "Regístrate para seguir leyendo",
    "Ver vídeo",
    "Las opiniones expresadas en este artículo son responsabilidad del autor.",
    "Lea también: El metro amplía su horario",
    "Le puede interesar: Cinco claves del plan",
    "Quizás te interese: Cómo ahorrar en la factura",
    "Ver también: La crisis del agua",
    "Noticia relacionada: El metro amplía su horario",
    "MÁS INFORMACIÓN: El plan, paso a paso",
    "Te recomendamos",
    "Lo más leído",
    "Temas relacionados",
    "Últimas noticias",
    "Continuar leyendo",
    "Ver comentarios",
    "12 comentarios",
    "Sé el primero en comentar",
    "Inicia sesión para comentar",
    "Normas de participación",
    "Deja una respuesta Cancelar respuesta",
    "Tu dirección de correo electrónico no será publicada.",
    "Los campos obligatorios están marcados con *",
    "Guarda mi nombre, correo electrónico y web en este navegador.",
    "Este sitio usa Akismet para reducir el spam.",
    "Notifícame los nuevos comentarios por correo electrónico.",
    "Volver arriba",
    "Ir al contenido principal",
    "Saltar publicidad",
    "Archivado en: Política",
    "Tiempo de lectura: 4 min",
    "3 minutos de lectura",
    "Con información de EFE y agencias",
    "(AFP/EFE)",
    "Europa Press",
    "Prohibida su reproducción total o parcial.",
    "Utilizamos cookies propias y de terceros.",
    "Este sitio web utiliza cookies.",
    "Apúntate gratis a nuestra newsletter diaria",
    "Suscríbete a la newsletter de la mañana",
    "Recibe nuestro boletín diario",
    "Este contenido es exclusivo para suscriptores",
    "¿Ya eres suscriptor?",
    "Conviértete en suscriptor",
    "Síguenos en TikTok",
    "Únete a nuestra comunidad",
    "Geben Sie Ihre Emailadresse ein",
    # the self-promotion grammar's word classes (filters/_promo.py)
    "Please follow our politics team on Threads.",
    "Forward this story to a colleague.",
    "Grab our new calendar before it sells out.",
    "Don't forget to catch our morning show.",
    "Found this guide useful?",
    "Suscríbete a nuestro canal.",
    "Reenvía esta nota a tus amigos.",
    "Descarga nuestra aplicación.",
    "Escúchanos cada lunes en la radio.",
    "¿Te ha resultado útil?",
]


def _texts() -> list[str]:
    out = list(SAMPLES)
    for path in sorted((ROOT / "fixtures" / "filters").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            out.append(case["input"])
    out.extend(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seed").glob("*.txt")))
    return out


def _blocks() -> list[tuple[str, str]]:
    """(text, lower-case text) of every block of every text."""
    seen: dict[str, str] = {}
    for t in _texts():
        doc, _ = read(t)
        for b in doc.blocks:
            seen.setdefault(b.text, b.low)
    return list(seen.items())


BLOCKS = _blocks()
GROUPS = [(lang, g) for lang in LANGUAGES for g in _groups_in(lang)]


@pytest.mark.parametrize(("lang", "group"), GROUPS, ids=[f"{lang}/{g}" for lang, g in GROUPS])
def test_every_match_holds_a_trigger(lang: str, group: str) -> None:
    langs = (lang,) if lang == "en" else (lang, "en")
    triggers = load_triggers(group, langs)
    if triggers is None or group == "social_bar":  # social_bar: single tokens, counted, never gated per block
        pytest.skip("the group declares no triggers")
    pattern = _phrases(group, langs, "any").pattern
    missing = [
        text for text, low in BLOCKS
        if pattern.search(text) and not any(t in low for t in triggers)
    ]
    assert not missing, f"{lang}/{group} matches blocks holding none of its triggers: {missing[:5]}"


def test_samples_are_matched() -> None:
    """The sample lines exercise the lists: each is matched by some group (else the test above
    would pass without looking at them)."""
    langs_all = [(lang,) if lang == "en" else (lang, "en") for lang in LANGUAGES]
    pats = [_phrases(g, langs, "any").pattern for langs in langs_all for g in _groups_in(langs[0])]
    unmatched = [s for s in SAMPLES if not any(p.search(s) for p in pats)]
    assert not unmatched
