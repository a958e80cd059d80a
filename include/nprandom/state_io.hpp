// State I/O: NumPy's `bit_generator.state`, `RandomState.get_state()` and `SeedSequence.state` as
// JSON text (both ways), and `<<` / `>>` stream operators on the bit generators.
// Public header, opt-in: not included by <nprandom/nprandom.hpp> (compile time of every
// translation unit, docs/benchmarks.md), but part of the single header (docs/design.md).
#ifndef NPRANDOM_STATE_IO_HPP
#define NPRANDOM_STATE_IO_HPP

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/uint128.hpp>
#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>
#include <nprandom/seed_sequence.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// The JSON text (public contract)
// -------------------------------
// Writing gives exactly the text Python gives for
//
//     json.dumps(plain(obj))
//
// where `obj` is NumPy's `bit_generator.state`, `RandomState.get_state()` (a tuple, written as a
// JSON array), `RandomState.get_state(legacy=False)` or `SeedSequence.state`, and `plain` turns
// ndarrays into lists with `.tolist()` and NumPy scalars into Python scalars (json.dumps cannot
// write ndarrays; tools/state_json.py holds that `plain`). json.dumps's defaults apply: separators
// ", " and ": ", keys in NumPy's insertion order, integers of any size as JSON numbers (128-bit
// PCG64 state and inc included), doubles as Python's repr (shortest round trip: 0.0, -1.25,
// 1e-05, 1e+16). Example (PCG64):
//
//     {"bit_generator": "PCG64", "state": {"state": 2078...094, "inc": 1942...443},
//      "has_uint32": 0, "uinteger": 0}          (one line in the real text)
//
// Reading is strict RFC 8259 JSON (any whitespace, keys in any order) with NumPy's schema: every
// required key present, no unknown or duplicate key, integers written as integers (no fraction,
// exponent or sign) and inside their field's range (uint32 key words and `uinteger` < 2**32,
// uint64 words < 2**64, PCG64 `state`/`inc` < 2**128, MT19937 `pos` in [0, 624], Philox
// `buffer_pos` in [0, 4], flags 0 or 1, arrays of exactly NumPy's length). Anything else throws
// std::invalid_argument naming the offending key, and the object being set is left unchanged
// (the text is parsed and checked completely before anything is assigned).
//
// SeedSequence `entropy`: read as NumPy coerces it (an integer of any size, or a list of them, each
// coerced on its own). Written as one integer (Python's text for integer entropy, which is also
// what SeedSequence() from OS entropy holds); when the coerced words end in a zero word, which no
// integer can express, as the list of 32-bit words, which NumPy seeds identically.
//
// The stream operators write the same JSON as get_state_json() (one line, no newline) and read one
// JSON object; on malformed input `>>` sets failbit and leaves the engine unchanged, as the
// <random> engines do. Only <iosfwd> is included: include <ostream> / <istream> to use them.
namespace nprandom {

namespace detail {
namespace json {

[[noreturn]] inline void fail(const std::string& msg) {
  throw std::invalid_argument("nprandom: " + msg);
}

// ---- a parsed JSON value --------------------------------------------------------------------
struct value {
  enum class kind { null, boolean, number, string, array, object };
  kind k = kind::null;
  bool boolean = false;
  std::string text;               // number lexeme, or the decoded string
  std::vector<value> items;       // array elements, or object values
  std::vector<std::string> keys;  // object keys (parallel to items), in document order
};

inline const char* kind_name(value::kind k) noexcept {
  switch (k) {
    case value::kind::null:
      return "null";
    case value::kind::boolean:
      return "a boolean";
    case value::kind::number:
      return "a number";
    case value::kind::string:
      return "a string";
    case value::kind::array:
      return "an array";
    case value::kind::object:
      return "an object";
  }
  return "?";
}

// ---- strict RFC 8259 parser -------------------------------------------------------------------
class parser {
 public:
  explicit parser(std::string_view text) : s_(text) {}

  value parse_document() {
    skip_ws();
    value v = parse_value(0);
    skip_ws();
    if (i_ != s_.size()) error("unexpected text after the JSON value");
    return v;
  }

 private:
  static constexpr int max_depth = 64;

