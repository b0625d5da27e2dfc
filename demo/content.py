"""What the demo adds to the imported seeds: classifications, a missing summary, and a Swedish review.

The seeds' pages get the themes, target groups and tags their text supports, so that every facet
and a tag page can be tried. The presentation transcript (seed 002) has no lead of its own, so it
gets a summary. One operating model and one article are translated into Swedish and published
through the Swedish review: submitted by ``translator_sv``, approved by ``language_reviewer_sv``.
"""

from django.contrib.auth import get_user_model

from importer.models import ImportedSource
from review.views import page_translation
from taxonomy.models import TargetGroup, Theme

# Seed file: (theme slugs, target group slugs, tags); articles have tags only.
CLASSIFICATIONS = {
    "000_a500a5903890c3e1.txt": (
        ["lahisuhdevakivalta", "perhekeskukset", "varhainen-tuki"],
        ["vauvaperheet", "vakivaltaa-kokeneet", "ammattilaiset"],
        ["vauvatyö", "väkivaltatyö", "sotekeskus"],
    ),
    "003_89e9e5dc8afde3f3.txt": (
        ["lapsiperhepalvelut", "asiakasohjaus", "varhainen-tuki", "mielenterveys", "eroauttaminen"],
        ["lapsiperheet", "lapset-ja-nuoret"],
        ["perheneuvonta", "systeeminen työote", "sotekeskus"],
    ),
    "001_a3e0565db6a0145d.txt": ([], [], ["perhekeskus", "yhteiskehittäminen", "järjestöt"]),
    "002_d4dc7358566895e3.txt": ([], [], ["perhekeskus", "vaikuttavuus", "johtaminen"]),
    "004_4ab8f75e28d00df6.txt": ([], [], ["perhekeskus", "sähköinen perhekeskus", "järjestöt"]),
}
SUMMARIES = {
    "002_d4dc7358566895e3.txt": (
        "Esitys siitä, mitä tulevaisuuden perhekeskus tarvitsee: monialaista yhteistyötä, asiakkaiden "
        "osallisuutta ja johtamisen rakenteita. Esimerkkeinä Etelä-Pohjanmaan JIK ky:n ja Kaksineuvoisen "
        "perhekeskukset."
    ),
}
# Published in Swedish through the Swedish review (their texts are in demo.translations).
REVIEWED_IN_SWEDISH = ["003_89e9e5dc8afde3f3.txt", "004_4ab8f75e28d00df6.txt"]


def imported_page(source):
    record = ImportedSource.objects.filter(source=source).select_related("page").first()
    return record.page.specific if record else None


def classify_seeds():
    """Give the seeds' pages their classifications and missing summary, published; returns how many changed."""
    changed = 0
    for source, (themes, target_groups, tags) in CLASSIFICATIONS.items():
        page = imported_page(source)
        if page is None:
            continue
        page = page.get_latest_revision_as_object()
        if themes:
            page.themes.set(Theme.objects.filter(slug__in=themes, locale=page.locale))
            page.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups, locale=page.locale))
        page.tags.add(*tags)
        if source in SUMMARIES and not page.intro:
            page.intro = SUMMARIES[source]
        revision = page.save_revision()
        revision.publish()
        # The demo's own revision, not an editor's edit: loading the demo again may update the page.
        ImportedSource.objects.filter(page=page).update(revision=revision)
        changed += 1
    return changed


def review_in_swedish():
    """Submit the Swedish translations of the chosen pages as the translator and approve them as the reviewer."""
    User = get_user_model()
    translator = User.objects.get(username="translator_sv")
    reviewer = User.objects.get(username="language_reviewer_sv")
    published = []
    for source in REVIEWED_IN_SWEDISH:
        published += approved_in_swedish(source, translator, reviewer)
    return published


def approved_in_swedish(source, translator, reviewer):
    """The titles of the page's Swedish translation once submitted and approved (none when done before)."""
    page = imported_page(source)
    target = page and page.get_translations().filter(locale__language_code="sv").first()
    if target is None or target.live:
        return []
    target = target.specific
    page_translation(target).save_target(user=translator, publish=False)
    target.refresh_from_db()
    workflow_state = target.get_workflow().start(target, translator)
    workflow_state.current_task_state.approve(user=reviewer)
    return [target.title]
