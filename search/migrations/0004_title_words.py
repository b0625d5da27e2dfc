"""The title prefixes of the search box's suggestions (``search.suggestions``), in place of the trigram
index on page titles (migration 0002) that the suggestions no longer read. ``manage.py
rebuild_title_words`` fills the table on a database with published pages."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


TRIGRAM_INDEX = "search_page_title_upper_trgm"


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON wagtailcore_page USING gin (UPPER(title) gin_trgm_ops)"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_boosted_body_rum_index'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TitleWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.PositiveSmallIntegerField(choices=[(0, 'beginning of the title'), (1, 'beginning of a word')], verbose_name='kind')),
                ('prefix', models.CharField(max_length=8, verbose_name='prefix')),
                ('rest', models.TextField(blank=True, verbose_name='rest of the title')),
                ('length', models.PositiveSmallIntegerField(verbose_name='length of the title')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('locale', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
            ],
            options={
                'verbose_name': 'title word',
                'verbose_name_plural': 'title words',
                'indexes': [models.Index(fields=['locale', 'kind', 'prefix', 'length', 'title', 'page'], name='search_title_word_order')],
            },
        ),
        migrations.RunPython(drop_trigram_index, create_trigram_index),
    ]
