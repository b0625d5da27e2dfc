from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Search measurement: latency benchmark, search quality against stock Wagtail, analysis ablations.

    Not runtime code: installed by the development and test settings only, and nothing the site
    serves imports it.
    """

    name = "benchmarks"
    verbose_name = "Benchmarks"
