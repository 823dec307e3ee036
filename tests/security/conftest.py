"""The people and content of tests/editorial, for the authorization matrix."""

from tests.editorial.conftest import client_for, people, world  # noqa: F401 - fixtures
