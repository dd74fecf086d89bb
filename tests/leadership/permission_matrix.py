import json

from django.test import Client

from tests.leadership.world import ROLES


def check(world, method, template, expected, body=None):
    url = template.format(**world["ids"])
    got = []
    for role in ROLES:
        client = Client()
        client.force_login(world["users"][role])
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, data=json.dumps(body or {}), content_type="application/json")
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))
