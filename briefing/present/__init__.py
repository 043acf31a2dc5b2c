"""What every output shows, computed once in plain Python: comparison rows and tables, the
panes' contents, citations, snippets and JSON shapes; the CLI, the app and the export only draw
them."""
