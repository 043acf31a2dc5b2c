"""Authoring tools: scaffold a pack (init), draft figures from a document (stub), and find
the numbers no figure quotes yet (coverage). Plain Python: no YAML, no Textual at import."""
