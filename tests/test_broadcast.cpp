// Array parameters, NumPy broadcasting and `size` shapes (issue 10) against
// tests/data/broadcast.tsv (tools/make_golden.py, family tools/golden/broadcast.py), read through
// tests/support/golden.hpp: values, result shape (form array:D), error text, and the next raw word
// of the bit generator after the call (column `after`: the final state; a rejected call must
// consume nothing).
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/nprandom.hpp>

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using nprandom::ndarray;
using nprandom::shape;
using G = nprandom::Generator<nprandom::PCG64>;
using R = nprandom::RandomState;
const double kNaN = std::nan("");

// What a call produced, in the golden record's terms.
struct Outcome {
  std::string kind;               // int, float, error
  std::vector<std::size_t> dims;  // the result's shape
  std::vector<double> floats;     // kind float
  std::vector<std::string> ints;  // kind int, decimal
  std::string error;              // kind error: "ValueError: message"
};
Outcome outcome(const ndarray<double>& a) {
  Outcome o{"float", {}, a.values(), {}, ""};
  for (std::size_t i = 0; i < a.shape().ndim(); ++i) o.dims.push_back(a.shape()[i]);
  return o;
}
template <class I, std::enable_if_t<std::is_integral<I>::value, int> = 0>
Outcome outcome(const ndarray<I>& a) {
  Outcome o{"int", {}, {}, {}, ""};
  for (std::size_t i = 0; i < a.shape().ndim(); ++i) o.dims.push_back(a.shape()[i]);
  const std::vector<I>& v = a.values();  // (ndarray<bool> holds a std::vector<bool>)
  for (std::size_t i = 0; i < v.size(); ++i) o.ints.push_back(std::to_string(+v[i]));
  return o;
}
template <class F>
Outcome run(F&& f) {
  try {
    return outcome(f());
  } catch (const std::overflow_error& e) {
    return {"error", {}, {}, {}, std::string("OverflowError: ") + e.what()};
  } catch (const std::invalid_argument& e) {
    return {"error", {}, {}, {}, std::string("ValueError: ") + e.what()};
  }
}

