// Tests of Generator's core methods (random, integers, uniform, normal/exponential/gamma families,
// bytes, choice, shuffle, permutation, permuted, spawn, default_rng) against NumPy golden data
// (tests/data/generator_core.tsv from tools/golden/generator_core.py, and the 2.5.2 reference
// records), plus statistical checks (moments, chi-square) as a second net.
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/generator.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Gen = nprandom::Generator<nprandom::PCG64>;
const char* const kFamily = "generator_core";

Gen rng(std::uint64_t seed) { return nprandom::default_rng(seed); }

// The arguments of a floating-point method record: positional numbers, and method='inv'.
struct FArgs {
  std::vector<double> v;
  bool inv = false;
  double at(std::size_t i) const { return v.at(i); }
};

FArgs float_args(const golden::Record& rec) {
  FArgs out;
  for (const golden::Arg& a : rec.args) {
    if (a.name == "method") {
      out.inv = a.as_str() == "inv";
    } else if (a.name.empty()) {
      out.v.push_back(a.as_double());
    } else {
      throw std::runtime_error(rec.id + ": unexpected keyword " + a.name);
    }
  }
  return out;
}

// The state probe of the golden file: two raw 64-bit draws, then one 32-bit draw (which returns a
// pending buffered half, if any).
std::vector<std::uint64_t> state_probe(Gen& g) {
  auto out = g.bit_generator().random_raw(2);
  out.push_back(g.integers<std::uint32_t>(0, 0xFFFFFFFFu, nprandom::endpoint));
  return out;
}

// Runs `f`; if the record is an error, checks the exception type and NumPy's message instead.
template <class F>
void check_or_error(const golden::Record& rec, F&& f) {
  if (rec.kind != "error") {
    f();
    return;
  }
  if (rec.error_type() == "OverflowError") {
    golden::check_error<std::overflow_error>(rec, [&] { f(); });
  } else {
    golden::check_error<std::invalid_argument>(rec, [&] { f(); });
  }
}

// ---- floating-point methods, dispatched by name ----

template <class Real>
Real scalar_call(Gen& g, const std::string& m, const FArgs& a) {
  if (m == "random") return g.random<Real>();
  if (m == "standard_normal") return g.standard_normal<Real>();
  if (m == "standard_exponential")
    return a.inv ? g.standard_exponential<Real>("inv") : g.standard_exponential<Real>();
  if (m == "standard_gamma") return g.standard_gamma<Real>(a.at(0));
  if constexpr (std::is_same<Real, double>::value) {
    if (m == "normal") return g.normal(a.at(0), a.at(1));
    if (m == "exponential") return g.exponential(a.at(0));
    if (m == "gamma") return g.gamma(a.at(0), a.at(1));
    if (m == "uniform") return g.uniform(a.at(0), a.at(1));
  }
  throw std::runtime_error("unknown method " + m);
}

template <class Real>
std::vector<Real> sized_call(Gen& g, const std::string& m, const FArgs& a, std::size_t n) {
  if (m == "random") return g.random<Real>(n);
  if (m == "standard_normal") return g.standard_normal<Real>(n);
  if (m == "standard_exponential") {
    return a.inv ? g.standard_exponential<Real>(n, "inv") : g.standard_exponential<Real>(n);
  }
  if (m == "standard_gamma") return g.standard_gamma<Real>(a.at(0), n);
  if constexpr (std::is_same<Real, double>::value) {
    if (m == "normal") return g.normal(a.at(0), a.at(1), n);
    if (m == "exponential") return g.exponential(a.at(0), n);
    if (m == "gamma") return g.gamma(a.at(0), a.at(1), n);
    if (m == "uniform") return g.uniform(a.at(0), a.at(1), n);
  }
  throw std::runtime_error("unknown method " + m);
}

template <class Real>
void fill_call(Gen& g, const std::string& m, const FArgs& a, Real* out, std::size_t n) {
  if (m == "random") return g.random(out, n);
  if (m == "standard_normal") return g.standard_normal(out, n);
  if (m == "standard_exponential") {
    return a.inv ? g.standard_exponential(out, n, "inv") : g.standard_exponential(out, n);
  }
  if (m == "standard_gamma") return g.standard_gamma(a.at(0), out, n);
  if constexpr (std::is_same<Real, double>::value) {
    if (m == "normal") return g.normal(a.at(0), a.at(1), out, n);
    if (m == "exponential") return g.exponential(a.at(0), out, n);
    if (m == "gamma") return g.gamma(a.at(0), a.at(1), out, n);
    if (m == "uniform") return g.uniform(a.at(0), a.at(1), out, n);
  }
  throw std::runtime_error("unknown method " + m);
}

// A floating-point method record (ids f|...): sized call (+ fill form), scalar calls, the state
// probe after either, long sized runs read every k-th value or the values beyond a threshold.
template <class Real>
void run_float_record(const golden::Record& rec) {
  using F = golden::Form;
  const std::string& m = rec.method;
  const FArgs args = float_args(rec);
  const F& form = rec.form;
  const auto seed = rec.seed();
  auto g = rng(seed);
  check_or_error(rec, [&] {
    if (form.base == F::repeat) {
      std::vector<Real> v;
      for (std::size_t i = 0; i < form.count; ++i) v.push_back(scalar_call<Real>(g, m, args));
      if (form.probe == F::none) {
        golden::check(rec, v);
      } else {
        REQUIRE(form.probe == F::gen_state);
        golden::check(rec, state_probe(g));
      }
      return;
    }
    REQUIRE(rec.has_size);
    const std::size_t n = rec.count();
    const auto x = sized_call<Real>(g, m, args, n);
    if (form.probe == F::gen_state) {
      golden::check(rec, state_probe(g));
    } else if (form.base == F::call) {
      golden::check(rec, x);
      auto g2 = rng(seed);  // the fill form draws the same values
      std::vector<Real> buf(n);
      fill_call<Real>(g2, m, args, buf.data(), buf.size());
      golden::check(rec, buf);
    } else if (form.base == F::abs_above) {
      std::vector<Real> tail;
      for (Real v : x)
        if (std::abs(v) > form.threshold) tail.push_back(v);
      CHECK(tail.size() > 40);  // enough tail draws to exercise the tail branch
      golden::check(rec, tail);
    } else if (form.base == F::stride) {
      std::vector<Real> strided;
      for (std::size_t i = 0; i < x.size(); i += form.count) strided.push_back(x[i]);
      golden::check(rec, strided);
    } else {
      FAIL("unknown form in " << rec.id);
    }
  });
}

// ---- integers, dispatched by dtype name ----

// Calls f(bound) with the bound as std::int64_t (negative) or std::uint64_t; false if the value
// does not fit either (NumPy accepts any Python int; C++ bounds are built-in integers).
template <class F>
bool with_bound(const std::string& s, F&& f) {
  errno = 0;
  if (!s.empty() && s[0] == '-') {
    const long long v = std::strtoll(s.c_str(), nullptr, 10);
    if (errno == ERANGE) return false;
    f(static_cast<std::int64_t>(v));
  } else {
    const unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
    if (errno == ERANGE) return false;
    f(static_cast<std::uint64_t>(v));
  }
  return true;
}

