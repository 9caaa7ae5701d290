"""Responsible bodies: department notes, the names they list, and who leads.

``names`` splits lists of bodies and tells what a body's name looks like; ``notes`` finds and reads
the notes (keyed and unkeyed, bracketed or standing alone); ``conventions`` recognises a document's
own statement that the first listed body leads.
"""

from ipplan.extract.departments.conventions import states_first_listed_leads
from ipplan.extract.departments.names import ends_as_body, looks_like_body, split_bodies, split_names
from ipplan.extract.departments.notes import (
    Assignment,
    find_note,
    find_notes,
    is_complete,
    merged,
    parse_assignment,
    parse_note,
    standalone_assignment,
    standalone_deadline,
)

__all__ = [
    "Assignment",
    "ends_as_body",
    "find_note",
    "find_notes",
    "is_complete",
    "looks_like_body",
    "merged",
    "parse_assignment",
    "parse_note",
    "split_bodies",
    "split_names",
    "standalone_assignment",
    "standalone_deadline",
    "states_first_listed_leads",
]
