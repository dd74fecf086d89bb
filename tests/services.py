"""Tests that need PostgreSQL, Redis or Chromium: skip on a laptop without them, fail under CI."""

import os
import shutil

import pytest

UNDER_CI = os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str) -> None:
    if available:
        return
    if UNDER_CI:
        pytest.fail(f"{what} is required under CI but is not available", pytrace=False)
    pytest.skip(f"{what} is not available on this machine")


def chromium_path() -> str | None:
    candidate = os.environ.get("HRPORTAL_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return candidate if candidate and os.access(candidate, os.X_OK) else None


def redis_url() -> str | None:
    url = os.environ.get("HRPORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        return None
    return url
