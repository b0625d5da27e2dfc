"""Parse plain-text copies of national operating-model web pages into plain dicts.

The input files are text copied from Finnish web pages. A file is one of three kinds:

* ``operating_model``: has a "Toimintamallin nimi" label,
* ``development_entity``: has a "Kokonaisuuden nimi" label,
* ``article``: anything else (blog posts, presentation transcripts, project pages).

The result is a JSON-serialisable dict with English keys (dates as ISO strings).
This module is pure standard library so that it can be tested without Django.
"""

from __future__ import annotations

import datetime
import os
import re

from models_library.sections import SECTION_ORDER

GROUP = "group"  # a group heading such as "Perustiedot": skipped
UNKNOWN = "unknown"  # a heading-like line that is not a known label

# Known labels (casefolded, without trailing colon) -> field key.
LABELS = {
    "perustiedot": GROUP,
    "toimintamallin nimi": "title",
    "kokonaisuuden nimi": "title",
    "toimintamallin lyhyt kuvaus": "short_description",
    "lyhyt kuvaus": "short_description",
    "toteutuspaikka": "implementation_place",
    "paikkakunta, maakunta tai hyvinvointialue": "areas",
    "toimintamallin rahoittaja": "funders",
    "rahoittaja": "funders",
    "toimintamallin kokonaisuus": "development_entity",
    "kokonaisuus": "development_entity",
    "liitteet ja linkit": "links",
    "tekijä": "authors",
    "tekijät": "authors",
    "luotu": "created",
    "viimeksi muokattu": "modified",
    "kehittämisen vaihe": "development_stage",
    "kansikuva": "cover_image_caption",
    "ratkaisun perusidea": "core_idea",
    "toimintaympäristö": "operating_environment",
    "kohderyhmä ja asiakasymmärrys": "target_group",
    "toimivuuden ja käyttöönoton ehdot": "conditions",
    "arvioinnin tulokset tiivistettynä": "evaluation",
    "riippuvuudet": "dependencies",
    "vinkit toimintamallin soveltajille": "tips",
    "toimintamallin kulku": "process",
    "toteutuksen vaiheet": "process",
    "kokonaisuuden tarkoitus ja tavoitteet": "purpose_and_goals",
    "toimiaika": "operating_period",
    "toimijat": "actors",
    "yhteyshenkilön nimi": "contact_name",
    "yhteyshenkilön organisaatio": "contact_organisation",
    "yhteyshenkilön sähköpostiosoite": "contact_email",
    "lähtötilanne ja strategiset liittymäkohdat": "starting_point",
    "päämäärä ja päätavoite": "main_goals",
    "tavoiteltavat tulokset, tuotokset ja vaikutukset": "expected_results",
    "vaikutukset ja vaikuttavuus": "impacts",
}
# A development path's parts (casefolded headings) and its labelled sections -> (part, section).
# The national tool's first part is "Oivalla ja ymmärrä"; the names of the later parts vary.
PATH_PARTS = {
    "oivalla ja ymmärrä": "understand",
    "ideoi ja kokeile": "develop",
    "ideoi ja kehitä": "develop",
    "kokeile ja kehitä": "develop",
    "arvioi ja levitä": "evaluate",
    "arvioi ja juurruta": "evaluate",
}
PATH_LABELS = {
    "tarve": ("understand", "need"),
    "kehittämisen tarve": ("understand", "need"),
    "kehittämistarve": ("understand", "need"),
    "toimintaympäristö": ("understand", "operating_environment"),
    "kohderyhmä": ("understand", "target_group"),
    "kohderyhmä ja asiakasymmärrys": ("understand", "target_group"),
    "asiakasymmärrys": ("understand", "target_group"),
    "lähtötilanne": ("understand", "starting_point"),
    "lähtötilanne ja strategiset liittymäkohdat": ("understand", "starting_point"),
    "ideointi": ("develop", "ideas"),
    "ratkaisuideat": ("develop", "ideas"),
    "yhteiskehittäminen": ("develop", "co_development"),
    "osallisuus": ("develop", "co_development"),
    "kokeilu": ("develop", "testing"),
    "kokeilut": ("develop", "testing"),
    "pilotointi": ("develop", "testing"),
    "arviointi": ("evaluate", "evaluation"),
    "tulokset": ("evaluate", "results"),
    "tulokset ja vaikutukset": ("evaluate", "results"),
    "levittäminen": ("evaluate", "spreading"),
    "juurruttaminen": ("evaluate", "spreading"),
    "levittäminen ja juurruttaminen": ("evaluate", "spreading"),
}
PATH_TITLE = "kehittämisen polku"
TRANSCRIPT = "transkriptio"  # the heading of a presentation's text copy, before its numbered slides
SLIDE_NUMBER_RE = re.compile(r"^(\d{1,3})\s+(?=\S)")
COMMON_KEYS = {"title", "short_description", "areas", "funders", "created", "modified"}
OM_KEYS = COMMON_KEYS | {
    "implementation_place",
    "development_entity",
    "links",
    "authors",
    "development_stage",
    "cover_image_caption",
    *SECTION_ORDER,
}
DE_KEYS = COMMON_KEYS | {
    "purpose_and_goals",
    "operating_period",
    "actors",
    "contact_name",
    "contact_organisation",
    "contact_email",
    "starting_point",
    "main_goals",
    "expected_results",
    "impacts",
}
# Sub-labels inside known sections; never reported as unknown labels.
SUB_LABEL_RE = re.compile(
    r"^(tavoite\s+\d+\b|kohderyhmät?\b|toiminta ja tuotokset\b|tuotokset ja tulokset\b"
    r"|.*näkökulmasta\b|pidemmällä\b|pitkällä\b|pitkän\b)",
    re.IGNORECASE,
)

