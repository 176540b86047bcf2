"""Where the pages' templates and static files live (dyad/web/), and the Jinja environment.

Autoescaping is on for every template; article text reaches a page only through Jinja's
escaping or through `dyad.api.markup`, which escapes each piece itself.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from urllib.parse import quote

import jinja2
from fastapi.templating import Jinja2Templates


def web_dir() -> Path:
    return Path(str(importlib_resources.files("dyad").joinpath("web")))


def static_dir() -> Path:
    return web_dir() / "static"


def doc_href(doc_id: str, version: int | None = None) -> str:
    """The page of a stored article: its id (often a URL) kept readable in the path."""
    href = "/doc/" + quote(doc_id, safe=":/@")
    return f"{href}?version={int(version)}" if version else href


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(web_dir() / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["doc_href"] = doc_href
    env.filters["q"] = lambda value: quote(str(value), safe="")
    return Jinja2Templates(env=env)
