"""``manage.py backup [DIR]``: the database and the media files into DIR (default backups/<time>/)."""

import datetime
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from . import _archive as archive


class Command(BaseCommand):
    help = "Back up the database (SQLite or PostgreSQL) and the media files into a directory."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="where to write the backup (default: backups/<time>/)")

    def handle(self, directory=None, **options):
        kind = archive.vendor()
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(directory or settings.BASE_DIR / "backups" / stamp)
        target.mkdir(parents=True, exist_ok=True)
        database = target / archive.DATABASE_FILES[kind]
        if kind == "sqlite":
            connection.ensure_connection()
            with archive.sqlite_file(database) as copy:
                archive.copy_sqlite(connection.connection, copy)
        else:
            arguments, env = archive.postgres_arguments()
            archive.run([archive.postgres_tool("pg_dump"), "--format=custom", "--file", str(database), *arguments], env)
        with tarfile.open(target / archive.MEDIA_FILE, "w:gz") as media:
            if Path(settings.MEDIA_ROOT).exists():
                media.add(settings.MEDIA_ROOT, arcname="media")
        self.stdout.write(f"Backup written to {target}")