// integers(low, high[, size][, endpoint=]) with a dtype (ids i|...): sized (+ the endpoint_t
// spelling and the fill form), scalar calls, an erroring scalar call, the state probe after a
// sized or scalar call, every k-th value of a long run.
bool endpoint_of(const golden::Record& rec) {
  const golden::Arg* e = rec.kwarg("endpoint");
  return e != nullptr && e->as_bool();
}

template <class T>
void run_int_record(const golden::Record& rec) {
  using F = golden::Form;
  const bool ep = endpoint_of(rec);
  const F& form = rec.form;
  const auto seed = rec.seed();
  bool representable = true;
  representable &= with_bound(rec.arg(0).text, [&](auto low) {
    representable &= with_bound(rec.arg(1).text, [&](auto high) {
      auto g = rng(seed);
      check_or_error(rec, [&] {
        if (form.base == F::repeat) {
          std::vector<T> v;
          for (std::size_t i = 0; i < form.count; ++i)
            v.push_back(g.integers<T>(low, high, nprandom::endpoint_t{ep}));
          if (form.probe == F::none) {
            golden::check(rec, v);
          } else {
            golden::check(rec, state_probe(g));
          }
        } else if (!rec.has_size) {  // one scalar call (the erroring ones)
          REQUIRE(form.base == F::call);
          (void)g.integers<T>(low, high, nprandom::endpoint_t{ep});
        } else if (form.probe == F::gen_state) {
          (void)g.integers<T>(low, high, rec.count(), ep);
          golden::check(rec, state_probe(g));
        } else if (form.base == F::call) {
          const std::size_t n = rec.count();
          golden::check(rec, g.integers<T>(low, high, n, ep));
          auto g3 = rng(seed);
          golden::check(rec, g3.integers<T>(low, high, n, nprandom::endpoint_t{ep}));
          if constexpr (!std::is_same<T, bool>::value) {
            auto g2 = rng(seed);
            std::vector<T> buf(n);
            g2.integers(low, high, buf.data(), buf.size(), ep);
            golden::check(rec, buf);
            auto g4 = rng(seed);
            g4.integers(low, high, buf.data(), buf.size(), nprandom::endpoint_t{ep});
            golden::check(rec, buf);
          }
        } else if (form.base == F::stride) {
          const auto x = g.integers<T>(low, high, rec.count(), ep);
          std::vector<T> strided;
          for (std::size_t i = 0; i < x.size(); i += form.count) strided.push_back(x[i]);
          golden::check(rec, strided);
        } else {
          FAIL("unknown form in " << rec.id);
        }
      });
    });
  });
  if (!representable) WARN("bounds not representable as C++ integers, skipped: " << rec.id);
}

void run_int_record_any(const golden::Record& rec) {
  REQUIRE(rec.method == "integers");
  const std::string& dt = rec.dtype;
  if (dt == "int64") return run_int_record<std::int64_t>(rec);
  if (dt == "int32") return run_int_record<std::int32_t>(rec);
  if (dt == "int16") return run_int_record<std::int16_t>(rec);
  if (dt == "int8") return run_int_record<std::int8_t>(rec);
  if (dt == "uint64") return run_int_record<std::uint64_t>(rec);
  if (dt == "uint32") return run_int_record<std::uint32_t>(rec);
  if (dt == "uint16") return run_int_record<std::uint16_t>(rec);
  if (dt == "uint8") return run_int_record<std::uint8_t>(rec);
  if (dt == "bool") return run_int_record<bool>(rec);
  FAIL("unknown dtype in " << rec.id);
}

// Array-bound records (ids ib|...): a bound is an int or ints argument, decimal values that may
// exceed INT64_MAX (then all are read as std::uint64_t).
struct Bound {
  bool is_array = false;
  bool is_unsigned = false;  // some value exceeds INT64_MAX
  std::vector<std::int64_t> s;
  std::vector<std::uint64_t> u;
};

Bound to_bound(const golden::Arg& arg) {
  Bound b;
  b.is_array = arg.type == "ints";
  for (const std::string& t : arg.int_texts()) {
    const bool neg = t[0] == '-';
    const std::uint64_t v = std::strtoull(neg ? t.c_str() + 1 : t.c_str(), nullptr, 10);
    if (!neg && v > static_cast<std::uint64_t>(INT64_MAX)) b.is_unsigned = true;
    b.s.push_back(neg ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v));
    b.u.push_back(v);
  }
  return b;
}

// Calls f(x) with the bound as a scalar or std::vector of std::int64_t / std::uint64_t.
template <class F>
void with_array_bound(const Bound& b, F&& f) {
  if (b.is_unsigned) {
    if (b.is_array) {
      f(b.u);
    } else {
      f(b.u.at(0));
    }
  } else if (b.is_array) {
    f(b.s);
  } else {
    f(b.s.at(0));
  }
}

template <class T>
void run_int_broadcast_record(const golden::Record& rec) {
  using F = golden::Form;
  const bool ep = endpoint_of(rec);
  REQUIRE(!rec.has_size);  // the shape is the bounds' broadcast shape
  REQUIRE(rec.form.base == F::call);
  const bool probe = rec.form.probe == F::gen_state;
  const auto seed = rec.seed();
  with_array_bound(to_bound(rec.arg(0)), [&](const auto& low) {
    with_array_bound(to_bound(rec.arg(1)), [&](const auto& high) {
      using L = std::decay_t<decltype(low)>;
      using H = std::decay_t<decltype(high)>;
      if constexpr (std::is_integral<L>::value && std::is_integral<H>::value) {
        FAIL("an array-bounds record needs at least one array bound: " << rec.id);
      } else {
        auto g = rng(seed);
        check_or_error(rec, [&] {
          auto v = g.template integers<T>(low, high, ep);
          if (probe) {
            golden::check(rec, state_probe(g));
          } else {
            golden::check(rec, v);
          }
        });
      }
    });
  });
}

void run_int_broadcast_record_any(const golden::Record& rec) {
  REQUIRE(rec.method == "integers");
  const std::string& dt = rec.dtype;
  if (dt == "int64") return run_int_broadcast_record<std::int64_t>(rec);
  if (dt == "int32") return run_int_broadcast_record<std::int32_t>(rec);
  if (dt == "int16") return run_int_broadcast_record<std::int16_t>(rec);
  if (dt == "int8") return run_int_broadcast_record<std::int8_t>(rec);
  if (dt == "uint64") return run_int_broadcast_record<std::uint64_t>(rec);
  if (dt == "uint32") return run_int_broadcast_record<std::uint32_t>(rec);
  if (dt == "uint16") return run_int_broadcast_record<std::uint16_t>(rec);
  if (dt == "uint8") return run_int_broadcast_record<std::uint8_t>(rec);
  if (dt == "bool") return run_int_broadcast_record<bool>(rec);
  FAIL("unknown dtype in " << rec.id);
}

