"""The seed room: the machinery that loads the seed content (``loading``), brings its
English and Spanish in through wagtail-localize (``translation``), builds the site
skeleton (``site_setup``), and its commands (load_seed_content, export_seed_catalogue,
ensure_local_admin).

It also holds core's own seed content: the page files of ``pages/``, ``navigation.json``
and the catalogues of ``translations/``. Every installed app's ``seed`` module is a seed
step (``loading.seed_modules``); for the core app that module is this package, so its
step is here, delegating to ``core_content`` (imported when it runs: this package is
imported while apps load, before models can be).
"""


def load(log):
    from iom_site.core.seed import core_content

    return core_content.load(log)


def finalize(log):
    from iom_site.core.seed import core_content

    return core_content.finalize(log)
