"""Consistent backups of the site: a PostgreSQL dump (pg_dump's snapshot is consistent),
the media files, and a manifest of SHA-256 checksums that restore verifies."""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media.tar"


class BackupError(Exception):
    pass


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_checksums(root):
    root = Path(root)
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _pg_env_and_args(db):
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("backups need PostgreSQL (DATABASE_URL=postgres://…)")
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", db["USER"]]
    return env, args


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise BackupError(f"{command[0]}: {last}")


def backup(db, media_root, destination):
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=False)
    env, args = _pg_env_and_args(db)
    _run(["pg_dump", *args, "-Fc", "--no-owner", "-f", str(destination / DUMP), db["NAME"]], env)
    with tarfile.open(destination / MEDIA, "w") as archive:
        if Path(media_root).exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "database": db["NAME"],
        "files": {name: sha256(destination / name) for name in (DUMP, MEDIA)},
        "media": media_checksums(media_root),
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def verify(source):
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"no readable {MANIFEST} in {source}") from exc
    for name, expected in manifest["files"].items():
        if not (source / name).exists() or sha256(source / name) != expected:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged")
    return manifest


def restore(source, db, media_root):
    """Restore into an empty database and an empty (or absent) media folder."""
    source, media_root = Path(source), Path(media_root)
    manifest = verify(source)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"media folder {media_root} is not empty")
    env, args = _pg_env_and_args(db)
    _run(
        [
            "pg_restore",
            *args,
            "--no-owner",
            "--exit-on-error",
            "-d",
            db["NAME"],
            str(source / DUMP),
        ],
        env,
    )
    staging = media_root.parent / f".{media_root.name}.restoring"
    shutil.rmtree(staging, ignore_errors=True)
    with tarfile.open(source / MEDIA) as archive:
        archive.extractall(staging, filter="data")
    extracted = staging / "media"
    if extracted.exists():
        media_root.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(media_root, ignore_errors=True)
        extracted.rename(media_root)
    shutil.rmtree(staging, ignore_errors=True)
    if media_checksums(media_root) != manifest["media"]:
        raise BackupError("restored media files do not match the manifest")
    return manifest


def default_destination():
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path(getattr(settings, "BACKUP_ROOT", settings.BASE_DIR / "var" / "backups")) / stamp
