"""The operations room: request ids and logs, the client's address behind proxies, the
Content-Security-Policy, health and readiness, error pages, backups and restores."""
