"""Admin form data shared by the tests: a publishable operating model, and block types that Wagtail's
``form_data`` helpers do not cover."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from models_library.models import DevelopmentStage
from models_library.sections import REQUIRED_TO_PUBLISH


def list_block(values):
    """A ListBlock's form data: each value is the child block's own form data."""
    data = {str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


SECTION_DATA = {
    "core_idea": rich_text("<p>Perheneuvo kokoaa yhteydenotot yhteen paikkaan.</p>"),
    "operating_environment": rich_text("<p>Hyvinvointialueen lapsiperhepalvelut.</p>"),
    "target_group": rich_text("<p>Etelä-Savon lapsiperheet.</p>"),
    "conditions": {"intro": rich_text(""), "items": list_block(["Systeeminen koulutus", "Esitteet"])},
}
# The sections required to publish, in the national order, as (block type, form data).
CORE_SECTIONS = [(name, SECTION_DATA[name]) for name in REQUIRED_TO_PUBLISH]
EVALUATION = (
    "evaluation",
    {
        "intro": rich_text(""),
        "perspectives": list_block(
            [
                {"perspective": "clients", "findings": list_block(["Apua saa nopeasti"]), "measurement": "Kysely"},
                {"perspective": "staff", "findings": list_block(["Yhteinen tiimityön malli"]), "measurement": ""},
            ]
        ),
    },
)


def operating_model_data(sections, **fields):
    """The admin form data of an operating model with these description sections; ``fields`` override."""
    data = nested_form_data(
        {
            "title": "Perheneuvo yhden yhteydenoton mallina",
            "slug": "perheneuvo",
            "short_description": "Kasvatus- ja perheneuvonta matalan kynnyksen palveluna.",
            "implementation_place": "Etelä-Savon hyvinvointialue",
            "authors": inline_formset([{"name": "Taina Paananen"}]),
            "created_date": "2023-12-11",
            "modified_date": "",
            "development_stage": DevelopmentStage.READY,
            "attachments": streamfield([]),
            "body": streamfield(sections),
            "development_path": streamfield([]),
            "tags": "perheneuvonta, asiakasohjaus",
        }
    )
    data.update(fields)
    return data
