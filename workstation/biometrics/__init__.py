"""Fingerprint capture: the SBI device client, the SBI simulator, file import, quality policy."""