const golden::Record& core_rec(const std::string& id) { return golden::get(kFamily, id); }
const golden::Record& ref_rec(const std::string& id) { return golden::get("reference", id); }

std::vector<std::int64_t> iota64(std::size_t n) {
  std::vector<std::int64_t> v(n);
  std::iota(v.begin(), v.end(), 0);
  return v;
}

}  // namespace

TEST_CASE("core: floating-point methods match NumPy (sized, fill, scalar, state, long runs)",
          "[generator][core]") {
  const auto recs = golden::with_prefix(kFamily, "f|");
  REQUIRE(recs.size() > 250);
  for (const auto* r : recs) {
    if (r->dtype == "float32") {
      run_float_record<float>(*r);
    } else {
      run_float_record<double>(*r);
    }
  }
}

TEST_CASE("core: integers match NumPy for every dtype, endpoint, range and form",
          "[generator][core][integers]") {
  const auto recs = golden::with_prefix(kFamily, "i|");
  REQUIRE(recs.size() > 500);
  for (const auto* r : recs) run_int_record_any(*r);
}

TEST_CASE("core: integers with array bounds (NumPy's broadcast path)",
          "[generator][core][integers]") {
  const auto recs = golden::with_prefix(kFamily, "ib|");
  REQUIRE(recs.size() > 40);
  for (const auto* r : recs) run_int_broadcast_record_any(*r);
}

TEST_CASE("core: integers(high) single-argument form and size 0", "[generator][core][integers]") {
  {
    auto g = rng(1);
    // NumPy integers(10, size=20); C++ spells the sized form with both bounds.
    golden::check(core_rec("integers-high-only|1"), g.integers(0, 10, 20));
  }
  {
    auto g = rng(1);
    std::vector<std::int64_t> v;
    for (int i = 0; i < 5; ++i) v.push_back(g.integers(10));
    golden::check(core_rec("integers-high-only-scalar|1"), v);
  }
  {
    // NumPy returns an empty array before checking the bounds when size == 0.
    auto g = rng(1);
    CHECK(g.integers(5, 5, 0).empty());
    CHECK(g.integers<std::uint8_t>(0, 300, 0).empty());
    golden::check(core_rec("integers-size0-bad-bounds|1"), state_probe(g));
  }
}

TEST_CASE("core: float and choice errors", "[generator][core][errors]") {
  auto g = rng(1);
  using IA = std::invalid_argument;
  using OE = std::overflow_error;
  golden::check_error<IA>(core_rec("err|normal|0.0,-1.0"), [&] { g.normal(0.0, -1.0); });
  golden::check_error<IA>(core_rec("err|normal|0.0,-0.0"), [&] { g.normal(0.0, -0.0); });
  golden::check_error<IA>(core_rec("err|normal-size0|0.0,-1.0"), [&] { g.normal(0.0, -1.0, 0); });
  golden::check_error<IA>(core_rec("err|normal-size0|0.0,-1.0"),
                          [&] { g.normal(0.0, -1.0, nullptr, 0); });
  golden::check_error<IA>(core_rec("err|exponential|-1.0"), [&] { g.exponential(-1.0); });
  golden::check_error<IA>(core_rec("err|exponential|-0.0"), [&] { g.exponential(-0.0, 3); });
  golden::check_error<IA>(core_rec("err|standard_gamma|-1.0"), [&] { g.standard_gamma(-1.0); });
  golden::check_error<IA>(core_rec("err|standard_gamma|-0.0"), [&] { g.standard_gamma(-0.0, 4); });
  golden::check_error<IA>(core_rec("err|standard_gamma_f4|-1.0"),
                          [&] { g.standard_gamma<float>(-1.0); });
  golden::check_error<IA>(core_rec("err|gamma|-1.0,1.0"), [&] { g.gamma(-1.0, 1.0); });
  golden::check_error<IA>(core_rec("err|gamma|1.0,-1.0"), [&] { g.gamma(1.0, -1.0, 2); });
  golden::check_error<IA>(core_rec("err|gamma|-1.0,-1.0"), [&] { g.gamma(-1.0, -1.0); });
  golden::check_error<IA>(core_rec("err|uniform|2.0,1.0"), [&] { g.uniform(2.0, 1.0); });
  golden::check_error<OE>(core_rec("err|uniform|0.0,inf"), [&] { g.uniform(0.0, HUGE_VAL); });
  golden::check_error<OE>(core_rec("err|uniform|nan,1.0"),
                          [&] { g.uniform(std::nan(""), 1.0, 5); });
  golden::check_error<OE>(core_rec("err|uniform|-1e308,1e308"), [&] { g.uniform(-1e308, 1e308); });
  golden::check_error<IA>(core_rec("err|uniform|1e300,-1e300"), [&] { g.uniform(1e300, -1e300); });
  // NumPy 2.5.2 reference records
  golden::check_error<IA>(ref_rec("bad/0"), [&] { g.normal(0.0, -1.0); });
  golden::check_error<OE>(ref_rec("bad/19"), [&] { g.uniform(0.0, HUGE_VAL); });
  golden::check_error<IA>(ref_rec("bad/21"), [&] { g.standard_gamma(-1.0); });
  golden::check_error<IA>(ref_rec("bad/1"), [&] { g.integers(5, 5); });
  golden::check_error<IA>(ref_rec("bad/2"), [&] { g.integers<std::uint8_t>(0, 300); });
  golden::check_error<IA>(ref_rec("bad/7"), [&] { g.choice(5, 6, false); });
  golden::check_error<IA>(ref_rec("bad/8"), [&] { g.choice(3, {0.5, 0.6, 0.1}); });
  golden::check_error<IA>(ref_rec("bad/9"), [&] { g.choice(0); });
  {
    // bad/20: normal(nan, 1.0) does not raise; it returns NaN.
    auto g0 = rng(0);
    golden::check(ref_rec("bad/20"), std::vector<double>{g0.normal(std::nan(""), 1.0)});
  }
}

TEST_CASE("core: bytes", "[generator][core]") {
  for (std::size_t n : {0, 1, 3, 4, 5, 11, 16, 37}) {
    auto g = rng(1);
    const std::string b = g.bytes(n);
    std::vector<std::uint8_t> v(b.begin(), b.end());
    golden::check(core_rec("bytes|" + std::to_string(n) + "|1"), v);
    golden::check(core_rec("bytes|" + std::to_string(n) + "|R|1"), state_probe(g));
  }
  auto g = rng(42);
  const std::string b = g.bytes(11);
  golden::check(ref_rec("Generator/42/bytes"), std::vector<std::uint8_t>(b.begin(), b.end()));
}

