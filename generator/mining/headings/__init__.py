"""Numbered points: the schemes (one rule each), their detection and the nesting into levels."""
