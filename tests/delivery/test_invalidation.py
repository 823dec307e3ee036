"""Publishing purges exactly the pages that show the change, in the languages that show
it; a menu or footer change purges every page of its language, and only of it."""

from django.core.cache import cache

import pytest

from tests.core.factories import FooterFactory, MainMenuFactory, SectionPageFactory
from tests.delivery.conftest import fetch, publish, state, translate
from tests.partnerships.factories import PartnerFactory, PartnershipsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def warm(client, tree):
    """Every page of the tree in the cache, as after a few visitors."""
    pages = [
        tree["homes"]["fr"],
        tree["section"],
        tree["page"],
        tree["deep"],
        tree["homes"]["en"],
        tree["en_section"],
        tree["en_page"],
    ]
    for page in pages:
        fetch(client, page)
        assert state(client, page) == "hit"
    return tree


def states(client, tree, *names):
    return {name: state(client, tree[name]) for name in names}


def test_publishing_a_page_purges_it_its_parent_and_translations_not_the_rest(client, warm):
    deep = warm["deep"]
    en_deep = translate(deep, "en")  # with its parents: the English menu changes
    for page in (en_deep, warm["en_page"], warm["en_section"]):
        fetch(client, page)
        assert state(client, page) == "hit"
    deep.title = "Profonde et renouvelée"
    publish(deep)
    # The page itself shows the new title, and its parent's cards; the menu does not
    # (the page is not in it).
    response = fetch(client, deep)
    assert response["X-Page-Cache"] == "miss"
    assert "Profonde et renouvelée" in response.content.decode()
    # Its parent: a section would list it among its cards.
    assert state(client, deep.get_parent().specific) == "miss"
    # The English version shows the French one's address, not its title: kept.
    assert states(client, warm, "page", "section", "en_page", "en_section") == {
        "page": "hit",
        "section": "hit",
        "en_page": "hit",
        "en_section": "hit",
    }
    assert state(client, en_deep) == "hit"
    # Unpublished, the French version leaves the English page's language switcher.
    deep.unpublish()
    switched = fetch(client, en_deep)
    assert switched["X-Page-Cache"] == "miss"
    assert deep.url not in switched.content.decode()


def test_a_change_to_a_menu_title_purges_every_page_of_that_language_only(client, warm):
    section = warm["section"]
    section.title = "Agir ensemble"
    publish(section)
    deep = fetch(client, warm["deep"])
    assert deep["X-Page-Cache"] == "miss"
    assert "Agir ensemble" in deep.content.decode()  # in its menu
    assert states(client, warm, "en_page", "en_section") == {"en_page": "hit", "en_section": "hit"}


def test_a_body_edit_of_a_menu_page_keeps_the_rest_of_the_language_cached(client, warm):
    # The page is in the menu, which shows its title, not its text.
    page = warm["page"]
    page.body = [{"type": "paragraph", "value": "<p>Un paragraphe nouveau.</p>"}]
    publish(page)
    assert "Un paragraphe nouveau." in fetch(client, page).content.decode()
    assert state(client, warm["section"]) == "miss"  # its cards
    assert state(client, warm["deep"]) == "hit"


def test_a_new_menu_section_purges_the_language(client, warm):
    publish(SectionPageFactory(parent=warm["homes"]["fr"], title="Nouveauté", slug="nouveaute"))
    deep = fetch(client, warm["deep"])
    assert deep["X-Page-Cache"] == "miss" and "Nouveauté" in deep.content.decode()
    assert state(client, warm["en_page"]) == "hit"


def test_menu_and_footer_snippets_purge_their_language(client, warm):
    locale = warm["homes"]["fr"].locale
    menu = MainMenuFactory(
        locale=locale,
        live=False,
        extra_links=[
            {
                "type": "link",
                "value": {
                    "page": None,
                    "external_url": "https://www.iom.int/fr",
                    "title": "Site mondial de l’OIM",
                    "under": None,
                },
            }
        ],
    )
    menu.save_revision().publish()
    deep = fetch(client, warm["deep"])
    assert deep["X-Page-Cache"] == "miss" and "Site mondial de l’OIM" in deep.content.decode()
    assert state(client, warm["en_page"]) == "hit"

    footer = FooterFactory(locale=locale, live=False, legal="© OIM 2026, mentions légales")
    footer.save_revision().publish()
    page = fetch(client, warm["page"])
    assert page["X-Page-Cache"] == "miss" and "mentions légales" in page.content.decode()
    assert state(client, warm["en_section"]) == "hit"


def test_unpublishing_and_deleting_take_the_page_off_at_once(client, warm):
    page, url = warm["page"], warm["page"].url
    page.unpublish()
    assert client.get(url).status_code == 404
    deep = warm["deep"]
    deep_url = deep.url
    deep.delete()
    assert client.get(deep_url).status_code == 404


def test_moving_a_page_purges_its_old_address_and_old_parent(client, warm):
    page, old_url = warm["page"], warm["page"].url
    other = warm["deep"].get_parent().get_parent()
    fetch(client, other)
    page.move(other, pos="last-child")
    old = client.get(old_url)  # not the cached page: Wagtail's automatic redirect
    assert old.status_code == 301 and old["Location"] == "/fr/autre/engagement/"
    assert "Engagement" not in fetch(client, warm["section"]).content.decode().split("<main")[-1]
    moved = fetch(client, other.specific)
    assert moved["X-Page-Cache"] == "miss"


def test_renaming_a_slug_purges_the_old_addresses_of_the_subtree(client, warm):
    section, old_child_url = warm["section"], warm["page"].url
    section.slug = "agir-maintenant"
    publish(section)
    # Not the cached page any more (redirects are created by the admin's edit view).
    assert client.get(old_child_url).status_code == 404
    assert client.get("/fr/agir/").status_code == 404
    assert fetch(client, "/fr/agir-maintenant/engagement/").status_code == 200


def test_a_partner_change_purges_the_partnerships_page_of_its_language(client, tree):
    page = publish(PartnershipsPageFactory(parent=tree["section"], slug="partenariats"))
    partner = PartnerFactory(name="Fonds pour la migration")
    assert "Fonds pour la migration" in fetch(client, page).content.decode()
    assert state(client, page) == "hit"
    partner.name = "Fonds fiduciaire pour la migration"
    partner.save()
    response = fetch(client, page)
    assert response["X-Page-Cache"] == "miss"
    assert "Fonds fiduciaire pour la migration" in response.content.decode()
    partner.delete()
    assert "Fonds fiduciaire" not in fetch(client, page).content.decode()


def test_a_redis_flush_never_serves_pages_stored_before_it(client, warm):
    cache.clear()
    assert state(client, warm["page"]) == "miss"
