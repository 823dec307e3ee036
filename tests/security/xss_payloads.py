"""Stored-XSS payloads, each carrying a marker that names the field it was saved in, and
the scripts a browser runs to catch one that got through."""

import json

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter


def marker(field):
    return f"xss-{field}"


def payload(field):
    """One string that tries every way out of where a field may be written: text, a
    quoted attribute (either quote), a <textarea>, a <script> block (JSON-LD, the admin's
    JSON), plus new elements with handlers and template syntax (Django or a JS framework)."""
    m = marker(field)
    return (
        f"{m}'\"><img src=x onerror=alert('{m}')></textarea></script>"
        f"<script>alert('{m}')</script><svg onload=alert('{m}')>{{{{7*7}}}}"
    )


def url_payload(field):
    """An address Django's URL validation accepts (no blank) that tries to leave the href."""
    m = marker(field)
    return f"https://example.org/{m}\"><svg/onload=alert('{m}')>"


def email_payload(field):
    """A quoted local part makes a valid address out of markup."""
    m = marker(field)
    return f"\"<svg/onload=alert('{m}')>\"@example.org"


def javascript_url(field):
    return f"javascript:alert('{marker(field)}')"


def rich_text(field, features):
    """What the admin stores when an editor types the payload into Draftail and links two
    words, one to a javascript: address and one to an address that tries to leave the
    href: the conversion the admin's form applies (ContentstateConverter), not raw HTML."""
    text = payload(field)
    link_text = "lien dangereux et lien piégé"
    contentstate = {
        "blocks": [
            {
                "key": "b0000",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            },
            {
                "key": "b0001",
                "type": "unstyled",
                "depth": 0,
                "text": link_text,
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": 0, "length": 14, "key": 0},
                    {"offset": 18, "length": 10, "key": 1},
                ],
                "data": {},
            },
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": javascript_url(field)}},
            "1": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url_payload(field)}},
        },
    }
    return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


# Runs before any page script: alert, confirm and prompt record their calls (then behave
# as usual, so Playwright's dialog listener sees them too).
TRAP_SCRIPT = """
window.__xssCalls = [];
for (const name of ["alert", "confirm", "prompt"]) {
  const original = window[name].bind(window);
  window[name] = (...args) => {
    window.__xssCalls.push(name + "(" + args.map(String).join(", ") + ")");
    return original(...args);
  };
}
"""

# Elements a payload would have created: a handler attribute or an executable script that
# carries a marker, or a javascript: address anywhere a browser would follow it.
INJECTED = """
() => {
  const found = [];
  const executable = (s) => !s.type || /javascript|ecmascript|module/i.test(s.type);
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      if (tag === "script" && executable(el) && el.textContent.includes("xss-")) {
        found.push("script: " + el.textContent.slice(0, 80));
      }
      for (const attr of el.attributes) {
        if (attr.name.startsWith("on") && attr.value.includes("xss-")) {
          found.push(tag + "[" + attr.name + "=" + attr.value + "]");
        }
        if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(attr.name)
            && /^\\s*javascript:/i.test(attr.value)) {
          found.push(tag + "[" + attr.name + "=" + attr.value + "]");
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}
"""

# What a reader (or an editor, in form fields) is shown: the text of the page, the values
# of its inputs and textareas, the alternative text of its images, its meta tags.
SHOWN_TEXT = """
() => {
  const texts = [];
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (!skip.has(walker.currentNode.parentElement.tagName)) texts.push(walker.currentNode.data);
  }
  return [
  document.title,
  texts.join(""),
  ...Array.from(document.querySelectorAll("input, textarea, select option"), (el) => el.value),
  ...Array.from(document.querySelectorAll("img[alt]"), (el) => el.alt),
  ...Array.from(document.querySelectorAll("meta[content]"), (el) => el.content),
  ].join("\\n");
}
"""
