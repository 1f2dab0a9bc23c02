"""The Gradio chat UI (the only package that imports gradio): ``app`` builds it, ``server`` runs it.

``chat``, ``library``, ``evalview`` and ``render`` hold its behaviour without importing gradio.
"""