  [[noreturn]] void error(const std::string& what) const {
    fail("invalid JSON at offset " + std::to_string(i_) + ": " + what);
  }
  bool at_end() const noexcept { return i_ >= s_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : s_[i_]; }
  void skip_ws() noexcept {
    while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  void expect(char c) {
    if (peek() != c || at_end()) error(std::string("expected '") + c + "'");
    ++i_;
  }
  static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

  value parse_value(int depth) {
    if (depth > max_depth) error("nesting deeper than 64 levels");
    if (at_end()) error("unexpected end of input");
    value v;
    const char c = s_[i_];
    if (c == '{') {
      v.k = value::kind::object;
      ++i_;
      skip_ws();
      if (peek() == '}' && !at_end()) {
        ++i_;
        return v;
      }
      for (;;) {
        skip_ws();
        if (peek() != '"' || at_end()) error("expected a string key");
        std::string key = parse_string();
        for (const auto& k : v.keys)
          if (k == key) error("duplicate key \"" + key + "\"");
        skip_ws();
        expect(':');
        skip_ws();
        v.keys.push_back(std::move(key));
        v.items.push_back(parse_value(depth + 1));
        skip_ws();
        if (peek() == ',' && !at_end()) {
          ++i_;
          continue;
        }
        expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.k = value::kind::array;
      ++i_;
      skip_ws();
      if (peek() == ']' && !at_end()) {
        ++i_;
        return v;
      }
      for (;;) {
        skip_ws();
        v.items.push_back(parse_value(depth + 1));
        skip_ws();
        if (peek() == ',' && !at_end()) {
          ++i_;
          continue;
        }
        expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.k = value::kind::string;
      v.text = parse_string();
      return v;
    }
    if (c == '-' || is_digit(c)) {
      v.k = value::kind::number;
      v.text = parse_number();
      return v;
    }
    if (literal("true")) {
      v.k = value::kind::boolean;
      v.boolean = true;
      return v;
    }
    if (literal("false")) {
      v.k = value::kind::boolean;
      return v;
    }
    if (literal("null")) return v;
    error(std::string("unexpected character '") + c + "'");
  }

  bool literal(std::string_view word) noexcept {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  std::string parse_number() {
    const std::size_t start = i_;
    if (peek() == '-') ++i_;
    if (!is_digit(peek())) error("expected a digit");
    if (peek() == '0') {
      ++i_;
    } else {
      while (is_digit(peek())) ++i_;
    }
    if (peek() == '.') {
      ++i_;
      if (!is_digit(peek())) error("expected a digit after '.'");
      while (is_digit(peek())) ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++i_;
      if (peek() == '+' || peek() == '-') ++i_;
      if (!is_digit(peek())) error("expected a digit in the exponent");
      while (is_digit(peek())) ++i_;
    }
    return std::string(s_.substr(start, i_ - start));
  }

  unsigned hex4() {
    unsigned u = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = peek();
      unsigned d;
      if (h >= '0' && h <= '9') {
        d = static_cast<unsigned>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        d = static_cast<unsigned>(h - 'a') + 10u;
      } else if (h >= 'A' && h <= 'F') {
        d = static_cast<unsigned>(h - 'A') + 10u;
      } else {
        error("bad \\u escape");
      }
      u = u * 16u + d;
      ++i_;
    }
    return u;
  }

  static void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80u) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800u) {
      out.push_back(static_cast<char>(0xC0u | (cp >> 6)));
      out.push_back(static_cast<char>(0x80u | (cp & 0x3Fu)));
    } else if (cp < 0x10000u) {
      out.push_back(static_cast<char>(0xE0u | (cp >> 12)));
      out.push_back(static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu)));
      out.push_back(static_cast<char>(0x80u | (cp & 0x3Fu)));
    } else {
      out.push_back(static_cast<char>(0xF0u | (cp >> 18)));
      out.push_back(static_cast<char>(0x80u | ((cp >> 12) & 0x3Fu)));
      out.push_back(static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu)));
      out.push_back(static_cast<char>(0x80u | (cp & 0x3Fu)));
    }
  }

  std::string parse_string() {
    expect('"');
    std::string out;
    for (;;) {
      if (at_end()) error("unterminated string");
      const char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20u) error("control character in a string");
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (at_end()) error("unterminated string");
      const char e = s_[i_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800u && cp < 0xDC00u) {
            if (!literal("\\u")) error("unpaired surrogate");
            const unsigned lo = hex4();
            if (lo < 0xDC00u || lo >= 0xE000u) error("unpaired surrogate");
            cp = 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
          } else if (cp >= 0xDC00u && cp < 0xE000u) {
            error("unpaired surrogate");
          }
          put_utf8(out, cp);
          break;
        }
        default:
          error("bad escape");
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

inline value parse(std::string_view text) { return parser(text).parse_document(); }

// ---- exact big-integer <-> decimal (little-endian 32-bit words, no leading zero words) -------
inline void trim(std::vector<std::uint32_t>& w) {
  while (w.size() > 1 && w.back() == 0) w.pop_back();
}

// Decimal digits (already validated) -> words.
inline std::vector<std::uint32_t> decimal_to_words(std::string_view digits) {
  std::vector<std::uint32_t> w{0};
  for (char c : digits) {
    std::uint64_t carry = static_cast<std::uint64_t>(c - '0');
    for (auto& x : w) {
      const std::uint64_t t = static_cast<std::uint64_t>(x) * 10u + carry;
      x = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry) w.push_back(static_cast<std::uint32_t>(carry));
  }
  trim(w);
  return w;
}

