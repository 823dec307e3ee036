"""Runs each app's seed step: an installed app that has a ``seed`` module with a
``load(log)`` function contributes its content, in INSTALLED_APPS order (core first)."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def seed_modules():
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "seed"):
            yield config.label, import_module(f"{config.name}.seed")


def load_all(log):
    for label, module in seed_modules():
        log(f"[{label}] loading")
        module.load(log)
