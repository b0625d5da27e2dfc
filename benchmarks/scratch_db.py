"""Scratch PostgreSQL databases for the benchmarks, on the server of a ``postgres://`` address.

    python -m benchmarks.scratch_db create postgres://postgres@127.0.0.1:5442/toimintamallit bench_1000 [--template T]
    python -m benchmarks.scratch_db drop postgres://postgres@127.0.0.1:5442/toimintamallit bench_1000

``create`` drops a database of that name first (a run that was stopped leaves one behind), makes
a new one (a copy of ``--template`` when given: a migrated empty database is copied in a second,
where migrating takes a minute) and prints its address; ``drop`` removes it. Names are limited to
letters, digits and underscores, so they can be written into the statements.
"""

import argparse
import re
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg

NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def with_database(url, name):
    """``url`` with its database name replaced by ``name``."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def checked(name):
    if not NAME.match(name or ""):
        raise SystemExit(f"scratch_db: {name!r} is not a plain database name (a-z, 0-9, _)")
    return name


def execute(url, *statements):
    """Runs statements outside a transaction (CREATE and DROP DATABASE need that) on the server's
    maintenance database."""
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def create(url, name, template=None):
    name = checked(name)
    copy = f" TEMPLATE {checked(template)}" if template else ""
    execute(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}{copy}")
    return with_database(url, name)


def drop(url, name):
    execute(url, f"DROP DATABASE IF EXISTS {checked(name)} WITH (FORCE)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["create", "drop"])
    parser.add_argument("url", help="postgres:// address of any database on the server")
    parser.add_argument("name", help="the scratch database's name")
    parser.add_argument("--template", help="a database to copy (create)")
    args = parser.parse_args(argv)
    if not args.url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(f"scratch_db: not a PostgreSQL address: {args.url}")
    if args.action == "create":
        print(create(args.url, args.name, args.template))
    else:
        drop(args.url, args.name)


if __name__ == "__main__":
    sys.exit(main())
