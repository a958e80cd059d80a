// Helper of the CTest test nprandom.state_io_live (tools/state_roundtrip_live.py drives it):
//   state_io_live <kind> <state.json> <n> <out.json>
// Loads Python's JSON state into <kind> (MT19937, PCG64, PCG64DXSM, Philox, SFC64 or RandomState),
// prints n draws (random_raw as decimal; RandomState: standard_normal as %a), one per line, and
// writes the state after them to <out.json> as JSON (RandomState: the legacy tuple form).
#include <nprandom/nprandom.hpp>
#include <nprandom/state_io.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <class BitGen>
std::string run_bitgen(const std::string& text, unsigned long n) {
  BitGen bg(0u);
  nprandom::set_state_json(bg, text);
  for (unsigned long i = 0; i < n; ++i)
    std::printf("%llu\n", static_cast<unsigned long long>(bg.random_raw()));
  return nprandom::get_state_json(bg);
}

std::string run_random_state(const std::string& text, unsigned long n) {
  nprandom::RandomState rs(0u);
  nprandom::set_state_json(rs, text);
  for (unsigned long i = 0; i < n; ++i) std::printf("%a\n", rs.standard_normal());
  return nprandom::get_state_json(rs);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s <kind> <state.json> <n> <out.json>\n", argv[0]);
    return 2;
  }
  try {
    const std::string kind = argv[1];
    const std::string text = read_file(argv[2]);
    const unsigned long n = std::strtoul(argv[3], nullptr, 10);
    std::string out;
    if (kind == "MT19937")
      out = run_bitgen<nprandom::MT19937>(text, n);
    else if (kind == "PCG64")
      out = run_bitgen<nprandom::PCG64>(text, n);
    else if (kind == "PCG64DXSM")
      out = run_bitgen<nprandom::PCG64DXSM>(text, n);
    else if (kind == "Philox")
      out = run_bitgen<nprandom::Philox>(text, n);
    else if (kind == "SFC64")
      out = run_bitgen<nprandom::SFC64>(text, n);
    else if (kind == "RandomState")
      out = run_random_state(text, n);
    else
      throw std::invalid_argument("unknown kind " + kind);
    std::ofstream(argv[4], std::ios::binary) << out;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "state_io_live: %s\n", e.what());
    return 1;
  }
  return 0;
}