namespace {

using ChoiceFn = std::function<std::vector<std::int64_t>(Gen&)>;
const std::vector<double> kP5{0.5, 0.2, 0.1, 0.1, 0.1};
const std::vector<double> kP6Z{0.0, 0.3, 0.0, 0.4, 0.3, 0.0};
const std::vector<std::int64_t> kArr{10, 20, 30, 40};

const std::map<std::string, ChoiceFn>& choice_calls() {
  static const std::map<std::string, ChoiceFn> m = {
      {"int-10-6", [](Gen& g) { return g.choice(10, 6); }},
      {"int-10-6-norepl", [](Gen& g) { return g.choice(10, 6, false); }},
      {"int-10-10-norepl", [](Gen& g) { return g.choice(10, 10, false); }},
      {"int-10-0-norepl", [](Gen& g) { return g.choice(10, std::size_t{0}, false); }},
      {"int-10-6-norepl-noshuffle", [](Gen& g) { return g.choice(10, 6, false, {}, false); }},
      {"int-1-5", [](Gen& g) { return g.choice(1, 5); }},
      {"int-1-1-norepl", [](Gen& g) { return g.choice(1, 1, false); }},
      {"int-100000-6-norepl", [](Gen& g) { return g.choice(100000, 6, false); }},
      {"int-100000-2001-norepl", [](Gen& g) { return g.choice(100000, 2001, false); }},
      {"int-100000-2000-norepl", [](Gen& g) { return g.choice(100000, 2000, false); }},
      {"int-100000-5001-norepl-noshuffle",
       [](Gen& g) { return g.choice(100000, 5001, false, {}, false); }},
      {"int-100000-5000-norepl-noshuffle",
       [](Gen& g) { return g.choice(100000, 5000, false, {}, false); }},
      {"int-10001-10001-norepl", [](Gen& g) { return g.choice(10001, 10001, false); }},
      {"int-10000-10000-norepl", [](Gen& g) { return g.choice(10000, 10000, false); }},
      {"int-5000000000-4", [](Gen& g) { return g.choice(5000000000LL, 4); }},
      {"int-5000000000-4-norepl", [](Gen& g) { return g.choice(5000000000LL, 4, false); }},
      {"int-p5-8", [](Gen& g) { return g.choice(5, 8, true, kP5); }},
      {"int-p5-3-norepl", [](Gen& g) { return g.choice(5, 3, false, kP5); }},
      {"int-p5-5-norepl", [](Gen& g) { return g.choice(5, 5, false, kP5); }},
      {"int-p6z-3-norepl", [](Gen& g) { return g.choice(6, 3, false, kP6Z); }},
      {"int-p6z-20", [](Gen& g) { return g.choice(6, 20, true, kP6Z); }},
      {"arr-4-6", [](Gen& g) { return g.choice(kArr, 6); }},
      {"arr-4-3-norepl", [](Gen& g) { return g.choice(kArr, 3, false); }},
      {"arr-4-7-p",
       [](Gen& g) {
         return g.choice(kArr, 7, true, {0.1, 0.2, 0.3, 0.4});
       }},
  };
  return m;
}

}  // namespace

TEST_CASE("core: choice matches NumPy (Floyd, tail shuffle, p, containers, scalar)",
          "[generator][core][choice]") {
  for (const auto& kv : choice_calls()) {
    for (std::uint64_t seed : {1, 12345}) {
      auto g = rng(seed);
      golden::check(core_rec("choice|" + kv.first + "|" + std::to_string(seed)), kv.second(g));
    }
    auto g = rng(1);
    (void)kv.second(g);
    golden::check(core_rec("choice|" + kv.first + "|R|1"), state_probe(g));
  }
  {
    // fill form
    auto g = rng(1);
    std::vector<std::int64_t> buf(6);
    g.choice(10, buf.data(), buf.size(), false);
    golden::check(core_rec("choice|int-10-6-norepl|1"), buf);
  }
  const std::map<std::string, std::function<std::int64_t(Gen&)>> scalars = {
      {"int-10", [](Gen& g) { return g.choice(10); }},
      {"int-10-norepl", [](Gen& g) { return g.choice(10, std::vector<double>{}, false); }},
      {"int-p5", [](Gen& g) { return g.choice(5, kP5); }},
      {"int-p5-norepl", [](Gen& g) { return g.choice(5, kP5, false); }},
      {"arr-4", [](Gen& g) { return g.choice(kArr); }},
  };
  for (const auto& kv : scalars) {
    auto g = rng(1);
    std::vector<std::int64_t> v;
    for (int i = 0; i < 5; ++i) v.push_back(kv.second(g));
    golden::check(core_rec("choice-scalar|" + kv.first + "|1"), v);
    golden::check(core_rec("choice-scalar|" + kv.first + "|R|1"), state_probe(g));
  }
  {
    auto g = rng(1);
    CHECK(g.choice(0, std::size_t{0}).empty());  // no samples: no error
    golden::check(core_rec("choice|int-0-size0|R|1"), state_probe(g));
  }
  {
    const auto a = iota64(12);
    auto g = rng(1);
    golden::check(core_rec("choice|2d-4x3-5|1"), g.choice(a.data(), 4, 3, 5));
    auto g2 = rng(1);
    golden::check(core_rec("choice|2d-4x3-3-norepl|1"), g2.choice(a.data(), 4, 3, 3, false));
    auto g3 = rng(1);
    golden::check(core_rec("choice|2d-4x3-6-p|1"),
                  g3.choice(a.data(), 4, 3, 6, true, {0.1, 0.2, 0.3, 0.4}));
    golden::check_error<std::invalid_argument>(core_rec("choice-err|2d-empty-2|1"), [&] {
      g3.choice(static_cast<const double*>(nullptr), 0, 3, 2);
    });
  }
  // errors
  using IA = std::invalid_argument;
  auto g = rng(1);
  golden::check_error<IA>(core_rec("choice-err|int-5-6-norepl|1"), [&] { g.choice(5, 6, false); });
  golden::check_error<IA>(core_rec("choice-err|int-0|1"), [&] { g.choice(0); });
  golden::check_error<IA>(core_rec("choice-err|int-neg3|1"), [&] { g.choice(-3); });
  golden::check_error<IA>(core_rec("choice-err|int-0-size2|1"), [&] { g.choice(0, 2); });
  golden::check_error<IA>(core_rec("choice-err|arr-empty-2|1"),
                          [&] { g.choice(std::vector<std::int64_t>{}, 2); });
  golden::check_error<IA>(core_rec("choice-err|p-size|1"), [&] {
    g.choice(3, 2, true, {0.5, 0.5});
  });
  golden::check_error<IA>(core_rec("choice-err|p-fewer-nonzero|1"), [&] {
    g.choice(3, 3, false, {0.5, 0.5, 0.0});
  });
  // NumPy 2.x capitalised these two messages (1.24.2: "probabilities ..."; see
  // _generator.pyx at 2.5.2 and numpy-random-notes section 4.4).
  auto capitalised = [](std::string s) {
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
  };
  try {
    g.choice(3, 2, true, {0.5, std::nan(""), 0.5});
    FAIL("no exception");
  } catch (const IA& e) {
    CHECK(std::string(e.what()) == capitalised("probabilities contain NaN"));
  }
  try {
    g.choice(3, 2, true, {0.5, -0.1, 0.6});
    FAIL("no exception");
  } catch (const IA& e) {
    CHECK(std::string(e.what()) == capitalised("probabilities are not non-negative"));
  }
}

