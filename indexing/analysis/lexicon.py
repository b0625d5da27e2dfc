"""Word lists for the search analysis: stop words, domain words Voikko lacks, synonyms and a small glossary.

Everything here is lowercase. Keep the lists short and domain-true: each entry changes what every search finds.
"""

# Finnish stop words, as Voikko base forms (the analysis drops a word when its base form is here). Only function
# words: with OR matching they would match every document, and engines that rank without IDF would be swayed by them.
FINNISH_STOPWORDS = frozenset(
    """
    ja tai sekä eli että kuin kun jos mutta vaan vai sillä koska jotta kunnes
    olla ei se ne tämä nämä tuo nuo joka jotka mikä kuka jokin joku
    minä sinä hän me te he itse oma
    myös niin jo vain vielä sitten siis mm esim ym ns tms yms
    """.split()
)

SWEDISH_STOPWORDS = frozenset(
    """
    och i att det som en ett på är av för med till den de har inte om eller men så
    vi ni han hon jag du man sig sin sitt sina också vara var varit blir bli kan ska
    """.split()
)

ENGLISH_STOPWORDS = frozenset(
    """
    a an the and or but of to in on at by for with from as is are was were be been being
    this that these those it its we you they he she i not no also into than then so
    """.split()
)

# Finnish words (mostly abbreviations and new domain terms) that Voikko's dictionary (voikko-fi 2.5) does not know.
# lemma -> (forms, parts). A word is taken as the lemma when it equals a form plus a case ending
# (FINNISH_CASE_ENDINGS), or, for forms of 8 letters or more, starts with the form and has at most 8 letters more.
# The parts are emitted as tokens too, like the parts of a compound.
DOMAIN_WORDS = {
    "sote": (("sote",), ()),
    "thl": (("thl",), ()),
    "stea": (("stea",), ()),
    "stm": (("stm",), ()),
    "soste": (("soste",), ()),
    "etkl": (("etkl",), ()),
    "ptv": (("ptv",), ()),
    "lape": (("lape",), ()),
    "hyte": (("hyte",), ()),
    "varha": (("varha",), ()),
    "okm": (("okm",), ()),
    "tem": (("tem",), ()),
    "avi": (("avi",), ()),
    "ely": (("ely",), ()),
    "rrf": (("rrf",), ()),
    "innokylä": (("innokylä",), ("inno", "kylä")),
    "digifinland": (("digifinland",), ()),
    "puheeksiotto": (("puheeksiotto", "puheeksioto", "puheeksiottami", "puheeksiottamis"), ("puhe", "otto", "ottaa")),
    "monitoimijainen": (("monitoimijai",), ("moni", "toimija")),
    "monitoimijuus": (("monitoimijuu", "monitoimijuude"), ("moni", "toimija")),
}

FINNISH_CASE_ENDINGS = frozenset(
    """
    n a ä ta tä na nä ksi ssa ssä sta stä lla llä lta ltä lle en hen han hin seen
    t ja jä jen ihin iin issa issä ista istä illa illä ilta iltä ille ina inä ita itä iden itten ineen
    """.split()
) | {""}

# Synonym groups: a word in a group also emits the group's first word (its canonical token), at index and query
# time alike, so an abbreviation finds the written-out name and back. Members are single tokens: Voikko base forms,
# domain lemmas or coordinated compounds ("sosiaali- ja terveysministeriö" gives sosiaaliministeriö).
SYNONYM_GROUPS = (
    ("stea", "avustuskeskus"),
    ("stm", "terveysministeriö", "sosiaaliministeriö"),
    ("ptv", "palvelutietovaranto"),
    # Religious communities that work with family centres are mostly parishes.
    ("seurakunta", "uskonnollinen"),
)

# A small cross-language glossary (from the domain glossary): a Swedish or English term in any text, or in a query,
# also emits the Finnish base form, so a query in one language finds content written in another.
# Multi-word terms are matched word by word on stems.
GLOSSARY = (
    # (finnish base form, swedish terms, english terms)
    ("perhekeskus", ("familjecenter", "familjecentral"), ("family centre", "family center")),
    ("toimintamalli", ("verksamhetsmodell",), ("operating model",)),
    ("hyvinvointialue", ("välfärdsområde",), ("wellbeing services county",)),
    ("järjestö", ("organisation",), ("ngo",)),
    ("käyttöönotto", ("ibruktagning",), ("adoption",)),
    ("rahoittaja", ("finansiär",), ("funder",)),
    ("kohderyhmä", ("målgrupp",), ("target group",)),
    ("arviointi", ("utvärdering",), ("evaluation",)),
    ("lastensuojelu", ("barnskydd",), ("child protection", "child welfare")),
    ("väkivalta", ("våld",), ("violence",)),
    ("lähisuhdeväkivalta", ("närståendevåld",), ("domestic violence", "intimate partner violence")),
    ("perheneuvonta", ("familjerådgivning",), ("family counselling", "family counseling")),
    ("neuvola", ("rådgivning",), ("child health clinic", "maternity clinic")),
)
