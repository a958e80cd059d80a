// Golden data from real NumPy (tests/data/<family>.tsv, written by tools/make_golden.py): the one
// reader every test uses. Records are structured (method, arguments, size, ...); nothing here or in
// the tests parses the Python call text, which is kept for messages only.
#ifndef NPRANDOM_TESTS_SUPPORT_GOLDEN_HPP
#define NPRANDOM_TESTS_SUPPORT_GOLDEN_HPP

#include "support/catch.hpp"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#ifndef NPRANDOM_TEST_DATA_DIR
#error "NPRANDOM_TEST_DATA_DIR must point to tests/data"
#endif

namespace golden {

namespace detail {

inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

inline std::int64_t to_i64(const std::string& t, const std::string& what) {
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(t.c_str(), &end, 10);
  if (t.empty() || *end != '\0' || errno == ERANGE)
    throw std::runtime_error("not an int64: " + what);
  return static_cast<std::int64_t>(v);
}

inline std::uint64_t to_u64(const std::string& t, const std::string& what) {
  errno = 0;
  char* end = nullptr;
  if (t.empty() || t[0] == '-') throw std::runtime_error("not a uint64: " + what);
  const unsigned long long v = std::strtoull(t.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) throw std::runtime_error("not a uint64: " + what);
  return static_cast<std::uint64_t>(v);
}

inline double to_double(const std::string& t, const std::string& what) {
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);  // Python's repr and float.hex() round-trip
  if (t.empty() || *end != '\0') throw std::runtime_error("not a float: " + what);
  return v;
}

}  // namespace detail

// One typed argument of a golden call (tools/golden/_structure.py writes them):
//   int:<decimal>  float:<Python repr>  bool:True|False  str:<text>  none:
//   ints:<a,b,...>  floats:<a,b,...>  intss:<row;row>  floatss:<row;row>  py:<source text>
//   intarr:<dims>|<values>  floatarr:<dims>|<values>  (any number of dimensions, row-major)
// A keyword argument carries its name ("method=str:inv").
struct Arg {
  std::string name;  // empty for a positional argument
  std::string type;  // int, float, bool, str, none, ints, floats, intss, floatss, py
  std::string text;  // the value text after "type:"

  bool is_int() const { return type == "int"; }
  bool is_float() const { return type == "float"; }
  // int or float as a double (a Python int argument to a float parameter, as NumPy converts it)
  double as_double() const {
    if (type != "int" && type != "float")
      throw std::runtime_error("argument is " + type + ", not a number");
    return detail::to_double(text, text);
  }
  std::int64_t as_i64() const {
    require("int");
    return detail::to_i64(text, text);
  }
  std::uint64_t as_u64() const {
    require("int");
    return detail::to_u64(text, text);
  }
  bool as_bool() const {
    require("bool");
    return text == "True";
  }
  const std::string& as_str() const {
    require("str");
    return text;
  }
  // The values of ints (or of an intarr, row-major).
  std::vector<std::int64_t> ints() const {
    if (type != "intarr") require("ints");
    const std::string v = type == "intarr" ? arr_values() : text;
    std::vector<std::int64_t> out;
    if (!v.empty())
      for (const auto& t : detail::split(v, ',')) out.push_back(detail::to_i64(t, text));
    return out;
  }
  // The shape of an intarr / floatarr ({} for 0-d).
  std::vector<std::size_t> dims() const {
    if (type != "intarr" && type != "floatarr")
      throw std::runtime_error("argument is " + type + ", not an array");
    const std::string d = text.substr(0, text.find('|'));
    std::vector<std::size_t> out;
    if (!d.empty())
      for (const auto& t : detail::split(d, ','))
        out.push_back(static_cast<std::size_t>(detail::to_u64(t, text)));
    return out;
  }
  // The decimal texts of an int or ints argument (for values beyond int64: compare as text or
  // convert with the caller's own type).
  std::vector<std::string> int_texts() const {
    if (type == "int") return {text};
    require("ints");
    return text.empty() ? std::vector<std::string>{} : detail::split(text, ',');
  }
  // The values of floats (or of a floatarr, row-major).
  std::vector<double> floats() const {
    if (type == "ints" && text.empty()) return {};
    if (type != "floatarr") require("floats");
    const std::string v = type == "floatarr" ? arr_values() : text;
    std::vector<double> out;
    if (!v.empty())
      for (const auto& t : detail::split(v, ',')) out.push_back(detail::to_double(t, text));
    return out;
  }

