"""What the search adds to the content pages."""

from wagtail import hooks

from models_library.models import OPERATING_MODEL_CONTEXT_HOOK

from .related import stored_related


@hooks.register(OPERATING_MODEL_CONTEXT_HOOK)
def add_related_operating_models(page, request):
    return {"related_operating_models": stored_related(page, limit=4)}
