"""Security: staff EDS keys, certificate checks, CMS signatures, roles, audit chain, DB key."""
