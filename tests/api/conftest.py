"""The HTTP API over a real store in tmp_path, filled through its own write route and the real pipeline."""

from __future__ import annotations

import pytest
from apihelp import ARTICLES, TOKEN, make_client
from fastapi.testclient import TestClient


@pytest.fixture()
def client(sqlite_url: str) -> TestClient:
    return make_client(sqlite_url)


@pytest.fixture()
def filled(client: TestClient) -> TestClient:
    for article in ARTICLES:
        response = client.post("/api/documents", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 201, response.text
    return client