TEST_CASE("core: shuffle, permutation, permuted match NumPy", "[generator][core][shuffle]") {
  for (std::size_t n : {0, 1, 2, 15, 1000}) {
    for (std::uint64_t seed : {1, 12345}) {
      auto g = rng(seed);
      auto v = iota64(n);
      g.shuffle(v);
      golden::check(core_rec("shuffle|" + std::to_string(n) + "|" + std::to_string(seed)), v);
    }
    {
      auto g = rng(1);
      auto v = iota64(n);
      g.shuffle(v.begin(), v.end());  // iterator-pair form
      golden::check(core_rec("shuffle|" + std::to_string(n) + "|R|1"), state_probe(g));
    }
    auto g = rng(1);
    golden::check(core_rec("permutation|" + std::to_string(n) + "|1"),
                  g.permutation(static_cast<std::int64_t>(n)));
  }
  for (auto rc :
       std::vector<std::pair<std::size_t, std::size_t>>{{4, 3}, {7, 2}, {1, 5}, {30, 4}}) {
    const std::size_t rows = rc.first, cols = rc.second;
    const std::string key = std::to_string(rows) + "|" + std::to_string(cols);
    const auto base = iota64(rows * cols);
    {
      auto g = rng(1);
      auto v = base;
      g.shuffle(v.data(), rows, cols);
      golden::check(core_rec("shuffle2d|" + key + "|1"), v);
    }
    {
      auto g = rng(1);
      golden::check(core_rec("permutation2d|" + key + "|1"),
                    g.permutation(base.data(), rows, cols));
    }
    for (int axis : {0, 1, -1, -2}) {
      auto g = rng(1);
      golden::check(core_rec("permuted2d|" + key + "|" + std::to_string(axis) + "|1"),
                    g.permuted(base.data(), rows, cols, axis));
    }
    auto g = rng(1);
    golden::check(core_rec("permuted2d|" + key + "|none|1"), g.permuted(base));
  }
  for (auto rc :
       std::vector<std::pair<std::size_t, std::size_t>>{{4, 3}, {7, 2}, {1, 5}, {30, 4}}) {
    const std::size_t rows = rc.first, cols = rc.second;
    const auto base = iota64(rows * cols);
    for (int axis : {1, -1, -2}) {
      const std::string key =
          std::to_string(rows) + "|" + std::to_string(cols) + "|" + std::to_string(axis) + "|1";
      auto g = rng(1);
      auto v = base;
      g.shuffle(v.data(), rows, cols, axis);
      golden::check(core_rec("shuffle2d-axis|" + key), v);
      auto g2 = rng(1);
      golden::check(core_rec("permutation2d-axis|" + key),
                    g2.permutation(base.data(), rows, cols, axis));
    }
  }
  for (auto t : std::vector<std::array<int, 3>>{{4, 0, 0}, {0, 3, 1}, {5, 0, 0}, {0, 4, 0}}) {
    const auto rows = static_cast<std::size_t>(t[0]), cols = static_cast<std::size_t>(t[1]);
    const std::string key =
        std::to_string(t[0]) + "|" + std::to_string(t[1]) + "|" + std::to_string(t[2]) + "|R|1";
    std::vector<double> empty;
    auto g = rng(1);
    g.shuffle(empty.data(), rows, cols, t[2]);
    golden::check(core_rec("shuffle2d-empty|" + key), state_probe(g));
    auto g2 = rng(1);
    CHECK(g2.permutation(empty.data(), rows, cols, t[2]).empty());
    golden::check(core_rec("permutation2d-empty|" + key), state_probe(g2));
  }
  {
    auto g = rng(1);
    double a[6] = {0, 1, 2, 3, 4, 5};
    golden::check_error<std::invalid_argument>(core_rec("shuffle2d-err|axis2"),
                                               [&] { g.shuffle(a, 2, 3, 2); });
  }
  {
    auto g = rng(1);
    golden::check(core_rec("permutation-arr|1"),
                  g.permutation(std::vector<double>{3.5, -1.0, 2.25, 8.0, 0.5}));
    auto g2 = rng(1);
    golden::check(core_rec("permuted-1d|1"), g2.permuted(iota64(20)));
    const auto base = iota64(6);
    golden::check_error<std::invalid_argument>(core_rec("permuted-err|axis2"),
                                               [&] { g.permuted(base.data(), 2, 3, 2); });
    golden::check_error<std::invalid_argument>(core_rec("permuted-err|axis-3"),
                                               [&] { g.permuted(base.data(), 2, 3, -3); });
  }
  {
    // std::array / C array / other element types shuffle like an index array
    auto g = rng(1);
    double a[15];
    for (int i = 0; i < 15; ++i) a[i] = i;
    g.shuffle(a);
    auto g2 = rng(1);
    auto idx = iota64(15);
    g2.shuffle(idx);
    for (int i = 0; i < 15; ++i)
      CHECK(a[i] == static_cast<double>(idx[static_cast<std::size_t>(i)]));
  }
}

TEST_CASE("core: default_rng seeding and spawn", "[generator][core][seeding]") {
  golden::check(core_rec("seed|0"), nprandom::default_rng(0).random(4));
  golden::check(core_rec("seed|2^32+5"),
                nprandom::default_rng(std::uint64_t{4294967301u}).random(4));
  golden::check(core_rec("seed|2^64-1"), nprandom::default_rng(~std::uint64_t{0}).random(4));
  golden::check(core_rec("seed|list123"), nprandom::default_rng({1, 2, 3}).random(4));
  golden::check(core_rec("seed|list123"),
                nprandom::default_rng(std::vector<int>{1, 2, 3}).random(4));
  golden::check(core_rec("seed|2^100"),
                nprandom::default_rng(std::vector<std::uint32_t>{0, 0, 0, 16}).random(4));
  golden::check(core_rec("seed|list0-0-0-16"), nprandom::default_rng({0, 0, 0, 16}).random(4));
  golden::check(core_rec("seed|ss99"), nprandom::default_rng(nprandom::SeedSequence(99)).random(4));
  golden::check(core_rec("seed|ss99"), nprandom::default_rng(nprandom::PCG64(99)).random(4));
  golden::check(
      core_rec("seed|ss99-key3"),
      nprandom::default_rng(nprandom::SeedSequence(99, std::vector<std::uint64_t>{3})).random(4));
  {
    auto g = nprandom::default_rng(42);
    auto kids = g.spawn(2);
    REQUIRE(kids.size() == 2);
    std::vector<double> v;
    for (auto& k : kids)
      for (double x : k.random(3)) v.push_back(x);
    golden::check(core_rec("spawn|42|2"), v);
    auto g2 = nprandom::default_rng(42);
    (void)g2.spawn(1);
    auto second = g2.spawn(1);  // spawning twice continues the child counter
    golden::check(core_rec("spawn|42|nested"), second[0].spawn(3)[2].random(3));
    CHECK_THROWS_AS(g.spawn(-1), std::invalid_argument);
    try {
      g.spawn(-1);
    } catch (const std::invalid_argument& e) {
      CHECK(std::string(e.what()) == "n_children must be non-negative");
    }
  }
  // Unseeded generators differ from each other (OS entropy).
  CHECK(nprandom::default_rng().bit_generator().random_raw() !=
        nprandom::default_rng().bit_generator().random_raw());
  CHECK_THROWS_AS(nprandom::default_rng(-1), std::invalid_argument);
}