inline std::string words_to_decimal(std::vector<std::uint32_t> w) {
  trim(w);
  if (w.empty() || (w.size() == 1 && w[0] == 0)) return "0";
  std::string out;
  while (!(w.size() == 1 && w[0] == 0)) {
    std::uint64_t rem = 0;
    for (std::size_t k = w.size(); k-- > 0;) {
      const std::uint64_t cur = (rem << 32) | w[k];
      w[k] = static_cast<std::uint32_t>(cur / 1000000000u);
      rem = cur % 1000000000u;
    }
    trim(w);
    const bool last = w.size() == 1 && w[0] == 0;
    for (int d = 0; d < 9; ++d) {
      out.push_back(static_cast<char>('0' + rem % 10u));
      rem /= 10u;
      if (last && rem == 0) break;
    }
  }
  return std::string(out.rbegin(), out.rend());
}

inline std::vector<std::uint32_t> to_words(uint128 v) {
  std::vector<std::uint32_t> w{
      static_cast<std::uint32_t>(v.lo()), static_cast<std::uint32_t>(v.lo() >> 32),
      static_cast<std::uint32_t>(v.hi()), static_cast<std::uint32_t>(v.hi() >> 32)};
  trim(w);
  return w;
}

// Exact decimal text of a 128-bit value.
inline std::string to_decimal(uint128 v) { return words_to_decimal(to_words(v)); }
inline std::string to_decimal(std::uint64_t v) { return std::to_string(v); }

// ---- Python float repr ------------------------------------------------------------------------
// Shortest decimal that reads back to `v` (the digits of Python's repr), in the layout of
// Python's repr: positional for exponents -5 < e < 16 ("0.0001", "1.0", "123.5"), else
// "d.ddde-05" / "1e+16". Non-finite values throw (json.dumps would write NaN/Infinity, which is
// not JSON).
inline std::string python_float_repr(double v) {
  if (!detail::isfinite(v)) fail("cannot write a non-finite double as JSON");
  if (v == 0.0) return detail::signbit(v) ? "-0.0" : "0.0";
  char buf[40];
  std::string digits;
  int exp10 = 0;
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
    if (std::strtod(buf, nullptr) != v && prec < 17) continue;
    // buf: [-]d[<point>ddd]e(+|-)xx ; the decimal point is locale-dependent, skip any non-digit.
    digits.clear();
    const char* p = buf;
    if (*p == '-') ++p;
    for (; *p && *p != 'e'; ++p)
      if (*p >= '0' && *p <= '9') digits.push_back(*p);
    exp10 = std::atoi(p + 1);
    break;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = v < 0 ? "-" : "";
  const int n = static_cast<int>(digits.size());
  if (exp10 < -4 || exp10 >= 16) {
    out += digits[0];
    if (n > 1) out += "." + digits.substr(1);
    const int ae = exp10 < 0 ? -exp10 : exp10;
    out += exp10 < 0 ? "e-" : "e+";
    if (ae < 10) out += '0';
    out += std::to_string(ae);
  } else if (exp10 < 0) {
    out += "0." + std::string(static_cast<std::size_t>(-exp10 - 1), '0') + digits;
  } else if (n <= exp10 + 1) {
    out += digits + std::string(static_cast<std::size_t>(exp10 + 1 - n), '0') + ".0";
  } else {
    const auto ip = static_cast<std::size_t>(exp10 + 1);
    out += digits.substr(0, ip) + "." + digits.substr(ip);
  }
  return out;
}

// ---- writer helpers ---------------------------------------------------------------------------
inline void put_string(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20u) {
      out += "\\u00";
      out.push_back(hex[u >> 4]);
      out.push_back(hex[u & 15u]);
    } else {
      out.push_back(c);  // NumPy's names are ASCII; other bytes are passed through
    }
  }
  out.push_back('"');
}

template <class It>
void put_uint_list(std::string& out, It first, It last) {
  out.push_back('[');
  for (It it = first; it != last; ++it) {
    if (it != first) out += ", ";
    out += to_decimal(static_cast<std::uint64_t>(*it));
  }
  out.push_back(']');
}

inline void put_key(std::string& out, const char* key, bool first = false) {
  if (!first) out += ", ";
  put_string(out, key);
  out += ": ";
}