// The C++ twin of each NumPy call, written once for Generator and RandomState ("{x}" in the
// Python table): both front ends have the same array forms.
template <class S>
std::map<std::string, std::function<Outcome(S&)>> both() {
  const std::vector<std::vector<double>> mu23{{0.0, 1.0, 2.0}, {3.0, 4.0, 5.0}};
  const ndarray<double> mu({0.0, 1.0, 2.0, 3.0, 4.0, 5.0}, {2, 3});
  const ndarray<double> col({1.0, 4.0}, {2, 1});
  return {
      {"normal_list", [](S& x) { return run([&] {
                                   return x.normal({0.0, 1.0, 2.0}, 2.0);
                                 }); }},
      {"normal_2x3_size",
       [mu](S& x) { return run([&] {
                      return x.normal(mu, {0.5, 1.0, 2.0}, {4, 2, 3});
                    }); }},
      {"binomial_col",
       [](S& x) { return run([&] {
                    return x.binomial({10, 20}, {{0.1}, {0.9}});
                  }); }},
      {"poisson_col_size", [col](S& x) { return run([&] {
                                           return x.poisson(col, {2, 3});
                                         }); }},
      {"uniform_high", [](S& x) { return run([&] {
                                    return x.uniform(0.0, {1.0, 2.0, 3.0});
                                  }); }},
      {"uniform_both",
       [](S& x) { return run([&] {
                    return x.uniform({{0.0}, {10.0}}, {1.0, 2.0, 3.0});
                  }); }},
      {"exponential_size",
       [](S& x) { return run([&] {
                    return x.exponential({1.0, 2.0}, {3, 2});
                  }); }},
      {"gamma_mix", [](S& x) { return run([&] {
                                 return x.gamma({{1.0}, {2.5}}, 2.0, {2, 3});
                               }); }},
      {"standard_gamma_arr",
       [](S& x) { return run([&] {
                    return x.standard_gamma({0.5, 1.0, 3.0});
                  }); }},
      {"beta_arr", [](S& x) { return run([&] {
                                return x.beta({1.5, 2.0}, {{3.0}, {0.7}});
                              }); }},
      {"chisquare_arr", [](S& x) { return run([&] {
                                     return x.chisquare({1.0, 5.0, 9.0});
                                   }); }},
      {"noncentral_chisquare_arr",
       [](S& x) {
         return run([&] { return x.noncentral_chisquare({2.0, 3.0}, {{0.5}, {2.0}}); });
       }},
      {"f_arr", [](S& x) { return run([&] {
                             return x.f({1.0, 5.0}, 3.0, {2, 2});
                           }); }},
      {"noncentral_f_arr",
       [](S& x) { return run([&] {
                    return x.noncentral_f({2.0, 3.0}, {4.0}, {{1.0}, {0.0}});
                  }); }},
      {"standard_t_arr", [](S& x) { return run([&] {
                                      return x.standard_t({1.0, 2.0, 30.0});
                                    }); }},
      {"vonmises_arr",
       [](S& x) { return run([&] {
                    return x.vonmises({0.0, 1.0}, {{0.5}, {4.0}});
                  }); }},
      {"pareto_arr", [](S& x) { return run([&] {
                                  return x.pareto({1.0, 3.0});
                                }); }},
      {"weibull_arr", [](S& x) { return run([&] {
                                   return x.weibull({0.0, 1.0, 2.0});
                                 }); }},
      {"power_arr", [](S& x) { return run([&] {
                                 return x.power({0.5, 2.0});
                               }); }},
      {"laplace_arr",
       [](S& x) { return run([&] {
                    return x.laplace({0.0, 1.0}, {{1.0}, {2.0}});
                  }); }},
      {"gumbel_arr", [](S& x) { return run([&] {
                                  return x.gumbel({0.0, 1.0}, 2.0);
                                }); }},
      {"logistic_arr", [](S& x) { return run([&] {
                                    return x.logistic(1.0, {0.5, 2.0});
                                  }); }},
      {"lognormal_arr",
       [](S& x) { return run([&] {
                    return x.lognormal({0.0, 1.0}, {{0.5}, {1.0}});
                  }); }},
      {"rayleigh_arr", [](S& x) { return run([&] {
                                    return x.rayleigh({1.0, 2.0, 3.0});
                                  }); }},
      {"triangular_arr",
       [](S& x) {
         return run([&] { return x.triangular({0.0, 1.0}, {0.5, 1.5}, {{2.0}, {3.0}}); });
       }},
      {"negative_binomial_arr",
       [](S& x) { return run([&] {
                    return x.negative_binomial({1.0, 5.5}, {{0.3}, {0.9}});
                  }); }},
      {"geometric_arr", [](S& x) { return run([&] {
                                     return x.geometric({0.1, 0.5, 1.0});
                                   }); }},
      {"logseries_arr", [](S& x) { return run([&] {
                                     return x.logseries({0.0, 0.5, 0.9});
                                   }); }},
      {"zipf_arr", [](S& x) { return run([&] {
                                return x.zipf({1.5, 3.0});
                              }); }},
      {"hypergeometric_arr",
       [](S& x) { return run([&] {
                    return x.hypergeometric({10, 20}, {5}, {{3}, {12}});
                  }); }},
      {"zero_size_param",
       [](S& x) { return run([&] { return x.normal(std::vector<double>{}, 1.0); }); }},
      {"zero_size_size", [](S& x) { return run([&] {
                                      return x.poisson({1.0, 2.0}, {0, 2});
                                    }); }},
      {"scalar_shape", [](S& x) { return run([&] {
                                    return x.normal(1.0, 2.0, {2, 3});
                                  }); }},
      {"scalar_size_empty_tuple",
       [](S& x) { return run([&] { return x.exponential(2.0, shape{}); }); }},
      {"err_scale", [](S& x) { return run([&] {
                                 return x.normal({0.0, 1.0}, {1.0, -1.0});
                               }); }},
      {"err_p_nan", [](S& x) { return run([&] {
                                 return x.binomial({1, 2}, {0.1, kNaN});
                               }); }},
      {"err_n_neg", [](S& x) { return run([&] {
                                 return x.binomial({1, -2}, {0.1, 0.2});
                               }); }},
      {"err_lam", [](S& x) { return run([&] {
                               return x.poisson({1.0, -2.0});
                             }); }},
      {"err_lam_nan", [](S& x) { return run([&] {
                                   return x.poisson({1.0, kNaN});
                                 }); }},
      {"err_lam_big", [](S& x) { return run([&] {
                                   return x.poisson({1.0, 1e19});
                                 }); }},
      {"err_mismatch",
       [](S& x) { return run([&] {
                    return x.normal({0.0, 1.0}, {1.0, 2.0, 3.0});
                  }); }},
      {"err_mismatch_size",
       [](S& x) { return run([&] {
                    return x.normal({0.0, 1.0}, 1.0, {3});
                  }); }},
      {"err_output_size", [mu](S& x) { return run([&] { return x.normal(mu, 1.0, {3}); }); }},
      {"err_output_size2", [col](S& x) { return run([&] { return x.poisson(col, {3}); }); }},
      {"err_triangular",
       [](S& x) { return run([&] {
                    return x.triangular({0.0, 2.0}, {1.0, 1.0}, 3.0);
                  }); }},
      {"err_triangular_shape",
       [](S& x) { return run([&] {
                    return x.triangular({0.0, 1.0}, {1.0, 1.0, 1.0}, 3.0);
                  }); }},
      {"err_triangular_shape2d",
       [](S& x) { return run([&] {
                    return x.triangular({{0.0, 1.0, 2.0}}, {1.0, 1.0}, 3.0);
                  }); }},
      {"err_uniform_shape",
       [](S& x) { return run([&] {
                    return x.uniform({0.0, 1.0}, {1.0, 2.0, 3.0});
                  }); }},
      {"err_uniform_range",
       [](S& x) { return run([&] {
                    return x.uniform({0.0, 1.0}, {1.0, HUGE_VAL});
                  }); }},
      {"err_hyper_sum",
       [](S& x) { return run([&] {
                    return x.hypergeometric({1, 2}, {1, 1}, {2, 5});
                  }); }},
      {"err_hyper_shape",
       [](S& x) { return run([&] {
                    return x.hypergeometric({1, 2}, {1, 1, 1}, 1);
                  }); }},
      {"err_geometric", [](S& x) { return run([&] {
                                     return x.geometric({0.5, 0.0});
                                   }); }},
      {"err_logseries", [](S& x) { return run([&] {
                                     return x.logseries({0.5, kNaN});
                                   }); }},
      {"err_zipf", [](S& x) { return run([&] {
                                return x.zipf({2.0, 1.0});
                              }); }},
      {"err_gamma_shape", [](S& x) { return run([&] {
                                       return x.gamma({1.0, -1.0}, 1.0);
                                     }); }},
      {"err_beta", [](S& x) { return run([&] {
                                return x.beta({1.0, 0.0}, 1.0);
                              }); }},
      {"err_noncentral_f",
       [](S& x) { return run([&] {
                    return x.noncentral_f(1.0, 1.0, {1.0, -0.0});
                  }); }},
      {"err_negbin_n",
       [](S& x) { return run([&] {
                    return x.negative_binomial({1.0, 0.0}, 0.5);
                  }); }},
      {"err_negbin_p",
       [](S& x) { return run([&] {
                    return x.negative_binomial(1.0, {0.5, 1.5});
                  }); }},
  };
}

