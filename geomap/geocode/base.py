"""What a geocoder is: something that turns a mention into candidates."""

from __future__ import annotations

from typing import Protocol

from ..models import Candidate, Mention


class Geocoder(Protocol):
    """A source of candidates for a mention (offline gazetteer, an online provider...)."""

    #: name recorded in a place's ``geocoder`` property
    name: str

    def candidates(self, mention: Mention) -> list[Candidate]:
        """Every entry the mention may refer to, unranked (the resolver ranks)."""
        ...
