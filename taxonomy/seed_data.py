"""Initial classifications in Finnish, Swedish and English, loaded by a data migration.

Areas come from the CSV files in ``data/``: the wellbeing services counties and
Helsinki, and the municipalities with the county each belongs to.
"""

import csv
import uuid
from pathlib import Path

from django.utils.text import slugify

from core.languages import ALL_LANGUAGES as LANGUAGES

DATA_DIR = Path(__file__).resolve().parent / "data"
NAMESPACE = uuid.UUID("6f1c1d1e-7a43-4a53-9a43-0d6f5f3b1e10")

NATIONAL = {"slug": "valtakunnallinen", "fi": "Valtakunnallinen", "sv": "Hela landet", "en": "Nationwide"}

FUNDERS = [
    (
        "stm",
        "STM",
        "Sosiaali- ja terveysministeriö (STM)",
        "Social- och hälsovårdsministeriet (SHM)",
        "Ministry of Social Affairs and Health (STM)",
    ),
    (
        "stea",
        "STEA",
        "Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)",
        "Social- och hälsoorganisationernas understödscentral (STEA)",
        "Funding Centre for Social Welfare and Health Organisations (STEA)",
    ),
    ("saatiot-ja-rahastot", "", "Säätiöt ja rahastot", "Stiftelser och fonder", "Foundations and funds"),
    (
        "eu-elpymisvaline",
        "RRF",
        "EU:n elpymis- ja palautumistukiväline",
        "EU:s facilitet för återhämtning och resiliens",
        "EU Recovery and Resilience Facility",
    ),
    ("muu-eu-rahoitus", "", "Muu EU-rahoitus", "Annan EU-finansiering", "Other EU funding"),
    ("ei-erillisrahoitusta", "", "Ei erillisrahoitusta", "Ingen separat finansiering", "No separate funding"),
]

THEMES = [
    ("perhekeskukset", "Perhekeskukset", "Familjecenter", "Family centres"),
    ("lahisuhdevakivalta", "Lähisuhdeväkivalta", "Våld i nära relationer", "Domestic violence"),
    ("eroauttaminen", "Eroauttaminen", "Stöd vid skilsmässa", "Separation support"),
    ("varhainen-tuki", "Varhainen tuki", "Tidigt stöd", "Early support"),
    ("asiakasohjaus", "Asiakasohjaus", "Klienthandledning", "Client guidance"),
    ("jarjestoyhteistyo", "Järjestöyhteistyö", "Samarbete med organisationer", "Co-operation with NGOs"),
    ("lapsiperhepalvelut", "Lapsiperhepalvelut", "Tjänster för barnfamiljer", "Services for families with children"),
    ("mielenterveys", "Mielenterveys", "Psykisk hälsa", "Mental health"),
    ("sahkoiset-palvelut", "Sähköiset palvelut", "Digitala tjänster", "Digital services"),
]

TARGET_GROUPS = [
    ("lapsiperheet", "Lapsiperheet", "Barnfamiljer", "Families with children"),
    ("vauvaperheet", "Vauvaperheet", "Familjer med bebisar", "Families with babies"),
    ("lapset-ja-nuoret", "Lapset ja nuoret", "Barn och unga", "Children and young people"),
    ("vakivaltaa-kokeneet", "Väkivaltaa kokeneet", "Personer som upplevt våld", "People who have experienced violence"),
    ("ammattilaiset", "Ammattilaiset", "Yrkesverksamma", "Professionals"),
    ("jarjestot", "Järjestöt", "Organisationer", "NGOs"),
]


def translation_key(kind, slug):
    """A stable translation key, so that the same classification gets the same key everywhere."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{slug}")


def read_csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def area_rows():
    """Yield (slug, kind, short_name, code, parent_slug, {language: name}) for every area."""
    yield NATIONAL["slug"], "national", "", "", None, {lang: NATIONAL[lang] for lang in LANGUAGES}
    counties = read_csv("welfare_regions.csv")
    county_slugs = {row["slug"] for row in counties}
    for row in counties:
        names = {"fi": row["name_fi"], "sv": row["name_sv"], "en": row["name_en"]}
        yield row["slug"], "county", row["short_fi"], "", None, names
    for row in read_csv("municipalities.csv"):
        slug = slugify(row["name_fi"])
        if slug in county_slugs:
            slug = f"{slug}-kunta"
        names = {"fi": row["name_fi"], "sv": row["name_sv"], "en": row["name_fi"]}
        yield slug, "municipality", "", row["code"], row["county_slug"] or None, names


def load(apps):
    """Create the locales and every classification in each language (for a data migration)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    locales = {lang: Locale.objects.get_or_create(language_code=lang)[0] for lang in LANGUAGES}

    Area = apps.get_model("taxonomy", "Area")
    rows = list(area_rows())
    for lang, locale in locales.items():
        Area.objects.bulk_create(
            [
                Area(
                    translation_key=translation_key("area", slug),
                    locale=locale,
                    slug=slug,
                    name=names[lang],
                    kind=kind,
                    short_name=short_name,
                    code=code,
                )
                for slug, kind, short_name, code, _parent, names in rows
            ]
        )
        by_slug = {area.slug: area for area in Area.objects.filter(locale=locale)}
        children = []
        for slug, _kind, _short, _code, parent_slug, _names in rows:
            if parent_slug:
                child = by_slug[slug]
                child.parent = by_slug[parent_slug]
                children.append(child)
        Area.objects.bulk_update(children, ["parent"])

    Funder = apps.get_model("taxonomy", "Funder")
    Theme = apps.get_model("taxonomy", "Theme")
    TargetGroup = apps.get_model("taxonomy", "TargetGroup")
    for lang, locale in locales.items():
        position = LANGUAGES.index(lang)
        Funder.objects.bulk_create(
            [
                Funder(
                    translation_key=translation_key("funder", slug),
                    locale=locale,
                    slug=slug,
                    abbreviation=abbreviation,
                    name=names[position],
                )
                for slug, abbreviation, *names in FUNDERS
            ]
        )
        for model, kind, rows_ in ((Theme, "theme", THEMES), (TargetGroup, "target-group", TARGET_GROUPS)):
            model.objects.bulk_create(
                [
                    model(translation_key=translation_key(kind, slug), locale=locale, slug=slug, name=names[position])
                    for slug, *names in rows_
                ]
            )