TEST_CASE("core: NumPy 2.5.2 reference records", "[generator][core][reference]") {
  auto g42 = [] { return rng(42); };
  // floating methods: Generator/<seed>/<method>(<args>) [ /scalar ]
  struct FloatRef {
    std::string name;
    std::function<std::vector<double>(Gen&, std::size_t)> sized;
    std::function<double(Gen&)> scalar;
  };
  const std::vector<FloatRef> refs = {
      {"random()", [](Gen& g, std::size_t n) { return g.random(n); },
       [](Gen& g) { return g.random(); }},
      {"standard_normal()", [](Gen& g, std::size_t n) { return g.standard_normal(n); },
       [](Gen& g) { return g.standard_normal(); }},
      {"standard_exponential()", [](Gen& g, std::size_t n) { return g.standard_exponential(n); },
       [](Gen& g) { return g.standard_exponential(); }},
      {"standard_exponential(method='inv')",
       [](Gen& g, std::size_t n) { return g.standard_exponential(n, "inv"); },
       [](Gen& g) { return g.standard_exponential("inv"); }},
      {"standard_gamma(0.5)", [](Gen& g, std::size_t n) { return g.standard_gamma(0.5, n); },
       [](Gen& g) { return g.standard_gamma(0.5); }},
      {"standard_gamma(1.0)", [](Gen& g, std::size_t n) { return g.standard_gamma(1.0, n); },
       [](Gen& g) { return g.standard_gamma(1.0); }},
      {"standard_gamma(3.0)", [](Gen& g, std::size_t n) { return g.standard_gamma(3.0, n); },
       [](Gen& g) { return g.standard_gamma(3.0); }},
      {"standard_gamma(0.01)", [](Gen& g, std::size_t n) { return g.standard_gamma(0.01, n); },
       [](Gen& g) { return g.standard_gamma(0.01); }},
      {"normal(1.5, 0.25)", [](Gen& g, std::size_t n) { return g.normal(1.5, 0.25, n); },
       [](Gen& g) { return g.normal(1.5, 0.25); }},
      {"exponential(3.0)", [](Gen& g, std::size_t n) { return g.exponential(3.0, n); },
       [](Gen& g) { return g.exponential(3.0); }},
      {"gamma(0.7, 2.0)", [](Gen& g, std::size_t n) { return g.gamma(0.7, 2.0, n); },
       [](Gen& g) { return g.gamma(0.7, 2.0); }},
      {"gamma(9.0, 0.5)", [](Gen& g, std::size_t n) { return g.gamma(9.0, 0.5, n); },
       [](Gen& g) { return g.gamma(9.0, 0.5); }},
      {"uniform(0.0, 1.0)", [](Gen& g, std::size_t n) { return g.uniform(0.0, 1.0, n); },
       [](Gen& g) { return g.uniform(0.0, 1.0); }},
      {"uniform(-3.0, 3.0)", [](Gen& g, std::size_t n) { return g.uniform(-3.0, 3.0, n); },
       [](Gen& g) { return g.uniform(-3.0, 3.0); }},
      {"uniform(5.0, 5.0)", [](Gen& g, std::size_t n) { return g.uniform(5.0, 5.0, n); },
       [](Gen& g) { return g.uniform(5.0, 5.0); }},
  };
  for (const auto& fr : refs) {
    for (std::uint64_t seed : {0, 42}) {
      auto g = rng(seed);
      golden::check(ref_rec("Generator/" + std::to_string(seed) + "/" + fr.name), fr.sized(g, 10));
    }
    auto g = g42();
    std::vector<double> v;
    for (int i = 0; i < 3; ++i) v.push_back(fr.scalar(g));
    golden::check(ref_rec("Generator/42/" + fr.name + "/scalar"), v);
  }
  // float32 variants
  struct FloatRefF {
    std::string name;
    std::function<std::vector<float>(Gen&, std::size_t)> sized;
    std::function<float(Gen&)> scalar;
  };
  const std::vector<FloatRefF> refs_f = {
      {"random(dtype=np.float32)", [](Gen& g, std::size_t n) { return g.random<float>(n); },
       [](Gen& g) { return g.random<float>(); }},
      {"standard_normal(dtype=np.float32)",
       [](Gen& g, std::size_t n) { return g.standard_normal<float>(n); },
       [](Gen& g) { return g.standard_normal<float>(); }},
      {"standard_exponential(dtype=np.float32)",
       [](Gen& g, std::size_t n) { return g.standard_exponential<float>(n); },
       [](Gen& g) { return g.standard_exponential<float>(); }},
      {"standard_exponential(dtype=np.float32, method='inv')",
       [](Gen& g, std::size_t n) { return g.standard_exponential<float>(n, "inv"); },
       [](Gen& g) { return g.standard_exponential<float>("inv"); }},
      {"standard_gamma(0.5, dtype=np.float32)",
       [](Gen& g, std::size_t n) { return g.standard_gamma<float>(0.5, n); },
       [](Gen& g) { return g.standard_gamma<float>(0.5); }},
      {"standard_gamma(3.0, dtype=np.float32)",
       [](Gen& g, std::size_t n) { return g.standard_gamma<float>(3.0, n); },
       [](Gen& g) { return g.standard_gamma<float>(3.0); }},
  };
  for (const auto& fr : refs_f) {
    for (std::uint64_t seed : {0, 42}) {
      auto g = rng(seed);
      golden::check(ref_rec("Generator/" + std::to_string(seed) + "/" + fr.name), fr.sized(g, 10));
    }
    auto g = g42();
    std::vector<float> v;
    for (int i = 0; i < 3; ++i) v.push_back(fr.scalar(g));
    golden::check(ref_rec("Generator/42/" + fr.name + "/scalar"), v);
  }
  // integers, every dtype
  auto int_refs = [&](auto tag, const std::string& dt, int hi_open, int hi_closed) {
    using T = decltype(tag);
    {
      auto g = g42();
      golden::check(ref_rec("Generator/42/integers/" + dt + "/False"),
                    g.template integers<T>(0, hi_open, 20, false));
    }
    {
      auto g = g42();
      golden::check(ref_rec("Generator/42/integers/" + dt + "/True"),
                    g.template integers<T>(0, hi_closed, 20, true));
    }
    auto g = g42();
    std::vector<T> v;
    for (int i = 0; i < 5; ++i) v.push_back(g.template integers<T>(0, hi_open));
    golden::check(ref_rec("Generator/42/integers/" + dt + "/scalar"), v);
  };
  int_refs(std::int64_t{}, "np.int64", 100, 100);
  int_refs(std::int32_t{}, "np.int32", 100, 100);
  int_refs(std::int16_t{}, "np.int16", 100, 100);
  int_refs(std::int8_t{}, "np.int8", 100, 100);
  int_refs(std::uint64_t{}, "np.uint64", 100, 100);
  int_refs(std::uint32_t{}, "np.uint32", 100, 100);
  int_refs(std::uint16_t{}, "np.uint16", 100, 100);
  int_refs(std::uint8_t{}, "np.uint8", 100, 100);
  int_refs(bool{}, "bool", 2, 1);
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/integers/wide"),
                  g.integers(-(std::int64_t{1} << 62), std::int64_t{1} << 62, 10));
    auto g2 = g42();
    golden::check(ref_rec("Generator/42/integers/pow2"), g2.integers(0, 1 << 20, 10));
    auto g3 = g42();
    golden::check(ref_rec("Generator/42/integers/full-u64"),
                  g3.integers<std::uint64_t>(0, ~std::uint64_t{0}, 5, true));
    auto g4 = g42();
    golden::check(ref_rec("Generator/42/integers/one-value"), g4.integers(7, 7, 5, true));
  }
  // choice / permutations
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/choice/int"), g.choice(10, 6));
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/choice/norepl"), g.choice(10, 6, false));
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/choice/norepl-noshuffle"),
                  g.choice(10, 6, false, {}, false));
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/choice/norepl-large"), g.choice(100000, 6, false));
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/choice/p"), g.choice(5, 8, true, kP5));
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/choice/p-norepl"), g.choice(5, 3, false, kP5));
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/choice/array"), g.choice(kArr, 6));
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/permutation"), g.permutation(15));
  }
  {
    auto g = g42();
    auto v = iota64(15);
    g.shuffle(v);
    golden::check(ref_rec("Generator/42/shuffle"), v);
  }
  {
    auto g = g42();
    auto v = iota64(12);
    g.shuffle(v.data(), 4, 3);
    golden::check(ref_rec("Generator/42/shuffle-2d-rows"), v);
  }
  {
    auto g = g42();
    golden::check(ref_rec("Generator/42/permuted"), g.permuted(iota64(15)));
  }
  {
    const auto base = iota64(12);
    auto g = g42();
    golden::check(ref_rec("Generator/42/permuted-axis1"), g.permuted(base.data(), 3, 4, 1));
    auto g2 = g42();
    golden::check(ref_rec("Generator/42/permuted-axis0"), g2.permuted(base.data(), 3, 4, 0));
  }
  {
    // Generator/42/state-after: the PCG64 state (128-bit words in decimal) after normals and a
    // uint32 draw that leaves a buffered half.
    auto g = g42();
    (void)g.standard_normal(5);
    (void)g.integers<std::uint32_t>(0, 10);
    const auto st = g.bit_generator().state();
    auto dec = [](nprandom::detail::uint128 v) {
      // long division by 10 on 32-bit limbs
      std::uint32_t limb[4] = {
          static_cast<std::uint32_t>(v.hi() >> 32), static_cast<std::uint32_t>(v.hi()),
          static_cast<std::uint32_t>(v.lo() >> 32), static_cast<std::uint32_t>(v.lo())};
      std::string out;
      for (;;) {
        bool zero = true;
        std::uint64_t rem = 0;
        for (auto& l : limb) {
          const std::uint64_t cur = (rem << 32) | l;
          l = static_cast<std::uint32_t>(cur / 10);
          rem = cur % 10;
          zero = zero && l == 0;
        }
        out.insert(out.begin(), static_cast<char>('0' + rem));
        if (zero) return out;
      }
    };
    const auto& r = ref_rec("Generator/42/state-after");
    REQUIRE(r.tokens.size() == 4);
    CHECK(dec(st.state) == r.tokens[0]);
    CHECK(dec(st.inc) == r.tokens[1]);
    CHECK(std::to_string(st.has_uint32) == r.tokens[2]);
    CHECK(std::to_string(st.uinteger) == r.tokens[3]);
  }
  // Generator over every bit generator: random, standard_normal, and uint32-mix
  // (integers(0, 2**32, dtype=uint32) reads the buffered 32-bit halves).
  auto over = [&](auto make, const std::string& name) {
    auto g = make();
    golden::check(ref_rec(name + "/42/random"), g.random(6));
    auto g2 = make();
    golden::check(ref_rec(name + "/42/standard_normal"), g2.standard_normal(6));
    auto g3 = make();
    std::vector<std::uint64_t> v;
    for (int i = 0; i < 3; ++i)
      v.push_back(g3.template integers<std::uint32_t>(0, 0xFFFFFFFFu, nprandom::endpoint));
    v.push_back(g3.bit_generator().random_raw());
    v.push_back(g3.template integers<std::uint32_t>(0, 0xFFFFFFFFu, nprandom::endpoint));
    const auto& r = ref_rec(name + "/42/uint32-mix");
    if (r.kind == "float") {
      // NumPy turned the mixed 32/64-bit list into float64 when writing the reference.
      golden::check(r, std::vector<double>(v.begin(), v.end()));
    } else {
      golden::check(r, v);
    }
  };
  over([] { return rng(42); }, "PCG64");
  over([] { return nprandom::Generator<nprandom::PCG64DXSM>(nprandom::PCG64DXSM(42)); },
       "PCG64DXSM");
  over([] { return nprandom::Generator<nprandom::MT19937>(nprandom::MT19937(42)); }, "MT19937");
  over([] { return nprandom::Generator<nprandom::Philox>(nprandom::Philox(42)); }, "Philox");
  over([] { return nprandom::Generator<nprandom::SFC64>(nprandom::SFC64(42)); }, "SFC64");
}

