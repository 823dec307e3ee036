"""Run wrk and read its summary: requests per second, latency percentiles, failures."""

import re
import subprocess
from dataclasses import dataclass

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx_3xx: int
    socket_errors: int
    output: str


def _latency_ms(text, percentile):
    match = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    if not match:
        raise ValueError(f"wrk printed no {percentile}% latency:\n{text}")
    return float(match.group(1)) * UNITS_MS[match.group(2)]


def parse(text):
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    total = re.search(r"^\s*(\d+) requests in", text, re.M)
    if not rps or not total:
        raise ValueError(f"wrk printed no summary:\n{text}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    return WrkResult(
        requests_per_second=float(rps.group(1)),
        p50_ms=_latency_ms(text, 50),
        p99_ms=_latency_ms(text, 99),
        requests=int(total.group(1)),
        # wrk prints these lines only when the count is not zero.
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        output=text,
    )


def run(url, duration, threads=2, connections=16):
    """wrk -t2 -c16 -d<duration>s --latency <url>; bounded by its own duration."""
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "5s",
        "--latency",
        url,
    ]
    completed = subprocess.run(  # noqa: S603 - fixed program, loopback URL
        command, capture_output=True, text=True, timeout=duration + 30, check=True
    )
    return parse(completed.stdout)
