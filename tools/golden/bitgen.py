"""Golden calls for the bit generators (MT19937, PCG64, PCG64DXSM, Philox, SFC64) and SeedSequence.

Bit generators and SeedSequence are identical in NumPy 1.24.2 and 2.5.2, so records evaluated
with the local NumPy are valid for the 2.5 target. Every value is an integer that fits in 64 bits
(128/256-bit quantities are split into 64-bit words, low word first unless the id says hi/lo),
except the float records (ids containing "/double" or "/float").
Used by: tests/test_bit_generators.cpp, tests/test_seed_sequence.cpp.
"""

BITGENS = ["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"]
SEEDS = [0, 1, 42, 2**32 + 5, 2**64 - 1]
M64 = 2**64 - 1

CALLS = []


def add(cid, call):
    CALLS.append((cid, call))


# State dict of each generator flattened to 64-bit integers (Python ints split hi/lo). Lists of
# Python ints are returned as object arrays: np.asarray would turn a list holding values >= 2**63
# into float64 and lose bits.
STATE_FN = {
    "MT19937": "(lambda s: np.array([int(x) for x in s['state']['key']] + [s['state']['pos']], dtype=object))",
    "PCG64": f"(lambda s: np.array([s['state']['state'] >> 64, s['state']['state'] & {M64}, "
             f"s['state']['inc'] >> 64, s['state']['inc'] & {M64}, s['has_uint32'], s['uinteger']], dtype=object))",
    "Philox": "(lambda s: np.array([int(x) for x in s['state']['counter']] + [int(x) for x in s['state']['key']]"
              " + [int(x) for x in s['buffer']] + [s['buffer_pos'], s['has_uint32'], s['uinteger']], dtype=object))",
    "SFC64": "(lambda s: np.array([int(x) for x in s['state']['state']] + [s['has_uint32'], s['uinteger']], dtype=object))",
}
STATE_FN["PCG64DXSM"] = STATE_FN["PCG64"]


def ctor(bg, seed):
    return f"np.random.{bg}({seed})"


