"""Shared by the API tests: the token, the test articles, a client factory."""

from __future__ import annotations

from fastapi.testclient import TestClient

from dyad.api import create_app

TOKEN = "test-token-7f3a"

# Sentences written for these tests (not from any evaluation set).
ARTICLES = [
    {
        "url": "https://news.example.net/2016/03/embassy",
        "date": "2016-03-02",
        "title": "North Korea opens an embassy in Caracas",
        "text": "North Korea opened an embassy in Caracas on Monday, and Venezuela welcomed the move.\n\n"
        "Kim Jong-Un sent greetings to Nicolas Maduro.",
    },
    {
        "url": "https://news.example.net/2016/07/protest",
        "date": "2016-07-15",
        "title": "Venezuela criticizes North Korea",
        "text": "Venezuela criticized North Korea over its missile test on Thursday.",
    },
    {
        "url": "https://news.example.net/2017/01/oil",
        "date": "2017-01-20",
        "title": "Venezuela and China sign oil agreements",
        "text": "Venezuela and China signed new oil agreements in Beijing on Friday.",
    },
]


def make_client(url: str, token: str | None = TOKEN, **kwargs: object) -> TestClient:
    return TestClient(create_app(url, token=token, fast=True, **kwargs))
