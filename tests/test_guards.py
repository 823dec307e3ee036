"""Guards over the whole project: every page type and translatable snippet has a factory."""

import importlib
import inspect

from django.apps import apps

from wagtail.models import Page, TranslatableMixin

import factory

FACTORY_MODULES = [
    "tests.core.factories",
    "tests.strategy.factories",
    "tests.partnerships.factories",
    "tests.news.factories",
]
PROJECT_APPS = {"core", "strategy", "partnerships", "news"}


def factory_models():
    models = set()
    for name in FACTORY_MODULES:
        for _name, obj in inspect.getmembers(importlib.import_module(name), inspect.isclass):
            if issubclass(obj, factory.base.Factory) and obj._meta.model is not None:
                models.add(obj._meta.model)
    return models


def test_every_page_type_and_snippet_has_a_factory():
    covered = factory_models()
    needed = {
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and (issubclass(model, Page) or issubclass(model, TranslatableMixin))
        and not model._meta.abstract
    }
    # Inline rows are built through their page's factory.
    inline = {
        m
        for m in needed
        if any(f.name == "page" for f in m._meta.fields) and not issubclass(m, Page)
    }
    assert needed - inline - covered == set()
