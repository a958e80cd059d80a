"""NumPy state objects as the JSON text nprandom reads and writes (include/nprandom/state_io.hpp).

The text is exactly `json.dumps(plain(obj))`: json.dumps's defaults (", " and ": " separators,
NumPy's key order), with ndarrays turned into lists by .tolist(), tuples into lists and NumPy
scalars into Python scalars (json.dumps cannot write ndarrays itself).
"""
import json


def plain(obj):
    import numpy as np
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.generic):
        return obj.item()
    return obj


def dumps(obj):
    """The JSON text of a NumPy state (bit_generator.state, RandomState.get_state(...), SeedSequence.state)."""
    return json.dumps(plain(obj))


def loads(text):
    """json.loads, for NumPy's state setters (they accept lists where NumPy writes ndarrays)."""
    return json.loads(text)