// ---- schema reader: one JSON object, every key accounted for ----------------------------------
class object_reader {
 public:
  object_reader(const value& v, std::string where) : v_(v), where_(std::move(where)) {
    if (v.k != value::kind::object) fail(where_ + ": expected an object, got " + kind_name(v.k));
    used_.assign(v.keys.size(), false);
  }
  const value* find(const char* key) {
    for (std::size_t i = 0; i < v_.keys.size(); ++i)
      if (v_.keys[i] == key) {
        used_[i] = true;
        return &v_.items[i];
      }
    return nullptr;
  }
  const value& get(const char* key) {
    const value* p = find(key);
    if (!p) fail(where_ + ": missing key \"" + key + "\"");
    return *p;
  }
  std::string where(const char* key) const { return where_ + ": key \"" + key + "\""; }
  void finish() const {
    for (std::size_t i = 0; i < used_.size(); ++i)
      if (!used_[i]) fail(where_ + ": unexpected key \"" + v_.keys[i] + "\"");
  }

 private:
  const value& v_;
  std::string where_;
  std::vector<bool> used_;
};

// A non-negative integer of any size, as words. Accepts only an integer lexeme.
inline std::vector<std::uint32_t> big_uint(const value& v, const std::string& where) {
  if (v.k != value::kind::number) fail(where + ": expected an integer, got " + kind_name(v.k));
  if (v.text[0] == '-') fail(where + ": expected a non-negative integer, got " + v.text);
  if (v.text.find_first_of(".eE") != std::string::npos)
    fail(where + ": expected an integer, got " + v.text);
  return decimal_to_words(v.text);
}

inline std::string bound_text(unsigned bits) { return "2**" + std::to_string(bits); }

// An integer in [0, 2**bits), bits <= 128.
inline uint128 uint_bits(const value& v, unsigned bits, const std::string& where) {
  const auto w = big_uint(v, where);
  const bool too_big =
      w.size() > (bits + 31) / 32 ||
      (bits % 32 != 0 && w.size() == (bits + 31) / 32 && (w.back() >> (bits % 32)) != 0);
  if (too_big) fail(where + ": " + v.text + " is out of range [0, " + bound_text(bits) + ")");
  std::uint64_t lo = 0, hi = 0;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (k < 2) {
      lo |= static_cast<std::uint64_t>(w[k]) << (32 * k);
    } else {
      hi |= static_cast<std::uint64_t>(w[k]) << (32 * (k - 2));
    }
  }
  return uint128(hi, lo);
}
inline std::uint64_t u64(const value& v, const std::string& where) {
  return uint_bits(v, 64, where).lo();
}
inline std::uint32_t u32(const value& v, const std::string& where) {
  return static_cast<std::uint32_t>(uint_bits(v, 32, where).lo());
}
// An integer in [lo, hi] (small fields: pos, buffer_pos, flags).
inline int small_int(const value& v, int lo, int hi, const std::string& where) {
  const std::uint64_t x = uint_bits(v, 64, where).lo();
  if (x < static_cast<std::uint64_t>(lo) || x > static_cast<std::uint64_t>(hi))
    fail(where + ": " + v.text + " is out of range [" + std::to_string(lo) + ", " +
         std::to_string(hi) + "]");
  return static_cast<int>(x);
}

// A double: any JSON number (Python writes floats with a '.' or an exponent). Parsed without the
// C locale's decimal point: the digits and the exponent are handed to strtod as "DDDDe<exp>".
inline double to_double(const value& v, const std::string& where) {
  if (v.k != value::kind::number) fail(where + ": expected a number, got " + kind_name(v.k));
  const std::string& t = v.text;
  std::string digits;
  long long exp10 = 0;
  std::size_t i = 0;
  const bool neg = t[0] == '-';
  if (neg) ++i;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) digits.push_back(t[i]);
  if (i < t.size() && t[i] == '.') {
    for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
      digits.push_back(t[i]);
      --exp10;
    }
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (t[i] == '+' || t[i] == '-') eneg = t[i++] == '-';
    long long e = 0;
    for (; i < t.size(); ++i)
      if (e < 100000) e = e * 10 + (t[i] - '0');
    exp10 += eneg ? -e : e;
  }
  if (exp10 > 100000) exp10 = 100000;
  if (exp10 < -100000) exp10 = -100000;
  const std::string s = (neg ? "-" : "") + digits + "e" + std::to_string(exp10);
  const double d = std::strtod(s.c_str(), nullptr);
  if (!detail::isfinite(d)) fail(where + ": " + t + " is out of range for a double");
  return d;
}

inline const std::string& str(const value& v, const std::string& where) {
  if (v.k != value::kind::string) fail(where + ": expected a string, got " + kind_name(v.k));
  return v.text;
}

inline const std::vector<value>& array(const value& v, std::size_t n, const std::string& where) {
  if (v.k != value::kind::array) fail(where + ": expected an array, got " + kind_name(v.k));
  if (n != static_cast<std::size_t>(-1) && v.items.size() != n)
    fail(where + ": expected " + std::to_string(n) + " elements, got " +
         std::to_string(v.items.size()));
  return v.items;
}