 private:
  std::string arr_values() const {
    const auto bar = text.find('|');
    if (bar == std::string::npos) throw std::runtime_error("malformed array argument " + text);
    return text.substr(bar + 1);
  }
  void require(const char* t) const {
    if (type != t) throw std::runtime_error("argument is " + type + ":" + text + ", wanted " + t);
  }
};

// How the expected values come out of the call (column "form"):
//   call | tail:N | stride:K | absgt:T (values with |x| > T) | repeat:K |
//   array:D (the whole result, an array of shape D, "4,2,3", "" for 0-d), optionally followed by
//   ">raw:N", ">legacy-state" or
//   ">gen-state" or ">u32" (the next raw uint32) (the expected values are then that probe, taken
//   after the call); or expr (the
//   test builds the call from the id; the call column says what it is).
struct Form {
  enum Base { call, tail, stride, abs_above, repeat, array, expr } base = expr;
  std::size_t count = 0;   // N of tail, K of stride / repeat
  double threshold = 0.0;  // T of absgt
  enum Probe { none, raw, legacy_state, gen_state, u32 } probe = none;
  std::size_t raw_count = 0;      // N of ">raw:N"
  std::vector<std::size_t> dims;  // D of array:D (the result's shape)
};

// One golden record (tests/data/<family>.tsv, written by tools/make_golden.py). Columns, tab
// separated: id numpy front bitgen seed method args size dtype form kind expected call, and in
// some families (broadcast) a 14th column, `after`: the bit generator's next raw word after the
// call (the final state, also after an error).
struct Record {
  std::string id;
  std::string numpy;               // NumPy version that produced it ("1.24.2", "2.5.2"), or "model"
  std::string front;               // Generator, RandomState, facade, bitgen, SeedSequence, expr
  std::string bitgen;              // MT19937, PCG64, PCG64DXSM, Philox, SFC64, or "-"
  std::string seed_text;           // typed seed text ("int:42"), "-" if none
  std::string method;              // "-" if none
  std::vector<Arg> args;           // size and dtype are separate
  bool has_size = false;           // NumPy's size= was given
  std::vector<std::size_t> shape;  // size=n -> {n}; size=(a, b) -> {a, b}; size=() -> {}
  std::string dtype;               // NumPy dtype name, or "-" (the method's default)
  Form form;
  std::string kind;                 // int, float, error
  std::string error;                // "ValueError: message" for kind == error
  std::vector<std::string> tokens;  // expected values (kind int / float)
  std::string call;                 // the Python call: for messages only, never parsed
  std::string after;                // column 14 ("" when the family has none)

  // The `after` column as the one raw word it holds (throws if the family has none).
  std::uint64_t after_raw() const {
    if (after.empty()) throw std::runtime_error(id + ": no 'after' column");
    return detail::to_u64(after, id);
  }

  std::size_t size() const { return tokens.size(); }

  // The seed as an unsigned integer (throws unless the seed is one Python int >= 0).
  std::uint64_t seed() const {
    if (seed_text.rfind("int:", 0) != 0 || seed_text.find(' ') != std::string::npos)
      throw std::runtime_error(id + ": seed is not one integer: " + seed_text);
    return detail::to_u64(seed_text.substr(4), id);
  }
  // Number of values a sized call draws: the product of the shape.
  std::size_t count() const {
    std::size_t n = 1;
    for (std::size_t d : shape) n *= d;
    return n;
  }
  // Positional argument i (throws if absent); the keyword argument `name`, or nullptr.
  const Arg& arg(std::size_t i) const {
    std::size_t k = 0;
    for (const auto& a : args)
      if (a.name.empty() && k++ == i) return a;
    throw std::runtime_error(id + ": no positional argument " + std::to_string(i));
  }
  std::size_t positional() const {
    std::size_t k = 0;
    for (const auto& a : args) k += a.name.empty() ? 1 : 0;
    return k;
  }
  const Arg* kwarg(const std::string& name) const {
    for (const auto& a : args)
      if (a.name == name) return &a;
    return nullptr;
  }

