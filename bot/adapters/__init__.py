"""Adapters: each platform translated to and from the core's plain values (Incoming, Reply)."""
