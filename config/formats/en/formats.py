"""English dates as read in Finland (day first), not in the American order of Django's default."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
