"""Each group against each admin action, on a French and an English page: every allowed
cell takes effect; every other one is refused (403, or a redirect with an error message)
and leaves the database as it was."""

import pytest

from .admin_actions import ACTIONS, refused, snapshot

PAGE_ACTIONS = [name for name, action in ACTIONS.items() if action.per_language]

ALLOWED = {
    "editor": {
        ("create", "fr"),
        ("edit", "fr"),
        ("submit for moderation", "fr"),
        ("snippet edit", "fr"),
        # Wagtail: who may change an image in a collection may delete it; Communication is
        # the editors' collection (the French cell), Traduction is not.
        ("image delete", "fr"),
    },
    # Translations are made from French only: nobody submits an English page to translate.
    "moderator": {
        (name, language)
        for name in PAGE_ACTIONS
        for language in ("fr", "en")
        if (name, language) != ("translate", "en")
    },
    "translator": {
        ("edit", "en"),
        ("submit for moderation", "en"),
        ("snippet edit", "en"),
    },
}

CELLS = [
    (role, name, language)
    for role in ALLOWED
    for name, action in ACTIONS.items()
    for language in (("fr", "en") if action.per_language else ("fr",))
]


@pytest.mark.parametrize(
    ("role", "name", "language"), CELLS, ids=["-".join(cell).replace(" ", "_") for cell in CELLS]
)
def test_permission_matrix(role, name, language, world, people, client_for):
    action = ACTIONS[name]
    action.prepare(world, people, language)
    client = client_for(role)
    before = snapshot()

    response = action.perform(client, world, language)

    if (name, language) in ALLOWED[role]:
        assert response.status_code in (200, 302), response.status_code
        assert not refused(response)
        assert action.succeeded(world, language), response.content.decode()[:3000]
    else:
        assert refused(response), response.status_code
        assert snapshot() == before
        assert not action.succeeded(world, language)