for bg in BITGENS:
    # Raw output, 1000 deep: the whole stream for seed 42, the tail for the other seeds.
    add(f"{bg}/42/raw1000", f"np.random.{bg}(42).random_raw(1000)")
    for s in SEEDS:
        add(f"{bg}/{s}/raw1000-tail", f"np.random.{bg}({s}).random_raw(1000)[-8:]")
        add(f"{bg}/{s}/state0", f"{STATE_FN[bg]}(np.random.{bg}({s}).state)")
    # Seeding through SeedSequence variants and word lists.
    add(f"{bg}/ss-words/raw", f"np.random.{bg}(np.random.SeedSequence([1, 2, 3, 2**40])).random_raw(8)")
    add(f"{bg}/list/raw", f"np.random.{bg}([1, 2, 3]).random_raw(8)")
    add(f"{bg}/ss-spawnkey/raw",
        f"np.random.{bg}(np.random.SeedSequence(42, spawn_key=(3, 1))).random_raw(8)")
    add(f"{bg}/ss-pool8/raw", f"np.random.{bg}(np.random.SeedSequence(42, pool_size=8)).random_raw(8)")
    add(f"{bg}/ss-2^100/raw", f"np.random.{bg}(2**100).random_raw(8)")
    add(f"{bg}/spawn/raw",
        f"[x for c in np.random.SeedSequence(42).spawn(3) for x in np.random.{bg}(c).random_raw(3)]")
    add(f"{bg}/spawn-grandchild/raw",
        f"np.random.{bg}(np.random.SeedSequence(42).spawn(2)[1].spawn(3)[2]).random_raw(4)")
    # 32-bit draws interleaved with 64-bit and raw draws.
    add(f"{bg}/42/mix-int",
        "(lambda g: np.array([int(g.integers(0, 2**32, dtype=np.uint32)), int(g.integers(0, 2**64 - 1, dtype=np.uint64, endpoint=True)),"
        " int(g.integers(0, 2**32, dtype=np.uint32)), int(g.integers(0, 2**32, dtype=np.uint32)),"
        " int(g.bit_generator.random_raw()), int(g.integers(0, 2**32, dtype=np.uint32)),"
        " int(g.integers(0, 2**64 - 1, dtype=np.uint64, endpoint=True)), int(g.integers(0, 2**32, dtype=np.uint32)),"
        f" int(g.bit_generator.random_raw())], dtype=object))(np.random.Generator(np.random.{bg}(42)))")
    add(f"{bg}/42/mix-double",
        "(lambda g: [g.random(), float(g.random(dtype=np.float32)), g.random(), float(g.random(dtype=np.float32)),"
        " float(g.random(dtype=np.float32)), g.random(), float(g.integers(0, 2**32, dtype=np.uint32)), g.random()])"
        f"(np.random.Generator(np.random.{bg}(42)))")
    add(f"{bg}/42/double", f"np.random.Generator(np.random.{bg}(42)).random(100)")
    add(f"{bg}/42/float", f"np.random.Generator(np.random.{bg}(42)).random(99, dtype=np.float32)")
    # State dict after draws that leave a buffered 32-bit half (and, for Philox, a part-used block).
    add(f"{bg}/42/state-after",
        "(lambda g: (g.bit_generator.random_raw(5), g.integers(0, 2**32, dtype=np.uint32),"
        f" {STATE_FN[bg]}(g.bit_generator.state))[-1])(np.random.Generator(np.random.{bg}(42)))")
    add(f"{bg}/42/state-after2",
        "(lambda g: (g.bit_generator.random_raw(6), g.integers(0, 2**32, dtype=np.uint32, size=2),"
        f" {STATE_FN[bg]}(g.bit_generator.state))[-1])(np.random.Generator(np.random.{bg}(42)))")

# MT19937 extras: legacy seeding (RandomState's paths), next64 and jumps after draws.
for s in [0, 1, 5, 42, 2**32 - 1]:
    add(f"MT19937/legacy/{s}/raw",
        f"(lambda b: (b._legacy_seeding({s}), b.random_raw(8))[1])(np.random.MT19937(0))")
for key in ["[5]", "[1, 2, 3]", "[0]", "[2**32 - 1, 0, 7]", "list(range(1000))"]:
    add(f"MT19937/legacy/{key}/raw",
        f"(lambda b: (b._legacy_seeding({key}), b.random_raw(8))[1])(np.random.MT19937(0))")
add("MT19937/legacy/1000-keys/state",
    f"(lambda b: (b._legacy_seeding(list(range(1000))), {STATE_FN['MT19937']}(b.state))[1])(np.random.MT19937(0))")
add("MT19937/legacy/5/state",
    f"(lambda b: (b._legacy_seeding(5), {STATE_FN['MT19937']}(b.state))[1])(np.random.MT19937(0))")
for err in ["-1", "2**32", "[]", "[1, -1]", "[2**32]"]:
    add(f"MT19937/legacy/error/{err}", f"np.random.MT19937(0)._legacy_seeding({err})")

# Jumps: after draws, and from legacy-seeded states; state after jumping.
for bg in ["MT19937", "PCG64", "PCG64DXSM", "Philox"]:
    for s in [0, 2**64 - 1]:
        for j in [1, 2, 5]:
            add(f"{bg}/{s}/jumped{j}", f"np.random.{bg}({s}).jumped({j}).random_raw(6)")
    add(f"{bg}/42/draw-jumped",
        "(lambda b: (b.random_raw(7), np.random.Generator(b).integers(0, 2**32, dtype=np.uint32),"
        " b.jumped(3).random_raw(6))[-1])" f"(np.random.{bg}(42))")
    add(f"{bg}/42/jumped-state", f"{STATE_FN[bg]}(np.random.{bg}(42).jumped(2).state)")
