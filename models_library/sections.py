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

# The development path (kehittämisen polku): the record of how a model was developed, in the
# national tool's three parts, each with its labelled sections, in order.
DEVELOPMENT_PATH = {
    "understand": ["need", "operating_environment", "target_group", "starting_point"],
    "develop": ["ideas", "co_development", "testing"],
    "evaluate": ["evaluation", "results", "spreading"],
}
DEVELOPMENT_PATH_ORDER = ["intro", *DEVELOPMENT_PATH, "extra"]
