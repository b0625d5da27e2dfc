from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModelsLibraryConfig(AppConfig):
    name = "models_library"
    verbose_name = _("Operating model library")