template <std::size_t N>
std::array<std::uint64_t, N> u64_array(const value& v, const std::string& where) {
  const auto& items = array(v, N, where);
  std::array<std::uint64_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = u64(items[i], where + "[" + std::to_string(i) + "]");
  return out;
}

inline void expect_name(const std::string& name, std::initializer_list<const char*> allowed,
                        const std::string& where) {
  for (const char* a : allowed)
    if (name == a) return;
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : " or ") + std::string(a);
  fail(where + ": bit_generator is \"" + name + "\", expected " + list);
}

// ---- per-state field readers/writers (the bit generator's part of a state dict) ---------------
// Each reads its keys from an object_reader (the caller checks for leftovers, so RandomState's
// dict can add has_gauss/gauss) and writes its keys after the opening '{'.

inline void read_fields(object_reader& r, MT19937State& s) {
  s.bit_generator = str(r.get("bit_generator"), r.where("bit_generator"));
  expect_name(s.bit_generator, {"MT19937"}, r.where("bit_generator"));
  object_reader st(r.get("state"), r.where("state"));
  const auto& key = array(st.get("key"), 624, st.where("key"));
  for (std::size_t i = 0; i < 624; ++i)
    s.key[i] = u32(key[i], st.where("key") + "[" + std::to_string(i) + "]");
  s.pos = small_int(st.get("pos"), 0, 624, st.where("pos"));
  st.finish();
}
inline void write_fields(std::string& out, const MT19937State& s) {
  put_key(out, "bit_generator", true);
  put_string(out, s.bit_generator);
  put_key(out, "state");
  out += '{';
  put_key(out, "key", true);
  put_uint_list(out, s.key.begin(), s.key.end());
  put_key(out, "pos");
  out += std::to_string(s.pos);
  out += '}';
}

inline void read_uint32_buffer(object_reader& r, int& has_uint32, std::uint32_t& uinteger) {
  has_uint32 = small_int(r.get("has_uint32"), 0, 1, r.where("has_uint32"));
  uinteger = u32(r.get("uinteger"), r.where("uinteger"));
}
inline void write_uint32_buffer(std::string& out, int has_uint32, std::uint32_t uinteger) {
  put_key(out, "has_uint32");
  out += std::to_string(has_uint32);
  put_key(out, "uinteger");
  out += std::to_string(uinteger);
}

inline void read_fields(object_reader& r, PCG64State& s) {
  s.bit_generator = str(r.get("bit_generator"), r.where("bit_generator"));
  expect_name(s.bit_generator, {"PCG64", "PCG64DXSM"}, r.where("bit_generator"));
  object_reader st(r.get("state"), r.where("state"));
  s.state = uint_bits(st.get("state"), 128, st.where("state"));
  s.inc = uint_bits(st.get("inc"), 128, st.where("inc"));
  st.finish();
  read_uint32_buffer(r, s.has_uint32, s.uinteger);
}
inline void write_fields(std::string& out, const PCG64State& s) {
  put_key(out, "bit_generator", true);
  put_string(out, s.bit_generator);
  put_key(out, "state");
  out += '{';
  put_key(out, "state", true);
  out += to_decimal(s.state);
  put_key(out, "inc");
  out += to_decimal(s.inc);
  out += '}';
  write_uint32_buffer(out, s.has_uint32, s.uinteger);
}

inline void read_fields(object_reader& r, PhiloxState& s) {
  s.bit_generator = str(r.get("bit_generator"), r.where("bit_generator"));
  expect_name(s.bit_generator, {"Philox"}, r.where("bit_generator"));
  object_reader st(r.get("state"), r.where("state"));
  s.counter = u64_array<4>(st.get("counter"), st.where("counter"));
  s.key = u64_array<2>(st.get("key"), st.where("key"));
  st.finish();
  s.buffer = u64_array<4>(r.get("buffer"), r.where("buffer"));
  s.buffer_pos = small_int(r.get("buffer_pos"), 0, 4, r.where("buffer_pos"));
  read_uint32_buffer(r, s.has_uint32, s.uinteger);
}
inline void write_fields(std::string& out, const PhiloxState& s) {
  put_key(out, "bit_generator", true);
  put_string(out, s.bit_generator);
  put_key(out, "state");
  out += '{';
  put_key(out, "counter", true);
  put_uint_list(out, s.counter.begin(), s.counter.end());
  put_key(out, "key");
  put_uint_list(out, s.key.begin(), s.key.end());
  out += '}';
  put_key(out, "buffer");
  put_uint_list(out, s.buffer.begin(), s.buffer.end());
  put_key(out, "buffer_pos");
  out += std::to_string(s.buffer_pos);
  write_uint32_buffer(out, s.has_uint32, s.uinteger);
}