  std::vector<double> doubles() const {
    require_kind("float");
    std::vector<double> out;
    out.reserve(tokens.size());
    for (const auto& t : tokens) out.push_back(std::strtod(t.c_str(), nullptr));  // hex floats
    return out;
  }
  std::vector<std::uint64_t> u64() const {
    require_kind("int");
    std::vector<std::uint64_t> out;
    for (const auto& t : tokens) {
      if (!t.empty() && t[0] == '-') throw std::runtime_error(id + ": negative value in u64()");
      out.push_back(std::strtoull(t.c_str(), nullptr, 10));
    }
    return out;
  }
  std::vector<std::int64_t> i64() const {
    require_kind("int");
    std::vector<std::int64_t> out;
    for (const auto& t : tokens) out.push_back(std::strtoll(t.c_str(), nullptr, 10));
    return out;
  }
  // "ValueError: msg" -> "msg"
  std::string message() const {
    const auto p = error.find(": ");
    return p == std::string::npos ? error : error.substr(p + 2);
  }
  // "ValueError: msg" -> "ValueError"
  std::string error_type() const { return error.substr(0, error.find(':')); }

 private:
  void require_kind(const char* k) const {
    if (kind != k) throw std::runtime_error(id + ": record kind is '" + kind + "', wanted " + k);
  }
};

namespace detail {

inline Arg parse_arg(const std::string& text, const std::string& where) {
  Arg a;
  std::string t = text;
  const auto colon = t.find(':');
  const auto eq = t.find('=');
  if (eq != std::string::npos && eq < colon) {
    a.name = t.substr(0, eq);
    t = t.substr(eq + 1);
  }
  const auto c = t.find(':');
  if (c == std::string::npos) throw std::runtime_error(where + ": untyped argument '" + text + "'");
  a.type = t.substr(0, c);
  a.text = t.substr(c + 1);
  return a;
}

inline Form parse_form(const std::string& text, const std::string& where) {
  Form f;
  std::string base = text, probe;
  const auto gt = text.find('>');
  if (gt != std::string::npos) {
    base = text.substr(0, gt);
    probe = text.substr(gt + 1);
  }
  const auto colon = base.find(':');
  const std::string name = base.substr(0, colon);
  const std::string param = colon == std::string::npos ? "" : base.substr(colon + 1);
  if (name == "array") {
    f.base = Form::array;
    if (!param.empty())
      for (const auto& d : split(param, ','))
        f.dims.push_back(static_cast<std::size_t>(to_u64(d, where)));
  } else if (name == "absgt") {
    f.base = Form::abs_above;
    f.threshold = to_double(param, where);
  } else if (!param.empty()) {
    f.count = to_u64(param, where);
  }
  if (name == "absgt" || name == "array") {
    // set above
  } else if (name == "call") {
    f.base = Form::call;
  } else if (name == "tail") {
    f.base = Form::tail;
  } else if (name == "stride") {
    f.base = Form::stride;
  } else if (name == "repeat") {
    f.base = Form::repeat;
  } else if (name == "expr") {
    f.base = Form::expr;
  } else {
    throw std::runtime_error(where + ": unknown form " + text);
  }
  if (probe.rfind("raw:", 0) == 0) {
    f.probe = Form::raw;
    f.raw_count = to_u64(probe.substr(4), where);
  } else if (probe == "legacy-state") {
    f.probe = Form::legacy_state;
  } else if (probe == "gen-state") {
    f.probe = Form::gen_state;
  } else if (probe == "u32") {
    f.probe = Form::u32;
  } else if (!probe.empty()) {
    throw std::runtime_error(where + ": unknown probe in form " + text);
  }
  return f;
}

using Family = std::map<std::string, Record>;

inline const Family& load(const std::string& family) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Family>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(family);
  if (it != cache.end()) return *it->second;
  const std::string path = std::string(NPRANDOM_TEST_DATA_DIR) + "/" + family + ".tsv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open golden data file " + path);
  auto fam = std::make_unique<Family>();
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    if (f.size() != 13 && f.size() != 14)
      throw std::runtime_error("malformed golden line in " + path + ": " + line);
    Record r;
    r.id = f[0];
    r.numpy = f[1];
    r.front = f[2];
    r.bitgen = f[3];
    r.seed_text = f[4];
    r.method = f[5];
    if (f[6] != "-")
      for (const auto& a : split(f[6], ' ')) r.args.push_back(parse_arg(a, r.id));
    if (f[7] == "()") {
      r.has_size = true;  // size=(): the 0-d shape
    } else if (f[7] != "-") {
      r.has_size = true;
      for (const auto& d : split(f[7], ','))
        r.shape.push_back(static_cast<std::size_t>(to_u64(d, r.id)));
    }
    r.dtype = f[8];
    r.form = parse_form(f[9], r.id);
    r.kind = f[10];
    if (r.kind == "error") {
      r.error = f[11];
    } else if (!f[11].empty()) {
      r.tokens = split(f[11], ' ');
    }
    r.call = f[12];
    if (f.size() == 14) r.after = f[13];
    const std::string key = r.id;
    if (!fam->emplace(key, std::move(r)).second)
      throw std::runtime_error("duplicate golden id '" + key + "' in " + path);
  }
  return *cache.emplace(family, std::move(fam)).first->second;
}

