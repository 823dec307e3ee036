"""Publications seed step: the library below « Données et recherche » and the one
publication the seed content describes, IOM's Institutional Strategy on Migration and
Sustainable Development (``pages/``). Its file is not part of the seed: an editor adds
the PDF of each language. Runs after core's and the strategy's steps (the page it
goes under, the goals' targets it cites and the strategy page it links to exist).

The strategy's date: neither the seed text (/work/shared/seed/programme-2030.fr.txt)
nor the research notes give a year of publication (the text says only that the strategy
is IOM's contribution to the Decade of Action for the Sustainable Development Goals), so
its ``publication_date`` is null: the page shows no date, and the library no year for
it, until an editor enters the one printed in the publication.

The page files name targets by code (``{"target": "10.7"}``) and dates as ISO text;
both are turned into what the models hold, so that a second run finds nothing
changed."""

import datetime
import json
from pathlib import Path

from wagtail.models import Locale

from iom_site.core.seed.loading import upsert_page

HERE = Path(__file__).parent
DATE_FIELDS = ("publication_date",)


def load(log):
    from strategy.models import SDGTarget

    targets = dict(SDGTarget.objects.filter(locale=Locale.get_default()).values_list("code", "pk"))
    specs = [
        json.loads(path.read_text(encoding="utf-8")) for path in (HERE / "pages").glob("*.json")
    ]
    specs.sort(key=lambda spec: (len(Path(spec["parent"]).parts), spec.get("order", 0)))
    for spec in specs:
        upsert_page(_prepared(spec, targets), log)


def _prepared(spec, targets):
    fields = spec.get("fields", {})
    for name in DATE_FIELDS:
        if isinstance(fields.get(name), str):
            fields[name] = datetime.date.fromisoformat(fields[name])
    for row in spec.get("children", {}).get("sdg_targets", []):
        row["target_id"] = targets[row.pop("target")]
    return spec