SPACES = str.maketrans(
    {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\u200b": "", "\ufeff": ""}
)
SKETCH_RE = re.compile(r"^(?:icon/\S+\s*)?(?:Created with Sketch\.\s*)?|\s*icon/\S+(?:\s+Created with Sketch\.)?$")
# The national site's required-field marker after (or before) a label, and a label's colon.
LABEL_MARKS_RE = re.compile(r"[\s*:]+$|\s*\(pakollinen\)\s*$", re.IGNORECASE)
# The address a copied national page came from; a development path's address ends in /kehittamisen-polku.
SOURCE_URL_RE = re.compile(r"^https?://(?:www\.)?innokyla\.fi/\S+$", re.IGNORECASE)
PATH_URL_SUFFIX_RE = re.compile(r"/kehittamisen-polku/?$|/$")
NOISE_RES = [
    re.compile(p, re.IGNORECASE)
    for p in (r"hyppää pääsisältöön", r"koko:\s*\d*\s*px", r"aloita esitys sivulta:?\s*\d*", r"download\s+[\"“”].*")
]
BULLET_RE = re.compile(r"^(?:([-–—•*▪◦·●])(?!>)|(\d{1,2}[.)])(?=\s))\s*")
DATE_RE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
RANGE_RE = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{4})\s*[-–—]\s*(\d{1,2}\.\d{1,2}\.\d{4})")
URL_RE = re.compile(r"https?://[^\s<>\"']+")
SENTENCE_END_RE = re.compile(r"[.!?](\s|$)")
CONTINUATION_RE = re.compile(
    r"^(jo(ka|tka|nka|iden|ssa|issa|ita|hon|ihin|lla|illa|sta|ista)|erityisesti|etenkin"
    r"|kuten|esim)\b",
    re.IGNORECASE,
)
MEASURE_RE = re.compile(r"\bmittari|\bmitattiin\b|\barvioitiin\b.*\bavulla\b", re.IGNORECASE)
PERSPECTIVE_STEMS = [  # (word stem, perspective); the earliest matching word wins
    ("asiak", "clients"),
    ("henkilö", "staff"),
    ("työntekij", "staff"),
    ("hyvinvointialue", "organisation"),
    ("organisaat", "organisation"),
    ("järjestäj", "organisation"),
    ("pidemmällä", "long_term"),
    ("pitkä", "long_term"),
]
GOAL_RE = re.compile(r"^Tavoite\s+\d+\s*[.:]\s*(.*)$", re.IGNORECASE)
TARGET_RE = re.compile(r"^Kohderyhmät?\s*:\s*(.*)$", re.IGNORECASE)
ACTIVITIES_RE = re.compile(r"^Toiminta ja tuotokset\s*:?\s*(.*)$", re.IGNORECASE)
YEAR_RE = re.compile(r"^(\d{4})(?:\s*(?:ja|-|–|—)\s*(\d{4}))?\s*:\s*(.*)$")
PILOT_AREAS_RE = re.compile(r"\bpilottialue\w*\s*\(([^)]*)\)", re.IGNORECASE)
STEP_FIELDS = {
    "vaihe": "phase",
    "nimi": "phase",
    "kuvaus": "description",
    "toimijat": "actors",
    "tekijät": "actors",
    "vastuutaho": "actors",
    "työvälineet": "tools",
    "välineet": "tools",
    "työkalut": "tools",
}


