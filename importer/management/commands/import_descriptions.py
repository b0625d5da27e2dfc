"""``manage.py import_descriptions PATH...``: import descriptions saved as text from national pages."""

import json
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.batches import batch
from importer.models import ImportedSource
from importer.pages import ImportRejected, ImportResult, ImportRun, import_document, missing_section_labels
from importer.parser import ImportFileError, parse_file

KIND_NAMES = {
    "operating_model": gettext_lazy("operating model"),
    "development_entity": gettext_lazy("development entity"),
    "article": gettext_lazy("article"),
    "development_path": gettext_lazy("development path"),
}


def expand(paths):
    """Files named on the command line; a directory stands for the .txt files in it."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.glob("*.txt"))
        else:
            yield path


def planned(data, publish):
    """What an import of the parsed document would do, without writing: the dry run's report."""
    result = ImportResult(source=data["source"], kind=data["kind"], unknown=list(data.get("unknown_labels", [])))
    result.action = "updated" if ImportedSource.objects.filter(source=data["source"]).exists() else "created"
    if data["kind"] == "operating_model":
        result.missing = missing_section_labels(data.get("sections", {}))
    result.published = publish and data["kind"] != "development_path"
    result.notes = list(data.get("warnings", []))
    return result


class Command(BaseCommand):
    help = (
        "Import operating models, development entities, development paths and articles from text files. "
        "Pages are created as drafts (--publish publishes them, as the national site had them); a file "
        "imported again updates its page."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Text files, or directories of .txt files.")
        parser.add_argument("--publish", action="store_true", help="Publish the pages (default: drafts).")
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be done; write nothing.")
        parser.add_argument("--json", action="store_true", help="Print the report (with the extracted fields) as JSON.")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite pages that were edited in the admin after their import."
        )

    def handle(self, *args, paths, publish, dry_run, **options):
        parsed, results = [], []
        for path in expand(paths):
            try:
                parsed.append(parse_file(path))
            except ImportFileError as error:
                results.append(ImportResult(source=error.path, action="skipped", notes=[error.reason]))
        # Development paths last, so that the operating models they belong to exist when they are read.
        parsed.sort(key=lambda data: data["kind"] == "development_path")

        if dry_run:
            done = [planned(data, publish) for data in parsed]
        else:
            done = self.import_all(parsed, publish, options["force"])
        for result, data in zip(done, parsed, strict=True):
            result.title = data["title"]
        results += done

        if options["json"]:
            by_source = {data["source"]: data for data in parsed}
            report = [{**by_source.get(r.source, {}), **r.as_dict()} for r in results]
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            self.stderr.write(self.summary(results, dry_run))
        else:
            for result in results:
                self.report(result, dry_run)
            self.stdout.write(self.summary(results, dry_run))

        skipped = sum(result.action == "skipped" for result in results)
        if skipped:
            raise CommandError(
                ngettext(
                    "%(count)d file could not be imported; the others were.",
                    "%(count)d files could not be imported; the others were.",
                    skipped,
                )
                % {"count": skipped}
            )

    def import_all(self, parsed, publish, force):
        """Import the parsed documents in one transaction (each its own savepoint): SQLite commits are slow.

        The search index and Wagtail's reference index are written at the end of the run, and the work
        that publications start elsewhere (related models, followers' alerts) after that (``core.batches``).
        """
        results = []
        run = ImportRun()
        run.pair_paths(parsed)
        with transaction.atomic(), batch(), run.deferring():
            for data in parsed:
                try:
                    result = run.attached.pop(data["source"], None) or import_document(
                        data, publish=publish, force=force, run=run
                    )
                    run.add(result.page)
                    result.page = None  # the report keeps no page: memory does not grow with the files
                except ImportRejected as error:
                    result = ImportResult(source=data["source"], kind=data["kind"], action="skipped")
                    result.notes.append(str(error))
                results.append(result)
        return results

    def report(self, result, dry_run):
        """One file's line: what was (or would be) done, then the missing and unknown sections and notes."""
        if result.action == "skipped":
            self.stderr.write(self.style.ERROR(f"✗ {result.source}: {'; '.join(result.notes)}"))
            return
        message = {
            ("created", True): _("%(source)s: created %(kind)s “%(title)s”, published"),
            ("created", False): _("%(source)s: created %(kind)s “%(title)s” as a draft"),
            ("updated", True): _("%(source)s: updated %(kind)s “%(title)s”, published"),
            ("updated", False): _("%(source)s: updated %(kind)s “%(title)s” as a draft"),
        }[result.action, result.published]
        line = message % {"source": result.source, "kind": KIND_NAMES[result.kind], "title": result.title}
        self.stdout.write(
            ("" if dry_run else self.style.SUCCESS("✓ ")) + (_("Dry run:") + " " if dry_run else "") + line
        )
        if result.missing:
            self.stdout.write("  " + _("missing sections: %(sections)s") % {"sections": ", ".join(result.missing)})
        if result.unknown:
            self.stdout.write("  " + _("unknown sections: %(sections)s") % {"sections": ", ".join(result.unknown)})
        for note in result.notes:
            self.stdout.write(f"  {note}")

    def summary(self, results, dry_run):
        """The last line: how many files were created, updated, skipped, published and incomplete."""
        actions = Counter(result.action for result in results)
        figures = {
            "files": len(results),
            "created": actions["created"],
            "updated": actions["updated"],
            "skipped": actions["skipped"],
            "published": sum(result.published for result in results),
            "incomplete": sum(bool(result.missing) for result in results),
        }
        if dry_run:
            text = _(
                "Dry run, nothing written: %(files)d files; %(created)d to create, %(updated)d to update, "
                "%(skipped)d unreadable; %(published)d to publish, %(incomplete)d incomplete."
            )
        else:
            text = _(
                "%(files)d files: %(created)d created, %(updated)d updated, %(skipped)d skipped; "
                "%(published)d published, %(incomplete)d incomplete."
            )
        return text % figures
