"""WSGI entry point; production servers set DJANGO_SETTINGS_MODULE=config.settings.production."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, the apps, their models) lives as long as the process. Out of the
# garbage collector's way, it is not scanned again in every full collection, which would otherwise
# pause a request now and then (about a tenth off the slowest searches, `make bench-search`).
gc.freeze()
