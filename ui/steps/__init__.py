"""Forms that record the steps of a case, one module per step, found through `registry`."""
