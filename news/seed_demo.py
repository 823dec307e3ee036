"""Example stories for trying the news features locally (``load_seed_content --demo``):
each is titled « Exemple : … », says in its text that it reports nothing, and carries
an abstract illustration drawn here, labelled EXEMPLE, never a photograph. Never loaded
by default nor in production (``SEED_DEMO_ALLOWED``)."""

import datetime
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from iom_site.core.models import Theme
from iom_site.core.seed.loading import upsert_page
from strategy.models import SDGTarget

THEME = {"slug": "exemple", "name": "Exemple de thème"}
CAPTION = "Exemple – illustration abstraite générée pour la démonstration."
CREDIT = "Image de démonstration générée par le site"
BODY = (
    "<p>Ce texte est un exemple, chargé avec « load_seed_content --demo ». Il ne rapporte "
    "aucun fait : il montre comment s’affichent le chapeau, le texte, l’image principale, "
    "sa légende et son crédit, les thèmes et les cibles des objectifs de développement "
    "durable d’un article.</p>"
)

# (title, size, background, shapes: (box as fractions, colour), focal point box).
ILLUSTRATIONS = [
    (
        "Exemple – illustration 1",
        (1600, 900),
        "#0033A0",
        [((0.62, 0.18, 0.88, 0.64), "#FFB81C"), ((0.08, 0.55, 0.30, 0.95), "#5B92E5")],
        (0.62, 0.18, 0.88, 0.64),
        "Illustration abstraite de démonstration : un disque jaune et un disque bleu clair "
        "sur fond bleu foncé",
    ),
    (
        "Exemple – illustration 2",
        (1000, 1400),
        "#E8EEF9",
        [((0.15, 0.60, 0.70, 0.92), "#0033A0"), ((0.55, 0.08, 0.92, 0.34), "#DD1367")],
        (0.15, 0.60, 0.70, 0.92),
        "Illustration abstraite de démonstration : un disque bleu foncé et un disque rose "
        "sur fond bleu pâle",
    ),
    (
        "Exemple – illustration 3",
        (1200, 1200),
        "#19486A",
        [((0.30, 0.30, 0.70, 0.70), "#56C02B"), ((0.05, 0.05, 0.25, 0.25), "#FFFFFF")],
        (0.30, 0.30, 0.70, 0.70),
        "Illustration abstraite de démonstration : un disque vert au centre d’un fond bleu nuit",
    ),
]

STORIES = [
    ("exemple-article-avec-image", "Exemple : un article avec une image principale", 0, 0),
    ("exemple-deuxieme-article", "Exemple : un deuxième article", 1, 1),
    ("exemple-troisieme-article", "Exemple : un troisième article", 2, 2),
    ("exemple-article-sans-image", "Exemple : un article sans image", None, 3),
]
FIRST_DATE = datetime.date(2025, 3, 10)
TARGET_CODES = ("10.7", "8.8")


def _draw(size, background, shapes, focus):
    width, height = size
    picture = PILImage.new("RGB", size, background)
    pen = ImageDraw.Draw(picture)
    for (left, top, right, bottom), colour in shapes:
        pen.ellipse((left * width, top * height, right * width, bottom * height), fill=colour)
    # On the focal point, which every crop keeps: no crop hides that it is an example.
    left, top, right, bottom = focus
    centre = ((left + right) / 2 * width, (top + bottom) / 2 * height)
    label = ImageFont.load_default(size=max(24, int((right - left) * width) // 5))
    pen.text(
        centre,
        "EXEMPLE",
        anchor="mm",
        fill="#FFFFFF",
        font=label,
        stroke_width=3,
        stroke_fill="#000000",
    )
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def illustrations(log):
    """The example images, drawn once and kept (found again by title)."""
    Image = get_image_model()
    found = []
    for title, size, background, shapes, focus, description in ILLUSTRATIONS:
        image = Image.objects.filter(title=title).first()
        if image is None:
            data = _draw(size, background, shapes, focus)
            name = title.lower().replace(" – ", "-").replace(" ", "-") + ".png"
            image = Image(
                title=title,
                description=description,
                collection=Collection.get_first_root_node(),
                file=ImageFile(io.BytesIO(data), name=name),
            )
            left, top, right, bottom = focus
            image.focal_point_x = int((left + right) / 2 * size[0])
            image.focal_point_y = int((top + bottom) / 2 * size[1])
            image.focal_point_width = int((right - left) * size[0])
            image.focal_point_height = int((bottom - top) * size[1])
            image.save()
            log(f"  created image {title}")
        found.append(image)
    return found


def example_theme(log):
    theme, created = Theme.objects.get_or_create(
        locale=Locale.get_default(), slug=THEME["slug"], defaults={"name": THEME["name"]}
    )
    if created:
        log(f"  created theme {theme.name}")
    return theme


def load(log):
    images = illustrations(log)
    theme = example_theme(log)
    locale = Locale.get_default()
    targets = list(SDGTarget.objects.filter(locale=locale, code__in=TARGET_CODES))
    for slug, title, image_index, age in STORIES:
        image = images[image_index] if image_index is not None else None
        fields = {
            "date": FIRST_DATE - datetime.timedelta(weeks=4 * age),
            "lead": (
                "<p>Article d’exemple pour essayer la page d’article et les listes "
                "d’actualités ; il ne rapporte aucun fait.</p>"
            ),
            "body": [{"type": "paragraph", "value": BODY}],
            "hero_image": image,
            "hero_image_alt": image.description if image else "",
            "hero_image_caption": CAPTION if image else "",
            "hero_image_credit": CREDIT if image else "",
        }
        upsert_page(
            {
                "model": "news.StoryPage",
                "parent": "actualites",
                "slug": slug,
                "title": title,
                "fields": fields,
                "children": {
                    "themes": [{"theme": theme}],
                    "sdg_targets": [{"target": target} for target in targets],
                },
            },
            log,
        )
