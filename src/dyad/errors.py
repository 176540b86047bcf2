"""dyad's exceptions.

    DyadError                 root: anything dyad raises on purpose
    ├── InputError            a document or source cannot be read (empty, binary, unreachable, malformed)
    ├── DataFileError         a bundled or user data file is invalid (names file, line and the fix)
    ├── ConfigError           a pipeline configuration is invalid (unknown stage, missing requirement)
    └── StoreError            the database cannot be opened, migrated or written

Each carries `exit_code` (the CLI's) and `http_status` (the API's), so one handler
renders them at each face.
"""

from __future__ import annotations


class DyadError(Exception):
    exit_code = 1
    http_status = 500


class InputError(DyadError):
    exit_code = 1
    http_status = 400


class DataFileError(DyadError):
    exit_code = 1
    http_status = 500


class ConfigError(DyadError):
    exit_code = 2
    http_status = 500


class StoreError(DyadError):
    exit_code = 1
    http_status = 503