inline void read_fields(object_reader& r, SFC64State& s) {
  s.bit_generator = str(r.get("bit_generator"), r.where("bit_generator"));
  expect_name(s.bit_generator, {"SFC64"}, r.where("bit_generator"));
  object_reader st(r.get("state"), r.where("state"));
  s.state = u64_array<4>(st.get("state"), st.where("state"));
  st.finish();
  read_uint32_buffer(r, s.has_uint32, s.uinteger);
}
inline void write_fields(std::string& out, const SFC64State& s) {
  put_key(out, "bit_generator", true);
  put_string(out, s.bit_generator);
  put_key(out, "state");
  out += '{';
  put_key(out, "state", true);
  put_uint_list(out, s.state.begin(), s.state.end());
  out += '}';
  write_uint32_buffer(out, s.has_uint32, s.uinteger);
}

template <class S>
struct state_name;
template <>
struct state_name<MT19937State> {
  static constexpr const char* value = "MT19937 state";
};
template <>
struct state_name<PCG64State> {
  static constexpr const char* value = "PCG64 state";
};
template <>
struct state_name<PhiloxState> {
  static constexpr const char* value = "Philox state";
};
template <>
struct state_name<SFC64State> {
  static constexpr const char* value = "SFC64 state";
};

template <class S>
S read_state(const value& v) {
  S s{};
  object_reader r(v, state_name<S>::value);
  read_fields(r, s);
  r.finish();
  return s;
}

inline std::uint32_t has_gauss_flag(const value& v, const std::string& where) {
  return static_cast<std::uint32_t>(small_int(v, 0, 1, where));
}

template <class S>
RandomStateDict<S> read_random_state_dict(const value& v) {
  RandomStateDict<S> d{};
  object_reader r(v, "RandomState state");
  read_fields(r, d.state);
  // NumPy's set_state: a dict without has_gauss/gauss means no cached gaussian.
  if (const value* hg = r.find("has_gauss"))
    d.has_gauss = static_cast<int>(has_gauss_flag(*hg, r.where("has_gauss")));
  if (const value* g = r.find("gauss")) d.gauss = to_double(*g, r.where("gauss"));
  r.finish();
  return d;
}

// ('MT19937', key, pos[, has_gauss, gauss]) as a JSON array of 3 or 5 items.
inline LegacyState read_legacy_tuple(const value& v) {
  const std::string where = "RandomState legacy state";
  if (v.k != value::kind::array) fail(where + ": expected an array, got " + kind_name(v.k));
  const auto& it = v.items;
  if (it.size() != 3 && it.size() != 5)
    fail(where + ": expected 3 or 5 elements, got " + std::to_string(it.size()));
  LegacyState s;
  s.bit_generator = str(it[0], where + "[0]");
  if (s.bit_generator != "MT19937")
    fail("set_state can only be used with legacy MT19937 state instances.");
  const auto& key = array(it[1], 624, where + "[1]");
  for (std::size_t i = 0; i < 624; ++i)
    s.key[i] = u32(key[i], where + "[1][" + std::to_string(i) + "]");
  s.pos = small_int(it[2], 0, 624, where + "[2]");
  if (it.size() == 5) {
    s.has_gauss = static_cast<int>(has_gauss_flag(it[3], where + "[3]"));
    s.cached_gaussian = to_double(it[4], where + "[4]");
  }
  return s;
}

// SeedSequence entropy words from NumPy's `entropy` (int or list of ints, each coerced alone).
inline std::vector<std::uint32_t> entropy_words(const value& v, const std::string& where) {
  if (v.k == value::kind::array) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      const auto w = big_uint(v.items[i], where + "[" + std::to_string(i) + "]");
      out.insert(out.end(), w.begin(), w.end());
    }
    return out;
  }
  return big_uint(v, where);
}

}  // namespace json
}  // namespace detail

// ---- state structs <-> JSON text ------------------------------------------------------------

