// Bit-exact batched natural logarithm, exponential and power: glibc's log(x), exp(x) and
// pow(x, y), computed 4 (AVX2 + FMA) or 8 (AVX-512) values at a time, for the bulk kernels whose
// values are logs of independent uniforms (exps of independent normals: exp_batch; powers of
// independent exponentials with one exponent: pow_batch). log is described here; exp and pow
// (optimized-routines math/exp.c, math/pow.c) have their own sections below and the same gate.
// Internal header: not API, may change in any release (docs/design.md).
//
// glibc >= 2.28 computes log with the algorithm of ARM's optimized-routines (math/log.c, Szabolcs
// Nagy; MIT OR Apache-2.0 WITH LLVM-exception, see LICENSE): x = 2^k z with z in [0x1.6p-1,
// 0x1.6p0), a 128-entry table of c ~ z (1/c and log(c)), r = z/c - 1 and
// log(x) = k ln2 + log(c) + r + poly(r) in a hi/lo split; inputs within [1 - 2^-4, 1 + 0x1.09p-4]
// take a degree-12 polynomial in r = x - 1 instead. On x86-64 an ifunc runs a build compiled with
// -mfma (`__log_fma`) on CPUs with FMA and AVX2: r = fma(z, 1/c, -1) and every product that meets
// an addition is contracted by the compiler that built glibc. log_reference<true> below is that
// evaluation written out (which products are fused is part of the algorithm), log_reference<false>
// the build without FMA (r = (z - chi - clo) / c with no fusion). Both are portable scalar code,
// used by the tests to prove the algorithm against the C library (tests/test_vec_log.cpp).
//
// log_batch(in, out, n) gives exactly std::log(in[i]) for every i. It runs the vector kernels only
// when all of these hold, and calls the C library otherwise:
// - at compile time: x86-64 GCC/Clang with the SIMD kernels (NPRANDOM_X86_SIMD) and glibc >= 2.28
//   (the C library whose algorithm this is; musl, macOS, MSVC, older glibc: libm);
// - at run time: the SIMD level in use (NPRANDOM_SIMD, set_simd_level) is avx2 or avx512 and the
//   CPU has FMA (glibc's choice of its FMA build), and a one-time self-check of that kernel
//   against std::log on a fixed probe set passed (powers of two, the near-1 interval and its
//   edges, subnormals, specials, pseudo-random doubles, and inputs whose FMA and non-FMA results
//   differ: a libm that is not glibc's FMA build fails it, e.g. under GLIBC_TUNABLES that hide
//   FMA).
// Subnormal, zero, negative, infinite and NaN inputs go to std::log lane by lane (errno and the
// floating-point flags of those calls are the library's; the vector lanes raise no exception that
// a scalar log of a normal positive input would not).
//
// No <immintrin.h> (compile cost, detail/pcg64_lanes.hpp): GCC/Clang vector extensions plus the
// two FMA builtins. The FMA instructions here are deliberate, the only ones in nprandom's headers:
// their lines carry the marker `fma-glibc`, which tools/fma_audit.py accepts.
#ifndef NPRANDOM_DETAIL_VEC_LOG_HPP
#define NPRANDOM_DETAIL_VEC_LOG_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/simd_dispatch.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

// NPRANDOM_VEC_LOG: the vector log kernels exist in this build.
#if NPRANDOM_X86_SIMD && defined(__GLIBC__) && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 28))
#define NPRANDOM_VEC_LOG 1
#else
#define NPRANDOM_VEC_LOG 0
#endif

