"""Once a RUM index on the boosted words of the search index entries' bodies; migration 0005's word
scores replaced it, and it drops the index where this migration made one."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_title_trigram_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = []
