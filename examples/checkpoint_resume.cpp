// Checkpoint and resume a stream across Python and C++: the state is NumPy's own state dict as
// JSON text, which either side writes byte for byte alike and either side resumes from.
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/checkpoint_resume.expected, which CTest compares with this program's output):
//
// ---- python ----
// import json
// import numpy as np
//
// rng = np.random.Generator(np.random.PCG64(2024))
// print(*rng.integers(0, 1000, size=5))
// checkpoint = json.dumps(rng.bit_generator.state)   # save: a file, a database row, ...
// print(checkpoint)
// print(*rng.integers(0, 1000, size=5))              # the run goes on
//
// resumed = np.random.PCG64()                         # later, elsewhere: resume
// resumed.state = json.loads(checkpoint)
// print(*np.random.Generator(resumed).integers(0, 1000, size=5))
//
// rs = np.random.RandomState(7)                       # legacy API: the cached gaussian travels too
// rs.standard_normal()
// saved = rs.get_state(legacy=False)
// saved["state"]["key"] = saved["state"]["key"].tolist()   # json.dumps cannot write ndarrays
// text = json.dumps(saved)
// again = np.random.RandomState()
// again.set_state(json.loads(text))
// print("%.17g %.17g" % (rs.standard_normal(), again.standard_normal()))
// ---- end python ----
//
// Any line of checkpoint text printed here can be pasted into the other language's resume step.
#include <nprandom/nprandom.hpp>
#include <nprandom/state_io.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

static void print_ints(const std::vector<std::int64_t>& v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    std::printf(i + 1 < v.size() ? "%lld " : "%lld\n", static_cast<long long>(v[i]));
}

int main() {
  nprandom::Generator<nprandom::PCG64> rng(nprandom::PCG64(2024));
  print_ints(rng.integers(0, 1000, 5));
  const std::string checkpoint = nprandom::get_state_json(rng);  // save
  std::printf("%s\n", checkpoint.c_str());
  print_ints(rng.integers(0, 1000, 5));  // the run goes on

  nprandom::PCG64 resumed;  // later, elsewhere: resume
  nprandom::set_state_json(resumed, checkpoint);
  nprandom::Generator<nprandom::PCG64> again_rng(resumed);
  print_ints(again_rng.integers(0, 1000, 5));

  nprandom::RandomState rs(7);  // legacy API: the cached gaussian travels too
  rs.standard_normal();
  const std::string text = nprandom::get_state_json(rs, /*legacy=*/false);
  nprandom::RandomState again;
  nprandom::set_state_json(again, text);
  const double a = rs.standard_normal();
  const double b = again.standard_normal();
  std::printf("%.17g %.17g\n", a, b);
  return 0;
}