// Kind, shape, values (doubles bit for bit), error class and text, and the bit generator's next
// raw word after the call.
void check(const golden::Record& rec, const Outcome& o, std::uint64_t next_raw) {
  INFO(rec.id << ": " << rec.call);
  REQUIRE(o.kind == rec.kind);
  if (rec.kind == "error") {
    CHECK(o.error == rec.error);
  } else {
    REQUIRE(rec.form.base == golden::Form::array);
    CHECK(o.dims == rec.form.dims);
    if (rec.kind == "float") {
      golden::check(rec, o.floats);
    } else {
      CHECK(o.ints == rec.tokens);
    }
  }
  CHECK(next_raw == rec.after_raw());
}

}  // namespace

TEST_CASE("broadcast: Generator array parameters match NumPy", "[broadcast]") {
  auto calls = both<G>();
  calls["err_negbin_lam"] = [](G& x) {
    return run([&] { return x.negative_binomial({1.0, 1e18}, {0.5, 1e-10}); });
  };
  calls["err_negbin_nan"] = [](G& x) {
    return run([&] { return x.negative_binomial({1.0, kNaN}, 0.5); });
  };
  calls["err_hyper_max"] = [](G& x) {
    return run([&] { return x.hypergeometric({1, 1000000000}, 1, 1); });
  };
  calls["err_uniform_neg"] = [](G& x) {
    return run([&] { return x.uniform({0.0, 1.0}, {1.0, 0.5}); });
  };
  // integers with N-D array bounds (_rand_<dtype>_broadcast).
  using i64 = std::int64_t;
  calls["integers_2d_size"] = [](G& x) {
    return run([&] { return x.integers({0, 5}, {10, 50}, {3, 2}); });
  };
  calls["integers_col_endpoint"] = [](G& x) {
    return run([&] { return x.integers({{0}, {5}}, {10, 200, 300}, nprandom::endpoint); });
  };
  calls["integers_scalar_low"] = [](G& x) {
    return run([&] { return x.integers(7, ndarray<i64>({10, 20, 30, 40}, {2, 2})); });
  };
  calls["integers_scalar_shape"] = [](G& x) {
    return run([&] { return x.integers(0, 10, {2, 3}); });
  };
  calls["integers_int8"] = [](G& x) {
    return run([&] { return x.integers<std::int8_t>({{-5}, {0}}, {5, 100}, {3, 2, 2}); });
  };
  calls["integers_uint16_endpoint"] = [](G& x) {
    return run([&] {
      return x.integers<std::uint16_t>({0, 5}, {{10}, {65535}}, nprandom::endpoint);
    });
  };
  calls["integers_uint64"] = [](G& x) {
    return run([&] { return x.integers<std::uint64_t>({0, 7}, {{10}, {std::uint64_t{1} << 62}}); });
  };
  calls["integers_zero_size"] = [](G& x) {
    return run([&] { return x.integers({5, 5}, {1, 1}, {0, 2}); });
  };
  calls["err_integers_low_high"] = [](G& x) {
    return run([&] { return x.integers({0, 5}, {{10, 50}, {10, 5}}); });
  };
  calls["err_integers_high_le0"] = [](G& x) {
    return run([&] { return x.integers({0, 0}, {10, 0}); });
  };
  calls["err_integers_endpoint"] = [](G& x) {
    return run([&] { return x.integers({0, 5}, {10, 4}, nprandom::endpoint); });
  };
  calls["err_integers_high_oob"] = [](G& x) {
    return run([&] { return x.integers<std::int8_t>({0, 5}, {{10, 300}}); });
  };
  calls["err_integers_high_oob_endpoint"] = [](G& x) {
    return run([&] { return x.integers<std::int8_t>({0, 5}, {10, 128}, nprandom::endpoint); });
  };
  calls["err_integers_low_oob"] = [](G& x) {
    return run([&] { return x.integers<std::int8_t>({-200, 5}, 10); });
  };
  calls["err_integers_shape"] = [](G& x) {
    return run([&] { return x.integers({0, 1}, {5, 6, 7}); });
  };
  calls["err_integers_shape2d"] = [](G& x) {
    return run([&] { return x.integers({{0, 1, 2}, {3, 4, 5}}, {7, 8}); });
  };
  calls["err_integers_size"] = [](G& x) {
    return run([&] { return x.integers({0, 1}, {5, 6}, {3}); });
  };
  // multinomial with array n and N-D pvals.
  calls["multinomial_2d"] = [](G& x) {
    return run([&] { return x.multinomial({10, 20}, {{0.2, 0.8}, {0.5, 0.5}}); });
  };
  calls["multinomial_n_col_size"] = [](G& x) {
    return run([&] {
      return x.multinomial(ndarray<i64>({10, 20}, {2, 1}), {0.2, 0.3, 0.5}, {2, 3});
    });
  };
  calls["multinomial_pvals2d"] = [](G& x) {
    return run([&] { return x.multinomial(7, {{0.1, 0.9}, {0.6, 0.4}, {1.0, 0.0}}); });
  };
  calls["multinomial_size_bcast"] = [](G& x) {
    return run([&] { return x.multinomial({5, 6}, {{0.2, 0.8}}, {3, 2}); });
  };
  calls["multinomial_scalar_shape"] = [](G& x) {
    return run([&] { return x.multinomial(9, {0.3, 0.3, 0.4}, {2, 2}); });
  };
  calls["err_multinomial_n"] = [](G& x) {
    return run([&] { return x.multinomial({10, -1}, {0.5, 0.5}); });
  };
  calls["err_multinomial_sum2d"] = [](G& x) {
    return run([&] { return x.multinomial({1, 2}, {{0.5, 0.2, 0.3}, {0.8, 0.7, 0.1}}); });
  };
  calls["err_multinomial_sum1d"] = [](G& x) {
    return run([&] { return x.multinomial({1, 2}, {0.8, 0.7, 0.1}); });
  };
  calls["err_multinomial_range"] = [](G& x) {
    return run([&] { return x.multinomial({1, 2}, {{0.5, 0.5}, {1.5, -0.5}}); });
  };
  calls["err_multinomial_shape"] = [](G& x) {
    return run([&] { return x.multinomial({1, 2, 3}, {{0.5, 0.5}, {0.2, 0.8}}); });
  };
  calls["err_multinomial_size"] = [](G& x) {
    return run([&] { return x.multinomial({1, 2}, {0.5, 0.5}, {3}); });
  };
  calls["err_multinomial_size_compat"] = [](G& x) {
    return run([&] { return x.multinomial({1, 2}, {0.5, 0.5}, {1, 1}); });
  };
  calls["err_multinomial_pvals0d"] = [](G& x) {
    return run([&] { return x.multinomial({1, 2}, 0.5); });
  };
  // choice along an axis, permuted of an N-D array (np.arange(12).reshape(3, 4),
  // np.arange(24).reshape(2, 3, 4)).
  auto arange = [](std::size_t n, shape s) {
    std::vector<i64> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<i64>(i);
    return ndarray<i64>(std::move(v), std::move(s));
  };
  const ndarray<i64> a34 = arange(12, {3, 4}), a234 = arange(24, {2, 3, 4});
  calls["choice_axis1"] = [a34](G& x) {
    return run([&] { return x.choice(a34, 2, true, {}, 1); });
  };
  calls["choice_axis2_noreplace"] = [a234](G& x) {
    return run([&] { return x.choice(a234, {2, 2}, false, {}, 2); });
  };
  calls["choice_axis0_p"] = [a34](G& x) {
    return run([&] { return x.choice(a34, 5, true, {0.2, 0.3, 0.5}); });
  };
  calls["choice_axis_scalar"] = [a34](G& x) {
    return run([&] { return x.choice(a34, nprandom::size_arg{}, true, {}, 1); });
  };
  calls["choice_axis_neg"] = [a234](G& x) {
    return run([&] { return x.choice(a234, 3, false, {}, -2); });
  };
  calls["permuted_axis2"] = [a234](G& x) { return run([&] { return x.permuted(a234, 2); }); };
  calls["permuted_axis1"] = [a234](G& x) { return run([&] { return x.permuted(a234, 1); }); };
  calls["permuted_axis_neg3"] = [a234](G& x) { return run([&] { return x.permuted(a234, -3); }); };
  calls["permuted_none"] = [a234](G& x) { return run([&] { return x.permuted(a234); }); };
  calls["err_permuted_axis"] = [a234](G& x) { return run([&] { return x.permuted(a234, 3); }); };
  calls["integers_high_only"] = [](G& x) { return run([&] { return x.integers({5, 10, 1000}); }); };
  calls["integers_high_only_int8"] = [](G& x) {
    return run([&] { return x.integers<std::int8_t>({{5}, {100}}); });
  };
  calls["integers_bool"] = [](G& x) {
    return run([&] { return x.integers<bool>({0, 0, 1}, {2, 1, 2}, {2, 3}); });
  };
  calls["integers_bool_endpoint"] = [](G& x) {
    return run([&] { return x.integers<bool>({0, 1}, {1, 1}, nprandom::endpoint); });
  };
  calls["err_integers_bool_oob"] = [](G& x) {
    return run([&] { return x.integers<bool>({0, 1}, {{1}, {3}}); });
  };
  // Bounds of the other signedness are checked as given (a uint64 2**63 is a valid exclusive
  // int64 bound; 2**63 + 5 is out of bounds; a negative uint64 bound is rejected), not wrapped.
  using u64 = std::uint64_t;
  static constexpr u64 two63 = u64{1} << 63;
  calls["integers_u64_bound"] = [](G& x) {
    return run([&] { return x.integers(0, ndarray<u64>({two63, 5}, {2})); });
  };
  calls["integers_u64_bound_size"] = [](G& x) {
    return run([&] { return x.integers(std::int64_t{0}, two63, nprandom::size_arg{2}); });
  };
  calls["err_integers_u64_high_oob"] = [](G& x) {
    return run(
        [&] { return x.integers(ndarray<u64>({two63}, {1}), ndarray<u64>({two63 + 5}, {1})); });
  };
  calls["err_integers_u64_high_oob_endpoint"] = [](G& x) {
    return run([&] { return x.integers(0, ndarray<u64>({two63}, {1}), nprandom::endpoint); });
  };
  calls["err_integers_u64_high_oob_size"] = [](G& x) {
    return run([&] { return x.integers(std::int64_t{0}, two63 + 1, nprandom::size_arg{2}); });
  };
  calls["err_integers_u64_low_above"] = [](G& x) {
    return run([&] { return x.integers(ndarray<u64>({two63}, {1}), 5); });
  };
  calls["err_integers_neg_high_uint64"] = [](G& x) {
    return run([&] { return x.integers<u64>(0, ndarray<std::int64_t>({-1}, {1})); });
  };
  calls["err_integers_neg_low_uint64"] = [](G& x) {
    return run([&] { return x.integers<u64>(ndarray<std::int64_t>({-1}, {1}), 5); });
  };
  std::size_t seen = 0;
  for (const golden::Record* rec : golden::with_prefix("broadcast", "G.")) {
    const auto it = calls.find(rec->id.substr(2));
    INFO(rec->id);
    REQUIRE(it != calls.end());
    REQUIRE(rec->front == "Generator");
    REQUIRE(rec->bitgen == "PCG64");
    G g(nprandom::PCG64(rec->seed()));
    const Outcome o = it->second(g);
    check(*rec, o, g.bit_generator().random_raw());
    ++seen;
  }
  CHECK(seen == calls.size());
}