class ImportFileError(Exception):
    """A file that cannot be imported at all (unreadable, empty or not UTF-8 text)."""

    def __init__(self, path, reason):
        self.path = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


# --- Small text helpers -------------------------------------------------------------


def norm(text):
    """Collapse runs of whitespace to single spaces and trim."""
    return re.sub(r"\s+", " ", text).strip()


def label_text(line):
    """A label as written, without the required-field marker (``**``) and the colon."""
    text = norm(line)
    while (stripped := LABEL_MARKS_RE.sub("", text)) != text:
        text = stripped
    return text


def label_key(line):
    """Return the lookup key of a possible label line (casefolded, no marker or trailing colon)."""
    return label_text(line).casefold()


def source_url(address):
    """The address of the national page a copy came from, the same for a description and its path."""
    return PATH_URL_SUFFIX_RE.sub("", address.split("?")[0].split("#")[0]).lower() if address else ""


def strip_bullet(line):
    """Split a line into (marker, text); marker is "" for a non-bullet line."""
    m = BULLET_RE.match(line)
    if not m:
        return "", line
    return m.group(1) or m.group(2), line[m.end() :].strip()


def parse_date(value):
    """Return the date of a "d.m.yyyy" / "dd.mm.yyyy" string, or None if it is not one."""
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\.?\s*", value)
    if not m:
        return None
    try:
        return datetime.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def split_outside_parens(text, seps=",;"):
    """Split text at separators outside parentheses; re-attach relative-clause pieces."""
    parts, buf, depth, sep = [], [], 0, ""
    for ch in text:
        depth += (ch in "([") - (ch in ")]" and depth > 0)
        if ch in seps and depth == 0:
            parts.append((sep, norm("".join(buf))))
            buf, sep = [], ch
        else:
            buf.append(ch)
    parts.append((sep, norm("".join(buf))))
    merged = []
    for sep, part in parts:
        if merged and CONTINUATION_RE.match(part):
            merged[-1] += f"{sep} {part}"
        elif part:
            merged.append(part)
    return merged


def split_list(blocks):
    """Turn label content into a list: one entry per line, comma or semicolon."""
    return [item for block in blocks for line in block for item in split_outside_parens(strip_bullet(line)[1])]


# --- Lines, blocks and pieces -------------------------------------------------------


