"""Core seed step: the three home pages (content for them comes with later steps)."""

from iom_site.core.site_setup import ensure_site


def load(log):
    homes = ensure_site()
    for code, home in homes.items():
        log(f"  home page ({code}): {home.url_path}")