namespace nprandom {
namespace detail {

// optimized-routines math/log_data.c, N = 128, LOG_POLY_ORDER 6, LOG_POLY1_ORDER 12 (the
// configuration glibc uses).
struct vlog_entry {
  double invc, logc;  // 1/c and log(c), c near the centre of subinterval i
  double chi, clo;    // c = chi + clo (the evaluation without FMA)
};
inline constexpr double vlog_ln2hi = 0x1.62e42fefa38p-1;
inline constexpr double vlog_ln2lo = 0x1.ef35793c7673p-45;
// log1p(r) - r ~ r^2 (A0 + r A1 + r^2 A2 + r^3 A3 + r^4 A4), |r| < 2^-8.
inline constexpr double vlog_a[5] = {-0x1.0000000000001p-1, 0x1.555555551305bp-2,
                                     -0x1.fffffffeb459p-3, 0x1.999b324f10111p-3,
                                     -0x1.55575e506c89fp-3};
// log(1 + r) ~ r + B0 r^2 + ... + B10 r^12 near 1.
inline constexpr double vlog_b[11] = {-0x1p-1,
                                      0x1.5555555555577p-2,
                                      -0x1.ffffffffffdcbp-3,
                                      0x1.999999995dd0cp-3,
                                      -0x1.55555556745a7p-3,
                                      0x1.24924a344de3p-3,
                                      -0x1.fffffa4423d65p-4,
                                      0x1.c7184282ad6cap-4,
                                      -0x1.999eb43b068ffp-4,
                                      0x1.78182f7afd085p-4,
                                      -0x1.5521375d145cdp-4};
inline constexpr std::uint64_t vlog_near_lo = 0x3fee000000000000ULL;  // bits of 1 - 2^-4
inline constexpr std::uint64_t vlog_near_hi = 0x3ff1090000000000ULL;  // bits of 1 + 0x1.09p-4
inline constexpr std::uint64_t vlog_off = 0x3fe6000000000000ULL;      // bits of 0x1.6p-1
inline constexpr vlog_entry vlog_table[128] = {
    {0x1.734f0c3e0de9fp+0, -0x1.7cc7f79e69p-2, 0x1.61000014fb66bp-1, 0x1.e026c91425b3cp-56},
    {0x1.713786a2ce91fp+0, -0x1.76feec20dp-2, 0x1.63000034db495p-1, 0x1.dbfea48005d41p-55},
    {0x1.6f26008fab5ap+0, -0x1.713e31351ep-2, 0x1.650000d94d478p-1, 0x1.e7fa786d6a5b7p-55},
    {0x1.6d1a61f138c7dp+0, -0x1.6b85b382878p-2, 0x1.67000074e6fadp-1, 0x1.1fcea6b54254cp-57},
    {0x1.6b1490bc5b4d1p+0, -0x1.65d55908078p-2, 0x1.68ffffedf0faep-1, -0x1.c7e274c590efdp-56},
    {0x1.69147332f0cbap+0, -0x1.602d07618p-2, 0x1.6b0000763c5bcp-1, -0x1.ac16848dcda01p-55},
    {0x1.6719f18224223p+0, -0x1.5a8ca86909p-2, 0x1.6d0001e5cc1f6p-1, 0x1.33f1c9d499311p-55},
    {0x1.6524f99a51ed9p+0, -0x1.54f4356035p-2, 0x1.6efffeb05f63ep-1, -0x1.e80041ae22d53p-56},
    {0x1.63356aa8f24c4p+0, -0x1.4f637c36b4p-2, 0x1.710000e86978p-1, 0x1.bff6671097952p-56},
    {0x1.614b36b9ddc14p+0, -0x1.49da7fda85p-2, 0x1.72ffffc67e912p-1, 0x1.c00e226bd8724p-55},
    {0x1.5f66452c65c4cp+0, -0x1.445923989a8p-2, 0x1.74fffdf81116ap-1, -0x1.e02916ef101d2p-57},
    {0x1.5d867b5912c4fp+0, -0x1.3edf439b0b8p-2, 0x1.770000f679c9p-1, -0x1.7fc71cd549c74p-57},
    {0x1.5babccb5b90dep+0, -0x1.396ce448f7p-2, 0x1.78ffffa7ec835p-1, 0x1.1bec19ef50483p-55},
    {0x1.59d61f2d91a78p+0, -0x1.3401e17bdap-2, 0x1.7affffe20c2e6p-1, -0x1.07e1729cc6465p-56},
    {0x1.5805612465687p+0, -0x1.2e9e2ef468p-2, 0x1.7cfffed3fc9p-1, -0x1.08072087b8b1cp-55},
    {0x1.56397cee76bd3p+0, -0x1.2941b3830ep-2, 0x1.7efffe9261a76p-1, 0x1.dc0286d9df9aep-55},
    {0x1.54725e2a77f93p+0, -0x1.23ec58cda88p-2, 0x1.81000049ca3e8p-1, 0x1.97fd251e54c33p-55},
    {0x1.52aff42064583p+0, -0x1.1e9e129279p-2, 0x1.8300017932c8fp-1, -0x1.afee9b630f381p-55},
    {0x1.50f22dbb2bddfp+0, -0x1.1956d2b48f8p-2, 0x1.850000633739cp-1, 0x1.9bfbf6b6535bcp-55},
    {0x1.4f38f4734ded7p+0, -0x1.141679ab9f8p-2, 0x1.87000204289c6p-1, -0x1.bbf65f3117b75p-55},
    {0x1.4d843cfde284p+0, -0x1.0edd094ef98p-2, 0x1.88fffebf57904p-1, -0x1.9006ea23dcb57p-55},
    {0x1.4bd3ec078a3c8p+0, -0x1.09aa518db1p-2, 0x1.8b00022bc04dfp-1, -0x1.d00df38e04b0ap-56},
    {0x1.4a27fc3e0258ap+0, -0x1.047e65263b8p-2, 0x1.8cfffe50c1b8ap-1, -0x1.8007146ff9f05p-55},
    {0x1.4880524d48434p+0, -0x1.feb224586fp-3, 0x1.8effffc918e43p-1, 0x1.3817bd07a7038p-55},
    {0x1.46dce1b192d0bp+0, -0x1.f474a7517bp-3, 0x1.910001efa5fc7p-1, 0x1.93e9176dfb403p-55},
    {0x1.453d9d3391854p+0, -0x1.ea4443d103p-3, 0x1.9300013467bb9p-1, 0x1.f804e4b980276p-56},
    {0x1.43a2744b4845ap+0, -0x1.e020d44e9bp-3, 0x1.94fffe6ee076fp-1, -0x1.f7ef0d9ff622ep-55},
    {0x1.420b54115f8fbp+0, -0x1.d60a22977fp-3, 0x1.96fffde3c12d1p-1, -0x1.082aa962638bap-56},
    {0x1.40782da3ef4b1p+0, -0x1.cc00104959p-3, 0x1.98ffff4458a0dp-1, -0x1.7801b9164a8efp-55},
    {0x1.3ee8f5d57fe8fp+0, -0x1.c202956891p-3, 0x1.9afffdd982e3ep-1, -0x1.740e08a5a9337p-55},
    {0x1.3d5d9a00b4ce9p+0, -0x1.b81178d811p-3, 0x1.9cfffed49fb66p-1, 0x1.fce08c19bep-60},
    {0x1.3bd60c010c12bp+0, -0x1.ae2c9ccd3dp-3, 0x1.9f00020f19c51p-1, -0x1.a3faa27885b0ap-55},
    {0x1.3a5242b75dab8p+0, -0x1.a45402e129p-3, 0x1.a10001145b006p-1, 0x1.4ff489958da56p-56},
    {0x1.38d22cd9fd002p+0, -0x1.9a877681dfp-3, 0x1.a300007bbf6fap-1, 0x1.cbeab8a2b6d18p-55},
    {0x1.3755bc5847a1cp+0, -0x1.90c6d69483p-3, 0x1.a500010971d79p-1, 0x1.8fecadd78793p-55},
    {0x1.35dce49ad36e2p+0, -0x1.87120a645cp-3, 0x1.a70001df52e48p-1, -0x1.f41763dd8abdbp-55},
    {0x1.34679984dd44p+0, -0x1.7d68fb4143p-3, 0x1.a90001c593352p-1, -0x1.ebf0284c27612p-55},
    {0x1.32f5cceffcb24p+0, -0x1.73cb83c627p-3, 0x1.ab0002a4f3e4bp-1, -0x1.9fd043cff3f5fp-57},
    {0x1.3187775a10d49p+0, -0x1.6a39a9b376p-3, 0x1.acfffd7ae1ed1p-1, -0x1.23ee7129070b4p-55},
    {0x1.301c8373e399p+0, -0x1.60b3154b7ap-3, 0x1.aefffee510478p-1, 0x1.a063ee00edea3p-57},
    {0x1.2eb4ebb95f841p+0, -0x1.5737d76243p-3, 0x1.b0fffdb650d5bp-1, 0x1.a06c8381f0ab9p-58},
    {0x1.2d50a0219a9d1p+0, -0x1.4dc7b8fc23p-3, 0x1.b2ffffeaaca57p-1, -0x1.9011e74233c1dp-56},
    {0x1.2bef9a8b7fd2ap+0, -0x1.4462c51d2p-3, 0x1.b4fffd995badcp-1, -0x1.9ff1068862a9fp-56},
    {0x1.2a91c7a0c1babp+0, -0x1.3b08abc83p-3, 0x1.b7000249e659cp-1, 0x1.aff45d0864f3ep-55},
    {0x1.293726014b53p+0, -0x1.31b996b49p-3, 0x1.b8ffff987164p-1, 0x1.cfe7796c2c3f9p-56},
    {0x1.27dfa5757a1f5p+0, -0x1.2875490a44p-3, 0x1.bafffd204cb4fp-1, -0x1.3ff27eef22bc4p-57},
    {0x1.268b39b1d3bbfp+0, -0x1.1f3b9f879ap-3, 0x1.bcfffd2415c45p-1, -0x1.cffb7ee3bea21p-57},
    {0x1.2539d838ff5bdp+0, -0x1.160c8252cap-3, 0x1.beffff86309dfp-1, -0x1.14103972e0b5cp-55},
    {0x1.23eb7aac9083bp+0, -0x1.0ce7f57f72p-3, 0x1.c0fffe1b57653p-1, 0x1.bc16494b76a19p-55},
    {0x1.22a012ba940b6p+0, -0x1.03cdc49feap-3, 0x1.c2ffff1fa57e3p-1, -0x1.4feef8d30c6edp-57},
    {0x1.2157996cc4132p+0, -0x1.f57bdbc4b8p-4, 0x1.c4fffdcbfe424p-1, -0x1.43f68bcec4775p-55},
    {0x1.201201dd2fc9bp+0, -0x1.e370896404p-4, 0x1.c6fffed54b9f7p-1, 0x1.47ea3f053e0ecp-55},
    {0x1.1ecf4494d480bp+0, -0x1.d17983ef94p-4, 0x1.c8fffeb998fd5p-1, 0x1.383068df992f1p-56},
    {0x1.1d8f5528f6569p+0, -0x1.bf9674ed8ap-4, 0x1.cb0002125219ap-1, -0x1.8fd8e64180e04p-57},
    {0x1.1c52311577e7cp+0, -0x1.adc79202f6p-4, 0x1.ccfffdd94469cp-1, 0x1.e7ebe1cc7ea72p-55},
    {0x1.1b17c74cb26e9p+0, -0x1.9c0c3e7288p-4, 0x1.cefffeafdc476p-1, 0x1.ebe39ad9f88fep-55},
    {0x1.19e010c2c1ab6p+0, -0x1.8a646b372cp-4, 0x1.d1000169af82bp-1, 0x1.57d91a8b95a71p-56},
    {0x1.18ab07bb670bdp+0, -0x1.78d01b3acp-4, 0x1.d30000d0ff71dp-1, 0x1.9c1906970c7dap-55},
    {0x1.1778a25efbcb6p+0, -0x1.674f14538p-4, 0x1.d4fffea790fc4p-1, -0x1.80e37c558fe0cp-58},
    {0x1.1648d354c31dap+0, -0x1.55e0e6d878p-4, 0x1.d70002edc87e5p-1, -0x1.f80d64dc10f44p-56},
    {0x1.151b990275fddp+0, -0x1.4485cdea1ep-4, 0x1.d900021dc82aap-1, -0x1.47c8f94fd5c5cp-56},
    {0x1.13f0ea432d24cp+0, -0x1.333d94d6aap-4, 0x1.dafffd86b0283p-1, 0x1.c7f1dc521617ep-55},
    {0x1.12c8b7210f9dap+0, -0x1.22079f8c56p-4, 0x1.dd000296c4739p-1, 0x1.8019eb2ffb153p-55},
    {0x1.11a3028ecb531p+0, -0x1.10e4698622p-4, 0x1.defffe54490f5p-1, 0x1.e00d2c652cc89p-57},
    {0x1.107fbda8434afp+0, -0x1.ffa6c6ad2p-5, 0x1.e0fffcdabf694p-1, -0x1.f8340202d69d2p-56},
    {0x1.0f5ee0f4e6bb3p+0, -0x1.dda8d4a774p-5, 0x1.e2fffdb52c8ddp-1, 0x1.b00c1ca1b0864p-56},
    {0x1.0e4065d2a9fcep+0, -0x1.bbcece485p-5, 0x1.e4ffff24216efp-1, 0x1.2ffa8b094ab51p-56},
    {0x1.0d244632ca521p+0, -0x1.9a1894012cp-5, 0x1.e6fffe88a5e11p-1, -0x1.7f673b1efbe59p-58},
    {0x1.0c0a77ce2981ap+0, -0x1.788583302cp-5, 0x1.e9000119eff0dp-1, -0x1.4808d5e0bc801p-55},
    {0x1.0af2f83c636d1p+0, -0x1.5715e67d68p-5, 0x1.eafffdfa51744p-1, 0x1.80006d54320b5p-56},
    {0x1.09ddb98a01339p+0, -0x1.35c8a49658p-5, 0x1.ed0001a127fa1p-1, -0x1.002f860565c92p-58},
    {0x1.08cabaf52e7dfp+0, -0x1.149e364154p-5, 0x1.ef00007babcc4p-1, -0x1.540445d35e611p-55},
    {0x1.07b9f2f4e28fbp+0, -0x1.e72c082eb8p-6, 0x1.f0ffff57a8d02p-1, -0x1.ffb3139ef9105p-59},
    {0x1.06ab58c358f19p+0, -0x1.a55f152528p-6, 0x1.f30001ee58ac7p-1, 0x1.a81acf2731155p-55},
    {0x1.059eea5ecf92cp+0, -0x1.63d62cf818p-6, 0x1.f4ffff5823494p-1, 0x1.a3f41d4d7c743p-55},
    {0x1.04949cdd12c9p+0, -0x1.228fb8caap-6, 0x1.f6ffffca94c6bp-1, -0x1.202f41c987875p-57},
    {0x1.038c6c6f0ada9p+0, -0x1.c317b20f9p-7, 0x1.f8fffe1f9c441p-1, 0x1.77dd1f477e74bp-56},
    {0x1.02865137932a9p+0, -0x1.419355daap-7, 0x1.fafffd2e0e37ep-1, -0x1.f01199a7ca331p-57},
    {0x1.0182427ea7348p+0, -0x1.81203c2ecp-8, 0x1.fd0001c77e49ep-1, 0x1.181ee4bceacb1p-56},
    {0x1.008040614b195p+0, -0x1.004097924p-9, 0x1.feffff7e0c331p-1, -0x1.e05370170875ap-57},
    {0x1.fe01ff726fa1ap-1, 0x1.feff3849p-9, 0x1.00ffff465606ep+0, -0x1.a7ead491c0adap-55},
    {0x1.fa11cc261ea74p-1, 0x1.7dc41353dp-7, 0x1.02ffff3867a58p+0, -0x1.77f69c3fcb2ep-54},
    {0x1.f6310b081992ep-1, 0x1.3cea3c4c28p-6, 0x1.04ffffdfc0d17p+0, 0x1.7bffe34cb945bp-54},
    {0x1.f25f63ceeadcdp-1, 0x1.b9fc11489p-6, 0x1.0700003cd4d82p+0, 0x1.20083c0e456cbp-55},
    {0x1.ee9c8039113e7p-1, 0x1.1b0d8ce11p-5, 0x1.08ffff9f2cbe8p+0, -0x1.dffdfbe37751ap-57},
    {0x1.eae8078cbb1abp-1, 0x1.58a5bd001cp-5, 0x1.0b000010cda65p+0, -0x1.13f7faee626ebp-54},
    {0x1.e741aa29d0c9bp-1, 0x1.95c8340d88p-5, 0x1.0d00001a4d338p+0, 0x1.07dfa79489ff7p-55},
    {0x1.e3a91830a99b5p-1, 0x1.d276aef578p-5, 0x1.0effffadafdfdp+0, -0x1.7040570d66bcp-56},
    {0x1.e01e009609a56p-1, 0x1.07598e598cp-4, 0x1.110000bbafd96p+0, 0x1.e80d4846d0b62p-55},
    {0x1.dca01e577bb98p-1, 0x1.253f5e30d2p-4, 0x1.12ffffae5f45dp+0, 0x1.dbffa64fd36efp-54},
    {0x1.d92f20b7c9103p-1, 0x1.42edd8b38p-4, 0x1.150000dd59ad9p+0, 0x1.a0077701250aep-54},
    {0x1.d5cac66fb5ccep-1, 0x1.606598757cp-4, 0x1.170000f21559ap+0, 0x1.dfdf9e2e3deeep-55},
    {0x1.d272caa5ede9dp-1, 0x1.7da76356ap-4, 0x1.18ffffc275426p+0, 0x1.10030dc3b7273p-54},
    {0x1.cf26e3e6b2ccdp-1, 0x1.9ab434e1c6p-4, 0x1.1b000123d3c59p+0, 0x1.97f7980030188p-54},
    {0x1.cbe6da2a77902p-1, 0x1.b78c7bb0d6p-4, 0x1.1cffff8299eb7p+0, -0x1.5f932ab9f8c67p-57},
    {0x1.c8b266d37086dp-1, 0x1.d431332e72p-4, 0x1.1effff48ad4p+0, 0x1.37fbf9da75bebp-54},
    {0x1.c5894bd5d5804p-1, 0x1.f0a3171de6p-4, 0x1.210000c8b86a4p+0, 0x1.f806b91fd5b22p-54},
    {0x1.c26b533bb9f8cp-1, 0x1.067152b914p-3, 0x1.2300003854303p+0, 0x1.3ffc2eb9fbf33p-54},
    {0x1.bf583eeece73fp-1, 0x1.147858292bp-3, 0x1.24fffffbcf684p+0, 0x1.601e77e2e2e72p-56},
    {0x1.bc4fd75db96c1p-1, 0x1.2266ecdca3p-3, 0x1.26ffff52921d9p+0, 0x1.ffcbb767f0c61p-56},
    {0x1.b951e0c864a28p-1, 0x1.303d7a6c55p-3, 0x1.2900014933a3cp+0, -0x1.202ca3c02412bp-56},
    {0x1.b65e2c5ef3e2cp-1, 0x1.3dfc33c331p-3, 0x1.2b00014556313p+0, -0x1.2808233f21f02p-54},
    {0x1.b374867c9888bp-1, 0x1.4ba366b7a8p-3, 0x1.2cfffebfe523bp+0, -0x1.8ff7e384fdcf2p-55},
    {0x1.b094b211d304ap-1, 0x1.5933928d1fp-3, 0x1.2f0000bb8ad96p+0, -0x1.5ff51503041c5p-55},
    {0x1.adbe885f2ef7ep-1, 0x1.66acd2418fp-3, 0x1.30ffffb7ae2afp+0, -0x1.10071885e289dp-55},
    {0x1.aaf1d31603da2p-1, 0x1.740f8ec669p-3, 0x1.32ffffeac5f7fp+0, -0x1.1ff5d3fb7b715p-54},
    {0x1.a82e63fd358a7p-1, 0x1.815c0f51afp-3, 0x1.350000ca66756p+0, 0x1.57f82228b82bdp-54},
    {0x1.a5740ef09738bp-1, 0x1.8e92954f68p-3, 0x1.3700011fbf721p+0, 0x1.000bac40dd5ccp-55},
    {0x1.a2c2a90ab4b27p-1, 0x1.9bb3602f84p-3, 0x1.38ffff9592fb9p+0, -0x1.43f9d2db2a751p-54},
    {0x1.a01a01393f2d1p-1, 0x1.a8bed1c2cp-3, 0x1.3b00004ddd242p+0, 0x1.57f6b707638e1p-55},
    {0x1.9d79f24db3c1bp-1, 0x1.b5b515c01dp-3, 0x1.3cffff5b2c957p+0, 0x1.a023a10bf1231p-56},
    {0x1.9ae2505c7b19p-1, 0x1.c2967ccbccp-3, 0x1.3efffeab0b418p+0, 0x1.87f6d66b152bp-54},
    {0x1.9852ef297ce2fp-1, 0x1.cf635d5486p-3, 0x1.410001532aff4p+0, 0x1.7f8375f198524p-57},
    {0x1.95cbaeea44b75p-1, 0x1.dc1bd3446cp-3, 0x1.4300017478b29p+0, 0x1.301e672dc5143p-55},
    {0x1.934c69de74838p-1, 0x1.e8c01b8cfep-3, 0x1.44fffe795b463p+0, 0x1.9ff69b8b2895ap-55},
    {0x1.90d4f2f6752e6p-1, 0x1.f5509c0179p-3, 0x1.46fffe80475ep+0, -0x1.5c0b19bc2f254p-54},
    {0x1.8e6528effd79dp-1, 0x1.00e6c121fb8p-2, 0x1.48fffef6fc1e7p+0, 0x1.b4009f23a2a72p-54},
    {0x1.8bfce9fcc007cp-1, 0x1.071b80e93dp-2, 0x1.4afffe5bea704p+0, -0x1.4ffb7bf0d7d45p-54},
    {0x1.899c0dabec30ep-1, 0x1.0d46b9e867p-2, 0x1.4d000171027dep+0, -0x1.9c06471dc6a3dp-54},
    {0x1.87427aa2317fbp-1, 0x1.13687334bdp-2, 0x1.4f0000ff03ee2p+0, 0x1.77f890b85531cp-54},
    {0x1.84f00acb39a08p-1, 0x1.1980d672348p-2, 0x1.5100012dc4bd1p+0, 0x1.004657166a436p-57},
    {0x1.82a49e8653e55p-1, 0x1.1f8ffe0cc8p-2, 0x1.530001605277ap+0, -0x1.6bfcece233209p-54},
    {0x1.8060195f4026p-1, 0x1.2595fd76368p-2, 0x1.54fffecdb704cp+0, -0x1.902720505a1d7p-55},
    {0x1.7e22563e0a329p-1, 0x1.2b9300914a8p-2, 0x1.56fffef5f54a9p+0, 0x1.bbfe60ec96412p-54},
    {0x1.7beb377dcb5adp-1, 0x1.3187210436p-2, 0x1.5900017e61012p+0, 0x1.87ec581afef9p-55},
    {0x1.79baa679725c2p-1, 0x1.377266dec18p-2, 0x1.5b00003c93e92p+0, -0x1.f41080abf0ccp-54},
    {0x1.77907f2170657p-1, 0x1.3d54ffbaf3p-2, 0x1.5d0001d4919bcp+0, -0x1.8812afb254729p-54},
    {0x1.756cadbd6130cp-1, 0x1.432eee32fep-2, 0x1.5efffe7b87a89p+0, -0x1.47eb780ed6904p-54},
};

// a * b + c with one rounding (Fma) or two (the product rounded on its own).
template <bool Fma>
NPRANDOM_ALWAYS_INLINE double vlog_madd(double a, double b, double c) noexcept {
  if constexpr (Fma) {
    return NPRANDOM_DETAIL_MATH(fma)(a, b, c);  // fma-glibc
  } else {
    return mul(a, b) + c;
  }
}

NPRANDOM_ALWAYS_INLINE std::uint64_t vlog_bits(double x) noexcept {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
NPRANDOM_ALWAYS_INLINE double vlog_double(std::uint64_t u) noexcept {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

/// glibc's log(x) evaluated as its FMA build (Fma) or its build without FMA, in portable scalar
/// code (std::fma is correctly rounded everywhere). Inputs outside the two polynomial paths
/// (subnormal, <= 0, inf, nan) are std::log's.
template <bool Fma>
inline double log_reference(double x) noexcept {
  const std::uint64_t ix = vlog_bits(x);
  if (ix - vlog_near_lo < vlog_near_hi - vlog_near_lo) {
    if (ix == vlog_bits(1.0)) return 0.0;
    const double r = x - 1.0;
    const double r2 = r * r;
    const double r3 = r * r2;
    const double* b = vlog_b;
    const double i3 =
        vlog_madd<Fma>(r3, b[10], vlog_madd<Fma>(r2, b[9], vlog_madd<Fma>(r, b[8], b[7])));
    const double i2 =
        vlog_madd<Fma>(r3, i3, vlog_madd<Fma>(r2, b[6], vlog_madd<Fma>(r, b[5], b[4])));
    const double i1 =
        vlog_madd<Fma>(r3, i2, vlog_madd<Fma>(r2, b[3], vlog_madd<Fma>(r, b[2], b[1])));
    // r = rhi + rlo with rhi of 26 bits: rhi^2 * B0 is exact.
    const double w = mul(r, 0x1p27);
    const double rhi = rounded(r + w) - w;
    const double rlo = r - rhi;
    const double w2 = mul(mul(rhi, rhi), b[0]);
    const double hi = r + w2;
    double lo = rounded(r - hi) + w2;
    lo = vlog_madd<Fma>(mul(b[0], rlo), rhi + r, lo);
    return rounded(vlog_madd<Fma>(r3, i1, lo)) + hi;
  }
  const std::uint64_t top = ix >> 48;
  if (top - 0x0010 >= 0x7ff0 - 0x0010) return detail::log(x);
  const std::uint64_t tmp = ix - vlog_off;
  const vlog_entry& t = vlog_table[(tmp >> 45) % 128];
  const double kd = static_cast<double>(static_cast<std::int64_t>(tmp) >> 52);
  const double z = vlog_double(ix - (tmp & (std::uint64_t{0xfff} << 52)));
  double r;
  if constexpr (Fma) {
    r = NPRANDOM_DETAIL_MATH(fma)(z, t.invc, -1.0);  // fma-glibc
  } else {
    r = mul(rounded(z - t.chi) - t.clo, t.invc);
  }
  const double* a = vlog_a;
  const double w = vlog_madd<Fma>(kd, vlog_ln2hi, t.logc);
  const double hi = w + r;
  const double lo = vlog_madd<Fma>(kd, vlog_ln2lo, rounded(w - hi) + r);
  const double r2 = r * r;
  const double p = vlog_madd<Fma>(r2, vlog_madd<Fma>(r, a[4], a[3]), vlog_madd<Fma>(r, a[2], a[1]));
  const double r3 = r * r2;
  return rounded(vlog_madd<Fma>(r3, p, vlog_madd<Fma>(r2, a[0], lo))) + hi;
}

// ---- exp: optimized-routines math/exp.c and exp_data.c (N = 128, EXP_POLY_ORDER 5, no
// TOINT_INTRINSICS: the configuration of glibc on x86-64), the same gate as log ----------------
// x = k ln2/N + r, exp(x) = 2^(k/N) exp(r) ~= scale + scale * (tail + r + r^2 C2 + ...), with
// 2^(j/N) = (bits: T[2j + 1] + (k << 45)) * (1 + T[2j]); |x| in [2^-54, 512) only, the rest (tiny,
// huge, inf, nan) std::exp's.
inline constexpr double vexp_invln2n = 0x1.71547652b82fep+7;
inline constexpr double vexp_shift = 0x1.8p+52;
inline constexpr double vexp_negln2hin = -0x1.62e42fefap-8;
inline constexpr double vexp_negln2lon = -0x1.cf79abc9e3b3ap-47;
inline constexpr double vexp_c[4] = {0x1.ffffffffffdbdp-2, 0x1.555555555543cp-3,
                                     0x1.55555cf172b91p-5, 0x1.1111167a4d017p-7};
inline constexpr std::uint64_t vexp_table[256] = {
    0x0000000000000000ULL, 0x3ff0000000000000ULL, 0x3c9b3b4f1a88bf6eULL, 0x3feff63da9fb3335ULL,
    0xbc7160139cd8dc5dULL, 0x3fefec9a3e778061ULL, 0xbc905e7a108766d1ULL, 0x3fefe315e86e7f85ULL,
    0x3c8cd2523567f613ULL, 0x3fefd9b0d3158574ULL, 0xbc8bce8023f98efaULL, 0x3fefd06b29ddf6deULL,
    0x3c60f74e61e6c861ULL, 0x3fefc74518759bc8ULL, 0x3c90a3e45b33d399ULL, 0x3fefbe3ecac6f383ULL,
    0x3c979aa65d837b6dULL, 0x3fefb5586cf9890fULL, 0x3c8eb51a92fdeffcULL, 0x3fefac922b7247f7ULL,
    0x3c3ebe3d702f9cd1ULL, 0x3fefa3ec32d3d1a2ULL, 0xbc6a033489906e0bULL, 0x3fef9b66affed31bULL,
    0xbc9556522a2fbd0eULL, 0x3fef9301d0125b51ULL, 0xbc5080ef8c4eea55ULL, 0x3fef8abdc06c31ccULL,
    0xbc91c923b9d5f416ULL, 0x3fef829aaea92de0ULL, 0x3c80d3e3e95c55afULL, 0x3fef7a98c8a58e51ULL,
    0xbc801b15eaa59348ULL, 0x3fef72b83c7d517bULL, 0xbc8f1ff055de323dULL, 0x3fef6af9388c8deaULL,
    0x3c8b898c3f1353bfULL, 0x3fef635beb6fcb75ULL, 0xbc96d99c7611eb26ULL, 0x3fef5be084045cd4ULL,
    0x3c9aecf73e3a2f60ULL, 0x3fef54873168b9aaULL, 0xbc8fe782cb86389dULL, 0x3fef4d5022fcd91dULL,
    0x3c8a6f4144a6c38dULL, 0x3fef463b88628cd6ULL, 0x3c807a05b0e4047dULL, 0x3fef3f49917ddc96ULL,
    0x3c968efde3a8a894ULL, 0x3fef387a6e756238ULL, 0x3c875e18f274487dULL, 0x3fef31ce4fb2a63fULL,
    0x3c80472b981fe7f2ULL, 0x3fef2b4565e27cddULL, 0xbc96b87b3f71085eULL, 0x3fef24dfe1f56381ULL,
    0x3c82f7e16d09ab31ULL, 0x3fef1e9df51fdee1ULL, 0xbc3d219b1a6fbffaULL, 0x3fef187fd0dad990ULL,
    0x3c8b3782720c0ab4ULL, 0x3fef1285a6e4030bULL, 0x3c6e149289cecb8fULL, 0x3fef0cafa93e2f56ULL,
    0x3c834d754db0abb6ULL, 0x3fef06fe0a31b715ULL, 0x3c864201e2ac744cULL, 0x3fef0170fc4cd831ULL,
    0x3c8fdd395dd3f84aULL, 0x3feefc08b26416ffULL, 0xbc86a3803b8e5b04ULL, 0x3feef6c55f929ff1ULL,
    0xbc924aedcc4b5068ULL, 0x3feef1a7373aa9cbULL, 0xbc9907f81b512d8eULL, 0x3feeecae6d05d866ULL,
    0xbc71d1e83e9436d2ULL, 0x3feee7db34e59ff7ULL, 0xbc991919b3ce1b15ULL, 0x3feee32dc313a8e5ULL,
    0x3c859f48a72a4c6dULL, 0x3feedea64c123422ULL, 0xbc9312607a28698aULL, 0x3feeda4504ac801cULL,
    0xbc58a78f4817895bULL, 0x3feed60a21f72e2aULL, 0xbc7c2c9b67499a1bULL, 0x3feed1f5d950a897ULL,
    0x3c4363ed60c2ac11ULL, 0x3feece086061892dULL, 0x3c9666093b0664efULL, 0x3feeca41ed1d0057ULL,
    0x3c6ecce1daa10379ULL, 0x3feec6a2b5c13cd0ULL, 0x3c93ff8e3f0f1230ULL, 0x3feec32af0d7d3deULL,
    0x3c7690cebb7aafb0ULL, 0x3feebfdad5362a27ULL, 0x3c931dbdeb54e077ULL, 0x3feebcb299fddd0dULL,
    0xbc8f94340071a38eULL, 0x3feeb9b2769d2ca7ULL, 0xbc87deccdc93a349ULL, 0x3feeb6daa2cf6642ULL,
    0xbc78dec6bd0f385fULL, 0x3feeb42b569d4f82ULL, 0xbc861246ec7b5cf6ULL, 0x3feeb1a4ca5d920fULL,
    0x3c93350518fdd78eULL, 0x3feeaf4736b527daULL, 0x3c7b98b72f8a9b05ULL, 0x3feead12d497c7fdULL,
    0x3c9063e1e21c5409ULL, 0x3feeab07dd485429ULL, 0x3c34c7855019c6eaULL, 0x3feea9268a5946b7ULL,
    0x3c9432e62b64c035ULL, 0x3feea76f15ad2148ULL, 0xbc8ce44a6199769fULL, 0x3feea5e1b976dc09ULL,
    0xbc8c33c53bef4da8ULL, 0x3feea47eb03a5585ULL, 0xbc845378892be9aeULL, 0x3feea34634ccc320ULL,
    0xbc93cedd78565858ULL, 0x3feea23882552225ULL, 0x3c5710aa807e1964ULL, 0x3feea155d44ca973ULL,
    0xbc93b3efbf5e2228ULL, 0x3feea09e667f3bcdULL, 0xbc6a12ad8734b982ULL, 0x3feea012750bdabfULL,
    0xbc6367efb86da9eeULL, 0x3fee9fb23c651a2fULL, 0xbc80dc3d54e08851ULL, 0x3fee9f7df9519484ULL,
    0xbc781f647e5a3ecfULL, 0x3fee9f75e8ec5f74ULL, 0xbc86ee4ac08b7db0ULL, 0x3fee9f9a48a58174ULL,
    0xbc8619321e55e68aULL, 0x3fee9feb564267c9ULL, 0x3c909ccb5e09d4d3ULL, 0x3feea0694fde5d3fULL,
    0xbc7b32dcb94da51dULL, 0x3feea11473eb0187ULL, 0x3c94ecfd5467c06bULL, 0x3feea1ed0130c132ULL,
    0x3c65ebe1abd66c55ULL, 0x3feea2f336cf4e62ULL, 0xbc88a1c52fb3cf42ULL, 0x3feea427543e1a12ULL,
    0xbc9369b6f13b3734ULL, 0x3feea589994cce13ULL, 0xbc805e843a19ff1eULL, 0x3feea71a4623c7adULL,
    0xbc94d450d872576eULL, 0x3feea8d99b4492edULL, 0x3c90ad675b0e8a00ULL, 0x3feeaac7d98a6699ULL,
    0x3c8db72fc1f0eab4ULL, 0x3feeace5422aa0dbULL, 0xbc65b6609cc5e7ffULL, 0x3feeaf3216b5448cULL,
    0x3c7bf68359f35f44ULL, 0x3feeb1ae99157736ULL, 0xbc93091fa71e3d83ULL, 0x3feeb45b0b91ffc6ULL,
    0xbc5da9b88b6c1e29ULL, 0x3feeb737b0cdc5e5ULL, 0xbc6c23f97c90b959ULL, 0x3feeba44cbc8520fULL,
    0xbc92434322f4f9aaULL, 0x3feebd829fde4e50ULL, 0xbc85ca6cd7668e4bULL, 0x3feec0f170ca07baULL,
    0x3c71affc2b91ce27ULL, 0x3feec49182a3f090ULL, 0x3c6dd235e10a73bbULL, 0x3feec86319e32323ULL,
    0xbc87c50422622263ULL, 0x3feecc667b5de565ULL, 0x3c8b1c86e3e231d5ULL, 0x3feed09bec4a2d33ULL,
    0xbc91bbd1d3bcbb15ULL, 0x3feed503b23e255dULL, 0x3c90cc319cee31d2ULL, 0x3feed99e1330b358ULL,
    0x3c8469846e735ab3ULL, 0x3feede6b5579fdbfULL, 0xbc82dfcd978e9db4ULL, 0x3feee36bbfd3f37aULL,
    0x3c8c1a7792cb3387ULL, 0x3feee89f995ad3adULL, 0xbc907b8f4ad1d9faULL, 0x3feeee07298db666ULL,
    0xbc55c3d956dcaebaULL, 0x3feef3a2b84f15fbULL, 0xbc90a40e3da6f640ULL, 0x3feef9728de5593aULL,
    0xbc68d6f438ad9334ULL, 0x3feeff76f2fb5e47ULL, 0xbc91eee26b588a35ULL, 0x3fef05b030a1064aULL,
    0x3c74ffd70a5fddcdULL, 0x3fef0c1e904bc1d2ULL, 0xbc91bdfbfa9298acULL, 0x3fef12c25bd71e09ULL,
    0x3c736eae30af0cb3ULL, 0x3fef199bdd85529cULL, 0x3c8ee3325c9ffd94ULL, 0x3fef20ab5fffd07aULL,
    0x3c84e08fd10959acULL, 0x3fef27f12e57d14bULL, 0x3c63cdaf384e1a67ULL, 0x3fef2f6d9406e7b5ULL,
    0x3c676b2c6c921968ULL, 0x3fef3720dcef9069ULL, 0xbc808a1883ccb5d2ULL, 0x3fef3f0b555dc3faULL,
    0xbc8fad5d3ffffa6fULL, 0x3fef472d4a07897cULL, 0xbc900dae3875a949ULL, 0x3fef4f87080d89f2ULL,
    0x3c74a385a63d07a7ULL, 0x3fef5818dcfba487ULL, 0xbc82919e2040220fULL, 0x3fef60e316c98398ULL,
    0x3c8e5a50d5c192acULL, 0x3fef69e603db3285ULL, 0x3c843a59ac016b4bULL, 0x3fef7321f301b460ULL,
    0xbc82d52107b43e1fULL, 0x3fef7c97337b9b5fULL, 0xbc892ab93b470dc9ULL, 0x3fef864614f5a129ULL,
    0x3c74b604603a88d3ULL, 0x3fef902ee78b3ff6ULL, 0x3c83c5ec519d7271ULL, 0x3fef9a51fbc74c83ULL,
    0xbc8ff7128fd391f0ULL, 0x3fefa4afa2a490daULL, 0xbc8dae98e223747dULL, 0x3fefaf482d8e67f1ULL,
    0x3c8ec3bc41aa2008ULL, 0x3fefba1bee615a27ULL, 0x3c842b94c3a9eb32ULL, 0x3fefc52b376bba97ULL,
    0x3c8a64a931d185eeULL, 0x3fefd0765b6e4540ULL, 0xbc8e37bae43be3edULL, 0x3fefdbfdad9cbe14ULL,
    0x3c77893b4d91cd9dULL, 0x3fefe7c1819e90d8ULL, 0x3c5305c14160cc89ULL, 0x3feff3c22b8f71f1ULL,
};

/// glibc's exp(x) evaluated as its FMA build (Fma) or its build without FMA (portable scalar
/// code, as log_reference).
template <bool Fma>
inline double exp_reference(double x) noexcept {
  const std::uint64_t abstop = (vlog_bits(x) >> 52) & 0x7ff;
  if (abstop - 0x3c9 >= 0x408 - 0x3c9) return detail::exp(x);  // |x| < 2^-54 or >= 512
  double kd = vlog_madd<Fma>(vexp_invln2n, x, vexp_shift);
  const std::uint64_t ki = vlog_bits(kd);
  kd = rounded(kd) - vexp_shift;
  const double r = vlog_madd<Fma>(kd, vexp_negln2lon, vlog_madd<Fma>(kd, vexp_negln2hin, x));
  const std::size_t idx = static_cast<std::size_t>(2 * (ki % 128));
  const double tail = vlog_double(vexp_table[idx]);
  const double scale = vlog_double(vexp_table[idx + 1] + (ki << 45));
  const double r2 = r * r;
  const double* c = vexp_c;
  const double tmp = vlog_madd<Fma>(mul(r2, r2), vlog_madd<Fma>(r, c[3], c[2]),
                                    vlog_madd<Fma>(r2, vlog_madd<Fma>(r, c[1], c[0]), tail + r));
  return vlog_madd<Fma>(scale, tmp, scale);
}

// ---- pow: optimized-routines math/pow.c and pow_log_data.c (N = 128, POW_LOG_POLY_ORDER 8; the
// exp part is exp.c's with exp_data.c's table, above), glibc's e_pow.c ------------------------
// log(x) = k ln2 + log(c) + log1p(z/c - 1) as hi + lo with ~15 extra bits, then
// exp(y hi + (y lo + the rounding error of y hi)); x = 2^k z, z in [OFF, 2 OFF). Only positive
// normal x with 2^-65 <= |y| < 2^63 and |y log(x)| in [2^-54, 512) take this path; the rest (zero,
// subnormal, negative, inf, nan x; tiny, huge or nan y; results that may overflow or underflow,
// or are within 2^-54 of 1) are std::pow's.
struct vpow_entry {
  double invc, logc, logctail;  // 1/c (a few bits), log(c) rounded to 2^-43, the rest of log(c)
};
inline constexpr std::uint64_t vpow_off = 0x3fe6955500000000ULL;
inline constexpr double vpow_ln2hi = 0x1.62e42fefa3800p-1;
inline constexpr double vpow_ln2lo = 0x1.ef35793c76730p-45;
// log1p(r) ~ r + A0 r^2 + ..., scaled to the evaluation (A0 = -1/2 exactly).
inline constexpr double vpow_a[7] = {-0x1p-1,
                                     0x1.555555555556p-2 * -2,
                                     -0x1.0000000000006p-2 * -2,
                                     0x1.999999959554ep-3 * 4,
                                     -0x1.555555529a47ap-3 * 4,
                                     0x1.2495b9b4845e9p-3 * -8,
                                     -0x1.0002b8b263fc3p-3 * -8};
inline constexpr vpow_entry vpow_table[128] = {
    {0x1.6a00000000000p+0, -0x1.62c82f2b9c800p-2, 0x1.ab42428375680p-48},
    {0x1.6800000000000p+0, -0x1.5d1bdbf580800p-2, -0x1.ca508d8e0f720p-46},
    {0x1.6600000000000p+0, -0x1.5767717455800p-2, -0x1.362a4d5b6506dp-45},
    {0x1.6400000000000p+0, -0x1.51aad872df800p-2, -0x1.684e49eb067d5p-49},
    {0x1.6200000000000p+0, -0x1.4be5f95777800p-2, -0x1.41b6993293ee0p-47},
    {0x1.6000000000000p+0, -0x1.4618bc21c6000p-2, 0x1.3d82f484c84ccp-46},
    {0x1.5e00000000000p+0, -0x1.404308686a800p-2, 0x1.c42f3ed820b3ap-50},
    {0x1.5c00000000000p+0, -0x1.3a64c55694800p-2, 0x1.0b1c686519460p-45},
    {0x1.5a00000000000p+0, -0x1.347dd9a988000p-2, 0x1.5594dd4c58092p-45},
    {0x1.5800000000000p+0, -0x1.2e8e2bae12000p-2, 0x1.67b1e99b72bd8p-45},
    {0x1.5600000000000p+0, -0x1.2895a13de8800p-2, 0x1.5ca14b6cfb03fp-46},
    {0x1.5600000000000p+0, -0x1.2895a13de8800p-2, 0x1.5ca14b6cfb03fp-46},
    {0x1.5400000000000p+0, -0x1.22941fbcf7800p-2, -0x1.65a242853da76p-46},
    {0x1.5200000000000p+0, -0x1.1c898c1699800p-2, -0x1.fafbc68e75404p-46},
    {0x1.5000000000000p+0, -0x1.1675cababa800p-2, 0x1.f1fc63382a8f0p-46},
    {0x1.4e00000000000p+0, -0x1.1058bf9ae4800p-2, -0x1.6a8c4fd055a66p-45},
    {0x1.4c00000000000p+0, -0x1.0a324e2739000p-2, -0x1.c6bee7ef4030ep-47},
    {0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48},
    {0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48},
    {0x1.4800000000000p+0, -0x1.fb9186d5e4000p-3, 0x1.d572aab993c87p-47},
    {0x1.4600000000000p+0, -0x1.ef0adcbdc6000p-3, 0x1.b26b79c86af24p-45},
    {0x1.4400000000000p+0, -0x1.e27076e2af000p-3, -0x1.72f4f543fff10p-46},
    {0x1.4200000000000p+0, -0x1.d5c216b4fc000p-3, 0x1.1ba91bbca681bp-45},
    {0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45},
    {0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45},
    {0x1.3e00000000000p+0, -0x1.bc286742d9000p-3, 0x1.94eb0318bb78fp-46},
    {0x1.3c00000000000p+0, -0x1.af3c94e80c000p-3, 0x1.a4e633fcd9066p-52},
    {0x1.3a00000000000p+0, -0x1.a23bc1fe2b000p-3, -0x1.58c64dc46c1eap-45},
    {0x1.3a00000000000p+0, -0x1.a23bc1fe2b000p-3, -0x1.58c64dc46c1eap-45},
    {0x1.3800000000000p+0, -0x1.9525a9cf45000p-3, -0x1.ad1d904c1d4e3p-45},
    {0x1.3600000000000p+0, -0x1.87fa06520d000p-3, 0x1.bbdbf7fdbfa09p-45},
    {0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45},
    {0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45},
    {0x1.3200000000000p+0, -0x1.6d60fe719d000p-3, -0x1.0e46aa3b2e266p-46},
    {0x1.3000000000000p+0, -0x1.5ff3070a79000p-3, -0x1.e9e439f105039p-46},
    {0x1.3000000000000p+0, -0x1.5ff3070a79000p-3, -0x1.e9e439f105039p-46},
    {0x1.2e00000000000p+0, -0x1.526e5e3a1b000p-3, -0x1.0de8b90075b8fp-45},
    {0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46},
    {0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46},
    {0x1.2a00000000000p+0, -0x1.371fc201e9000p-3, 0x1.178864d27543ap-48},
    {0x1.2800000000000p+0, -0x1.29552f81ff000p-3, -0x1.48d301771c408p-45},
    {0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45},
    {0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45},
    {0x1.2400000000000p+0, -0x1.0d77e7cd09000p-3, 0x1.a699688e85bf4p-47},
    {0x1.2400000000000p+0, -0x1.0d77e7cd09000p-3, 0x1.a699688e85bf4p-47},
    {0x1.2200000000000p+0, -0x1.fec9131dbe000p-4, -0x1.575545ca333f2p-45},
    {0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45},
    {0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45},
    {0x1.1e00000000000p+0, -0x1.c5e548f5bc000p-4, -0x1.d0c57585fbe06p-46},
    {0x1.1c00000000000p+0, -0x1.a926d3a4ae000p-4, 0x1.53935e85baac8p-45},
    {0x1.1c00000000000p+0, -0x1.a926d3a4ae000p-4, 0x1.53935e85baac8p-45},
    {0x1.1a00000000000p+0, -0x1.8c345d631a000p-4, 0x1.37c294d2f5668p-46},
    {0x1.1a00000000000p+0, -0x1.8c345d631a000p-4, 0x1.37c294d2f5668p-46},
    {0x1.1800000000000p+0, -0x1.6f0d28ae56000p-4, -0x1.69737c93373dap-45},
    {0x1.1600000000000p+0, -0x1.51b073f062000p-4, 0x1.f025b61c65e57p-46},
    {0x1.1600000000000p+0, -0x1.51b073f062000p-4, 0x1.f025b61c65e57p-46},
    {0x1.1400000000000p+0, -0x1.341d7961be000p-4, 0x1.c5edaccf913dfp-45},
    {0x1.1400000000000p+0, -0x1.341d7961be000p-4, 0x1.c5edaccf913dfp-45},
    {0x1.1200000000000p+0, -0x1.16536eea38000p-4, 0x1.47c5e768fa309p-46},
    {0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45},
    {0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45},
    {0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46},
    {0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46},
    {0x1.0c00000000000p+0, -0x1.77458f632c000p-5, -0x1.cfc4634f2a1eep-45},
    {0x1.0c00000000000p+0, -0x1.77458f632c000p-5, -0x1.cfc4634f2a1eep-45},
    {0x1.0a00000000000p+0, -0x1.39e87b9fec000p-5, 0x1.502b7f526feaap-48},
    {0x1.0a00000000000p+0, -0x1.39e87b9fec000p-5, 0x1.502b7f526feaap-48},
    {0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45},
    {0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45},
    {0x1.0600000000000p+0, -0x1.7b91b07d58000p-6, -0x1.88d5493faa639p-45},
    {0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50},
    {0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50},
    {0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46},
    {0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46},
    {0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0},
    {0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0},
    {0x1.fc00000000000p-1, 0x1.0101575890000p-7, -0x1.0c76b999d2be8p-46},
    {0x1.f800000000000p-1, 0x1.0205658938000p-6, -0x1.3dc5b06e2f7d2p-45},
    {0x1.f400000000000p-1, 0x1.8492528c90000p-6, -0x1.aa0ba325a0c34p-45},
    {0x1.f000000000000p-1, 0x1.0415d89e74000p-5, 0x1.111c05cf1d753p-47},
    {0x1.ec00000000000p-1, 0x1.466aed42e0000p-5, -0x1.c167375bdfd28p-45},
    {0x1.e800000000000p-1, 0x1.894aa149fc000p-5, -0x1.97995d05a267dp-46},
    {0x1.e400000000000p-1, 0x1.ccb73cdddc000p-5, -0x1.a68f247d82807p-46},
    {0x1.e200000000000p-1, 0x1.eea31c006c000p-5, -0x1.e113e4fc93b7bp-47},
    {0x1.de00000000000p-1, 0x1.1973bd1466000p-4, -0x1.5325d560d9e9bp-45},
    {0x1.da00000000000p-1, 0x1.3bdf5a7d1e000p-4, 0x1.cc85ea5db4ed7p-45},
    {0x1.d600000000000p-1, 0x1.5e95a4d97a000p-4, -0x1.c69063c5d1d1ep-45},
    {0x1.d400000000000p-1, 0x1.700d30aeac000p-4, 0x1.c1e8da99ded32p-49},
    {0x1.d000000000000p-1, 0x1.9335e5d594000p-4, 0x1.3115c3abd47dap-45},
    {0x1.cc00000000000p-1, 0x1.b6ac88dad6000p-4, -0x1.390802bf768e5p-46},
    {0x1.ca00000000000p-1, 0x1.c885801bc4000p-4, 0x1.646d1c65aacd3p-45},
    {0x1.c600000000000p-1, 0x1.ec739830a2000p-4, -0x1.dc068afe645e0p-45},
    {0x1.c400000000000p-1, 0x1.fe89139dbe000p-4, -0x1.534d64fa10afdp-45},
    {0x1.c000000000000p-1, 0x1.1178e8227e000p-3, 0x1.1ef78ce2d07f2p-45},
    {0x1.be00000000000p-1, 0x1.1aa2b7e23f000p-3, 0x1.ca78e44389934p-45},
    {0x1.ba00000000000p-1, 0x1.2d1610c868000p-3, 0x1.39d6ccb81b4a1p-47},
    {0x1.b800000000000p-1, 0x1.365fcb0159000p-3, 0x1.62fa8234b7289p-51},
    {0x1.b400000000000p-1, 0x1.4913d8333b000p-3, 0x1.5837954fdb678p-45},
    {0x1.b200000000000p-1, 0x1.527e5e4a1b000p-3, 0x1.633e8e5697dc7p-45},
    {0x1.ae00000000000p-1, 0x1.6574ebe8c1000p-3, 0x1.9cf8b2c3c2e78p-46},
    {0x1.ac00000000000p-1, 0x1.6f0128b757000p-3, -0x1.5118de59c21e1p-45},
    {0x1.aa00000000000p-1, 0x1.7898d85445000p-3, -0x1.c661070914305p-46},
    {0x1.a600000000000p-1, 0x1.8beafeb390000p-3, -0x1.73d54aae92cd1p-47},
    {0x1.a400000000000p-1, 0x1.95a5adcf70000p-3, 0x1.7f22858a0ff6fp-47},
    {0x1.a000000000000p-1, 0x1.a93ed3c8ae000p-3, -0x1.8724350562169p-45},
    {0x1.9e00000000000p-1, 0x1.b31d8575bd000p-3, -0x1.c358d4eace1aap-47},
    {0x1.9c00000000000p-1, 0x1.bd087383be000p-3, -0x1.d4bc4595412b6p-45},
    {0x1.9a00000000000p-1, 0x1.c6ffbc6f01000p-3, -0x1.1ec72c5962bd2p-48},
    {0x1.9600000000000p-1, 0x1.db13db0d49000p-3, -0x1.aff2af715b035p-45},
    {0x1.9400000000000p-1, 0x1.e530effe71000p-3, 0x1.212276041f430p-51},
    {0x1.9200000000000p-1, 0x1.ef5ade4dd0000p-3, -0x1.a211565bb8e11p-51},
    {0x1.9000000000000p-1, 0x1.f991c6cb3b000p-3, 0x1.bcbecca0cdf30p-46},
    {0x1.8c00000000000p-1, 0x1.07138604d5800p-2, 0x1.89cdb16ed4e91p-48},
    {0x1.8a00000000000p-1, 0x1.0c42d67616000p-2, 0x1.7188b163ceae9p-45},
    {0x1.8800000000000p-1, 0x1.1178e8227e800p-2, -0x1.c210e63a5f01cp-45},
    {0x1.8600000000000p-1, 0x1.16b5ccbacf800p-2, 0x1.b9acdf7a51681p-45},
    {0x1.8400000000000p-1, 0x1.1bf99635a6800p-2, 0x1.ca6ed5147bdb7p-45},
    {0x1.8200000000000p-1, 0x1.214456d0eb800p-2, 0x1.a87deba46baeap-47},
    {0x1.7e00000000000p-1, 0x1.2bef07cdc9000p-2, 0x1.a9cfa4a5004f4p-45},
    {0x1.7c00000000000p-1, 0x1.314f1e1d36000p-2, -0x1.8e27ad3213cb8p-45},
    {0x1.7a00000000000p-1, 0x1.36b6776be1000p-2, 0x1.16ecdb0f177c8p-46},
    {0x1.7800000000000p-1, 0x1.3c25277333000p-2, 0x1.83b54b606bd5cp-46},
    {0x1.7600000000000p-1, 0x1.419b423d5e800p-2, 0x1.8e436ec90e09dp-47},
    {0x1.7400000000000p-1, 0x1.4718dc271c800p-2, -0x1.f27ce0967d675p-45},
    {0x1.7200000000000p-1, 0x1.4c9e09e173000p-2, -0x1.e20891b0ad8a4p-45},
    {0x1.7000000000000p-1, 0x1.522ae0738a000p-2, 0x1.ebe708164c759p-45},
    {0x1.6e00000000000p-1, 0x1.57bf753c8d000p-2, 0x1.fadedee5d40efp-46},
    {0x1.6c00000000000p-1, 0x1.5d5bddf596000p-2, -0x1.a0b2a08a465dcp-47},
};

// True when pow(x, y) may take the main path for this y: 2^-65 <= |y| < 2^63 (not zero, inf, nan).
NPRANDOM_ALWAYS_INLINE bool vpow_y_ok(double y) noexcept {
  return ((vlog_bits(y) >> 52) & 0x7ff) - 0x3be < 0x43e - 0x3be;
}

/// glibc's pow(x, y) evaluated as its FMA build (Fma: the products fused as in __pow_fma, read
/// from its disassembly) or its build without FMA (the #if !HAVE_FAST_FMA splits), in portable
/// scalar code. Inputs off the main path (vpow_y_ok, x positive normal, |y log x| in
/// [2^-54, 512)) are std::pow's.
template <bool Fma>
inline double pow_reference(double x, double y) noexcept {
  const std::uint64_t ix = vlog_bits(x);
  if ((ix >> 52) - 1 >= 0x7fe || !vpow_y_ok(y)) return detail::pow(x, y);
  // log_inline
  const std::uint64_t tmp = ix - vpow_off;
  const vpow_entry& t = vpow_table[(tmp >> 45) % 128];
  const double kd = static_cast<double>(static_cast<std::int64_t>(tmp) >> 52);
  const std::uint64_t iz = ix - (tmp & (std::uint64_t{0xfff} << 52));
  const double z = vlog_double(iz);
  const double* a = vpow_a;
  double r, rhi = 0.0, rlo = 0.0;
  if constexpr (Fma) {
    r = NPRANDOM_DETAIL_MATH(fma)(z, t.invc, -1.0);  // fma-glibc
  } else {
    const double zhi = vlog_double((iz + (std::uint64_t{1} << 31)) & (~std::uint64_t{0} << 32));
    const double zlo = z - zhi;
    rhi = mul(zhi, t.invc) - 1.0;
    rlo = mul(zlo, t.invc);
    r = rhi + rlo;
  }
  const double t1 = vlog_madd<Fma>(kd, vpow_ln2hi, t.logc);
  const double t2 = t1 + r;
  const double lo1 = vlog_madd<Fma>(kd, vpow_ln2lo, t.logctail);
  const double lo2 = rounded(t1 - t2) + r;
  const double ar = mul(a[0], r);
  const double ar2 = mul(r, ar);
  const double ar3 = r * ar2;
  double hi, lo3, lo4;
  if constexpr (Fma) {
    hi = t2 + ar2;
    lo3 = NPRANDOM_DETAIL_MATH(fma)(ar, r, -ar2);  // fma-glibc
    lo4 = rounded(t2 - hi) + ar2;
  } else {
    const double arhi = mul(a[0], rhi);
    const double arhi2 = mul(rhi, arhi);
    hi = t2 + arhi2;
    lo3 = mul(rlo, ar + arhi);
    lo4 = rounded(t2 - hi) + arhi2;
  }
  const double q = vlog_madd<Fma>(
      ar2, vlog_madd<Fma>(ar2, vlog_madd<Fma>(r, a[6], a[5]), vlog_madd<Fma>(r, a[4], a[3])),
      vlog_madd<Fma>(r, a[2], a[1]));
  const double lo = vlog_madd<Fma>(ar3, q, rounded(rounded(lo1 + lo2) + lo3) + lo4);
  const double lhi = hi + lo;
  const double llo = rounded(hi - lhi) + lo;
  // y * (lhi + llo) = ehi + elo
  double ehi, elo;
  if constexpr (Fma) {
    ehi = mul(y, lhi);
    elo = NPRANDOM_DETAIL_MATH(fma)(y, llo, NPRANDOM_DETAIL_MATH(fma)(y, lhi, -ehi));  // fma-glibc
  } else {
    const double yhi = vlog_double(vlog_bits(y) & (~std::uint64_t{0} << 27));
    const double ylo = y - yhi;
    const double lhhi = vlog_double(vlog_bits(lhi) & (~std::uint64_t{0} << 27));
    const double lhlo = rounded(lhi - lhhi) + llo;
    ehi = mul(yhi, lhhi);
    elo = mul(ylo, lhhi) + mul(y, lhlo);
  }
  // exp_inline(ehi, elo, 0)
  const std::uint64_t abstop = (vlog_bits(ehi) >> 52) & 0x7ff;
  if (abstop - 0x3c9 >= 0x408 - 0x3c9) return detail::pow(x, y);
  double ekd = vlog_madd<Fma>(vexp_invln2n, ehi, vexp_shift);
  const std::uint64_t ki = vlog_bits(ekd);
  ekd = rounded(ekd) - vexp_shift;
  const double er =
      vlog_madd<Fma>(ekd, vexp_negln2lon, vlog_madd<Fma>(ekd, vexp_negln2hin, ehi)) + elo;
  const std::size_t idx = static_cast<std::size_t>(2 * (ki % 128));
  const double tail = vlog_double(vexp_table[idx]);
  const double scale = vlog_double(vexp_table[idx + 1] + (ki << 45));
  const double r2 = er * er;
  const double* c = vexp_c;
  const double etmp = vlog_madd<Fma>(mul(r2, r2), vlog_madd<Fma>(er, c[3], c[2]),
                                     vlog_madd<Fma>(r2, vlog_madd<Fma>(er, c[1], c[0]), tail + er));
  return vlog_madd<Fma>(scale, etmp, scale);
}  // fma-glibc: aarch64 GCC gives the return line's vlog_madd fma this line

#if NPRANDOM_VEC_LOG

// The vector kernels of one instruction set (log, exp, pow). log: log_reference<true> on W
// lanes, the near-1 path only for blocks that have such a lane (selected lane by lane), std::log
// for the lanes outside both paths and the last n % W values; exp and pow likewise (pow:
// pow_reference<true>, std::pow's lanes computed on x = 1.5 and exp(0) first, so they raise no
// spurious flag). in == out is allowed.
// Inside a kernel over (in, out, n) whose vector loop stopped at i: a tail of 3 or more values as
// one padded vector, its spare lanes copies of in[i] (lanes are independent, so the values are
// those of full vectors); CALL runs the kernel on the W values of tin into tout. Shorter tails
// fall through to the C library.
#define NPRANDOM_VEC_PADDED_TAIL(W, CALL)                                     \
  if (n - i >= 3) {                                                           \
    double tin[W], tout[W];                                                   \
    for (std::size_t j = 0; j < W; ++j) tin[j] = in[i + (i + j < n ? j : 0)]; \
    CALL;                                                                     \
    for (std::size_t j = 0; i + j < n; ++j) out[i + j] = tout[j];             \
    return;                                                                   \
  }

#define NPRANDOM_VEC_LOG_KERNEL(NS, TARGET, W, FMA)                                                \
  namespace NS {                                                                                   \
  __extension__ typedef double vd __attribute__((vector_size(W * 8)));                             \
  __extension__ typedef std::uint64_t vu __attribute__((vector_size(W * 8)));                      \
  __extension__ typedef std::int64_t vi __attribute__((vector_size(W * 8)));                       \
  TARGET NPRANDOM_ALWAYS_INLINE vd fma(const vd& a, const vd& b, const vd& c) noexcept {           \
    return FMA(a, b, c);                                                                           \
  }                                                                                                \
  TARGET NPRANDOM_ALWAYS_INLINE vd splat(double c) noexcept { return vd{} + c; }                   \
  TARGET NPRANDOM_ALWAYS_INLINE vd keep(vd x) noexcept {                                           \
    __asm__("" : "+x"(x));                                                                         \
    return x;                                                                                      \
  }                                                                                                \
  TARGET NPRANDOM_ALWAYS_INLINE bool any(const vi& m) noexcept {                                   \
    std::int64_t s = 0;                                                                            \
    for (int j = 0; j < W; ++j) s |= m[j];                                                         \
    return s != 0;                                                                                 \
  }                                                                                                \
  TARGET NPRANDOM_ALWAYS_INLINE vd near_one(const vd& x) noexcept {                                \
    const double* b = vlog_b;                                                                      \
    const vd r = x - 1.0;                                                                          \
    const vd r2 = r * r;                                                                           \
    const vd r3 = r * r2;                                                                          \
    const vd i3 = fma(r3, splat(b[10]), fma(r2, splat(b[9]), fma(r, splat(b[8]), splat(b[7]))));   \
    const vd i2 = fma(r3, i3, fma(r2, splat(b[6]), fma(r, splat(b[5]), splat(b[4]))));             \
    const vd i1 = fma(r3, i2, fma(r2, splat(b[3]), fma(r, splat(b[2]), splat(b[1]))));             \
    const vd w = keep(r * 0x1p27);                                                                 \
    const vd rhi = keep(r + w) - w;                                                                \
    const vd rlo = r - rhi;                                                                        \
    const vd w2 = keep(keep(rhi * rhi) * b[0]);                                                    \
    const vd hi = r + w2;                                                                          \
    vd lo = keep(r - hi) + w2;                                                                     \
    lo = fma(keep(rlo * b[0]), rhi + r, lo);                                                       \
    return keep(fma(r3, i1, lo)) + hi;                                                             \
  }                                                                                                \
  TARGET inline void log_kernel(const double* in, double* out, std::size_t n) noexcept {           \
    std::size_t i = 0;                                                                             \
    for (; i + W <= n; i += W) {                                                                   \
      vd x;                                                                                        \
      std::memcpy(&x, in + i, sizeof x);                                                           \
      vu ix;                                                                                       \
      std::memcpy(&ix, &x, sizeof ix);                                                             \
      const vi special = (ix >> 48) - 0x0010u >= 0x7ff0u - 0x0010u;                                \
      const vi near = ix - vlog_near_lo < vlog_near_hi - vlog_near_lo;                             \
      const vu tmp = ix - vlog_off;                                                                \
      const vu idx = (tmp >> 45) & 127u;                                                           \
      /* k + 2048 from the top 12 bits of tmp; the double k by the exact 1.5 * 2^52 trick */       \
      const vu kb = ((tmp >> 52) ^ 0x800u) + 0x4338000000000000ULL;                                \
      vd kd;                                                                                       \
      std::memcpy(&kd, &kb, sizeof kd);                                                            \
      kd -= 0x1.8p52 + 2048.0;                                                                     \
      const vu izb = ix - (tmp & (std::uint64_t{0xfff} << 52));                                    \
      vd z;                                                                                        \
      std::memcpy(&z, &izb, sizeof z);                                                             \
      vd invc, logc;                                                                               \
      for (int j = 0; j < W; ++j) { /* one load per lane: faster than vgatherqpd here */           \
        invc[j] = vlog_table[idx[j]].invc;                                                         \
        logc[j] = vlog_table[idx[j]].logc;                                                         \
      }                                                                                            \
      const double* a = vlog_a;                                                                    \
      const vd r = fma(z, invc, splat(-1.0));                                                      \
      const vd w = fma(kd, splat(vlog_ln2hi), logc);                                               \
      const vd hi = w + r;                                                                         \
      const vd lo = fma(kd, splat(vlog_ln2lo), keep(w - hi) + r);                                  \
      const vd r2 = r * r;                                                                         \
      const vd p = fma(r2, fma(r, splat(a[4]), splat(a[3])), fma(r, splat(a[2]), splat(a[1])));    \
      const vd r3 = r * r2;                                                                        \
      vd y = keep(fma(r3, p, fma(r2, splat(a[0]), lo))) + hi;                                      \
      if (any(near)) {                                                                             \
        const vd y1 = near_one(x);                                                                 \
        vu yb, y1b;                                                                                \
        std::memcpy(&yb, &y, sizeof yb);                                                           \
        std::memcpy(&y1b, &y1, sizeof y1b);                                                        \
        const vu m = __builtin_convertvector(near, vu);                                            \
        yb = (yb & ~m) | (y1b & m);                                                                \
        std::memcpy(&y, &yb, sizeof y);                                                            \
      }                                                                                            \
      std::memcpy(out + i, &y, sizeof y);                                                          \
      if (NPRANDOM_UNLIKELY(any(special))) {                                                       \
        for (int j = 0; j < W; ++j)                                                                \
          if (special[j]) out[i + static_cast<std::size_t>(j)] = detail::log(x[j]);                \
      }                                                                                            \
    }                                                                                              \
    NPRANDOM_VEC_PADDED_TAIL(W, log_kernel(tin, tout, W))                                          \
    for (; i < n; ++i) out[i] = detail::log(in[i]);                                                \
  }                                                                                                \
  TARGET inline void exp_kernel(const double* in, double* out, std::size_t n) noexcept {           \
    std::size_t i = 0;                                                                             \
    for (; i + W <= n; i += W) {                                                                   \
      vd x;                                                                                        \
      std::memcpy(&x, in + i, sizeof x);                                                           \
      vu ix;                                                                                       \
      std::memcpy(&ix, &x, sizeof ix);                                                             \
      const vi special = ((ix >> 52) & 0x7ffu) - 0x3c9u >= 0x408u - 0x3c9u;                        \
      vd kd = fma(splat(vexp_invln2n), x, splat(vexp_shift));                                      \
      vu ki;                                                                                       \
      std::memcpy(&ki, &kd, sizeof ki);                                                            \
      kd = keep(kd) - vexp_shift;                                                                  \
      const vd r = fma(kd, splat(vexp_negln2lon), fma(kd, splat(vexp_negln2hin), x));              \
      vd tail;                                                                                     \
      vu sbits;                                                                                    \
      for (int j = 0; j < W; ++j) {                                                                \
        const std::size_t idx = static_cast<std::size_t>(2 * (ki[j] % 128));                       \
        tail[j] = vlog_double(vexp_table[idx]);                                                    \
        sbits[j] = vexp_table[idx + 1];                                                            \
      }                                                                                            \
      sbits += ki << 45;                                                                           \
      vd scale;                                                                                    \
      std::memcpy(&scale, &sbits, sizeof scale);                                                   \
      const double* c = vexp_c;                                                                    \
      const vd r2 = r * r;                                                                         \
      const vd tmp = fma(keep(r2 * r2), fma(r, splat(c[3]), splat(c[2])),                          \
                         fma(r2, fma(r, splat(c[1]), splat(c[0])), tail + r));                     \
      const vd y = fma(scale, tmp, scale);                                                         \
      std::memcpy(out + i, &y, sizeof y);                                                          \
      if (NPRANDOM_UNLIKELY(any(special))) {                                                       \
        for (int j = 0; j < W; ++j)                                                                \
          if (special[j]) out[i + static_cast<std::size_t>(j)] = detail::exp(x[j]);                \
      }                                                                                            \
    }                                                                                              \
    NPRANDOM_VEC_PADDED_TAIL(W, exp_kernel(tin, tout, W))                                          \
    for (; i < n; ++i) out[i] = detail::exp(in[i]);                                                \
  }                                                                                                \
  TARGET inline void pow_kernel(const double* in, double y, double* out, std::size_t n) noexcept { \
    std::size_t i = 0;                                                                             \
    if (vpow_y_ok(y)) {                                                                            \
      const double* a = vpow_a;                                                                    \
      const double* c = vexp_c;                                                                    \
      const vd yv = splat(y);                                                                      \
      for (; i + W <= n; i += W) {                                                                 \
        vd x;                                                                                      \
        std::memcpy(&x, in + i, sizeof x);                                                         \
        vu ix;                                                                                     \
        std::memcpy(&ix, &x, sizeof ix);                                                           \
        const vi xspecial = (ix >> 52) - 1u >= 0x7feu;                                             \
        const vu xm = __builtin_convertvector(xspecial, vu);                                       \
        ix = (ix & ~xm) | (vlog_bits(1.5) & xm); /* std::pow's lanes: no flags from garbage */     \
        const vu tmp = ix - vpow_off;                                                              \
        const vu idx = (tmp >> 45) & 127u;                                                         \
        const vu kb = ((tmp >> 52) ^ 0x800u) + 0x4338000000000000ULL;                              \
        vd kd;                                                                                     \
        std::memcpy(&kd, &kb, sizeof kd);                                                          \
        kd -= 0x1.8p52 + 2048.0;                                                                   \
        const vu izb = ix - (tmp & (std::uint64_t{0xfff} << 52));                                  \
        vd z;                                                                                      \
        std::memcpy(&z, &izb, sizeof z);                                                           \
        vd invc, logc, logctail;                                                                   \
        for (int j = 0; j < W; ++j) {                                                              \
          invc[j] = vpow_table[idx[j]].invc;                                                       \
          logc[j] = vpow_table[idx[j]].logc;                                                       \
          logctail[j] = vpow_table[idx[j]].logctail;                                               \
        }                                                                                          \
        /* log(x) = lhi + llo: the fused products of __pow_fma's log_inline */                     \
        const vd r = fma(z, invc, splat(-1.0));                                                    \
        const vd t1 = fma(kd, splat(vpow_ln2hi), logc);                                            \
        const vd t2 = t1 + r;                                                                      \
        const vd lo1 = fma(kd, splat(vpow_ln2lo), logctail);                                       \
        const vd lo2 = keep(t1 - t2) + r;                                                          \
        const vd ar = keep(r * a[0]);                                                              \
        const vd ar2 = keep(r * ar);                                                               \
        const vd ar3 = keep(r * ar2);                                                              \
        const vd hi = t2 + ar2;                                                                    \
        const vd lo3 = fma(ar, r, -ar2);                                                           \
        const vd lo4 = keep(t2 - hi) + ar2;                                                        \
        const vd q =                                                                               \
            fma(ar2, fma(ar2, fma(r, splat(a[6]), splat(a[5])), fma(r, splat(a[4]), splat(a[3]))), \
                fma(r, splat(a[2]), splat(a[1])));                                                 \
        const vd lo = fma(ar3, q, keep(keep(lo1 + lo2) + lo3) + lo4);                              \
        const vd lhi = hi + lo;                                                                    \
        const vd llo = keep(hi - lhi) + lo;                                                        \
        /* y log(x) = ehi + elo, then exp_inline(ehi, elo, 0) */                                   \
        const vd ehi0 = keep(yv * lhi);                                                            \
        const vd elo0 = fma(yv, llo, fma(yv, lhi, -ehi0));                                         \
        vu eb, elb;                                                                                \
        std::memcpy(&eb, &ehi0, sizeof eb);                                                        \
        std::memcpy(&elb, &elo0, sizeof elb);                                                      \
        const vi special = xspecial | (((eb >> 52) & 0x7ffu) - 0x3c9u >= 0x408u - 0x3c9u);         \
        const vu m = __builtin_convertvector(special, vu);                                         \
        eb &= ~m; /* exp(0) on std::pow's lanes */                                                 \
        elb &= ~m;                                                                                 \
        vd ehi, elo;                                                                               \
        std::memcpy(&ehi, &eb, sizeof ehi);                                                        \
        std::memcpy(&elo, &elb, sizeof elo);                                                       \
        vd ekd = fma(splat(vexp_invln2n), ehi, splat(vexp_shift));                                 \
        vu ki;                                                                                     \
        std::memcpy(&ki, &ekd, sizeof ki);                                                         \
        ekd = keep(ekd) - vexp_shift;                                                              \
        const vd er = fma(ekd, splat(vexp_negln2lon), fma(ekd, splat(vexp_negln2hin), ehi)) + elo; \
        vd tail;                                                                                   \
        vu sbits;                                                                                  \
        for (int j = 0; j < W; ++j) {                                                              \
          const std::size_t e = static_cast<std::size_t>(2 * (ki[j] % 128));                       \
          tail[j] = vlog_double(vexp_table[e]);                                                    \
          sbits[j] = vexp_table[e + 1];                                                            \
        }                                                                                          \
        sbits += ki << 45;                                                                         \
        vd scale;                                                                                  \
        std::memcpy(&scale, &sbits, sizeof scale);                                                 \
        const vd r2 = keep(er * er);                                                               \
        const vd t = fma(keep(r2 * r2), fma(er, splat(c[3]), splat(c[2])),                         \
                         fma(r2, fma(er, splat(c[1]), splat(c[0])), tail + er));                   \
        const vd res = fma(scale, t, scale);                                                       \
        std::memcpy(out + i, &res, sizeof res);                                                    \
        if (NPRANDOM_UNLIKELY(any(special))) {                                                     \
          for (int j = 0; j < W; ++j)                                                              \
            if (special[j]) out[i + static_cast<std::size_t>(j)] = detail::pow(x[j], y);           \
        }                                                                                          \
      }                                                                                            \
    }                                                                                              \
    if (vpow_y_ok(y)) NPRANDOM_VEC_PADDED_TAIL(W, pow_kernel(tin, y, tout, W))                     \
    for (; i < n; ++i) out[i] = detail::pow(in[i], y);                                             \
  }                                                                                                \
  }

#define NPRANDOM_VLOG_FMA256(a, b, c) __builtin_ia32_vfmaddpd256(a, b, c)
#define NPRANDOM_VLOG_FMA512(a, b, c) \
  __builtin_ia32_vfmaddpd512_mask(a, b, c, static_cast<unsigned char>(0xff), 4)
// GCC: the kernels are compiled as at -O2 with generic tuning whatever the command line says.
// At -O3 GCC 12 vectorises the per-lane table loads into masked inserts and spills, and
// -march=native's tuning (znver3 here) slows the exp lookups: log 1.55 -> 2.14 ns, exp 0.91 ->
// 1.76 ns per value at -O3 -march=native without this; the same as -O2 with it. The values
// cannot change: the kernels' arithmetic is fixed by explicit fma() and keep() barriers.
// Shared with detail/vec_expm1.hpp's kernels.
#if defined(__clang__)
#define NPRANDOM_VLOG_T2 __attribute__((target("avx2,fma")))
#define NPRANDOM_VLOG_T5 __attribute__((target("avx512f,avx512dq,fma")))
#else
#define NPRANDOM_VLOG_T2 __attribute__((target("avx2,fma,tune=generic"), optimize("O2")))
#define NPRANDOM_VLOG_T5 \
  __attribute__((target("avx512f,avx512dq,fma,tune=generic"), optimize("O2")))
#endif
NPRANDOM_VEC_LOG_KERNEL(vlog_avx2, NPRANDOM_VLOG_T2, 4, NPRANDOM_VLOG_FMA256)    // fma-glibc
NPRANDOM_VEC_LOG_KERNEL(vlog_avx512, NPRANDOM_VLOG_T5, 8, NPRANDOM_VLOG_FMA512)  // fma-glibc
#undef NPRANDOM_VLOG_FMA256
#undef NPRANDOM_VLOG_FMA512
#undef NPRANDOM_VEC_LOG_KERNEL

#endif  // NPRANDOM_VEC_LOG

// Inputs whose results differ between glibc's FMA build and its build without FMA (found with
// log_reference<true> / <false>): 40 on the main path, 24 near 1.
inline constexpr double vlog_probe_hard[64] = {
    0x1.0f2a794025377p+0, 0x1.d2b5f8ab25387p-1, 0x1.42c487f22bf5ap+0, 0x1.8f3a3d5557d3ap-1,
    0x1.4070248559216p+0, 0x1.3e09b3801f912p+0, 0x1.41c828b9e5d1ep+0, 0x1.e8be07bd771bfp-1,
    0x1.9eb811382974dp-1, 0x1.799550ad7c4c2p-1, 0x1.cd7ec0b984582p-1, 0x1.a2e2ba2324192p-1,
    0x1.d99bbd40337f5p-1, 0x1.877caea5edd0ap+0, 0x1.949c75bc2916ap+0, 0x1.8e553e2ab54d4p-1,
    0x1.55e38edf1df9p-1,  0x1.d898001da5dccp-1, 0x1.e1056af047c9p-1,  0x1.c77e217f34c33p-1,
    0x1.b87e806ebf30ep+0, 0x1.d3bae74fa33fap-1, 0x1.e19bca3420d34p+0, 0x1.05fd454959dd7p+0,
    0x1.cc8e4ffb5d7cp-1,  0x1.36fa80c9cd5adp+0, 0x1.9755cdc5f9196p-1, 0x1.d9262dcd6e69bp-1,
    0x1.c02ab9ca9ac83p+0, 0x1.20402ba335f64p+0, 0x1.6b4b39eb67edep-1, 0x1.e4480d035d961p-1,
    0x1.0e8da1dbeb4e2p+0, 0x1.83a8823f5ca89p+0, 0x1.bfc797fca5b1bp-1, 0x1.b6b398b54b4bep-1,
    0x1.14803a60c3d0fp+0, 0x1.e2cb4359a293p-1,  0x1.d052bf12bd4dfp-1, 0x1.e3e3f78p-1,
    0x1.9c96afe96338cp-1, 0x1.001a512befebap-1, 0x1.9405744a15e22p-1, 0x1.416395f8ea7cep+0,
    0x1.1073efa48ed28p+0, 0x1.253c93c5cb4afp+0, 0x1.ea46555515cf9p-1, 0x1.ddc3f6b31acb2p-1,
    0x1.b56262cb984e8p+0, 0x1.31348913b4944p+0, 0x1.f359c066f0be1p-1, 0x1.e21b0e8p-1,
    0x1.0ab6fbf537c9dp+0, 0x1.07b3dd4p+0,       0x1.e2195e4p-1,       0x1.f22e76b9f0d72p-1,
    0x1.e29a59b30f617p-1, 0x1.eec7058p-1,       0x1.eec7058p-1,       0x1.0e346e26832f1p+0,
    0x1.e21af04p-1,       0x1.ec172422944dbp-1, 0x1.0df2d706d062fp+0, 0x1.f289c71a654b1p-1,
};

// The self-check's probe set (4096 values, deterministic): the hard cases above, then powers of
// two and their neighbours over every exponent, the near-1 interval's edges and inside, specials
// and subnormals, and pseudo-random positive doubles (xorshift bit patterns) for the rest.
inline void vlog_probes(double* p, std::size_t n) noexcept {
  std::size_t i = 0;
  auto put = [&](double v) {
    if (i < n) p[i++] = v;
  };
  for (double v : vlog_probe_hard) put(v);
  for (int e = -1074; e <= 1023; e += 7) {
    const double v = NPRANDOM_DETAIL_MATH(ldexp)(1.0, e);
    put(v);
    put(NPRANDOM_DETAIL_MATH(nextafter)(v, 0.0));
    put(NPRANDOM_DETAIL_MATH(nextafter)(v, std::numeric_limits<double>::infinity()));
  }
  const std::uint64_t edges[] = {vlog_near_lo, vlog_near_hi, vlog_bits(1.0)};
  for (std::uint64_t e : edges)
    for (std::uint64_t d = 0; d < 8; ++d) {
      put(vlog_double(e + d));
      put(vlog_double(e - d - 1));
    }
  const double specials[] = {0.0,
                             -0.0,
                             -1.0,
                             0.5,
                             2.0,
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN(),
                             0x1p-1074,
                             0x1.fffffffffffffp-1023,
                             0x1p-1022,
                             0x1.fffffffffffffp+1023};
  for (double v : specials) put(v);
  std::uint64_t s = 0x9e3779b97f4a7c15ULL;
  while (i < n) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    if (i % 2 == 0) {
      put(vlog_double(s >> 1));  // any positive double
    } else {
      put(0x1.cp-1 + mul(static_cast<double>(s >> 11) * 0x1p-53, 0x1.4p-2));  // [0.875, 1.1875)
    }
  }
}

inline constexpr std::size_t vlog_probe_count = 4096;

// ---- exp's self-check probes --------------------------------------------------------------

// Inputs whose exp differs between glibc's FMA build and its build without FMA.
inline constexpr double vexp_probe_hard[48] = {
    -0x1.1c9e664816534p+2, 0x1.b82dbe9f1ac33p+8,  -0x1.a4e938ddc8569p+2, 0x1.9f4a29396eef4p+3,
    0x1.2187362f60a1ap+3,  0x1.5fab1717abdbcp+7,  -0x1.30d90e7ed40d2p+4, 0x1.3b6e885cabd8ap+4,
    -0x1.1ed6f77576cf6p+4, 0x1.96c0fdced9fc4p+1,  0x1.1bd1a6c2bf63bp+8,  -0x1.31105800cbb8cp+3,
    0x1.8bb3986021926p+3,  0x1.22e33b5956c61p+2,  0x1.a43a7af3bf2b8p+1,  -0x1.e9719ab1b0b09p+7,
    0x1.61f734fe3e9c2p+7,  0x1.35228c59ced38p+8,  0x1.2ede91ee5b0ccp+4,  0x1.9d79f70b128ccp+6,
    0x1.b5c902d3c00a7p+3,  -0x1.11bdca11730f6p+3, 0x1.e4264cb9bd24dp+7,  0x1.5f6fa519fa508p+2,
    0x1.ef1bc5cefe06p-1,   0x1.380fced286672p+4,  0x1.74a169990ed07p+2,  0x1.16f6b2f788951p+8,
    0x1.4c68802f6b408p+1,  0x1.86be89b1ee35ap+2,  -0x1.5d4d164cf634dp+4, -0x1.d21f7f25bd292p+3,
    -0x1.29c73e4fdc7f4p+3, 0x1.092daec0ed2b6p+6,  -0x1.54ed6ec7346b2p+8, -0x1.7eb8f5454d6d8p+8,
    -0x1.3af92b085119ap+1, 0x1.2ea500dbc362bp+3,  0x1.00097be75858ap+7,  -0x1.f6aefb66fdf44p+2,
    0x1.02d625136ab59p+4,  0x1.1ab6691296724p+2,  -0x1.bc5d154aed5b2p+3, -0x1.d7c5363726e9p+3,
    -0x1.60511f8b3c439p+8, 0x1.e6f34b88a542ap+5,  0x1.2c7a4b2088e3fp+8,  0x1.fa794977c8c6dp+3,
};

// exp's self-check probes: the hard cases, the edges of the polynomial range (2^-54, 512) and of
// overflow / underflow, specials, then pseudo-random values in [-745, 710) and [-32, 32).
inline void vexp_probes(double* p, std::size_t n) noexcept {
  std::size_t i = 0;
  auto put = [&](double v) {
    if (i < n) p[i++] = v;
  };
  for (double v : vexp_probe_hard) put(v);
  const double edges[] = {0x1p-54,           512.0,    709.782712893384, 1024.0, 745.1332191019411,
                          708.3964185322641, 0x1p-1022};
  for (double e : edges)
    for (std::uint64_t d = 0; d < 4; ++d) {
      put(vlog_double(vlog_bits(e) + d));
      put(vlog_double(vlog_bits(e) - d - 1));
      put(-vlog_double(vlog_bits(e) + d));
      put(-vlog_double(vlog_bits(e) - d - 1));
    }
  const double specials[] = {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN()};
  for (double v : specials) put(v);
  std::uint64_t s = 0x2545f4914f6cdd1dULL;
  while (i < n) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    const double u = static_cast<double>(s >> 11) * 0x1p-53;
    put(i % 2 == 0 ? mul(u, 1455.0) - 745.0 : mul(u, 64.0) - 32.0);
  }
}

// ---- pow's self-check probes -----------------------------------------------------------------

// Pairs (x, y) whose pow differs between glibc's FMA build and its build without FMA (found with
// pow_reference<true> / <false>).
inline constexpr double vpow_probe_hard[64][2] = {
    {0x1.86b590aa107aep+4, 0x1.39b340f2e11bcp-1},   {0x1.e05f8ca86e2b6p-2, 0x1.72306381520bp+1},
    {0x1.00c5830998fcep+0, -0x1.e0100bfd18616p+9},  {0x1.01ce29c95aa0ep+0, 0x1.498e5845c6e6cp+8},
    {0x1.6a3ea8d26cbf3p-75, 0x1.c274794f695dp+0},   {0x1.eaf6d41befb59p-1, 0x1.061776b1a6ec4p+3},
    {0x1.b904c9f585ba8p-2, 0x1.f14f4106194fp+2},    {0x1.e0c4eb4182db8p-4, 0x1.d897d591510ep-1},
    {0x1.306033aa607ap+5, 0x1.004be938dffa8p-1},    {0x1.a64f2d53f588cp+3, 0x1.1a0bd90523af2p-1},
    {0x1.fcadd22d35904p-1, 0x1.2a206607f4118p+9},   {0x1.5ee0b155e0c4ap+4, 0x1.0be809b9f3268p+0},
    {0x1.fcede20cb9d1ap-1, 0x1.6677c3c2ada16p+9},   {0x1.0069d3c3fff95p+0, 0x1.9c37508f60934p+9},
    {0x1.01dd6fa829283p+0, 0x1.cb1093956b28p+7},    {0x1.386b4bd59eebp-4, -0x1.068cfbb8ac1e6p+2},
    {0x1.a50a44a5bd6fp-5, -0x1.3c2b4c6b488bdp+3},   {0x1.5ae0e496a2667p-1, 0x1.6c5b96f45e2e4p+2},
    {0x1.6dcbe6d396d98p+4, 0x1.95a63b7d2c434p-3},   {0x1.a1e98270ecd57p-259, 0x1.e3a5a02e5a668p+0},
    {0x1.cdd54da2b2bc6p+2, 0x1.bd3a4c47b4e4cp-3},   {0x1.01e74c9c94d8ep+0, 0x1.5c2b9bf58c2b4p+9},
    {0x1.cb07b0c39cb2p+4, 0x1.512069b55e417p+0},    {0x1.4042c549aab64p-883, 0x1.6f215c7023p-5},
    {0x1.9edef867b6f48p-2, 0x1.58d674cda1b58p+1},   {0x1.b5319015d9fefp-1, 0x1.07b98c83445aap+3},
    {0x1.4ac29f4df374ep+3, 0x1.5047cd05dc1aap-2},   {0x1.4495f0ab164bp-2, 0x1.2bbb9cc81d1a8p+0},
    {0x1.71c985c605bcbp+2, 0x1.9232e9dea7b96p-3},   {0x1.fc1355978fb3ap-1, 0x1.a34c55d087c2cp+9},
    {0x1.527e94fe5bd95p-1, 0x1.36173b9262764p+3},   {0x1.4a32e01b886a7p+3, 0x1.05ca834efa863p-1},
    {0x1.ffaf652cef566p-1, 0x1.5ce36dfd4d828p+8},   {0x1.1f3dd2a8fb21ap+4, 0x1.7b36e1aac222dp-2},
    {0x1.4b38f7a20bfcep+3, 0x1.5777afeb553a3p-2},   {0x1.00b8ed00b9ba6p+0, 0x1.37f4443d51efap+9},
    {0x1.33eaf41dbe3e7p-203, 0x1.5fe5c26eb275cp+1}, {0x1.01dbb03f1aed2p+0, -0x1.c04ad69d656e8p+7},
    {0x1.ff1ed2089bb07p-1, -0x1.057fd8c08a028p+1},  {0x1.18dface94a019p-1, 0x1.a067c661b3738p+2},
    {0x1.01791498ea80ap+0, -0x1.4797afe5990b8p+7},  {0x1.737486db21a28p-2, -0x1.7cefdd5cc22ep-1},
    {0x1.0dcc85540a9f4p-1, -0x1.38f0d463412ap-2},   {0x1.073fbd4586d45p+361, -0x1.cd5ef42dae62p+0},
    {0x1.3ace58bc16db8p+2, 0x1.21908aff9ddafp-2},   {0x1.d880431882c3ap-2, 0x1.838113c5f6f58p+1},
    {0x1.417bd432bc164p+0, 0x1.7e29b2c5d8e18p-2},   {0x1.3e05f032d6765p+4, 0x1.292ce6eee70c8p-2},
    {0x1.9e80e3064624fp-1, 0x1.a7a31720219ecp+2},   {0x1.71d7a8292f437p+4, 0x1.4801fcc334f44p-1},
    {0x1.2845fa6c47b1p-362, 0x1.0a2b0b846687p-1},   {0x1.65644ad7e1ba8p+3, 0x1.b57ea2f4350c8p-3},
    {0x1.96e6f900490d5p+4, 0x1.dd0e9d060ece3p-3},   {0x1.d1d2b12824dfp-5, 0x1.d6998a1b611dp+1},
    {0x1.62be2b1706084p-1, 0x1.217e939dca39ap+2},   {0x1.3d3c8519324dcp+4, 0x1.88705b05a60b5p-2},
    {0x1.05195803b0f8ap+5, 0x1.c8f99a3348914p-3},   {0x1.d059d9bebd2d1p+4, 0x1.e9ab140e7f00ap-3},
    {0x1.0173078638152p+0, 0x1.3dff2f36be16cp+8},   {0x1.fdb69f9b6da05p-1, -0x1.aa98487a8d3b6p+2},
    {0x1.fd63b75e657fdp-1, 0x1.19f4f4bd47142p+9},   {0x1.01db4058a3106p+0, 0x1.7593dfb9069b4p+8},
    {0x1.f581488b3b6ebp-169, -0x1.461c714d629fp-2}, {0x1.06c6f16846474p+4, 0x1.e8428d3f20f7p-3}};

// The exponents of the self-check's other probes: probe x number j goes with vpow_probe_y[j % 4].
inline constexpr double vpow_probe_y[4] = {0x1.5555555555555p-2, 2.5, -0x1.6666666666666p-1,
                                           0x1.e1e1e1e1e1e1ep-1};

// ---- the gate, shared by every batched function ------------------------------------------------

/// A batched unary function's kernel: out[i] = f(in[i]) for i < n (in == out allowed).
using vlog_kernel_fn = void (*)(const double*, double*, std::size_t) noexcept;
/// A batched pow's kernel: out[i] = pow(in[i], y) for i < n (in == out allowed).
using vpow_kernel_fn = void (*)(const double*, double, double*, std::size_t) noexcept;

#if NPRANDOM_VEC_LOG
// The kernel of a level: avx2 or avx512, on a CPU with FMA (glibc's choice of its FMA build);
// nullptr otherwise.
template <class Fn>
inline Fn vec_kernel_for(simd_level l, Fn avx2, Fn avx512) noexcept {
  if (!cpu_has_fma()) return nullptr;
  if (l == simd_level::avx512) return avx512;
  if (l == simd_level::avx2) return avx2;
  return nullptr;
}

// True when run(in, got, m) (a batch of the kernel under test) gives f(in[j])'s bits for each of
// the n probes. Chunks of 256 run with 3 more values, so the whole-vector and tail paths both run.
template <class Run, class F>
inline bool vec_matches(const double* in, std::size_t n, Run run, F f) noexcept {
  constexpr std::size_t chunk = 256;
  for (std::size_t i = 0; i < n; i += chunk) {
    double got[chunk + 3];
    run(in + i, got, chunk + 3 <= n - i ? chunk + 3 : n - i);
    for (std::size_t j = 0; j < chunk && i + j < n; ++j)
      if (vlog_bits(got[j]) != vlog_bits(f(in[i + j]))) return false;
  }
  return true;
}

// k if self_check(k) passed, else nullptr. checked[level]: 0 not yet checked, 1 passed, 2 failed
// (racing first calls both check and store the same answer).
template <class Fn, class Check>
inline Fn vec_gate(simd_level l, Fn k, atomic_value<int> (&checked)[3], Check self_check) noexcept {
  if (k == nullptr) return k;
  atomic_value<int>& c = checked[static_cast<int>(l)];
  int v = c.load();
  if (NPRANDOM_UNLIKELY(v == 0)) {
    v = self_check(k) ? 1 : 2;
    c.store(v);
  }
  return v == 1 ? k : nullptr;
}

inline vlog_kernel_fn vlog_kernel_for(simd_level l) noexcept {
  return vec_kernel_for<vlog_kernel_fn>(l, &vlog_avx2::log_kernel, &vlog_avx512::log_kernel);
}
inline vlog_kernel_fn vexp_kernel_for(simd_level l) noexcept {
  return vec_kernel_for<vlog_kernel_fn>(l, &vlog_avx2::exp_kernel, &vlog_avx512::exp_kernel);
}

// True when kernel k gives std::log's (std::exp's) bits on every probe.
inline bool vlog_self_check(vlog_kernel_fn k) noexcept {
  double in[vlog_probe_count];
  vlog_probes(in, vlog_probe_count);
  return vec_matches(in, vlog_probe_count, k, [](double x) { return detail::log(x); });
}
inline bool vexp_self_check(vlog_kernel_fn k) noexcept {
  double in[vlog_probe_count];
  vexp_probes(in, vlog_probe_count);
  return vec_matches(in, vlog_probe_count, k, [](double x) { return detail::exp(x); });
}

inline vpow_kernel_fn vpow_kernel_for(simd_level l) noexcept {
  return vec_kernel_for<vpow_kernel_fn>(l, &vlog_avx2::pow_kernel, &vlog_avx512::pow_kernel);
}

// True when kernel k gives std::pow's bits on every probe: each hard pair on a whole vector (8
// copies of x), then log's probe set (powers of two, near 1, subnormals, specials, random) with
// the exponents of vpow_probe_y.
inline bool vpow_self_check(vpow_kernel_fn k) noexcept {
  for (const auto& h : vpow_probe_hard) {
    const double y = h[1];
    const double in[8] = {h[0], h[0], h[0], h[0], h[0], h[0], h[0], h[0]};
    if (!vec_matches(
            in, 8, [k, y](const double* a, double* o, std::size_t m) { k(a, y, o, m); },
            [y](double x) { return detail::pow(x, y); }))
      return false;
  }
  double p[vlog_probe_count];
  vlog_probes(p, vlog_probe_count);
  constexpr std::size_t m = vlog_probe_count / 4;
  for (std::size_t yi = 0; yi < 4; ++yi) {
    double in[m];
    for (std::size_t j = 0; j < m; ++j) in[j] = p[4 * j + yi];
    const double y = vpow_probe_y[yi];
    if (!vec_matches(
            in, m, [k, y](const double* a, double* o, std::size_t c) { k(a, y, o, c); },
            [y](double x) { return detail::pow(x, y); }))
      return false;
  }
  return true;
}

inline atomic_value<int> vpow_checked[3] = {atomic_value<int>{0}, atomic_value<int>{0},
                                            atomic_value<int>{0}};
inline atomic_value<int> vlog_checked[3] = {atomic_value<int>{0}, atomic_value<int>{0},
                                            atomic_value<int>{0}};
inline atomic_value<int> vexp_checked[3] = {atomic_value<int>{0}, atomic_value<int>{0},
                                            atomic_value<int>{0}};
#endif

/// The vector kernel log_batch uses at the current SIMD level after its self-check, or nullptr
/// (the C library's log).
inline vlog_kernel_fn vec_log_kernel() noexcept {
#if NPRANDOM_VEC_LOG
  const simd_level l = current_simd_level();
  return vec_gate(l, vlog_kernel_for(l), vlog_checked, &vlog_self_check);
#else
  return nullptr;
#endif
}

/// The vector kernel exp_batch uses now, or nullptr (the C library's exp).
inline vlog_kernel_fn vec_exp_kernel() noexcept {
#if NPRANDOM_VEC_LOG
  const simd_level l = current_simd_level();
  return vec_gate(l, vexp_kernel_for(l), vexp_checked, &vexp_self_check);
#else
  return nullptr;
#endif
}

/// The vector kernel pow_batch uses now, or nullptr (the C library's pow).
inline vpow_kernel_fn vec_pow_kernel() noexcept {
#if NPRANDOM_VEC_LOG
  const simd_level l = current_simd_level();
  return vec_gate(l, vpow_kernel_for(l), vpow_checked, &vpow_self_check);
#else
  return nullptr;
#endif
}

/// True when log_batch (exp_batch, pow_batch) runs a vector kernel now (tests, benchmarks).
inline bool vec_log_active() noexcept { return vec_log_kernel() != nullptr; }
inline bool vec_exp_active() noexcept { return vec_exp_kernel() != nullptr; }
inline bool vec_pow_active() noexcept { return vec_pow_kernel() != nullptr; }

/// out[i] = std::log(in[i]) for i < n, bit for bit (in == out allowed).
inline void log_batch(const double* in, double* out, std::size_t n) noexcept {
  if (n >= 3) {  // a shorter tail than 3 is faster in the C library
    if (const auto k = vec_log_kernel()) {
      k(in, out, n);
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = log(in[i]);
}

/// out[i] = std::exp(in[i]) for i < n, bit for bit (in == out allowed).
inline void exp_batch(const double* in, double* out, std::size_t n) noexcept {
  if (n >= 3) {  // a shorter tail than 3 is faster in the C library
    if (const auto k = vec_exp_kernel()) {
      k(in, out, n);
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = exp(in[i]);
}

/// out[i] = std::pow(in[i], y) for i < n, bit for bit (in == out allowed): y fixed per batch.
inline void pow_batch(const double* in, double y, double* out, std::size_t n) noexcept {
  if (n >= 3) {  // a shorter tail than 3 is faster in the C library
    if (const auto k = vec_pow_kernel()) {
      k(in, y, out, n);
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = pow(in[i], y);
}

/// v[i] = exp(mean + sigma * v[i]) (the product rounded on its own) for i < n: lognormal from
/// normals, in blocks of 256 (in L1 across both passes).
inline void exp_of_affine(double* v, std::size_t n, double mean, double sigma) noexcept {
  for (std::size_t b = 0; b < n; b += 256) {
    double* w = v + b;
    const std::size_t m = n - b < 256 ? n - b : 256;
    for (std::size_t i = 0; i < m; ++i) w[i] = mean + mul(sigma, w[i]);
    exp_batch(w, w, m);
  }
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_VEC_LOG_HPP
