from iom_site.core.models import BasePage


class PartnershipsPage(BasePage):
    """STUB – to be completed."""

    parent_page_types = ["core.SectionPage"]
    subpage_types = []


class WhereWeWorkPage(BasePage):
    """STUB – to be completed."""

    parent_page_types = ["core.SectionPage"]
    subpage_types = []


class EngagementFormPage(BasePage):
    """STUB – to be completed."""

    parent_page_types = ["core.SectionPage"]
    subpage_types = []
