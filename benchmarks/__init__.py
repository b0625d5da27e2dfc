"""Search measurement, apart from the code that serves requests (see README.md, "Measuring search")."""
