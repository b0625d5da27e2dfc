"""Where a backup keeps the database and the media, and how each database is copied."""

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection

DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_FILE = "media.tar.gz"


def vendor():
    if connection.vendor not in DATABASE_FILES:
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def postgres_tool(name):
    """pg_dump or pg_restore: on the path, or the newest of Debian's PostgreSQL versions."""
    debian = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda path: int(path.split("/")[4]))
    found = shutil.which(name) or (debian[-1] if debian else None)
    if not found:
        raise CommandError(
            f"{name} not found: install PostgreSQL's client programs (apt-get install postgresql-client)"
        )
    return found


def postgres_arguments():
    settings = connection.settings_dict
    arguments = ["--no-owner", "--dbname", settings["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments += [option, str(settings[key])]
    return arguments, {"PGPASSWORD": settings.get("PASSWORD") or ""}


def run(command, env):
    result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def copy_sqlite(source, target):
    """SQLite's online backup: a consistent copy even while the site is being used."""
    source.backup(target)


def sqlite_file(path):
    return sqlite3.connect(path)
