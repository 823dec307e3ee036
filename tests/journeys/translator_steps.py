"""What a translator does in wagtail-localize's translation editor, as a person does it:
find a segment by its French text, click « Traduire » (or « Modifier »), type, save."""

from playwright.sync_api import expect


def segment(page, french):
    """The editor's item for the segment whose French text is ``french``."""
    return page.locator(".js-translation-editor li:has(> p)", has_text=french).first


def translate_segment(page, french, text, *, button="Traduire"):
    item = segment(page, french)
    item.get_by_role("button", name=button).click()
    field = item.locator("textarea")
    field.fill(text)
    item.get_by_role("button", name="Enregistrer").click()
    expect(item.get_by_role("button", name="Modifier")).to_be_visible()
    return item


def set_link(page, french_address, address):
    """The link's item shows its address, or a field while it is being changed: held by
    its element, since its text changes."""
    item = page.locator(".js-translation-editor li", has_text=french_address).last
    handle = item.element_handle()
    handle.wait_for_selector("button:has-text('Modifier')").click()
    handle.wait_for_selector("input, textarea").fill(address)
    handle.wait_for_selector("button:has-text('Enregistrer')").click()
    expect(page.locator(".js-translation-editor li", has_text=address).last).to_be_visible()


def expect_no_destructive_action(page):
    """No delete, alias or stop-sync anywhere a person can see or reach by keyboard."""
    for name in (
        "Supprimer",
        "Convertir en alias de page",
        "Arrêter la synchronisation",
        "Delete",
        "Convert to alias page",
        "Stop Synced translation",
    ):
        expect(page.get_by_role("button", name=name)).to_have_count(0)
        expect(page.get_by_role("link", name=name, exact=True)).to_have_count(0)


def primary_action(page):
    return (
        page.locator("footer.footer:visible nav .w-dropdown-button")
        .first.locator("button, a")
        .first
    )


def submit_for_review(page):
    button = primary_action(page)
    expect(button).to_have_text("Soumettre pour relecture")
    button.click()
    expect(page.locator(".messages")).to_contain_text("soumise à la relecture")
