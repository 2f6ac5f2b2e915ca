"""`speechgen serve`: a local web page over the same library the CLI uses.

Imported only by the `serve` command, so `render` and the other commands never load the web
server's dependencies.
"""
