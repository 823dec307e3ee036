"""The « Engagez-vous » form: what a visitor sees and what the team receives."""

from smtplib import SMTPException

from django.core import mail

from wagtail.contrib.forms.models import FormSubmission

import pytest

from .factories import EngagementFormPageFactory

pytestmark = pytest.mark.django_db

VALID = {
    "nom": "Awa Diop",
    "courriel": "awa.diop@example.org",
    "organisation": "Association des migrants de Dakar",
    "message": "Nous souhaitons contribuer au programme.",
    "consentement": "on",
}


@pytest.fixture
def form_page(sections):
    return EngagementFormPageFactory(parent=sections["fr"]["agir"])


def post(client, page, data, address="203.0.113.10"):
    return client.post(page.url, data, REMOTE_ADDR=address)


def test_valid_submission_is_stored_emailed_and_thanked(client, form_page, settings):
    settings.CONTACT_FORM_RECIPIENTS = ["equipe@example.org"]

    response = post(client, form_page, VALID)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Merci pour votre message." in html
    assert "<h1>Engagez-vous</h1>" in html
    submission = FormSubmission.objects.get(page=form_page)
    assert submission.form_data["nom"] == "Awa Diop"
    assert submission.form_data["consentement"] is True
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["equipe@example.org"]
    assert email.reply_to == ["awa.diop@example.org"]
    assert email.subject == "Engagez-vous"
    assert "Nous souhaitons contribuer au programme." in email.body


def test_submissions_go_to_the_page_addresses_when_set(client, sections):
    page = EngagementFormPageFactory(
        parent=sections["fr"]["agir"],
        to_address="a@example.org, b@example.org",
        subject="Nouveau message",
    )

    post(client, page, VALID)

    assert mail.outbox[0].to == ["a@example.org", "b@example.org"]
    assert mail.outbox[0].subject == "Nouveau message"


def test_invalid_submission_shows_errors_and_keeps_the_input(client, form_page):
    data = {**VALID, "nom": "", "courriel": "pas-une-adresse"}
    del data["consentement"]

    response = post(client, form_page, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert '<a href="#id_nom">Nom : Champ requis.</a>' in html
    assert (
        '<a href="#id_consentement">Cochez cette case pour pouvoir envoyer votre message.</a>'
        in html
    )
    assert 'id="id_nom_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_courriel_error"' in html
    assert 'value="pas-une-adresse"' in html
    assert "Nous souhaitons contribuer au programme.</textarea>" in html
    assert 'value="Association des migrants de Dakar"' in html
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_filled_honeypot_looks_like_success_but_keeps_and_sends_nothing(client, form_page):
    response = post(client, form_page, {**VALID, "website": "https://spam.example"})

    assert response.status_code == 200
    assert "Merci pour votre message." in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_too_many_submissions_from_one_address_get_429(client, form_page):
    for _ in range(5):
        assert post(client, form_page, VALID).status_code == 200

    response = post(client, form_page, {**VALID, "message": "Un sixième message."})

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "Trop de messages envoyés" in html
    assert "Un sixième message.</textarea>" in html
    assert FormSubmission.objects.count() == 5
    assert len(mail.outbox) == 5
    assert post(client, form_page, VALID, address="198.51.100.7").status_code == 200


def test_rate_limit_and_window_come_from_settings(client, form_page, settings):
    settings.ENGAGEMENT_FORM_RATE_LIMIT = 1
    settings.ENGAGEMENT_FORM_RATE_WINDOW = 60

    assert post(client, form_page, VALID).status_code == 200
    response = post(client, form_page, VALID)

    assert response.status_code == 429
    assert response["Retry-After"] == "60"


def test_invalid_attempts_do_not_count_towards_the_limit(client, form_page, settings):
    settings.ENGAGEMENT_FORM_RATE_LIMIT = 1

    for _ in range(3):
        assert post(client, form_page, {**VALID, "nom": ""}).status_code == 200

    assert post(client, form_page, VALID).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_mail_failure_keeps_the_submission(client, form_page, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise SMTPException("relay refused")

    monkeypatch.setattr("partnerships.models.send_mail", broken)

    response = post(client, form_page, VALID)

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    assert "notification email could not be sent" in caplog.text
