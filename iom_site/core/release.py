"""The release being served, in every key a cache entry is written under (the delivery
room's pages and content, the navigation's menus and footers): a deploy never serves a
page, a page entry or a fragment built by the code it replaces.

``settings.RELEASE`` (env RELEASE: a git sha or a version, set by the deploy) first;
else the commit of the checkout (``.git/HEAD``, worktrees too); else a digest of the
code and templates, so that two app servers running the same code agree without being
told."""

import functools
import hashlib
from pathlib import Path

from django.conf import settings

SOURCE_SUFFIXES = (".py", ".html", ".txt", ".xml")


def release_id():
    configured = (getattr(settings, "RELEASE", "") or "").strip()
    if configured:
        return _short(configured)
    return _found_release()


@functools.cache
def _found_release():
    base = Path(settings.BASE_DIR)
    return _short(_git_commit(base) or _code_digest(base))


@functools.cache
def _short(value):
    # Keys stay short and any text makes a valid key.
    return hashlib.blake2b(value.encode(), digest_size=6).hexdigest()


def _git_commit(base):
    try:
        git = base / ".git"
        if git.is_file():  # a worktree: "gitdir: <path>"
            git = Path(git.read_text().split(":", 1)[1].strip())
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head
        ref = head.split(" ", 1)[1]
        for folder in (git, _common_dir(git)):
            ref_file = folder / ref
            if ref_file.is_file():
                return ref_file.read_text().strip()
            packed = folder / "packed-refs"
            if packed.is_file():
                for line in packed.read_text().splitlines():
                    if line.endswith(" " + ref):
                        return line.split(" ", 1)[0]
    except (OSError, IndexError):
        return None
    return None


def _common_dir(git):
    common = git / "commondir"
    if common.is_file():
        return (git / common.read_text().strip()).resolve()
    return git


def _code_digest(base):
    digest = hashlib.blake2b(digest_size=16)
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name in ("node_modules", "media", "static_root", "staticfiles"):
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and ".venv" not in path.parts and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def key(room, *parts):
    """A cache key of ``room`` for this release."""
    return ":".join((room, release_id(), *parts))