// ---- statistical second net ----

namespace {

template <class V>
std::pair<double, double> mean_var(const V& x) {
  double m = 0, s = 0;
  for (auto v : x) m += static_cast<double>(v);
  m /= static_cast<double>(x.size());
  for (auto v : x) s += (static_cast<double>(v) - m) * (static_cast<double>(v) - m);
  return {m, s / static_cast<double>(x.size() - 1)};
}

// Pearson chi-square statistic of observed counts against equal expected counts.
double chi2_uniform(const std::vector<std::size_t>& counts, std::size_t n) {
  const double e = static_cast<double>(n) / static_cast<double>(counts.size());
  double c = 0;
  for (auto k : counts) c += (static_cast<double>(k) - e) * (static_cast<double>(k) - e) / e;
  return c;
}

}  // namespace

TEST_CASE("core: moments of normal, exponential, gamma, uniform (double and float)",
          "[generator][core][stats]") {
  const std::size_t n = 400000;
  auto g = rng(2024);
  // Tolerances: ~6 standard errors of the sample mean / variance.
  {
    auto x = g.standard_normal(n);
    auto mv = mean_var(x);
    CHECK(std::abs(mv.first) < 6 * std::sqrt(1.0 / n));
    CHECK(std::abs(mv.second - 1) < 6 * std::sqrt(2.0 / n));
    std::size_t tail = 0;
    for (double v : x) tail += std::abs(v) > 3.6541528853610088;
    // P(|Z| > r) = 2.58e-4 -> ~103 expected
    CHECK(tail > 50);
    CHECK(tail < 170);
  }
  {
    auto x = g.standard_normal<float>(n);
    auto mv = mean_var(x);
    CHECK(std::abs(mv.first) < 6 * std::sqrt(1.0 / n));
    CHECK(std::abs(mv.second - 1) < 6 * std::sqrt(2.0 / n));
  }
  for (const char* method : {"zig", "inv"}) {
    auto x = g.standard_exponential(n, method);
    auto mv = mean_var(x);
    CHECK(std::abs(mv.first - 1) < 6 * std::sqrt(1.0 / n));
    CHECK(std::abs(mv.second - 1) < 6 * std::sqrt(8.0 / n));
    auto xf = g.standard_exponential<float>(n, method);
    auto mvf = mean_var(xf);
    CHECK(std::abs(mvf.first - 1) < 6 * std::sqrt(1.0 / n));
    CHECK(*std::min_element(xf.begin(), xf.end()) >= 0.0f);
  }
  for (double shape : {0.05, 0.5, 1.0, 2.5, 30.0}) {
    auto x = g.standard_gamma(shape, n);
    auto mv = mean_var(x);
    INFO("shape " << shape);
    CHECK(std::abs(mv.first - shape) < 6 * std::sqrt(shape / n));
    // var of the sample variance ~ (mu4 - sigma^4)/n with mu4 = 3 k^2 + 6 k for gamma(k)
    CHECK(std::abs(mv.second - shape) <
          6 * std::sqrt((3 * shape * shape + 6 * shape - shape * shape) / n));
    auto xf = g.standard_gamma<float>(shape, n);
    auto mvf = mean_var(xf);
    CHECK(std::abs(mvf.first - shape) < 6 * std::sqrt(shape / n));
  }
  {
    auto x = g.normal(3.0, 2.0, n);
    auto mv = mean_var(x);
    CHECK(std::abs(mv.first - 3.0) < 6 * std::sqrt(4.0 / n));
    CHECK(std::abs(mv.second - 4.0) < 6 * std::sqrt(32.0 / n));
    auto u = g.uniform(-2.0, 6.0, n);
    auto mu = mean_var(u);
    CHECK(std::abs(mu.first - 2.0) < 6 * std::sqrt(64.0 / 12 / n));
    CHECK(*std::min_element(u.begin(), u.end()) >= -2.0);
    CHECK(*std::max_element(u.begin(), u.end()) < 6.0);
    auto e = g.exponential(0.5, n);
    CHECK(std::abs(mean_var(e).first - 0.5) < 6 * std::sqrt(0.25 / n));
    auto gg = g.gamma(4.0, 0.5, n);
    CHECK(std::abs(mean_var(gg).first - 2.0) < 6 * std::sqrt(1.0 / n));
  }
}

