"""A Chromium tab that catches stored XSS: any alert, confirm or prompt (Playwright's dialog
listener and an init-script trap), and any element or address a payload created."""

from .xss_payloads import INJECTED, SHOWN_TEXT, TRAP_SCRIPT

HREFS = "() => Array.from(document.querySelectorAll('[href]'), (el) => el.getAttribute('href'))"


def label(value):
    """The marker a payload starts with: enough to name the field in a failure."""
    return value.split("'", 1)[0]


class XssTab:
    def __init__(self, browser, base_url, session_cookie=None):
        self.base_url = base_url
        self.context = browser.new_context(base_url=base_url)
        self.context.add_init_script(TRAP_SCRIPT)
        if session_cookie:
            self.context.add_cookies([{**session_cookie, "url": base_url}])
        self.page = self.context.new_page()
        self.dialogs = []
        self.page.on("dialog", self._on_dialog)
        self.problems = {}
        self.visited = 0

    def _on_dialog(self, dialog):
        # Leaving an edited form may ask to confirm (beforeunload): Wagtail's, not a payload's.
        if dialog.type != "beforeunload":
            self.dialogs.append(f"{self.page.url}: {dialog.type}({dialog.message})")
        dialog.dismiss()

    def goto(self, url, expect_status=200):
        response = self.page.goto(url)
        self.page.wait_for_load_state("load")
        if response is None or response.status != expect_status:
            self.note(url, f"status {response and response.status}, expected {expect_status}")
        return response

    def check(self, url, shown=(), hrefs=()):
        """Record what went wrong on the current page: trapped calls, injected elements,
        payloads that should be shown (escaped, as text) but are not."""
        self.visited += 1
        calls = self.page.evaluate("window.__xssCalls || []")
        if calls:
            self.note(url, f"trapped calls: {calls}")
        injected = self.page.evaluate(INJECTED)
        if injected:
            self.note(url, f"injected: {injected}")
        text = self.page.evaluate(SHOWN_TEXT)
        missing = [label(value) for value in shown if value not in text]
        if missing:
            self.note(url, f"not shown as text: {missing}")
        links = set(self.page.evaluate(HREFS))
        missing = [value for value in hrefs if value not in links]
        if missing:
            self.note(url, f"links missing or altered: {missing}")

    def visit(self, url, shown=(), hrefs=(), expect_status=200):
        self.goto(url, expect_status)
        self.check(url, shown, hrefs)

    def note(self, url, problem):
        self.problems.setdefault(url, []).append(problem)

    def close(self):
        self.context.close()