add("MT19937/legacy/7/jumped", "(lambda b: (b._legacy_seeding(7), b.jumped(2).random_raw(6))[1])(np.random.MT19937(0))")
add("MT19937/legacy/7/draw1000-jumped",
    "(lambda b: (b._legacy_seeding(7), b.random_raw(1000), b.jumped(1).random_raw(6))[-1])(np.random.MT19937(0))")

# advance: deltas (wrapped modulo the period), after draws that leave buffers.
DELTAS = [1, 1000, 2**64 + 3, 2**100, 2**128 - 1, 2**64, 2**127 + 12345]
for bg in ["PCG64", "PCG64DXSM", "Philox"]:
    ds = DELTAS + ([2**200, 2**256 - 1, 2**255 + 2**130 + 7, 2**192 - 1] if bg == "Philox" else [])
    for d in ds:
        add(f"{bg}/42/advance/{d}", f"(lambda b: (b.advance({d}), b.random_raw(6))[1])(np.random.{bg}(42))")
        add(f"{bg}/0/advance-state/{d}", f"{STATE_FN[bg]}(np.random.{bg}(0).advance({d}).state)")
    add(f"{bg}/42/draw-advance",
        "(lambda g: (g.bit_generator.random_raw(3), g.integers(0, 2**32, dtype=np.uint32), g.bit_generator.advance(5),"
        f" np.concatenate([{STATE_FN[bg]}(g.bit_generator.state), np.array([int(x) for x in g.bit_generator.random_raw(5)], dtype=object)]))[-1])"
        f"(np.random.Generator(np.random.{bg}(42)))")

# Philox: explicit key / counter constructors and their errors.
add("Philox/key-int/raw", "np.random.Philox(key=2**100 + 17).random_raw(8)")
add("Philox/key-max/raw", "np.random.Philox(key=2**128 - 1).random_raw(8)")
add("Philox/key-words/raw", "np.random.Philox(key=np.array([0, 2**64 - 1], dtype=np.uint64)).random_raw(8)")
# NumPy turns this list into float64 before casting, so the effective counter is [0, 0, 3, 0]; the
# state record lets the C++ test build the same generator as the reference record Philox/key-counter.
add("Philox/key-counter/state-ref",
    f"{STATE_FN['Philox']}(np.random.Philox(key=7, counter=[2**64 - 1, 2**64 - 1, 3, 0]).state)")
add("Philox/counter-int/raw", "np.random.Philox(42, counter=2**200 + 2**64 - 1).random_raw(8)")
add("Philox/counter-max/raw", "np.random.Philox(key=3, counter=2**256 - 1).random_raw(8)")
add("Philox/key-counter/state",
    f"{STATE_FN['Philox']}(np.random.Philox(key=[5, 6], counter=[1, 2, 3, 4]).state)")
# NumPy's key/counter errors (seed and key together, out-of-range ints, wrong array lengths) have
# no C++ counterpart: Philox::from_key takes no seed and fixed-size words.

# The state setter's name check. SFC64's message is left out: 2.5.2 raises the literal text
# 'state must be for a {self.__class__.__name__} RNG' (a missing f-prefix) while 1.24.2 formats it.
# Spawning errors (TypeError) do not exist in 1.24.2 (no BitGenerator.spawn), so they are not here.
for bg in ["MT19937", "PCG64", "PCG64DXSM", "Philox"]:
    add(f"{bg}/error/state-name",
        f"(lambda b: setattr(b, 'state', {{'bit_generator': 'X', 'state': {{}}}}))(np.random.{bg}(0))")

