// Bit-exact batched natural logarithm: glibc's log(x), computed 4 (AVX2 + FMA) or 8 (AVX-512)
// values at a time, for the bulk kernels whose values are logs of independent uniforms.
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

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

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
    return std::fma(a, b, c);  // fma-glibc
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
  if (top - 0x0010 >= 0x7ff0 - 0x0010) return std::log(rounded(x));
  const std::uint64_t tmp = ix - vlog_off;
  const vlog_entry& t = vlog_table[(tmp >> 45) % 128];
  const double kd = static_cast<double>(static_cast<std::int64_t>(tmp) >> 52);
  const double z = vlog_double(ix - (tmp & (std::uint64_t{0xfff} << 52)));
  double r;
  if constexpr (Fma) {
    r = std::fma(z, t.invc, -1.0);  // fma-glibc
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

#if NPRANDOM_VEC_LOG

// The vector kernel of one instruction set: log_reference<true> on W lanes, the near-1 path only
// for blocks that have such a lane (selected lane by lane), std::log for the lanes outside both
// paths and the last n % W values. in == out is allowed.
#define NPRANDOM_VEC_LOG_KERNEL(NS, TARGET, W, FMA)                                              \
  namespace NS {                                                                                 \
  __extension__ typedef double vd __attribute__((vector_size(W * 8)));                           \
  __extension__ typedef std::uint64_t vu __attribute__((vector_size(W * 8)));                    \
  __extension__ typedef std::int64_t vi __attribute__((vector_size(W * 8)));                     \
  TARGET NPRANDOM_ALWAYS_INLINE vd fma(const vd& a, const vd& b, const vd& c) noexcept {         \
    return FMA(a, b, c);                                                                         \
  }                                                                                              \
  TARGET NPRANDOM_ALWAYS_INLINE vd splat(double c) noexcept { return vd{} + c; }                 \
  TARGET NPRANDOM_ALWAYS_INLINE vd keep(vd x) noexcept {                                         \
    __asm__("" : "+x"(x));                                                                       \
    return x;                                                                                    \
  }                                                                                              \
  TARGET NPRANDOM_ALWAYS_INLINE bool any(const vi& m) noexcept {                                 \
    std::int64_t s = 0;                                                                          \
    for (int j = 0; j < W; ++j) s |= m[j];                                                       \
    return s != 0;                                                                               \
  }                                                                                              \
  TARGET NPRANDOM_ALWAYS_INLINE vd near_one(const vd& x) noexcept {                              \
    const double* b = vlog_b;                                                                    \
    const vd r = x - 1.0;                                                                        \
    const vd r2 = r * r;                                                                         \
    const vd r3 = r * r2;                                                                        \
    const vd i3 = fma(r3, splat(b[10]), fma(r2, splat(b[9]), fma(r, splat(b[8]), splat(b[7])))); \
    const vd i2 = fma(r3, i3, fma(r2, splat(b[6]), fma(r, splat(b[5]), splat(b[4]))));           \
    const vd i1 = fma(r3, i2, fma(r2, splat(b[3]), fma(r, splat(b[2]), splat(b[1]))));           \
    const vd w = keep(r * 0x1p27);                                                               \
    const vd rhi = keep(r + w) - w;                                                              \
    const vd rlo = r - rhi;                                                                      \
    const vd w2 = keep(keep(rhi * rhi) * b[0]);                                                  \
    const vd hi = r + w2;                                                                        \
    vd lo = keep(r - hi) + w2;                                                                   \
    lo = fma(keep(rlo * b[0]), rhi + r, lo);                                                     \
    return keep(fma(r3, i1, lo)) + hi;                                                           \
  }                                                                                              \
  TARGET inline void log_kernel(const double* in, double* out, std::size_t n) noexcept {         \
    std::size_t i = 0;                                                                           \
    for (; i + W <= n; i += W) {                                                                 \
      vd x;                                                                                      \
      std::memcpy(&x, in + i, sizeof x);                                                         \
      vu ix;                                                                                     \
      std::memcpy(&ix, &x, sizeof ix);                                                           \
      const vi special = (ix >> 48) - 0x0010u >= 0x7ff0u - 0x0010u;                              \
      const vi near = ix - vlog_near_lo < vlog_near_hi - vlog_near_lo;                           \
      const vu tmp = ix - vlog_off;                                                              \
      const vu idx = (tmp >> 45) & 127u;                                                         \
      /* k + 2048 from the top 12 bits of tmp; the double k by the exact 1.5 * 2^52 trick */     \
      const vu kb = ((tmp >> 52) ^ 0x800u) + 0x4338000000000000ULL;                              \
      vd kd;                                                                                     \
      std::memcpy(&kd, &kb, sizeof kd);                                                          \
      kd -= 0x1.8p52 + 2048.0;                                                                   \
      const vu izb = ix - (tmp & (std::uint64_t{0xfff} << 52));                                  \
      vd z;                                                                                      \
      std::memcpy(&z, &izb, sizeof z);                                                           \
      vd invc, logc;                                                                             \
      for (int j = 0; j < W; ++j) { /* one load per lane: faster than vgatherqpd here */         \
        invc[j] = vlog_table[idx[j]].invc;                                                       \
        logc[j] = vlog_table[idx[j]].logc;                                                       \
      }                                                                                          \
      const double* a = vlog_a;                                                                  \
      const vd r = fma(z, invc, splat(-1.0));                                                    \
      const vd w = fma(kd, splat(vlog_ln2hi), logc);                                             \
      const vd hi = w + r;                                                                       \
      const vd lo = fma(kd, splat(vlog_ln2lo), keep(w - hi) + r);                                \
      const vd r2 = r * r;                                                                       \
      const vd p = fma(r2, fma(r, splat(a[4]), splat(a[3])), fma(r, splat(a[2]), splat(a[1])));  \
      const vd r3 = r * r2;                                                                      \
      vd y = keep(fma(r3, p, fma(r2, splat(a[0]), lo))) + hi;                                    \
      if (any(near)) {                                                                           \
        const vd y1 = near_one(x);                                                               \
        vu yb, y1b;                                                                              \
        std::memcpy(&yb, &y, sizeof yb);                                                         \
        std::memcpy(&y1b, &y1, sizeof y1b);                                                      \
        const vu m = __builtin_convertvector(near, vu);                                          \
        yb = (yb & ~m) | (y1b & m);                                                              \
        std::memcpy(&y, &yb, sizeof y);                                                          \
      }                                                                                          \
      std::memcpy(out + i, &y, sizeof y);                                                        \
      if (NPRANDOM_UNLIKELY(any(special))) {                                                     \
        for (int j = 0; j < W; ++j)                                                              \
          if (special[j]) out[i + static_cast<std::size_t>(j)] = std::log(rounded(x[j]));        \
      }                                                                                          \
    }                                                                                            \
    for (; i < n; ++i) out[i] = std::log(rounded(in[i]));                                        \
  }                                                                                              \
  }

#define NPRANDOM_VLOG_FMA256(a, b, c) __builtin_ia32_vfmaddpd256(a, b, c)
#define NPRANDOM_VLOG_FMA512(a, b, c) \
  __builtin_ia32_vfmaddpd512_mask(a, b, c, static_cast<unsigned char>(0xff), 4)
#define NPRANDOM_VLOG_T2 __attribute__((target("avx2,fma")))
#define NPRANDOM_VLOG_T5 __attribute__((target("avx512f,avx512dq,fma")))
NPRANDOM_VEC_LOG_KERNEL(vlog_avx2, NPRANDOM_VLOG_T2, 4, NPRANDOM_VLOG_FMA256)    // fma-glibc
NPRANDOM_VEC_LOG_KERNEL(vlog_avx512, NPRANDOM_VLOG_T5, 8, NPRANDOM_VLOG_FMA512)  // fma-glibc
#undef NPRANDOM_VLOG_T2
#undef NPRANDOM_VLOG_T5
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
    const double v = std::ldexp(1.0, e);
    put(v);
    put(std::nextafter(v, 0.0));
    put(std::nextafter(v, HUGE_VAL));
  }
  const std::uint64_t edges[] = {vlog_near_lo, vlog_near_hi, vlog_bits(1.0)};
  for (std::uint64_t e : edges)
    for (std::uint64_t d = 0; d < 8; ++d) {
      put(vlog_double(e + d));
      put(vlog_double(e - d - 1));
    }
  const double specials[] = {0.0,       -0.0,
                             -1.0,      0.5,
                             2.0,       HUGE_VAL,
                             -HUGE_VAL, std::nan(""),
                             0x1p-1074, 0x1.fffffffffffffp-1023,
                             0x1p-1022, 0x1.fffffffffffffp+1023};
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

