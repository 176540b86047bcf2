"""dyad's HTTP face: the contract's JSON routes and the web pages, in one FastAPI app.

    from dyad.api import create_app
    app = create_app("sqlite:///dyad.db", token="s3cret")   # serve with uvicorn

Routes call the library (`dyad.code_text`, `dyad.check_text`, `dyad.process_document`,
`dyad.store.Store`); nothing here talks SQL.
"""

from dyad.api.app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app"]
