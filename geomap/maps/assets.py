"""Inlining for ``--self-contained`` (filled in with the npm-installed assets)."""

from __future__ import annotations


def inline_assets(html: str) -> str:
    return html