def clean_lines(text):
    """Normalise whitespace and remove page noise; noise lines become blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(SPACES)
    lines = []
    for raw in text.split("\n"):
        line = SKETCH_RE.sub("", norm(raw))
        lines.append("" if any(r.fullmatch(line) for r in NOISE_RES) else line)
    return lines


def blocks_of(lines):
    """Split lines into blocks (lists of non-blank lines) at blank lines."""
    blocks, current = [], []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks


def pieces(block, standalone=None):
    """Split a block into (marker, text): bullet lines stand alone, other lines are joined.

    ``standalone(marker, text)`` may mark further lines (e.g. sub-headings) that must
    not be joined with their neighbours.
    """
    out, joinable = [], False
    for line in block:
        marker, text = strip_bullet(line)
        alone = bool(standalone and standalone(marker, text))
        if marker or alone or not joinable:
            out.append([marker, text])
        else:
            out[-1][1] += " " + text
        joinable = not marker and not alone
    return [(marker, norm(text)) for marker, text in out if norm(text)]


def paragraphs(blocks):
    """Return the paragraphs of blocks (each bullet line is a paragraph of its own)."""
    return [text for block in blocks for _, text in pieces(block)]


def text_of(blocks):
    """Return the blocks of a single-valued field as one string ("" when empty)."""
    return "\n\n".join(paragraphs(blocks))


# --- Segmenting labelled documents --------------------------------------------------


def heading_like(line):
    """Whether a line could be a heading we do not know.

    Short (<= 60 chars), capitalised, no sentence punctuation at the end, not a bullet,
    not starting with a digit, not a "name: value" line and not a known (sub-)label.
    """
    text = label_text(line)
    return (
        0 < len(text) <= 60
        and text[0].isupper()
        and text[-1] not in ".!?;"
        and not BULLET_RE.match(line)
        and not SUB_LABEL_RE.match(text)
        and label_key(text) not in LABELS
        and not URL_RE.search(text)
        and not re.search(r":\s", text)
    )


def is_unknown_label(block, next_block):
    """Whether a block (not the first one after a label) starts with an unknown label.

    The label either stands alone and is followed by a content block, or is directly
    followed by content lines in its own block; the content must not look like a
    heading itself (that would rather be a plain list of short lines).
    """
    if not heading_like(block[0]):
        return False
    if len(block) > 1:
        return not heading_like(block[1])
    return next_block is not None and not (len(next_block) == 1 and heading_like(next_block[0]))


def segments_of(lines):
    """Split lines into [key, label, blocks] at label lines, unknown labels included."""
    raw = [[None, "", []]]
    for line in lines:
        key = LABELS.get(label_key(line)) if line else None
        if key:
            raw.append([key, label_text(line), []])
        else:
            raw[-1][2].append(line)
    segments = []
    for key, label, seg_lines in raw:
        blocks = blocks_of(seg_lines)
        current = [key, label, []]
        segments.append(current)
        for i, block in enumerate(blocks):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if key not in (None, GROUP) and current[2] and is_unknown_label(block, following):
                current = [UNKNOWN, label_text(block[0]), [block[1:]] if block[1:] else []]
                segments.append(current)
            else:
                current[2].append(block)
    return segments


def collect(lines, allowed):
    """Group segments into fields {key: {"label", "blocks"}} plus extra sections.

    Repeated labels are merged (identical blocks kept once). Text before the first
    label that merely repeats a labelled value is dropped; any other such text, the
    content of unknown labels and of labels not used by this kind go to extras.
    """
    fields, extras, unknown, loose = {}, [], [], []
    for key, label, blocks in segments_of(lines):
        if key in (None, GROUP):
            loose.extend(blocks)
        elif key == UNKNOWN or key not in allowed:
            if key == UNKNOWN:
                unknown.append(label)
            extras.append({"heading": label, "paragraphs": paragraphs(blocks)})
        else:
            entry = fields.setdefault(key, {"label": label, "blocks": []})
            entry["blocks"] += [b for b in blocks if b not in entry["blocks"]]
    seen = {norm(t) for e in fields.values() for b in e["blocks"] for t in b + [" ".join(b)]}
    rest = [[line for line in b if norm(line) not in seen] for b in loose]
    rest = [b for b in rest if b and norm(" ".join(b)) not in seen]
    if rest:
        extras.insert(0, {"heading": "", "paragraphs": paragraphs(rest)})
    return fields, extras, unknown


# --- Section parsers ----------------------------------------------------------------


def parse_list_section(blocks):
    """Conditions / tips: bullets become items, text before the first bullet is intro."""
    parts = [p for block in blocks for p in pieces(block)]
    if not any(marker for marker, _ in parts):
        if len(parts) == 1:
            items = split_outside_parens(parts[0][1], ",")
            if len(items) > 1 and all(len(i) < 150 and not SENTENCE_END_RE.search(i) for i in items):
                return {"intro": [], "items": items}
        return {"intro": [], "items": [text for _, text in parts]}
    result, seen_bullet = {"intro": [], "items": []}, False
    for marker, text in parts:
        seen_bullet = seen_bullet or bool(marker)
        result["items" if seen_bullet else "intro"].append(text)
    return result


def is_perspective(marker, text):
    """Whether a line is an evaluation sub-heading such as "1. Asiakkaiden näkökulmasta:"."""
    label = text.rstrip(":").strip()
    return (
        (marker[:1].isdigit() or not marker)
        and len(label) <= 80
        and bool(
            re.search(r"näkökulmasta$", label, re.IGNORECASE)
            or re.match(r"(pidemmällä|pitkällä|pitkän)\b", label, re.IGNORECASE)
        )
    )


def perspective_key(label):
    """Map a perspective heading to clients/staff/organisation/long_term/other."""
    for word in re.findall(r"\w+", label.casefold()):
        for stem, key in PERSPECTIVE_STEMS:
            if word.startswith(stem):
                return key
    return "other"


def parse_evaluation(blocks):
    """Evaluation: intro, then perspectives with their findings and measurement."""
    result, current = {"intro": [], "perspectives": []}, None
    for block in blocks:
        for marker, text in pieces(block, standalone=is_perspective):
            if is_perspective(marker, text):
                label = text.rstrip(":").strip()
                current = {"perspective": perspective_key(label), "label": label, "findings": [], "measurement": ""}
                result["perspectives"].append(current)
            elif current is None:
                result["intro"].append(text)
            elif MEASURE_RE.search(text):
                current["measurement"] = norm(f"{current['measurement']} {text}")
            else:
                current["findings"].append(text)
    if result["intro"] and not result["perspectives"]:
        # Written as prose without perspective headings, as many national descriptions are: the findings
        # of no named perspective (an evaluation block needs one to be published).
        finding = {"perspective": "other", "label": "", "findings": result["intro"], "measurement": ""}
        result = {"intro": [], "perspectives": [finding]}
    return result


def parse_dependencies(blocks):
    """Dependencies: bullets and "name: needs" lines are items, other text intro/notes."""
    result = {"intro": [], "items": [], "notes": []}
    for block in blocks:
        for marker, text in pieces(block):
            colon = re.search(r":(\s|$)", text)
            name, needs = (text[: colon.start()], text[colon.end() :]) if colon else (text, "")
            if marker or (colon and needs.strip() and len(name) <= 150):
                result["items"].append({"name": norm(name), "needs": norm(needs)})
            else:
                result["notes" if result["items"] else "intro"].append(text)
    return result


def parse_process(blocks):
    """Process steps: one step per block or bullet; "Kuvaus:"-style lines fill fields."""
    steps = []
    for block in blocks:
        step = None
        for line in block:
            marker, text = strip_bullet(line)
            m = re.match(r"^([^:]{1,30}):\s*(.*)$", text)
            field = STEP_FIELDS.get(m.group(1).strip().casefold()) if m else None
            if step is None or (marker and not field and step["phase"]):
                step = {"phase": "", "description": "", "actors": "", "tools": ""}
                steps.append(step)
            if field:
                step[field] = norm(f"{step[field]} {m.group(2)}")
            elif not step["phase"]:
                phase, _, rest = text.partition(": ")
                step["phase"], step["description"] = phase.rstrip(":").strip(), norm(rest)
            else:
                step["description"] = norm(f"{step['description']} {text}")
    return {"steps": steps}


def add_activity(activities, line, sep):
    """Start a new activity at a "YYYY:" / "YYYY ja YYYY:" line, else continue the last."""
    m = YEAR_RE.match(line)
    if m:
        activities.append({"start_year": int(m[1]), "end_year": int(m[2]) if m[2] else None, "text": m[3]})
    elif activities:
        activities[-1]["text"] += sep + line
    else:
        activities.append({"start_year": None, "end_year": None, "text": line})


def parse_main_goals(blocks):
    """Main goals: "Tavoite N." goals with "Kohderyhmä:" lists and yearly activities."""
    goals, goal, mode = [], None, "goal"
    for block in blocks:
        for index, raw in enumerate(block):
            line, sep = norm(raw), " " if index else "\n\n"
            m = GOAL_RE.match(line)
            if m or goal is None:
                goal = {"goal": m.group(1) if m else "", "target_groups": [], "activities": []}
                goals.append(goal)
                mode = "goal"
                if m:
                    continue
            if m := TARGET_RE.match(line):
                goal["target_groups"] += split_outside_parens(m.group(1), ",")
                mode = "targets"
            elif m := ACTIVITIES_RE.match(line):
                mode = "activities"
                if m.group(1):
                    add_activity(goal["activities"], m.group(1), sep)
            elif mode == "activities":
                add_activity(goal["activities"], line, sep)
            elif mode == "targets":
                goal["target_groups"] += split_outside_parens(strip_bullet(line)[1], ",")
            else:
                goal["goal"] = (goal["goal"] + sep + line).strip()
    return goals


def parse_links(blocks):
    """Links: every http(s) URL with the text before it (or the line before) as title.

    Returns (links, leftover_text_lines) so that no text is lost.
    """
    links, leftover, pending = [], [], None
    for line in (line for block in blocks for line in block):
        matches = list(URL_RE.finditer(line))
        if not matches:
            if pending:
                leftover.append(pending)
            pending = line
            continue
        start = 0
        for m in matches:
            url = m.group(0).rstrip(".,;:)")
            title = strip_bullet(line[start : m.start()].strip())[1].strip(" :-–|([")
            if not title and start == 0 and pending:
                title, pending = pending, None
            links.append({"title": title or url, "url": url})
            start = m.start() + len(url)
        if pending:
            leftover.append(pending)
            pending = None
        if norm(line[start:]).strip(".,;:()"):
            leftover.append(norm(line[start:]))
    return links, leftover + ([pending] if pending else [])


# --- Document builders --------------------------------------------------------------


class Fields:
    """Accessors over collected fields; records warnings while converting values."""

    def __init__(self, fields):
        self.fields, self.warnings = fields, []

    def blocks(self, key):
        return self.fields.get(key, {}).get("blocks", [])

    def text(self, key, default=None):
        return text_of(self.blocks(key)) if key in self.fields else default

    def list(self, key):
        return split_list(self.blocks(key))

    def paragraphs(self, key):
        return paragraphs(self.blocks(key))

    def date(self, key):
        """The ISO date of a date field; a warning when the value is not a valid date."""
        text = self.text(key, "")
        m = DATE_RE.search(text)
        value = parse_date(m.group(0)) if m else None
        if text and value is None:
            self.warnings.append(f"{self.fields[key]['label']}: not a valid date: {text!r}")
        return value.isoformat() if value else None


def build_operating_model(lines, source):
    """Build the dict of an operating model description."""
    fields, extras, unknown = collect(lines, OM_KEYS)
    f = Fields(fields)
    parsers = {
        "core_idea": paragraphs,
        "operating_environment": paragraphs,
        "target_group": paragraphs,
        "conditions": parse_list_section,
        "evaluation": parse_evaluation,
        "dependencies": parse_dependencies,
        "tips": parse_list_section,
        "process": parse_process,
    }
    sections = {key: parse(f.blocks(key)) for key, parse in parsers.items() if key in fields}
    links, leftover = parse_links(f.blocks("links"))
    if leftover:
        extras.append({"heading": fields["links"]["label"], "paragraphs": leftover})
    result = {
        "kind": "operating_model",
        "source": source,
        "title": f.text("title", ""),
        "short_description": f.text("short_description", ""),
        "implementation_place": f.text("implementation_place", ""),
        "areas": f.list("areas"),
        "funders": f.list("funders"),
        "development_entity": f.text("development_entity") or None,
        "authors": f.list("authors"),
        "created": f.date("created"),
        "modified": f.date("modified"),
        "development_stage": f.text("development_stage") or None,
        "cover_image_caption": f.text("cover_image_caption") or None,
        "links": links,
        "sections": sections,
    }
    return finish(result, extras, unknown, f.warnings)


def build_development_entity(lines, source):
    """Build the dict of a development entity description."""
    fields, extras, unknown = collect(lines, DE_KEYS)
    f = Fields(fields)
    period = None
    if "operating_period" in fields:
        text = f.text("operating_period")
        m = RANGE_RE.search(text)
        start, end = (parse_date(m[1]), parse_date(m[2])) if m else (None, None)
        if m and not (start and end):
            f.warnings.append(f"{fields['operating_period']['label']}: invalid date in {text!r}")
        period = {"start": start and start.isoformat(), "end": end and end.isoformat(), "text": text}
    if "areas" in fields:
        areas = f.list("areas")
    else:
        m = PILOT_AREAS_RE.search("\n".join(lines))
        areas = split_outside_parens(m.group(1)) if m else []
    result = {
        "kind": "development_entity",
        "source": source,
        "title": f.text("title", ""),
        "short_description": f.text("short_description", ""),
        "purpose_and_goals": f.paragraphs("purpose_and_goals"),
        "operating_period": period,
        "actors": f.paragraphs("actors"),
        "funders": f.list("funders"),
        "contact": {
            "name": f.text("contact_name") or None,
            "organisation": f.text("contact_organisation") or None,
            "email": f.text("contact_email") or None,
        },
        "created": f.date("created"),
        "modified": f.date("modified"),
        "starting_point": f.paragraphs("starting_point"),
        "main_goals": parse_main_goals(f.blocks("main_goals")),
        "expected_results": f.paragraphs("expected_results"),
        "impacts": f.paragraphs("impacts"),
        "areas": areas,
    }
    return finish(result, extras, unknown, f.warnings)


def finish(result, extras, unknown, warnings):
    """Add the common report keys to a labelled document's dict."""
    if not result["title"]:
        warnings.append("the title label has no value")
    result.update(extra_sections=extras, unknown_labels=unknown, warnings=warnings)
    return result


