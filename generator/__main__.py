"""`python -m generator` runs the speechgen command."""

from .cli import main

main()
