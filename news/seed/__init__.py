"""News seed step: the « Actualités » page of the French tree (``pages/``). No story is
seeded: stories are what editors write; ``load_seed_content --demo`` adds examples
(``news/seed_demo.py``)."""

from pathlib import Path

from iom_site.core.seed.loading import load_page_files

HERE = Path(__file__).parent


def load(log):
    load_page_files(HERE / "pages", log)
