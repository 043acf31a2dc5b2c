"""Numbers as the sources write them and as readers need them: reading "2.43万家" into a value,
and saying a figure again in either language with its hedge, unit and period."""
