"""Every block editors pick carries its icon, label, help text and description in its Meta, and a
preview value that Wagtail's block picker renders with the site's own templates."""

import pytest

from articles.models import ArticleBodyBlock
from models_library.blocks import AttachmentBlocks, DescriptionBlock, GoalsBlock, OtherSectionsBlock

PICKED = [DescriptionBlock(), ArticleBodyBlock(), AttachmentBlocks(), GoalsBlock(), OtherSectionsBlock()]
# Blocks whose preview needs an uploaded file or image: no made-up preview value.
NEEDS_UPLOAD = {"document", "image"}


def picked_blocks():
    return [
        (f"{type(stream).__name__}.{name}", block) for stream in PICKED for name, block in stream.child_blocks.items()
    ]


@pytest.mark.parametrize(("name", "block"), picked_blocks(), ids=[name for name, _block in picked_blocks()])
def test_each_block_describes_itself_in_its_meta(name, block):
    assert block.meta.icon and block.meta.icon != "placeholder", name
    assert block.label and block.meta.help_text and block.get_description(), name
    if block.name not in NEEDS_UPLOAD:
        assert block.is_previewable, name


@pytest.mark.django_db
def test_the_block_picker_renders_each_preview_with_the_sites_styles(admin_client):
    for name, block in picked_blocks():
        if block.name in NEEDS_UPLOAD:
            continue
        response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "css/site.css" in html, name
    conditions = DescriptionBlock().child_blocks["conditions"]
    html = admin_client.get("/admin/block-preview/", {"id": conditions.definition_prefix}).content.decode()
    assert "<li>Perheneuvojien systeeminen koulutus</li>" in html
