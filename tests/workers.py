"""Real Redis servers and real Celery workers for the failure scenarios (issue 14 §1 and §2).

A test that stops Redis starts its own `redis-server` on a free port: the shared one is never touched.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hrportal.celery import app as celery_app
from tests.hrportal.test_worker import database_url_of_test_db
from tests.services import require

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnRedis:
    """A redis-server of the test's own, without persistence, that the test may stop and start again."""

    def __init__(self):
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def own_redis():
    require(shutil.which("redis-server") is not None, "redis-server")
    server = OwnRedis()
    server.start()
    yield server
    server.stop()


@contextlib.contextmanager
def celery_broker(url: str):
    """Send this process's jobs to the broker at `url` (not eagerly), as the web process of production does."""
    conf = celery_app.conf
    # The write and read URLs were derived from the broker URL when the settings loaded: set all three.
    keys = ("CELERY_BROKER_URL", "CELERY_BROKER_WRITE_URL", "CELERY_BROKER_READ_URL")
    saved = {key: conf.get(key) for key in ("CELERY_TASK_ALWAYS_EAGER", *keys)}
    conf["CELERY_TASK_ALWAYS_EAGER"] = False
    for key in keys:
        conf[key] = url
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        for key, value in saved.items():
            conf[key] = value
        celery_app._pool = None
        celery_app.amqp._producer_pool = None


class Worker:
    """A real `celery worker` process on the test database and the given broker."""

    def __init__(self, broker_url: str, *, mail_dir: Path | None = None, extra_env: dict | None = None, include=()):
        self.broker_url, self.mail_dir, self.extra_env, self.include = broker_url, mail_dir, extra_env or {}, include
        self.process: subprocess.Popen | None = None
        self.output = ""

    def start(self) -> "Worker":
        env = {
            **os.environ,
            "DATABASE_URL": database_url_of_test_db(),
            "CELERY_BROKER_URL": self.broker_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "SECRET_KEY": "worker-test",
            "DEBUG": "false",
            **({"EMAIL_URL": f"filemail:///{self.mail_dir}"} if self.mail_dir else {}),
            **self.extra_env,
        }
        command = [sys.executable, "-m", "celery", "-A", "hrportal", "worker", "--pool=solo", "--concurrency=1"]
        command += ["--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        if self.include:
            command += ["--include", ",".join(self.include)]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        return self

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-job without acknowledging anything."""
        self.process.send_signal(signal.SIGKILL)
        self.output += self.process.communicate()[0] or ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.output += self.process.communicate(timeout=20)[0] or ""
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.output += self.process.communicate()[0] or ""
        print(self.output[-4000:])


def wait_for(condition, seconds: float = 60, every: float = 0.3) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False