def is_lead(text):
    """Whether a paragraph can be an article's lead: at least one whole sentence of some length."""
    return len(text) >= 60 and text.rstrip()[-1:] in '.!?”"'


def without_slide_numbers(blocks):
    """A presentation's transcript without its “Transkriptio” heading and the numbers of its slides.

    Slides are numbered 1, 2, 3… at the start of their block; only that sequence is removed.
    """
    if not any(len(block) == 1 and label_key(block[0]) == TRANSCRIPT for block in blocks):
        return blocks
    slides, expected = [], 1
    for block in blocks:
        if len(block) == 1 and label_key(block[0]) == TRANSCRIPT:
            continue
        number = SLIDE_NUMBER_RE.match(block[0])
        if number and int(number[1]) == expected:
            block = [block[0][number.end() :], *block[1:]]
            expected += 1
        slides.append(block)
    return slides


def build_article(lines, source):
    """Build the dict of a free-form document: title, intro and remaining paragraphs."""
    blocks = blocks_of(lines)
    first = blocks[0]
    rest = ([first[1:]] if first[1:] else []) + blocks[1:]
    slides = without_slide_numbers(rest)
    transcript, rest = slides is not rest, slides
    texts = ["\n".join(block) for block in rest]
    # The lead is the first paragraph that reads as prose; picture captions and words
    # such as "Transkriptio" before it stay in the body, in their place.
    # A transcript has no lead: its slides stay in order.
    lead = None if transcript else next((i for i, text in enumerate(texts[:2]) if is_lead(text)), None)
    return {
        "kind": "article",
        "source": source,
        "title": first[0],
        "intro": texts[lead] if lead is not None else "",
        "paragraphs": [text for i, text in enumerate(texts) if i != lead],
        "unknown_labels": [],
        "extra_sections": [],
        "warnings": [],
    }