TEST_CASE("core: chi-square uniformity of integers, choice, shuffle", "[generator][core][stats]") {
  // Critical values: chi2 with k-1 dof at p = 1e-6 (k = 10: 43.3; k = 256: 386; k = 7: 36.0).
  auto g = rng(77);
  const std::size_t n = 200000;
  {
    std::vector<std::size_t> c(10);
    for (auto v : g.integers(0, 10, n)) ++c[static_cast<std::size_t>(v)];
    CHECK(chi2_uniform(c, n) < 43.3);
  }
  {
    std::vector<std::size_t> c(256);
    for (auto v : g.integers<std::uint8_t>(0, 255, n, true)) ++c[v];
    CHECK(chi2_uniform(c, n) < 386);
  }
  {
    std::vector<std::size_t> c(10);
    for (auto v : g.integers<std::int16_t>(-5, 5, n)) ++c[static_cast<std::size_t>(v + 5)];
    CHECK(chi2_uniform(c, n) < 43.3);
  }
  {
    // 64-bit Lemire with a range that is not a power of two: bucket by value * 10 / range
    const std::uint64_t hi = 3 * (std::uint64_t{1} << 62);
    std::vector<std::size_t> c(10);
    for (auto v : g.integers<std::uint64_t>(0, hi, n)) ++c[static_cast<std::size_t>(v / (hi / 10))];
    CHECK(chi2_uniform(c, n) < 43.3);
  }
  {
    std::vector<std::size_t> c(2);
    for (bool v : g.integers<bool>(0, 2, n)) ++c[v];
    CHECK(chi2_uniform(c, n) < 23.9);  // 1 dof, p = 1e-6
  }
  {
    std::vector<std::size_t> c(7);
    for (auto v : g.choice(7, n)) ++c[static_cast<std::size_t>(v)];
    CHECK(chi2_uniform(c, n) < 36.0);
  }
  {
    // weighted choice: observed vs expected counts
    const std::vector<double> p{0.5, 0.2, 0.1, 0.1, 0.1};
    std::vector<std::size_t> c(5);
    for (auto v : g.choice(5, n, true, p)) ++c[static_cast<std::size_t>(v)];
    double chi = 0;
    for (std::size_t i = 0; i < 5; ++i) {
      const double e = p[i] * static_cast<double>(n);
      chi += (static_cast<double>(c[i]) - e) * (static_cast<double>(c[i]) - e) / e;
    }
    CHECK(chi < 33.4);  // 4 dof, p = 1e-6
  }
  {
    // the first position after shuffling is uniform; samples without replacement are distinct
    std::vector<std::size_t> c(7);
    const std::size_t reps = 70000;
    for (std::size_t r = 0; r < reps; ++r) {
      std::vector<int> v{0, 1, 2, 3, 4, 5, 6};
      g.shuffle(v);
      ++c[static_cast<std::size_t>(v[0])];
    }
    CHECK(chi2_uniform(c, reps) < 36.0);
    for (std::size_t size : {5, 3000, 50000}) {
      auto s = g.choice(100000, size, false);
      CHECK(std::set<std::int64_t>(s.begin(), s.end()).size() == size);
      CHECK(*std::max_element(s.begin(), s.end()) < 100000);
    }
  }
}
