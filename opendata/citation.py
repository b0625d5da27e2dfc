"""How to cite a description or an article: one line, BibTeX and RIS, all pointing to its permanent address."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .representation import author_names, page_dates, permanent_url
from .structured_data import summary


@dataclass
class Citation:
    authors: list
    title: str
    updated: object  # a date
    url: str
    language: str
    abstract: str
    key: str

    @classmethod
    def of(cls, page):
        url = permanent_url(page)
        return cls(
            authors=author_names(page),
            title=page.title,
            updated=page_dates(page)[1],
            url=url,
            language=page.locale.language_code,
            abstract=summary(page),
            key=f"toimintamallikirjasto{url.rstrip('/').rsplit('/', 1)[-1]}",
        )

    @property
    def library(self):
        return _("Operating model library")

    def line(self):
        """“Authors. Title. Operating model library, updated d.m.yyyy. <permanent address>”."""
        parts = [", ".join(self.authors), self.title]
        if self.updated:
            parts.append(_("%(library)s, updated %(date)s") % {"library": self.library, "date": self.day()})
        else:
            parts.append(self.library)
        return ". ".join(part.rstrip(".") for part in parts if part) + f". {self.url}"

    def day(self):
        return date_format(self.updated, "j.n.Y") if self.updated else ""

    def bibtex(self):
        fields = [
            ("author", " and ".join(self.authors)),
            ("title", self.title),
            ("howpublished", self.library),
            ("year", str(self.updated.year) if self.updated else ""),
            ("note", _("Updated %(date)s") % {"date": self.day()} if self.updated else ""),
            ("url", self.url),
            ("language", self.language),
        ]
        body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields if value)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    def ris(self):
        lines = [("TY", "ELEC")]
        lines += [("AU", name) for name in self.authors]
        lines += [("TI", self.title), ("PB", self.library)]
        if self.updated:
            lines += [("PY", str(self.updated.year)), ("DA", self.updated.strftime("%Y/%m/%d"))]
        lines += [("UR", self.url), ("LA", self.language)]
        if self.abstract:
            lines.append(("AB", " ".join(self.abstract.split())))
        lines.append(("ER", ""))
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def bibtex_escape(value):
    """Braces and BibTeX's special characters escaped in a field's value."""
    for char in "\\{}&%$#_":
        value = value.replace(char, "\\" + char)
    return value