def is_development_path(lines):
    """Whether a document without Perustiedot is a development path view: a part heading, or two path labels."""
    keys = [label_key(line) for line in lines if line]
    return any(key in PATH_PARTS for key in keys) or sum(key in PATH_LABELS for key in keys) >= 2


def rich_items(blocks):
    """The content of a path section as ("p", text), ("h", sub-heading), ("ol"/"ul", [items])."""
    items = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if len(block) == 1 and heading_like(block[0]) and following is not None:
            items.append(("h", label_text(block[0])))
            continue
        if len(block) > 1 and heading_like(block[0]) and not heading_like(block[1]):
            items.append(("h", label_text(block[0])))
            block = block[1:]
        for marker, text in pieces(block):
            kind = "ol" if marker[:1].isdigit() else "ul" if marker else "p"
            if kind != "p" and items and items[-1][0] == kind:
                items[-1][1].append(text)
            else:
                items.append((kind, [text] if kind != "p" else text))
    return [list(item) for item in items]


def build_development_path(lines, source):
    """Build the dict of a development path view: the model's name, a lead and the labelled sections."""
    title_index = next(i for i, line in enumerate(lines) if line)
    title = lines[title_index]
    parts, lead, current = {}, [], None
    for line in lines[title_index + 1 :]:
        key = label_key(line) if line else ""
        if key == PATH_TITLE or key == title.casefold():
            continue
        if key in PATH_PARTS:
            current = None
        elif key in PATH_LABELS:
            part, section = PATH_LABELS[key]
            current = parts.setdefault(part, {}).setdefault(section, [])
        elif current is not None:
            current.append(line)
        else:
            lead.append(line)
    lead_blocks = blocks_of(lead)
    return {
        "kind": "development_path",
        "source": source,
        "title": title,
        "intro": paragraphs(lead_blocks),
        "parts": {
            name: {section: rich_items(blocks_of(section_lines)) for section, section_lines in sections.items()}
            for name, sections in parts.items()
        },
        "extra_sections": [],
        "unknown_labels": [],
        "warnings": [],
    }