TEST_CASE("broadcast: RandomState array parameters match NumPy", "[broadcast]") {
  auto calls = both<R>();
  calls["uniform_reversed"] = [](R& x) {
    return run([&] { return x.uniform({0.0, 1.0}, {1.0, 0.5}); });
  };
  calls["err_hyper_nsample"] = [](R& x) {
    return run([&] { return x.hypergeometric({1, 2}, {1, 1}, {1, 0}); });
  };
  // randint with array bounds (masked _rand_<dtype>_broadcast).
  calls["randint_list"] = [](R& x) {
    return run([&] { return x.randint(std::vector<int>{0, 5}, 10); });
  };
  calls["randint_2d_size"] = [](R& x) {
    return run([&] { return x.randint({0, 5}, {{10}, {50}}, {3, 2, 2}); });
  };
  calls["randint_high_only"] = [](R& x) { return run([&] { return x.randint({5, 10, 1000}); }); };
  calls["randint_int8"] = [](R& x) {
    return run([&] { return x.randint<std::int8_t>({{-5}, {0}}, {5, 100}, {3, 2, 2}); });
  };
  calls["randint_uint16"] = [](R& x) {
    return run([&] { return x.randint<std::uint16_t>({0, 5}, {{10}, {65535}}); });
  };
  calls["randint_scalar_shape"] = [](R& x) {
    return run([&] { return x.randint(0, 10, {2, 3}); });
  };
  calls["err_randint_low_high"] = [](R& x) {
    return run([&] { return x.randint({0, 5}, {10, 5}); });
  };
  calls["err_randint_high_le0"] = [](R& x) {
    return run([&] { return x.randint({0, 0}, {10, 0}); });
  };
  calls["err_randint_shape"] = [](R& x) {
    return run([&] { return x.randint({0, 1}, {5, 6, 7}); });
  };
  calls["randint_bool"] = [](R& x) {
    return run([&] { return x.randint<bool>({0, 0, 1}, {2, 1, 2}); });
  };
  calls["err_randint_oob"] = [](R& x) {
    return run([&] { return x.randint<std::int8_t>({0, 5}, 300); });
  };
  static constexpr std::uint64_t two63 = std::uint64_t{1} << 63;
  calls["randint_u64_bound"] = [](R& x) {
    return run([&] { return x.randint(0, ndarray<std::uint64_t>({two63}, {1})); });
  };
  calls["err_randint_u64_high_oob"] = [](R& x) {
    return run([&] { return x.randint(0, ndarray<std::uint64_t>({two63 + 1}, {1})); });
  };
  calls["err_randint_neg_low_uint64"] = [](R& x) {
    return run([&] { return x.randint<std::uint64_t>(ndarray<std::int64_t>({-1}, {1}), 5); });
  };
  std::size_t seen = 0;
  for (const golden::Record* rec : golden::with_prefix("broadcast", "R.")) {
    const auto it = calls.find(rec->id.substr(2));
    INFO(rec->id);
    REQUIRE(it != calls.end());
    REQUIRE(rec->front == "RandomState");
    R r(rec->seed());
    const Outcome o = it->second(r);
    check(*rec, o, r.bit_generator().random_raw());
    ++seen;
  }
  CHECK(seen == calls.size());
}

