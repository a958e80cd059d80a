// Golden data from real NumPy (tests/data/<family>.tsv, written by tools/make_golden.py).
#ifndef NPRANDOM_TESTS_SUPPORT_GOLDEN_HPP
#define NPRANDOM_TESTS_SUPPORT_GOLDEN_HPP

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

#include "support/catch.hpp"

#ifndef NPRANDOM_TEST_DATA_DIR
#error "NPRANDOM_TEST_DATA_DIR must point to tests/data"
#endif

namespace golden {

// One NumPy call and its result. Record format (one line, tab separated):
//   id  source  kind  payload  call
// kind: int | float | error; payload: space-separated decimal ints, float.hex() doubles, or the
// error text "ValueError: message".
struct Record {
  std::string id, source, kind, call, error;
  std::vector<std::string> tokens;

  std::size_t size() const { return tokens.size(); }

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
    if (f.size() != 5) throw std::runtime_error("malformed golden line in " + path + ": " + line);
    Record r;
    r.id = f[0];
    r.source = f[1];
    r.kind = f[2];
    r.call = f[4];
    if (r.kind == "error") {
      r.error = f[3];
    } else if (!f[3].empty()) {
      r.tokens = split(f[3], ' ');
    }
    (*fam)[r.id] = std::move(r);
  }
  return *cache.emplace(family, std::move(fam)).first->second;
}

inline std::uint64_t bits_of(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

}  // namespace detail

// The record `id` of tests/data/<family>.tsv; throws if absent (so a missing record fails the test).
inline const Record& get(const std::string& family, const std::string& id) {
  const auto& fam = detail::load(family);
  auto it = fam.find(id);
  if (it == fam.end()) throw std::runtime_error("no golden record '" + id + "' in " + family + ".tsv");
  return it->second;
}

// All records of a family whose id starts with `prefix` (to loop over a whole group).
inline std::vector<const Record*> with_prefix(const std::string& family, const std::string& prefix) {
  std::vector<const Record*> out;
  for (const auto& kv : detail::load(family))
    if (kv.first.compare(0, prefix.size(), prefix) == 0) out.push_back(&kv.second);
  return out;
}

// Bit-exact comparison of floating-point results (float widened to double, as NumPy's hex dump).
template <class Real, std::enable_if_t<std::is_floating_point<Real>::value, int> = 0>
void check(const Record& rec, const std::vector<Real>& got) {
  INFO("golden record: " << rec.id << "  [" << rec.source << "]  " << rec.call);
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
  INFO("golden record: " << rec.id << "  [" << rec.source << "]  " << rec.call);
  REQUIRE(rec.kind == "int");
  REQUIRE(got.size() == rec.tokens.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("index " << i);
    if (std::is_signed<Int>::value) {
      CHECK(static_cast<std::int64_t>(got[i]) == std::strtoll(rec.tokens[i].c_str(), nullptr, 10));
    } else {
      CHECK(static_cast<std::uint64_t>(got[i]) == std::strtoull(rec.tokens[i].c_str(), nullptr, 10));
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
  INFO("golden record: " << rec.id << "  [" << rec.source << "]  " << rec.call);
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
