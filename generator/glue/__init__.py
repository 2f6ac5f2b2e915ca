"""The glue between a speech's facts: the stock of attested wordings and how one is chosen.

`wording.Glue` is what a template calls (`glue.say(move, …)`); it reads the facts through
`meeting` (the meeting's name), `speakers` (posts and names), `agenda` (the earlier items) and
`formulas` (what counts as a repeat), and draws on `stock` (outlines/moves.yaml).
"""