TEST_CASE("broadcast: np.random facade forwards array parameters", "[broadcast]") {
  const std::map<std::string, std::function<Outcome()>> calls{
      {"F.normal_list",
       [] {
         return run([] { return nprandom::normal(std::vector<double>{0.0, 1.0, 2.0}, 2.0); });
       }},
      {"F.binomial_col",
       [] {
         return run([] {
           return nprandom::binomial(std::vector<std::int64_t>{10, 20},
                                     ndarray<double>({0.1, 0.9}, {2, 1}));
         });
       }},
      {"F.poisson_col_size",
       [] {
         return run([] {
           return nprandom::poisson(ndarray<double>({1.0, 4.0}, {2, 1}), shape{2, 3});
         });
       }},
      {"F.randint_list",
       [] { return run([] {
              return nprandom::randint(std::vector<std::int64_t>{0, 5}, 10);
            }); }},
      {"F.randint_high_only", [] { return run([] {
                                     return nprandom::randint({5, 10, 1000});
                                   }); }},
      {"F.randint_2d_size",
       [] { return run([] {
              return nprandom::randint({0, 5}, {{10}, {50}}, {3, 2, 2});
            }); }},
      {"F.uniform_high",
       [] {
         return run([] { return nprandom::uniform(0.0, std::vector<double>{1.0, 2.0, 3.0}); });
       }},
  };
  const auto records = golden::with_prefix("broadcast", "F.");
  CHECK(records.size() == calls.size());
  for (const golden::Record* rec : records) {
    const auto it = calls.find(rec->id);
    INFO(rec->id);
    REQUIRE(it != calls.end());
    REQUIRE(rec->front == "facade");
    nprandom::seed(12345);  // the facade records are drawn after np.random.seed(12345)
    const Outcome o = it->second();
    const std::uint64_t next =
        nprandom::with_global_random_state([](R& r) { return r.bit_generator().random_raw(); });
    check(*rec, o, next);
  }
}

