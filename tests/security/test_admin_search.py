"""Long queries in every admin search answer with results, never a 500 (issue 15, point
10: 150 words or more overflowed the stack while the search backend built its query)."""

from django.contrib.auth import get_user_model

import pytest

ROUTES = [
    "/admin/pages/search/",
    "/admin/snippets/core/footer/",
    "/admin/images/",
    "/admin/documents/",
]
LONG = " ".join(f"migration{n} développement" for n in range(200))  # 400 words


@pytest.fixture
def operator(client, homes):
    user = get_user_model().objects.create_superuser("operatrice", "o@example.org", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("words", [150, 400])
def test_long_admin_searches_answer(route, words, operator):
    query = " ".join(LONG.split()[:words])
    response = operator.get(route, {"q": query})
    assert response.status_code == 200
    response = operator.get(route, {"q": query}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