# SeedSequence.
SS_SEEDS = [0, 1, 42, 2**32 - 1, 2**32, 2**32 + 5, 2**40, 2**64 - 1, 2**64, 2**100, 2**128 - 1, 2**200 + 3]
for s in SS_SEEDS:
    add(f"seedseq/{s}/pool", f"[int(x) for x in np.random.SeedSequence({s}).pool]")
    add(f"seedseq/{s}/u32-20", f"np.random.SeedSequence({s}).generate_state(20)")
    add(f"seedseq/{s}/u64-10", f"np.random.SeedSequence({s}).generate_state(10, np.uint64)")
for words in ["[]", "[0]", "[1, 2, 3]", "[0, 0, 0, 0]", "[2**32 - 1] * 9", "list(range(100))",
              "[2**64 - 1, 2**40, 5]", "[2**100, 1]"]:
    add(f"seedseq/words/{words}/u32", f"np.random.SeedSequence({words}).generate_state(8)")
for sk in ["(0,)", "(1, 2)", "(7, 2**40)", "(2**64 - 1,)", "tuple(range(10))"]:
    add(f"seedseq/spawn_key/{sk}/u32", f"np.random.SeedSequence(42, spawn_key={sk}).generate_state(8)")
    add(f"seedseq/spawn_key/{sk}/pool", f"[int(x) for x in np.random.SeedSequence(42, spawn_key={sk}).pool]")
add("seedseq/spawn_key-big-entropy/u32", "np.random.SeedSequence([1, 2, 3, 4, 5, 6], spawn_key=(9,)).generate_state(8)")
add("seedseq/spawn_key-zero/u32", "np.random.SeedSequence(0, spawn_key=(0,)).generate_state(8)")
for ps in [4, 5, 8, 16]:
    add(f"seedseq/pool{ps}/u32", f"np.random.SeedSequence(12345, pool_size={ps}).generate_state(24)")
    add(f"seedseq/pool{ps}/pool", f"[int(x) for x in np.random.SeedSequence(12345, pool_size={ps}).pool]")
add("seedseq/pool6-spawnkey/u32",
    "np.random.SeedSequence([1, 2], spawn_key=(4,), pool_size=6).generate_state(12)")
add("seedseq/u32-0", "np.random.SeedSequence(42).generate_state(0)")
add("seedseq/u64-1", "np.random.SeedSequence(42).generate_state(1, np.uint64)")
add("seedseq/u32-1000", "np.random.SeedSequence(42).generate_state(1000)")
add("seedseq/spawn/children",
    "[x for c in np.random.SeedSequence(7).spawn(4) for x in c.generate_state(3)]")
add("seedseq/spawn/children-keys",
    "[x for c in np.random.SeedSequence(7).spawn(4) for x in c.spawn_key]")
add("seedseq/spawn/twice",
    "(lambda s: [x for c in s.spawn(2) + s.spawn(3) for x in list(c.spawn_key) + list(c.generate_state(2))] + [s.n_children_spawned])(np.random.SeedSequence(7))")
add("seedseq/spawn/grandchildren",
    "[x for c in np.random.SeedSequence(7).spawn(2) for g in c.spawn(2) for x in list(g.spawn_key) + list(g.generate_state(3))]")
add("seedseq/spawn/pool8",
    "[x for c in np.random.SeedSequence(7, pool_size=8).spawn(2) for x in c.generate_state(4)]")
add("seedseq/spawn/from-spawnkey",
    "[x for c in np.random.SeedSequence(7, spawn_key=(5,)).spawn(2) for x in list(c.spawn_key) + list(c.generate_state(2))]")
add("seedseq/n_children_spawned/ctor",
    "[x for c in np.random.SeedSequence(7, n_children_spawned=3).spawn(2) for x in list(c.spawn_key) + list(c.generate_state(2))]")
add("seedseq/spawn/0", "len(np.random.SeedSequence(7).spawn(0))")
add("seedseq/error/negative", "np.random.SeedSequence(-1)")
add("seedseq/error/negative-in-list", "np.random.SeedSequence([1, -5])")
add("seedseq/error/pool-size", "np.random.SeedSequence(1, pool_size=3)")
