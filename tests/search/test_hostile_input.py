"""Nothing a visitor can type or forge in the address makes the search page fail."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URL = "/fr/recherche/"

HOSTILE_QUERIES = [
    "",
    "   \t\n ",
    "développement " * 150,  # about 2 KB
    "migration " * 400,  # Wagtail's database backend overflows the stack past ~160 words
    "x" * 2048,
    "'; DROP TABLE wagtailcore_page; --",
    '" OR 1=1 --',
    "migration AND NOT durable OR NEAR(a b) *",
    "a:b title:x ^2 \\ % _ ( ) [ ] { } | & ! ~",
    "\x00\x01\x1f",
    "<script>alert('xss')</script>",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries(client, site, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_markup_in_the_query_is_escaped(client, site):
    html = client.get(URL, {"q": '<img src=x onerror="alert(1)">'}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


@pytest.mark.parametrize("raw", ["q=%ff", "q=%ff%fe%00", "q=%C3%28", "q=mig%ffration&page=%ff"])
def test_invalid_utf8(client, site, raw):
    assert client.get(f"{URL}?{raw}").status_code == 200


@pytest.mark.parametrize(
    "page", ["-1", "0", "abc", "999999", "1e9", "", "2.5", "99999999999999999999"]
)
def test_odd_page_numbers_give_a_sane_page(client, site, page):
    response = client.get(URL, {"q": "migration", "page": page})
    assert response.status_code == 200
    assert 'class="search-result"' in response.content.decode()


def test_repeated_parameters(client, site):
    assert client.get(f"{URL}?q=a&q=b&page=1&page=2").status_code == 200


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(["migration", "de", "la", "OR", "*", '"', "développement"])).map(
            " ".join
        ),
        st.text(alphabet=string.punctuation + " ", max_size=50),
    ),
    page=st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12).map(str), st.text(max_size=12)
    ),
)
def test_random_queries_and_pages(client, site, query, page):
    response = client.get(URL, {"q": query, "page": page})
    assert response.status_code == 200
    body = response.content.decode().split("<body", 1)[1]
    assert "<script" not in body
