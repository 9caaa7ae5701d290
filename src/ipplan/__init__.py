"""ipplan: Chinese intellectual-property work plans into validated records.

>>> import ipplan
>>> plan = ipplan.parse("samples/liuzhou-hitech-park-2022.docx")
>>> plan.meta.doc_number
'柳高新〔2022〕2号'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["IpplanError", "Plan", "__version__", "parse", "parse_bytes"]

if TYPE_CHECKING:
    from ipplan.api import parse, parse_bytes
    from ipplan.errors import IpplanError
    from ipplan.schema import Plan


def __getattr__(name: str):
    # Lazy, so that `ipplan --version` does not pay for pydantic and the readers.
    if name in ("parse", "parse_bytes"):
        from ipplan import api

        return getattr(api, name)
    if name == "Plan":
        from ipplan.schema import Plan

        return Plan
    if name == "IpplanError":
        from ipplan.errors import IpplanError

        return IpplanError
    raise AttributeError(name)
