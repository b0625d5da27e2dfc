"""``manage.py rebuild_title_words``: the search box's title prefixes written again from the published pages.

The site keeps them as pages are published, unpublished and moved (``search.suggestions``); this
fills them on a database that has pages from before, or whose rows were written in bulk.
"""

import time

from django.core.management.base import BaseCommand

from search.suggestions import rebuild_title_words


class Command(BaseCommand):
    help = "Write again the title prefixes that the search box's suggestions are read from."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild_title_words()
        if options["verbosity"]:
            self.stdout.write(f"Title prefixes of {count} pages written in {time.perf_counter() - started:.1f} s.")