# --- Public entry points ------------------------------------------------------------


def parse_text(text, source=""):
    """Parse the text of one document; raises ImportFileError if it has no content."""
    if not text or not text.strip():
        raise ImportFileError(source or "<text>", "text is empty")
    lines = clean_lines(text)
    if not any(lines):
        raise ImportFileError(source or "<text>", "no content left after removing page noise")
    address = next((line for line in lines if SOURCE_URL_RE.match(line)), "")
    lines = ["" if line == address else line for line in lines] if address else lines
    result = None
    for line in lines:
        key = label_key(line)
        if key == "toimintamallin nimi":
            result = build_operating_model(lines, source)
            break
        if key == "kokonaisuuden nimi":
            result = build_development_entity(lines, source)
            break
    else:
        result = build_development_path(lines, source) if is_development_path(lines) else build_article(lines, source)
    result["source_url"] = source_url(address)
    return result


def parse_file(path):
    """Read a UTF-8 text file (BOM allowed) and parse it; every failure is ImportFileError."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ImportFileError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not data:
        raise ImportFileError(path, "file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, f"not UTF-8 text: {exc}") from exc
    if not text.strip():
        raise ImportFileError(path, "file contains only whitespace")
    try:
        return parse_text(text, source=os.path.basename(path))
    except ImportFileError as exc:
        raise ImportFileError(path, exc.reason) from exc
    except Exception as exc:  # the importer reports per file; never crash on one
        raise ImportFileError(path, f"could not parse: {exc!r}") from exc