inline std::string to_json(const MT19937State& s) {
  std::string out = "{";
  detail::json::write_fields(out, s);
  return out + "}";
}
inline std::string to_json(const PCG64State& s) {
  std::string out = "{";
  detail::json::write_fields(out, s);
  return out + "}";
}
inline std::string to_json(const PhiloxState& s) {
  std::string out = "{";
  detail::json::write_fields(out, s);
  return out + "}";
}
inline std::string to_json(const SFC64State& s) {
  std::string out = "{";
  detail::json::write_fields(out, s);
  return out + "}";
}
/// RandomState.get_state(legacy=False): the bit generator's dict + "has_gauss", "gauss".
template <class S>
std::string to_json(const RandomStateDict<S>& d) {
  std::string out = "{";
  detail::json::write_fields(out, d.state);
  detail::json::put_key(out, "has_gauss");
  out += std::to_string(d.has_gauss);
  detail::json::put_key(out, "gauss");
  out += detail::json::python_float_repr(d.gauss);
  return out + "}";
}
/// RandomState.get_state() (legacy=True): ["MT19937", [key...], pos, has_gauss, gauss].
inline std::string to_json(const LegacyState& s) {
  std::string out = "[";
  detail::json::put_string(out, s.bit_generator);
  out += ", ";
  detail::json::put_uint_list(out, s.key.begin(), s.key.end());
  out += ", " + std::to_string(s.pos) + ", " + std::to_string(s.has_gauss) + ", " +
         detail::json::python_float_repr(s.cached_gaussian);
  return out + "]";
}
/// SeedSequence.state: {"entropy": ..., "spawn_key": [...], "pool_size": n, "n_children_spawned":
/// n}.
inline std::string to_json(const SeedSequence& ss) {
  namespace j = detail::json;
  std::string out = "{";
  j::put_key(out, "entropy", true);
  const auto& w = ss.entropy();
  if (w.size() > 1 && w.back() == 0) {
    j::put_uint_list(out, w.begin(), w.end());  // no integer has these words (see the top)
  } else {
    out += j::words_to_decimal(w);
  }
  j::put_key(out, "spawn_key");
  j::put_uint_list(out, ss.spawn_key().begin(), ss.spawn_key().end());
  j::put_key(out, "pool_size");
  out += std::to_string(ss.pool_size());
  j::put_key(out, "n_children_spawned");
  out += std::to_string(ss.n_children_spawned());
  return out + "}";
}

namespace detail {
namespace json {
template <class T>
struct reader;
template <>
struct reader<MT19937State> {
  static MT19937State read(const value& v) { return read_state<MT19937State>(v); }
};
template <>
struct reader<PCG64State> {
  static PCG64State read(const value& v) { return read_state<PCG64State>(v); }
};
template <>
struct reader<PhiloxState> {
  static PhiloxState read(const value& v) { return read_state<PhiloxState>(v); }
};
template <>
struct reader<SFC64State> {
  static SFC64State read(const value& v) { return read_state<SFC64State>(v); }
};
template <class S>
struct reader<RandomStateDict<S>> {
  static RandomStateDict<S> read(const value& v) { return read_random_state_dict<S>(v); }
};
template <>
struct reader<LegacyState> {
  static LegacyState read(const value& v) { return read_legacy_tuple(v); }
};
template <>
struct reader<SeedSequence> {
  static SeedSequence read(const value& v) {
    object_reader r(v, "SeedSequence state");
    auto words = entropy_words(r.get("entropy"), r.where("entropy"));
    std::vector<std::uint64_t> spawn_key;
    const auto& sk = array(r.get("spawn_key"), static_cast<std::size_t>(-1), r.where("spawn_key"));
    for (std::size_t i = 0; i < sk.size(); ++i)
      spawn_key.push_back(u64(sk[i], r.where("spawn_key") + "[" + std::to_string(i) + "]"));
    const std::uint64_t pool = u64(r.get("pool_size"), r.where("pool_size"));
    if (pool < SeedSequence::default_pool_size)
      fail(r.where("pool_size") + ": The size of the entropy pool should be at least 4");
    if (pool > 0xffffffffu)
      fail(r.where("pool_size") + ": " + std::to_string(pool) + " is too large");
    const std::uint64_t n_children =
        u64(r.get("n_children_spawned"), r.where("n_children_spawned"));
    r.finish();
    return SeedSequence::from_words(std::move(words), std::move(spawn_key),
                                    static_cast<std::size_t>(pool), n_children);
  }
};

template <class T, class = void>
struct has_state : std::false_type {};
template <class T>
struct has_state<T, std::void_t<decltype(std::declval<const T&>().state())>> : std::true_type {};
}  // namespace json
}  // namespace detail

/// Parses JSON text into a state struct (MT19937State, PCG64State, PhiloxState, SFC64State,
/// LegacyState, RandomStateDict<S>) or a SeedSequence. Throws std::invalid_argument.
template <class T>
T from_json(std::string_view text) {
  return detail::json::reader<T>::read(detail::json::parse(text));
}

// ---- bit generators, Generator, RandomState ------------------------------------------------

/// json.dumps(bit_generator.state) (see the top of this header for the exact text).
template <class BitGen, std::enable_if_t<detail::json::has_state<BitGen>::value, int> = 0>
std::string get_state_json(const BitGen& bg) {
  return to_json(bg.state());
}
/// bit_generator.state = json.loads(text). Throws std::invalid_argument (bad text, or a state of
/// another bit generator) and then leaves `bg` unchanged.
template <class BitGen, std::enable_if_t<detail::json::has_state<BitGen>::value, int> = 0>
void set_state_json(BitGen& bg, std::string_view text) {
  using S = std::decay_t<decltype(bg.state())>;
  bg.set_state(from_json<S>(text));
}

