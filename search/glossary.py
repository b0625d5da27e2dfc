"""The site's glossary: Swedish and English terms of the field and their Finnish equivalents.

A Swedish or English visitor also finds the Finnish descriptions that have not been translated:
their words are searched for in Finnish, with the terms of this glossary put in Finnish (the
glossary of DOMAIN.md, with the inflected forms a visitor is likely to type).
"""

import re

# Finnish term: its Swedish and English forms, lowercase.
GLOSSARY = {
    "toimintamalli": ("verksamhetsmodell", "verksamhetsmodellen", "verksamhetsmodeller", "operating model"),
    "kokonaisuus": ("helhet", "helheten", "development entity"),
    "hyvinvointialue": (
        "välfärdsområde",
        "välfärdsområdet",
        "välfärdsområden",
        "wellbeing services county",
        "wellbeing services counties",
    ),
    "perhekeskus": (
        "familjecenter",
        "familjecentret",
        "familjecentrets",
        "familjecentren",
        "family centre",
        "family centres",
        "family center",
    ),
    "järjestö": ("organisation", "organisationer", "ngo", "ngos"),
    "käyttöönotto": ("ibruktagning", "ibruktagningen", "adoption"),
    "kehittämisen vaihe": ("utvecklingsskede", "development stage"),
    "rahoittaja": ("finansiär", "finansiären", "funder", "funders"),
    "kohderyhmä": ("målgrupp", "målgruppen", "målgrupper", "target group", "target groups"),
    "arviointi": ("utvärdering", "utvärderingen", "evaluation"),
}

_FINNISH = {term: finnish for finnish, terms in GLOSSARY.items() for term in terms}
# Longest terms first, so that "family centres" is taken before "family".
_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(term) for term in sorted(_FINNISH, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def in_finnish(query):
    """``query`` with the glossary's Swedish and English terms replaced by the Finnish ones."""
    return _PATTERN.sub(lambda match: _FINNISH[match.group(0).lower()], query)
