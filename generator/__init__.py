"""speechgen: drafts Chinese meeting speeches (讲话稿) from outlines and templates, offline."""

__version__ = "0.1.0"
