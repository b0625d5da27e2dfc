"""``manage.py import_descriptions PATH...``: import descriptions saved as text from national pages."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from importer.pages import ImportRejected, import_document
from importer.parser import ImportFileError, parse_file


def expand(paths):
    """Files named on the command line; a directory stands for the .txt files in it."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.glob("*.txt"))
        else:
            yield path


class Command(BaseCommand):
    help = (
        "Import operating models, development entities and articles from text files. Pages are created "
        "as drafts (--publish publishes them); a file imported again updates its page."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Text files, or directories of .txt files.")
        parser.add_argument("--publish", action="store_true", help="Publish the pages (default: drafts).")
        parser.add_argument("--dry-run", action="store_true", help="Only show what would be imported.")
        parser.add_argument("--json", action="store_true", help="With --dry-run: print the extracted fields as JSON.")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite pages that were edited in the admin after their import."
        )

    def handle(self, *args, paths, publish, dry_run, **options):
        as_json = options["json"]
        parsed, failures = [], []
        for path in expand(paths):
            try:
                parsed.append(parse_file(path))
            except ImportFileError as error:
                failures.append(error)
                self.stderr.write(self.style.ERROR(f"✗ {error.path}: {error.reason}"))

        if dry_run:
            if as_json:
                self.stdout.write(_json_dumps(parsed))
            else:
                for data in parsed:
                    self.stdout.write(f"{data['source']}: {data['kind']} “{data['title']}”")
                    for label in data.get("unknown_labels", []):
                        self.stdout.write(
                            "  " + _("unknown label, kept as an other section: %(label)s") % {"label": label}
                        )
        else:
            for data in parsed:
                try:
                    self.report(import_document(data, publish=publish, force=options["force"]))
                except ImportRejected as error:
                    failures.append(error)
                    self.stderr.write(self.style.ERROR(f"✗ {data['source']}: {error}"))

        if failures:
            raise CommandError(
                ngettext(
                    "%(count)d file could not be imported; the others were.",
                    "%(count)d files could not be imported; the others were.",
                    len(failures),
                )
                % {"count": len(failures)}
            )

    def report(self, result):
        message = {
            ("created", True): _("%(source)s: created %(kind)s “%(title)s”, published"),
            ("created", False): _("%(source)s: created %(kind)s “%(title)s” as a draft"),
            ("updated", True): _("%(source)s: updated %(kind)s “%(title)s”, published"),
            ("updated", False): _("%(source)s: updated %(kind)s “%(title)s” as a draft"),
        }[result.action, result.published]
        kind = result.page.specific_class._meta.verbose_name
        self.stdout.write(
            self.style.SUCCESS("✓ " + message % {"source": result.source, "kind": kind, "title": result.page.title})
        )
        for note in result.notes:
            self.stdout.write(f"  {note}")


def _json_dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