TEST_CASE("broadcast: the four forms of one declaration agree", "[broadcast]") {
  G a(nprandom::PCG64(7)), b(nprandom::PCG64(7)), c(nprandom::PCG64(7));
  const std::vector<double> sized = a.normal(1.0, 2.0, 6);
  const ndarray<double> shaped = b.normal(1.0, 2.0, {2, 3});
  std::vector<double> filled(6);
  c.normal(1.0, 2.0, filled.data(), filled.size());
  CHECK(shaped.shape() == shape{2, 3});
  CHECK(std::vector<double>(shaped) == sized);
  CHECK(filled == sized);
  // A rejected call consumes nothing, also when the bad value is the last array element.
  G d(nprandom::PCG64(7));
  CHECK_THROWS_AS(d.normal({1.0, 2.0, 3.0}, {1.0, 1.0, -1.0}), std::invalid_argument);
  CHECK(d.normal(1.0, 2.0) == sized[0]);
  // A 2-D initializer list is rectangular.
  CHECK_THROWS_AS(d.normal({{1.0, 2.0}, {3.0}}, 1.0), std::invalid_argument);
}

TEST_CASE("broadcast: integers(vector, vector, n) reads n as a size, not the endpoint flag",
          "[broadcast]") {
  G g(nprandom::PCG64(5)), h(nprandom::PCG64(5));
  const std::vector<int> lo{0, 5}, hi{10, 50};
  static_assert(std::is_same<decltype(g.integers(lo, hi, 2)), ndarray<std::int64_t>>::value,
                "an int third argument is a size");
  static_assert(std::is_same<decltype(g.integers(lo, hi, true)), std::vector<std::int64_t>>::value,
                "a bool third argument is the endpoint flag");
  const ndarray<std::int64_t> a = g.integers(lo, hi, shape{3, 2});
  const ndarray<std::int64_t> b = h.integers({0, 5}, {10, 50}, {3, 2});
  CHECK(a.shape() == shape{3, 2});
  CHECK(a.values() == b.values());
  CHECK_THROWS_AS(g.integers(lo, hi, 3), std::invalid_argument);  // (2,) vs size (3,)
}

