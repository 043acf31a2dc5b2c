"""Text as the project draws it: line breaking (UAX #14, cells, numbers kept whole), tables laid
out in cells, and pack text made inert before it reaches a terminal or a file."""