#if NPRANDOM_VEC_LOG
// The kernel of a level (avx2 or avx512), or nullptr.
using vlog_kernel_fn = void (*)(const double*, double*, std::size_t) noexcept;
inline vlog_kernel_fn vlog_kernel_for(simd_level l) noexcept {
  if (!cpu_has_fma()) return nullptr;
  if (l == simd_level::avx512) return &vlog_avx512::log_kernel;
  if (l == simd_level::avx2) return &vlog_avx2::log_kernel;
  return nullptr;
}

// True when kernel k gives std::log's bits on every probe.
inline bool vlog_self_check(vlog_kernel_fn k) noexcept {
  double in[vlog_probe_count];
  vlog_probes(in, vlog_probe_count);
  constexpr std::size_t chunk = 256;  // the kernel's whole-vector and tail paths both run
  for (std::size_t i = 0; i < vlog_probe_count; i += chunk) {
    double got[chunk + 3];
    k(in + i, got, chunk + 3 <= vlog_probe_count - i ? chunk + 3 : vlog_probe_count - i);
    for (std::size_t j = 0; j < chunk && i + j < vlog_probe_count; ++j)
      if (vlog_bits(got[j]) != vlog_bits(std::log(rounded(in[i + j])))) return false;
  }
  return true;
}

// Per level: 0 not yet checked, 1 passed, 2 failed (racing first calls both check; same answer).
inline std::atomic<int> vlog_checked[3] = {{0}, {0}, {0}};
#endif

/// The vector kernel log_batch uses at the current SIMD level after its self-check, or nullptr
/// (the C library's log).
inline auto vec_log_kernel() noexcept {
#if NPRANDOM_VEC_LOG
  const simd_level l = current_simd_level();
  const vlog_kernel_fn k = vlog_kernel_for(l);
  if (k == nullptr) return k;
  std::atomic<int>& c = vlog_checked[static_cast<int>(l)];
  int v = c.load(std::memory_order_acquire);
  if (NPRANDOM_UNLIKELY(v == 0)) {
    v = vlog_self_check(k) ? 1 : 2;
    c.store(v, std::memory_order_release);
  }
  return v == 1 ? k : nullptr;
#else
  return static_cast<void (*)(const double*, double*, std::size_t) noexcept>(nullptr);
#endif
}

/// True when log_batch runs a vector kernel now (tests, benchmarks).
inline bool vec_log_active() noexcept { return vec_log_kernel() != nullptr; }

/// out[i] = std::log(in[i]) for i < n, bit for bit (in == out allowed).
inline void log_batch(const double* in, double* out, std::size_t n) noexcept {
  if (n >= 8) {
    if (const auto k = vec_log_kernel()) {
      k(in, out, n);
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = log(in[i]);
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_VEC_LOG_HPP
