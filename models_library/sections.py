"""The description sections of an operating model, in the national order.

Plain data with no Django imports, shared by the block definitions and the text importer.
"""

SECTION_ORDER = [
    "core_idea",
    "operating_environment",
    "target_group",
    "conditions",
    "evaluation",
    "dependencies",
    "tips",
    "process",
    "extra",
]
REQUIRED_TO_PUBLISH = ["core_idea", "operating_environment", "target_group", "conditions"]