inline std::uint64_t bits_of(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

}  // namespace detail

// The record `id` of tests/data/<family>.tsv; throws if absent (so a missing record fails the
// test).
inline const Record& get(const std::string& family, const std::string& id) {
  const auto& fam = detail::load(family);
  auto it = fam.find(id);
  if (it == fam.end())
    throw std::runtime_error("no golden record '" + id + "' in " + family + ".tsv");
  return it->second;
}

// All records of a family whose id starts with `prefix` (to loop over a whole group).
inline std::vector<const Record*> with_prefix(const std::string& family,
                                              const std::string& prefix) {
  std::vector<const Record*> out;
  for (const auto& kv : detail::load(family))
    if (kv.first.compare(0, prefix.size(), prefix) == 0) out.push_back(&kv.second);
  return out;
}

// Bit-exact comparison of floating-point results (float widened to double, as NumPy's hex dump).
template <class Real, std::enable_if_t<std::is_floating_point<Real>::value, int> = 0>
void check(const Record& rec, const std::vector<Real>& got) {
  INFO("golden record: " << rec.id << "  [NumPy " << rec.numpy << "]  " << rec.call);
  const auto want = rec.doubles();
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const double g = static_cast<double>(got[i]);
    INFO("index " << i << ": got " << g << " want " << want[i]);
    // NaN == NaN for golden purposes; otherwise identical bits.
    if (std::isnan(want[i]) && std::isnan(g)) continue;
    CHECK(detail::bits_of(g) == detail::bits_of(want[i]));
  }
}

// Exact comparison of integer (or bool) results.
template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
void check(const Record& rec, const std::vector<Int>& got) {
  INFO("golden record: " << rec.id << "  [NumPy " << rec.numpy << "]  " << rec.call);
  REQUIRE(rec.kind == "int");
  REQUIRE(got.size() == rec.tokens.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("index " << i);
    if (std::is_signed<Int>::value) {
      CHECK(static_cast<std::int64_t>(got[i]) == std::strtoll(rec.tokens[i].c_str(), nullptr, 10));
    } else {
      CHECK(static_cast<std::uint64_t>(got[i]) ==
            std::strtoull(rec.tokens[i].c_str(), nullptr, 10));
    }
  }
}

// Scalar convenience: compares one value against a one-element record.
template <class T, std::enable_if_t<std::is_arithmetic<T>::value, int> = 0>
void check_scalar(const Record& rec, T got) {
  check(rec, std::vector<T>{got});
}

// `f` must throw exactly `Exception` (or a subclass) with NumPy's message (text after "Type: ").
template <class Exception, class F>
void check_error(const Record& rec, F&& f) {
  INFO("golden record: " << rec.id << "  [NumPy " << rec.numpy << "]  " << rec.call);
  REQUIRE(rec.kind == "error");
  bool threw = false;
  try {
    f();
  } catch (const Exception& e) {
    threw = true;
    CHECK(std::string(e.what()) == rec.message());
  }
  CHECK(threw);
}

}  // namespace golden

#endif  // NPRANDOM_TESTS_SUPPORT_GOLDEN_HPP
