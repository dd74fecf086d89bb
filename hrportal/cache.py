"""The shared cache is an optimisation: when Redis is down, the portal works without it."""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# After a failure the cache is skipped for this long (per process), so that a Redis outage costs one quick
# refused connection every few seconds rather than one per cache call.
RETRY_AFTER_SECONDS = 5.0

# What each operation answers when the cache is unavailable: nothing is cached.
_MISSES = {
    "get": lambda *a, **kw: kw.get("default"),
    "get_many": lambda *a, **kw: {},
    "has_key": lambda *a, **kw: False,
    "add": lambda *a, **kw: False,
    "set": lambda *a, **kw: None,
    "set_many": lambda *a, **kw: [],
    "touch": lambda *a, **kw: False,
    "delete": lambda *a, **kw: False,
    "delete_many": lambda *a, **kw: None,
    "clear": lambda *a, **kw: False,
}


class ResilientRedisCache(RedisCache):
    """Django's Redis cache whose every call answers a miss instead of raising when Redis is unreachable.

    `incr`/`decr` keep raising ValueError for a missing key (Django's contract), which callers already
    handle; `get_or_set` computes the value (get misses, set is dropped).
    """

    _down_until = 0.0

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, **params.get("OPTIONS", {})}}
        super().__init__(server, params)

    def _guard(self, name, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return _MISSES[name](*args, **kwargs)
        try:
            return getattr(super(), name)(*args, **kwargs)
        except self._lib_errors() as exc:
            ResilientRedisCache._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("Cache unavailable (%s): working without it", exc.__class__.__name__)
            return _MISSES[name](*args, **kwargs)

    def _lib_errors(self):
        import redis

        return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)

    def get(self, key, default=None, version=None):
        return self._guard("get", key, default=default, version=version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._guard("has_key", key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set_many", data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", key, timeout, version=version)

    def delete(self, key, version=None):
        return self._guard("delete", key, version=version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", keys, version=version)

    def clear(self):
        return self._guard("clear")

    def incr(self, key, delta=1, version=None):
        if time.monotonic() < ResilientRedisCache._down_until:
            raise ValueError("cache unavailable")
        try:
            return super().incr(key, delta, version)
        except self._lib_errors() as exc:
            ResilientRedisCache._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            raise ValueError("cache unavailable") from exc
