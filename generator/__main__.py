"""`python -m generator` runs the speechgen command."""

from .console import main

main()
