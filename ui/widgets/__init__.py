"""Reusable widgets shared by several screens."""
