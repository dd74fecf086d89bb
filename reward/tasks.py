"""Celery finds `<app>.tasks`: this module makes it find each part's jobs."""
