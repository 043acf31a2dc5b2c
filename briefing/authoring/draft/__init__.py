"""``briefing draft``: a pack drafted from documents, in Chinese, ready to review and translate.

:func:`~briefing.authoring.draft.pack.draft_pack` is the entry point; the outline of a report
(:mod:`.outline`), its figures (:mod:`.figures`, read by the authoring number reader), ids
(:mod:`.ids`) and the files written (:mod:`.files`) each have their module.
"""
