"""What the benchmark ran on: the lines docs/benchmarks.md starts with."""

import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib import metadata


def _lines(command):
    try:
        completed = subprocess.run(  # noqa: S603 - fixed local programs
            command, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    # wrk -v prints its version on stderr.
    return (completed.stdout or completed.stderr).strip().splitlines()


def _first(command):
    lines = _lines(command)
    return lines[0] if lines else "unknown"


def _cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib():
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _redis_version():
    for line in _lines(["redis-cli", "-h", "127.0.0.1", "INFO", "server"]):
        if line.startswith("redis_version:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def describe():
    """[(label, value)] for the machine and the software under test."""
    postgres = _first(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "SHOW server_version"])
    return [
        ("Date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", _cpu_model()),
        ("Cores", str(os.cpu_count())),
        ("RAM", _ram_gib()),
        ("Kernel", f"{platform.system()} {platform.release()}"),
        ("Load average at start", " ".join(f"{n:.2f}" for n in os.getloadavg())),
        ("Python", platform.python_version()),
        ("Django", metadata.version("django")),
        ("Wagtail", metadata.version("wagtail")),
        ("gunicorn", metadata.version("gunicorn")),
        ("PostgreSQL", postgres),
        ("Redis", _redis_version()),
        ("wrk", _first(["wrk", "-v"]).split(" [")[0]),
    ]