TEST_CASE("broadcast: ndarray<bool> has bool elements, iteration and values()", "[broadcast]") {
  // The values are G.integers_bool's (NumPy's), read through a[i], data(), iteration and values().
  const golden::Record& want = golden::get("broadcast", "G.integers_bool");
  G g(nprandom::PCG64(want.seed()));
  ndarray<bool> a = g.integers<bool>({0, 0, 1}, {2, 1, 2}, {2, 3});
  std::vector<std::string> by_index, by_iter, by_values;
  for (std::size_t i = 0; i < a.size(); ++i) {
    by_index.push_back(std::to_string(+a[i]));
    CHECK(a.data()[i] == a[i]);
  }
  for (bool b : a) by_iter.push_back(std::to_string(+b));
  const std::vector<bool> v = a.values();
  for (std::size_t i = 0; i < v.size(); ++i) by_values.push_back(std::to_string(+v[i]));
  CHECK(by_index == want.tokens);
  CHECK(by_iter == want.tokens);
  CHECK(by_values == want.tokens);
  const bool first = a[0];
  a[0] = !first;  // bool& elements
  const std::vector<bool> w = a;
  CHECK(w[0] == !first);
  const ndarray<bool> copy = a;
  CHECK(copy[0] == !first);
  CHECK(copy.shape() == shape{2, 3});
}

