"""What the search adds to the content pages."""

from django.utils.functional import SimpleLazyObject
from wagtail import hooks

from models_library.models import OPERATING_MODEL_CONTEXT_HOOK

from .related import stored_related


@hooks.register(OPERATING_MODEL_CONTEXT_HOOK)
def add_related_operating_models(page, request):
    # Read only when the page's related models are rendered, not when they come from the cache.
    return {"related_operating_models": SimpleLazyObject(lambda: stored_related(page, limit=4))}