/// Generator.bit_generator.state as JSON.
template <class BitGen>
std::string get_state_json(const Generator<BitGen>& g) {
  return get_state_json(g.bit_generator());
}
template <class BitGen>
void set_state_json(Generator<BitGen>& g, std::string_view text) {
  set_state_json(g.bit_generator(), text);
}

/// RandomState.get_state(legacy) as JSON: the legacy tuple as an array
/// ["MT19937", [key...], pos, has_gauss, gauss] (legacy = true, MT19937), else the dict with
/// "has_gauss" and "gauss" (NumPy also returns the dict for other bit generators, with a warning).
template <class BitGen>
std::string get_state_json(const BasicRandomState<BitGen>& rs, bool legacy = true) {
  if constexpr (std::is_same<BitGen, MT19937>::value) {
    if (legacy) return to_json(rs.get_state());
  } else {
    (void)legacy;
  }
  return to_json(rs.get_state_dict());
}
/// RandomState.set_state(json.loads(text)): a legacy array (3 or 5 items, MT19937 only) or a dict
/// (has_gauss/gauss optional, 0 when absent). Throws std::invalid_argument, leaving `rs` unchanged.
template <class BitGen>
void set_state_json(BasicRandomState<BitGen>& rs, std::string_view text) {
  const detail::json::value v = detail::json::parse(text);
  if (v.k == detail::json::value::kind::array) {
    const LegacyState s = detail::json::read_legacy_tuple(v);
    if constexpr (std::is_same<BitGen, MT19937>::value) {
      rs.set_state(s);
    } else {
      detail::json::fail("state must be for a " + std::string(BitGen::name()) + " PRNG");
    }
    return;
  }
  using S = std::decay_t<decltype(rs.bit_generator().state())>;
  rs.set_state(detail::json::read_random_state_dict<S>(v));
}

// ---- stream operators (the JSON text above) ------------------------------------------------
namespace detail {
namespace json {

template <class OStream, class BitGen>
OStream& write_engine(OStream& os, const BitGen& bg) {
  const std::string s = get_state_json(bg);
  return static_cast<OStream&>(os << s.c_str());
}

// Reads one JSON object (balanced braces outside strings) from `is`, then sets the state. On
// any error: failbit, engine unchanged.
template <class IStream, class BitGen>
IStream& read_engine(IStream& is, BitGen& bg) {
  typename IStream::sentry ok(is);  // skips leading whitespace
  if (!ok) return is;
  std::string text;
  int depth = 0;
  bool in_string = false, escaped = false;
  typename IStream::char_type c;
  while (is.get(c)) {
    const char n = is.narrow(c, '\0');
    if (text.empty() && n != '{') break;
    text.push_back(n);
    if (text.size() > (std::size_t{1} << 20)) break;
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (n == '\\') {
        escaped = true;
      } else if (n == '"') {
        in_string = false;
      }
    } else if (n == '"') {
      in_string = true;
    } else if (n == '{') {
      ++depth;
    } else if (n == '}' && --depth == 0) {
      try {
        set_state_json(bg, text);
        return is;
      } catch (const std::invalid_argument&) {
        break;
      }
    }
  }
  is.setstate(is.failbit);
  return is;
}

}  // namespace json
}  // namespace detail

#define NPRANDOM_STATE_IO_STREAM_OPS(Engine)                                           \
  template <class CharT, class Traits>                                                 \
  std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, \
                                                const Engine& bg) {                    \
    return detail::json::write_engine(os, bg);                                         \
  }                                                                                    \
  template <class CharT, class Traits>                                                 \
  std::basic_istream<CharT, Traits>& operator>>(std::basic_istream<CharT, Traits>& is, \
                                                Engine& bg) {                          \
    return detail::json::read_engine(is, bg);                                          \
  }

/// `os << engine` writes get_state_json(engine); `is >> engine` reads it back (exact round trip).
NPRANDOM_STATE_IO_STREAM_OPS(MT19937)
NPRANDOM_STATE_IO_STREAM_OPS(PCG64)
NPRANDOM_STATE_IO_STREAM_OPS(PCG64DXSM)
NPRANDOM_STATE_IO_STREAM_OPS(Philox)
NPRANDOM_STATE_IO_STREAM_OPS(SFC64)

#undef NPRANDOM_STATE_IO_STREAM_OPS

}  // namespace nprandom

#endif  // NPRANDOM_STATE_IO_HPP