TEST_CASE("broadcast: a shape size for the parameterless methods is the sized form, shaped",
          "[broadcast]") {
  // rng.random((2, 3)) draws what rng.random(6) draws (NumPy fills the array in C order), and the
  // sized forms are checked against NumPy elsewhere; here the shape form must equal them exactly,
  // values and state, for every parameterless method that takes a shape.
  const shape s{2, 3, 2};
  auto same = [&](auto shaped, auto sized) {
    G a(nprandom::PCG64(7)), b(nprandom::PCG64(7));
    const auto x = shaped(a);
    const auto y = sized(b);
    CHECK(x.shape() == s);
    CHECK(x.values() == y);
    CHECK(a.bit_generator().state() == b.bit_generator().state());
  };
  same([&](G& g) { return g.random(s); }, [](G& g) { return g.random(12); });
  same([&](G& g) { return g.random<float>(s); }, [](G& g) { return g.random<float>(12); });
  same([&](G& g) { return g.standard_normal(s); }, [](G& g) { return g.standard_normal(12); });
  same([&](G& g) { return g.standard_normal<float>(s); },
       [](G& g) { return g.standard_normal<float>(12); });
  same([&](G& g) { return g.standard_exponential(s); },
       [](G& g) { return g.standard_exponential(12); });
  same([&](G& g) { return g.standard_exponential(s, "inv"); },
       [](G& g) { return g.standard_exponential(12, "inv"); });
  G one(nprandom::PCG64(7));
  CHECK(one.random(nprandom::size_arg{}).shape() == shape{});  // size=None: one value, shape ()

  auto same_rs = [&](auto shaped, auto sized) {
    nprandom::RandomState a(7), b(7);
    const auto x = shaped(a);
    const auto y = sized(b);
    CHECK(x.shape() == s);
    CHECK(x.values() == y);
    CHECK(a.get_state() == b.get_state());
    CHECK(a.random_sample() == b.random_sample());
  };
  using RS = nprandom::RandomState;
  same_rs([&](RS& r) { return r.random_sample(s); }, [](RS& r) { return r.random_sample(12); });
  same_rs([&](RS& r) { return r.random(s); }, [](RS& r) { return r.random(12); });
  same_rs([&](RS& r) { return r.standard_normal(s); }, [](RS& r) { return r.standard_normal(12); });
  same_rs([&](RS& r) { return r.standard_exponential(s); },
          [](RS& r) { return r.standard_exponential(12); });
  // the np.random.* facade forwards the shape form too
  nprandom::seed(7);
  const ndarray<double> f = nprandom::random_sample(s);
  nprandom::seed(7);
  CHECK(f.values() == nprandom::random_sample(12));
}
