"""``manage.py restore DIR``: the database and the media files back as ``backup`` wrote them.

What is in the database and the media directory now is replaced.
"""

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from . import _archive as archive


class Command(BaseCommand):
    help = "Restore the database and the media files from a directory that `backup` wrote."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        kind = archive.vendor()
        source = Path(directory)
        database = source / archive.DATABASE_FILES[kind]
        if not database.exists() or not (source / archive.MEDIA_FILE).exists():
            expected = f"{archive.DATABASE_FILES[kind]} and {archive.MEDIA_FILE}"
            raise CommandError(f"{source} has no {expected}: not a backup of this database")
        if kind == "sqlite":
            connection.ensure_connection()
            with archive.sqlite_file(database) as copy:
                archive.copy_sqlite(copy, connection.connection)
        else:
            connection.close()
            arguments, env = archive.postgres_arguments()
            options = ["--clean", "--if-exists", "--single-transaction"]
            archive.run([archive.postgres_tool("pg_restore"), *options, *arguments, str(database)], env)
        self.restore_media(source / archive.MEDIA_FILE)
        self.stdout.write(f"Restored from {source}")

    def restore_media(self, archive_path):
        media_root = Path(settings.MEDIA_ROOT)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=media_root.parent) as unpacked:
            with tarfile.open(archive_path) as media:
                media.extractall(unpacked, filter="data")
            shutil.rmtree(media_root, ignore_errors=True)
            restored = Path(unpacked) / "media"
            if restored.exists():
                restored.rename(media_root)
            else:
                media_root.mkdir(parents=True)
