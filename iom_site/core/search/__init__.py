"""Site search: a Django view under each language prefix, over Wagtail's database backend
(PostgreSQL full-text search with the accent-folding French configuration ``iom_fr``)."""
