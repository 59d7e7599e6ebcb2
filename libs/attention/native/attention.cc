// Grouped-query attention of new tokens over a sequence's stored KV tiers (f32 hot, f16 hot, int8, int4),
// reading the quantized tiers in place. Layouts: libs/kv/src/quant.ts (codes, scales, zero points, nibble
// order) and libs/kv/src/feed-layout.ts (tier order: f32, f16, int8, int4, then the new tokens).
//
// One task = (row, kv head, tile of new tokens). Its M = rep * tq query vectors (the rep query heads that
// share the kv head, times the tile's tokens) are scaled into a scratch, then:
//   1. scores S[M, N] against every key: the keys are visited in chunks of CH tokens; the f32 tier and the
//      new tokens are read where they are, the f16 tier is converted (F16C) and the int8 / int4 tiers are
//      dequantized into an L1-sized fp32 scratch, once per task (each code is read once for all M queries);
//   2. softmax per query (fp32, max subtracted; the causal mask limits query i to fed + i + 1 keys);
//   3. ctx[M, D] += P * V over the same chunks of values; mass[n] += sum_m P[m, n] / l[m].
// Rows whose only cached tier is f32 take the exact path instead (run_task_exact): the same steps in float64,
// rounded to float32 only in `out`, so that a float64 reference gives the same bits (greedy decoding with the
// baseline cache policy then matches the export's reference token for token).
// Tasks run on a small persistent pool (plus the calling thread). Each task writes the attention mass of
// its queries into a partial buffer of its own; the task that finishes a row last sums that row's partials
// in task order into the output, so no two threads write the same float and the result is deterministic.
#include <node_api.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__) || defined(_M_IX86)
// GCC 12's AVX-512 headers trip -Wuninitialized on their own _mm512_undefined_* (GCC PR105593): the
// warnings point into the header, so silencing them around the include is enough.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#define INF_X86 1
#endif
#if defined(INF_X86) && defined(__AVX2__) && (defined(__FMA__) || defined(_MSC_VER))
#define INF_AVX2 1
#endif
#if defined(INF_X86) && (defined(__F16C__) || (defined(_MSC_VER) && defined(__AVX2__)))
#define INF_F16C 1
#endif
// The exact path also has AVX-512F kernels, compiled for that target alone and used when the CPU has it
// (GCC and Clang; MSVC builds keep the AVX2 ones).
#if defined(INF_AVX2) && (defined(__GNUC__) || defined(__clang__))
#define INF_AVX512 1
#define INF_T512 __attribute__((target("avx512f,avx2,fma,f16c")))
#endif

namespace {

constexpr int CH = 32;          // tokens per key / value chunk (dequantized into scratch)
constexpr int MAX_SLOTS = 8;    // threads, the caller included
constexpr int TARGET_M = 32;    // query vectors per task when t > 1
constexpr int64_t INLINE_WORK = 1 << 17;  // below this (sum of M * N * D) a call runs on the caller alone

// Process-wide (every Node environment that loads the addon, e.g. a worker_thread, shares them).
std::atomic<bool> g_portable{false};  // force the portable kernels (tests)
std::atomic<bool> g_avx512{false};    // the CPU has AVX-512F and the exact path and the fused quantized-tier kernels may
                                      // use it (Init, once; setAvx512 for tests)
std::once_flag g_cpu_once;

// ---------------------------------------------------------------------------------------------- f16
inline float h2f_soft(uint16_t h) {
  const uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
  const uint32_t e = (h >> 10) & 0x1f;
  const uint32_t m = h & 0x3ffu;
  uint32_t bits;
  if (e == 0) {
    const float f = (float)m * 5.9604644775390625e-8f;  // m * 2^-24
    return sign ? -f : f;
  } else if (e == 31) {
    bits = sign | 0x7f800000u | (m << 13);
  } else {
    bits = sign | ((e + 112) << 23) | (m << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

inline float h2f(uint16_t h) {
#if defined(INF_F16C)
  return _mm_cvtss_f32(_mm_cvtph_ps(_mm_cvtsi32_si128(h)));
#else
  return h2f_soft(h);
#endif
}

void h2f_n(const uint16_t* src, float* dst, int64_t n) {
  int64_t i = 0;
#if defined(INF_F16C)
  if (!g_portable) {
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i*)(src + i))));
  }
#endif
  for (; i < n; i++) dst[i] = h2f(src[i]);
}

// ----------------------------------------------------------------------------------------- dequant
// Keys: out[d] = (code(d) - zero[d]) * scale[d], per-channel scale / zero (as floats) of the token's block.
void dq_key_row(const uint8_t* b, int shift, int mask, const float* sc, const float* z, float* out, int D, bool simd) {
  int d = 0;
#if defined(INF_AVX2)
  if (simd) {
    const __m128i sh = _mm_cvtsi32_si128(shift);
    const __m256i mk = _mm256_set1_epi32(mask);
    for (; d + 8 <= D; d += 8) {
      __m256i w = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i*)(b + d)));
      w = _mm256_and_si256(_mm256_srl_epi32(w, sh), mk);
      const __m256 f = _mm256_sub_ps(_mm256_cvtepi32_ps(w), _mm256_loadu_ps(z + d));
      _mm256_storeu_ps(out + d, _mm256_mul_ps(f, _mm256_loadu_ps(sc + d)));
    }
  }
#else
  (void)simd;
#endif
  for (; d < D; d++) out[d] = ((float)((b[d] >> shift) & mask) - z[d]) * sc[d];
}

// Values: out[i] = (code(i) - z) * s for one run of channels sharing a group and a nibble.
void dq_val_seg(const uint8_t* b, int shift, int mask, float s, float z, float* out, int len, bool simd) {
  int i = 0;
#if defined(INF_AVX2)
  if (simd) {
    const __m128i sh = _mm_cvtsi32_si128(shift);
    const __m256i mk = _mm256_set1_epi32(mask);
    const __m256 vs = _mm256_set1_ps(s);
    const __m256 vz = _mm256_set1_ps(z);
    for (; i + 8 <= len; i += 8) {
      __m256i w = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i*)(b + i)));
      w = _mm256_and_si256(_mm256_srl_epi32(w, sh), mk);
      _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_sub_ps(_mm256_cvtepi32_ps(w), vz), vs));
    }
  }
#else
  (void)simd;
#endif
  for (; i < len; i++) out[i] = ((float)((b[i] >> shift) & mask) - z) * s;
}

// ----------------------------------------------------------------------------------------- kernels
float dot_soft(const float* a, const float* b, int D) {
  float s = 0;
  for (int d = 0; d < D; d++) s += a[d] * b[d];
  return s;
}

// S[m, n] = Q[m] . K[n]  (Q already scaled).
void qk_soft(const float* Q, int M, int D, const float* K, int64_t ldk, int nb, float* S, int64_t ldS) {
  for (int m = 0; m < M; m++)
    for (int n = 0; n < nb; n++) S[m * ldS + n] = dot_soft(Q + (int64_t)m * D, K + n * ldk, D);
}

// O[m] += sum_n P[m, n] V[n]
void pv_soft(const float* P, int64_t ldP, int M, const float* V, int64_t ldv, int nb, float* O, int D) {
  for (int m = 0; m < M; m++) {
    float* o = O + (int64_t)m * D;
    for (int n = 0; n < nb; n++) {
      const float p = P[m * ldP + n];
      if (p == 0.f) continue;
      const float* v = V + n * ldv;
      for (int d = 0; d < D; d++) o[d] += p * v[d];
    }
  }
}

#if defined(INF_AVX2)
inline float hsum(__m256 v) {
  __m128 x = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  x = _mm_add_ps(x, _mm_movehl_ps(x, x));
  x = _mm_add_ss(x, _mm_movehdup_ps(x));
  return _mm_cvtss_f32(x);
}

// [sum(v0), sum(v1), ..., sum(v7)]
inline __m256 hsum8(__m256 v0, __m256 v1, __m256 v2, __m256 v3, __m256 v4, __m256 v5, __m256 v6, __m256 v7) {
  const __m256 t0 = _mm256_hadd_ps(v0, v1), t1 = _mm256_hadd_ps(v2, v3);
  const __m256 t2 = _mm256_hadd_ps(v4, v5), t3 = _mm256_hadd_ps(v6, v7);
  const __m256 u0 = _mm256_hadd_ps(t0, t1), u1 = _mm256_hadd_ps(t2, t3);
  return _mm256_add_ps(_mm256_permute2f128_ps(u0, u1, 0x20), _mm256_permute2f128_ps(u0, u1, 0x31));
}

inline float dot_avx(const float* a, const float* b, int D) {
  __m256 acc = _mm256_setzero_ps();
  for (int d = 0; d < D; d += 8) acc = _mm256_fmadd_ps(_mm256_loadu_ps(a + d), _mm256_loadu_ps(b + d), acc);
  return hsum(acc);
}

// D % 8 == 0. Tiles of 2 queries x 4 keys (8 accumulators along D, reduced together), 1 x 8 for an odd query.
void qk_avx(const float* Q, int M, int D, const float* K, int64_t ldk, int nb, float* S, int64_t ldS) {
  int m = 0;
  for (; m + 2 <= M; m += 2) {
    const float* q0 = Q + (int64_t)m * D;
    const float* q1 = q0 + D;
    float* s0 = S + m * ldS;
    float* s1 = s0 + ldS;
    int n = 0;
    for (; n + 4 <= nb; n += 4) {
      const float* k0 = K + n * ldk;
      const float* k1 = k0 + ldk;
      const float* k2 = k1 + ldk;
      const float* k3 = k2 + ldk;
      __m256 a00 = _mm256_setzero_ps(), a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00, a12 = a00, a13 = a00;
      for (int d = 0; d < D; d += 8) {
        const __m256 x0 = _mm256_loadu_ps(q0 + d), x1 = _mm256_loadu_ps(q1 + d);
        const __m256 y0 = _mm256_loadu_ps(k0 + d), y1 = _mm256_loadu_ps(k1 + d);
        const __m256 y2 = _mm256_loadu_ps(k2 + d), y3 = _mm256_loadu_ps(k3 + d);
        a00 = _mm256_fmadd_ps(x0, y0, a00);
        a01 = _mm256_fmadd_ps(x0, y1, a01);
        a02 = _mm256_fmadd_ps(x0, y2, a02);
        a03 = _mm256_fmadd_ps(x0, y3, a03);
        a10 = _mm256_fmadd_ps(x1, y0, a10);
        a11 = _mm256_fmadd_ps(x1, y1, a11);
        a12 = _mm256_fmadd_ps(x1, y2, a12);
        a13 = _mm256_fmadd_ps(x1, y3, a13);
      }
      const __m256 r = hsum8(a00, a01, a02, a03, a10, a11, a12, a13);
      _mm_storeu_ps(s0 + n, _mm256_castps256_ps128(r));
      _mm_storeu_ps(s1 + n, _mm256_extractf128_ps(r, 1));
    }
    for (; n < nb; n++) {
      s0[n] = dot_avx(q0, K + n * ldk, D);
      s1[n] = dot_avx(q1, K + n * ldk, D);
    }
  }
  if (m < M) {
    const float* q0 = Q + (int64_t)m * D;
    float* s0 = S + m * ldS;
    int n = 0;
    for (; n + 8 <= nb; n += 8) {
      const float* k = K + n * ldk;
      __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
      for (int d = 0; d < D; d += 8) {
        const __m256 x = _mm256_loadu_ps(q0 + d);
        a0 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + d), a0);
        a1 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + ldk + d), a1);
        a2 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + 2 * ldk + d), a2);
        a3 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + 3 * ldk + d), a3);
        a4 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + 4 * ldk + d), a4);
        a5 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + 5 * ldk + d), a5);
        a6 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + 6 * ldk + d), a6);
        a7 = _mm256_fmadd_ps(x, _mm256_loadu_ps(k + 7 * ldk + d), a7);
      }
      _mm256_storeu_ps(s0 + n, hsum8(a0, a1, a2, a3, a4, a5, a6, a7));
    }
    for (; n < nb; n++) s0[n] = dot_avx(q0, K + n * ldk, D);
  }
}

// 4 queries x 16 channels from d: 8 accumulators in registers.
inline void pv_4x16(const float* P, int64_t ldP, const float* V, int64_t ldv, int nb, float* O, int D, int d) {
  float* o0 = O + d;
  float* o1 = o0 + D;
  float* o2 = o1 + D;
  float* o3 = o2 + D;
  __m256 a00 = _mm256_loadu_ps(o0), a01 = _mm256_loadu_ps(o0 + 8), a10 = _mm256_loadu_ps(o1), a11 = _mm256_loadu_ps(o1 + 8);
  __m256 a20 = _mm256_loadu_ps(o2), a21 = _mm256_loadu_ps(o2 + 8), a30 = _mm256_loadu_ps(o3), a31 = _mm256_loadu_ps(o3 + 8);
  const float* p0 = P;
  const float* p1 = p0 + ldP;
  const float* p2 = p1 + ldP;
  const float* p3 = p2 + ldP;
  const float* v = V + d;
  for (int n = 0; n < nb; n++, v += ldv) {
    const __m256 v0 = _mm256_loadu_ps(v), v1 = _mm256_loadu_ps(v + 8);
    __m256 b = _mm256_broadcast_ss(p0 + n);
    a00 = _mm256_fmadd_ps(b, v0, a00);
    a01 = _mm256_fmadd_ps(b, v1, a01);
    b = _mm256_broadcast_ss(p1 + n);
    a10 = _mm256_fmadd_ps(b, v0, a10);
    a11 = _mm256_fmadd_ps(b, v1, a11);
    b = _mm256_broadcast_ss(p2 + n);
    a20 = _mm256_fmadd_ps(b, v0, a20);
    a21 = _mm256_fmadd_ps(b, v1, a21);
    b = _mm256_broadcast_ss(p3 + n);
    a30 = _mm256_fmadd_ps(b, v0, a30);
    a31 = _mm256_fmadd_ps(b, v1, a31);
  }
  _mm256_storeu_ps(o0, a00);
  _mm256_storeu_ps(o0 + 8, a01);
  _mm256_storeu_ps(o1, a10);
  _mm256_storeu_ps(o1 + 8, a11);
  _mm256_storeu_ps(o2, a20);
  _mm256_storeu_ps(o2 + 8, a21);
  _mm256_storeu_ps(o3, a30);
  _mm256_storeu_ps(o3 + 8, a31);
}

// 1 query x 32 channels from d (4 accumulators), or x 8.
inline void pv_1x32(const float* p, const float* V, int64_t ldv, int nb, float* o, int d) {
  __m256 a0 = _mm256_loadu_ps(o + d), a1 = _mm256_loadu_ps(o + d + 8), a2 = _mm256_loadu_ps(o + d + 16), a3 = _mm256_loadu_ps(o + d + 24);
  const float* v = V + d;
  for (int n = 0; n < nb; n++, v += ldv) {
    const __m256 b = _mm256_broadcast_ss(p + n);
    a0 = _mm256_fmadd_ps(b, _mm256_loadu_ps(v), a0);
    a1 = _mm256_fmadd_ps(b, _mm256_loadu_ps(v + 8), a1);
    a2 = _mm256_fmadd_ps(b, _mm256_loadu_ps(v + 16), a2);
    a3 = _mm256_fmadd_ps(b, _mm256_loadu_ps(v + 24), a3);
  }
  _mm256_storeu_ps(o + d, a0);
  _mm256_storeu_ps(o + d + 8, a1);
  _mm256_storeu_ps(o + d + 16, a2);
  _mm256_storeu_ps(o + d + 24, a3);
}

inline void pv_1x8(const float* p, const float* V, int64_t ldv, int nb, float* o, int d) {
  __m256 a0 = _mm256_loadu_ps(o + d);
  const float* v = V + d;
  for (int n = 0; n < nb; n++, v += ldv) a0 = _mm256_fmadd_ps(_mm256_broadcast_ss(p + n), _mm256_loadu_ps(v), a0);
  _mm256_storeu_ps(o + d, a0);
}

// D % 8 == 0. Tiles of 4 queries x 16 channels; the other queries one by one, 32 channels at a time.
void pv_avx(const float* P, int64_t ldP, int M, const float* V, int64_t ldv, int nb, float* O, int D) {
  int m = 0;
  for (; m + 4 <= M; m += 4) {
    int d = 0;
    for (; d + 16 <= D; d += 16) pv_4x16(P + m * ldP, ldP, V, ldv, nb, O + (int64_t)m * D, D, d);
    for (int j = 0; j < 4 && d < D; j++) pv_1x8(P + (m + j) * ldP, V, ldv, nb, O + (int64_t)(m + j) * D, d);
  }
  for (; m < M; m++) {
    int d = 0;
    for (; d + 32 <= D; d += 32) pv_1x32(P + m * ldP, V, ldv, nb, O + (int64_t)m * D, d);
    for (; d < D; d += 8) pv_1x8(P + m * ldP, V, ldv, nb, O + (int64_t)m * D, d);
  }
}

// exp(x) for x <= 0 (Cephes polynomial, ~1 ulp); x below -87.3 gives 0.
inline __m256 exp_avx(__m256 x) {
  const __m256 lo = _mm256_set1_ps(-87.3f);
  const __m256 under = _mm256_cmp_ps(x, lo, _CMP_LT_OQ);
  x = _mm256_max_ps(x, lo);
  x = _mm256_min_ps(x, _mm256_set1_ps(88.3f));
  __m256 fx = _mm256_floor_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f)));
  x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(0.693359375f), x);
  x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(-2.12194440e-4f), x);
  __m256 y = _mm256_set1_ps(1.9875691500E-4f);
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.3981999507E-3f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(8.3334519073E-3f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(4.1665795894E-2f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.6666665459E-1f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(5.0000001201E-1f));
  y = _mm256_fmadd_ps(y, _mm256_mul_ps(x, x), _mm256_add_ps(x, _mm256_set1_ps(1.f)));
  const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvttps_epi32(fx), _mm256_set1_epi32(127)), 23);
  y = _mm256_mul_ps(y, _mm256_castsi256_ps(e));
  return _mm256_andnot_ps(under, y);
}
#endif

// s[0, len) = exp(s - max), s[len, total) = 0; returns the sum. total is a multiple of 8.
float softmax_row(float* s, int64_t len, int64_t total, bool simd) {
  float mx = -INFINITY;
  int64_t i = 0;
  float sum = 0;
#if defined(INF_AVX2)
  if (simd) {
    __m256 vm = _mm256_set1_ps(-INFINITY);
    for (; i + 8 <= len; i += 8) vm = _mm256_max_ps(vm, _mm256_loadu_ps(s + i));
    __m128 x = _mm_max_ps(_mm256_castps256_ps128(vm), _mm256_extractf128_ps(vm, 1));
    x = _mm_max_ps(x, _mm_movehl_ps(x, x));
    x = _mm_max_ss(x, _mm_movehdup_ps(x));
    mx = _mm_cvtss_f32(x);
    for (; i < len; i++) mx = std::max(mx, s[i]);
    // The row is padded to a multiple of 8 (total): -inf past len gives exp 0, so no scalar tail.
    for (int64_t j = len; j < total; j++) s[j] = -INFINITY;
    const __m256 vmx = _mm256_set1_ps(mx);
    __m256 acc = _mm256_setzero_ps();
    for (i = 0; i < total; i += 8) {
      const __m256 e = exp_avx(_mm256_sub_ps(_mm256_loadu_ps(s + i), vmx));
      _mm256_storeu_ps(s + i, e);
      acc = _mm256_add_ps(acc, e);
    }
    return hsum(acc);
  }
#else
  (void)simd;
#endif
  for (i = 0; i < len; i++) mx = std::max(mx, s[i]);
  for (i = 0; i < len; i++) {
    s[i] = std::exp(s[i] - mx);
    sum += s[i];
  }
  for (; i < total; i++) s[i] = 0;
  return sum;
}

// ------------------------------------------------------------------------------ exact (float64) kernels
// For rows whose only cached tier is f32 (see run_task_exact): scores, softmax and context in double, from
// float32 inputs converted exactly; rounded to float32 only when written to `out`. The order of summation is
// free (a float64 reference in another order rounds to the same float32 but in the rarest cases).

// S[m, n] = Q[m] . K[n] in double.
void qk_d_soft(const double* Q, int M, int D, const float* K, int64_t ldk, int nb, double* S, int64_t ldS) {
  for (int m = 0; m < M; m++) {
    const double* q = Q + (int64_t)m * D;
    for (int n = 0; n < nb; n++) {
      const float* k = K + n * ldk;
      double s = 0;
      for (int d = 0; d < D; d++) s += q[d] * (double)k[d];
      S[m * ldS + n] = s;
    }
  }
}

// O[m] += sum_n P[m, n] V[n] in double.
void pv_d_soft(const double* P, int64_t ldP, int M, const float* V, int64_t ldv, int nb, double* O, int D) {
  for (int m = 0; m < M; m++) {
    double* o = O + (int64_t)m * D;
    for (int n = 0; n < nb; n++) {
      const double p = P[m * ldP + n];
      if (p == 0) continue;
      const float* v = V + n * ldv;
      for (int d = 0; d < D; d++) o[d] += p * (double)v[d];
    }
  }
}

#if defined(INF_AVX2)
inline __m256d ld4(const double* p) { return _mm256_loadu_pd(p); }
inline __m256d ld4(const float* p) { return _mm256_cvtps_pd(_mm_loadu_ps(p)); }

// [sum(v0), sum(v1), sum(v2), sum(v3)]
inline __m256d hsum4d(__m256d v0, __m256d v1, __m256d v2, __m256d v3) {
  const __m256d t0 = _mm256_hadd_pd(v0, v1), t1 = _mm256_hadd_pd(v2, v3);
  return _mm256_add_pd(_mm256_permute2f128_pd(t0, t1, 0x20), _mm256_permute2f128_pd(t0, t1, 0x31));
}

inline double hsumd(__m256d v) {
  __m128d x = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
  return _mm_cvtsd_f64(_mm_add_sd(x, _mm_unpackhi_pd(x, x)));
}

// D % 8 == 0; K float (converted as loaded) or double (a converted chunk). Tiles of 4 queries x 2 keys
// (8 accumulators along D), 1 x 4 for the last queries, single dots for the last key.
template <class T>
void qk_d_avx(const double* Q, int M, int D, const T* K, int64_t ldk, int nb, double* S, int64_t ldS) {
  int m = 0;
  for (; m + 4 <= M; m += 4) {
    const double* q0 = Q + (int64_t)m * D;
    const double* q1 = q0 + D;
    const double* q2 = q1 + D;
    const double* q3 = q2 + D;
    double* s0 = S + m * ldS;
    int n = 0;
    for (; n + 2 <= nb; n += 2) {
      const T* k0 = K + n * ldk;
      const T* k1 = k0 + ldk;
      __m256d a00 = _mm256_setzero_pd(), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
      for (int d = 0; d < D; d += 4) {
        const __m256d y0 = ld4(k0 + d), y1 = ld4(k1 + d);
        __m256d x = _mm256_loadu_pd(q0 + d);
        a00 = _mm256_fmadd_pd(x, y0, a00);
        a01 = _mm256_fmadd_pd(x, y1, a01);
        x = _mm256_loadu_pd(q1 + d);
        a10 = _mm256_fmadd_pd(x, y0, a10);
        a11 = _mm256_fmadd_pd(x, y1, a11);
        x = _mm256_loadu_pd(q2 + d);
        a20 = _mm256_fmadd_pd(x, y0, a20);
        a21 = _mm256_fmadd_pd(x, y1, a21);
        x = _mm256_loadu_pd(q3 + d);
        a30 = _mm256_fmadd_pd(x, y0, a30);
        a31 = _mm256_fmadd_pd(x, y1, a31);
      }
      const __m256d r0 = hsum4d(a00, a01, a10, a11), r1 = hsum4d(a20, a21, a30, a31);
      _mm_storeu_pd(s0 + n, _mm256_castpd256_pd128(r0));
      _mm_storeu_pd(s0 + ldS + n, _mm256_extractf128_pd(r0, 1));
      _mm_storeu_pd(s0 + 2 * ldS + n, _mm256_castpd256_pd128(r1));
      _mm_storeu_pd(s0 + 3 * ldS + n, _mm256_extractf128_pd(r1, 1));
    }
    for (; n < nb; n++) {
      const T* k = K + n * ldk;
      __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
      for (int d = 0; d < D; d += 4) {
        const __m256d y = ld4(k + d);
        a0 = _mm256_fmadd_pd(_mm256_loadu_pd(q0 + d), y, a0);
        a1 = _mm256_fmadd_pd(_mm256_loadu_pd(q1 + d), y, a1);
        a2 = _mm256_fmadd_pd(_mm256_loadu_pd(q2 + d), y, a2);
        a3 = _mm256_fmadd_pd(_mm256_loadu_pd(q3 + d), y, a3);
      }
      const __m256d r = hsum4d(a0, a1, a2, a3);
      alignas(32) double tmp[4];
      _mm256_store_pd(tmp, r);
      for (int j = 0; j < 4; j++) s0[j * ldS + n] = tmp[j];
    }
  }
  for (; m < M; m++) {
    const double* q = Q + (int64_t)m * D;
    double* s = S + m * ldS;
    int n = 0;
    for (; n + 4 <= nb; n += 4) {
      const T* k = K + n * ldk;
      __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
      for (int d = 0; d < D; d += 4) {
        const __m256d x = _mm256_loadu_pd(q + d);
        a0 = _mm256_fmadd_pd(x, ld4(k + d), a0);
        a1 = _mm256_fmadd_pd(x, ld4(k + ldk + d), a1);
        a2 = _mm256_fmadd_pd(x, ld4(k + 2 * ldk + d), a2);
        a3 = _mm256_fmadd_pd(x, ld4(k + 3 * ldk + d), a3);
      }
      _mm256_storeu_pd(s + n, hsum4d(a0, a1, a2, a3));
    }
    for (; n < nb; n++) {
      const T* k = K + n * ldk;
      __m256d a = _mm256_setzero_pd();
      for (int d = 0; d < D; d += 4) a = _mm256_fmadd_pd(_mm256_loadu_pd(q + d), ld4(k + d), a);
      s[n] = hsumd(a);
    }
  }
}

// D % 8 == 0. O[m] += sum_n P[m, n] V[n]: tiles of 4 queries x 8 channels, 1 x 8 for the last queries.
template <class T>
void pv_d_avx(const double* P, int64_t ldP, int M, const T* V, int64_t ldv, int nb, double* O, int D) {
  int m = 0;
  for (; m + 4 <= M; m += 4) {
    const double* p0 = P + m * ldP;
    const double* p1 = p0 + ldP;
    const double* p2 = p1 + ldP;
    const double* p3 = p2 + ldP;
    for (int d = 0; d < D; d += 8) {
      double* o0 = O + (int64_t)m * D + d;
      double* o1 = o0 + D;
      double* o2 = o1 + D;
      double* o3 = o2 + D;
      __m256d a00 = _mm256_loadu_pd(o0), a01 = _mm256_loadu_pd(o0 + 4), a10 = _mm256_loadu_pd(o1), a11 = _mm256_loadu_pd(o1 + 4);
      __m256d a20 = _mm256_loadu_pd(o2), a21 = _mm256_loadu_pd(o2 + 4), a30 = _mm256_loadu_pd(o3), a31 = _mm256_loadu_pd(o3 + 4);
      const T* v = V + d;
      for (int n = 0; n < nb; n++, v += ldv) {
        const __m256d v0 = ld4(v), v1 = ld4(v + 4);
        __m256d b = _mm256_broadcast_sd(p0 + n);
        a00 = _mm256_fmadd_pd(b, v0, a00);
        a01 = _mm256_fmadd_pd(b, v1, a01);
        b = _mm256_broadcast_sd(p1 + n);
        a10 = _mm256_fmadd_pd(b, v0, a10);
        a11 = _mm256_fmadd_pd(b, v1, a11);
        b = _mm256_broadcast_sd(p2 + n);
        a20 = _mm256_fmadd_pd(b, v0, a20);
        a21 = _mm256_fmadd_pd(b, v1, a21);
        b = _mm256_broadcast_sd(p3 + n);
        a30 = _mm256_fmadd_pd(b, v0, a30);
        a31 = _mm256_fmadd_pd(b, v1, a31);
      }
      _mm256_storeu_pd(o0, a00);
      _mm256_storeu_pd(o0 + 4, a01);
      _mm256_storeu_pd(o1, a10);
      _mm256_storeu_pd(o1 + 4, a11);
      _mm256_storeu_pd(o2, a20);
      _mm256_storeu_pd(o2 + 4, a21);
      _mm256_storeu_pd(o3, a30);
      _mm256_storeu_pd(o3 + 4, a31);
    }
  }
  for (; m < M; m++) {
    const double* p = P + m * ldP;
    for (int d = 0; d < D; d += 8) {
      double* o = O + (int64_t)m * D + d;
      __m256d a0 = _mm256_loadu_pd(o), a1 = _mm256_loadu_pd(o + 4);
      const T* v = V + d;
      for (int n = 0; n < nb; n++, v += ldv) {
        const __m256d b = _mm256_broadcast_sd(p + n);
        a0 = _mm256_fmadd_pd(b, ld4(v), a0);
        a1 = _mm256_fmadd_pd(b, ld4(v + 4), a1);
      }
      _mm256_storeu_pd(o, a0);
      _mm256_storeu_pd(o + 4, a1);
    }
  }
}

// exp(x) in double, ~1 ulp: Cody-Waite reduction x = n ln2 + r (|r| <= ln2 / 2, ln2 in two parts), then
// the degree-13 Taylor polynomial of exp(r) (truncation < 5e-18) times 2^n. Meant for x <= 0 (scores minus
// their max): x < -708 gives 0 (exp would be subnormal there: < 3.3e-308 of the row's largest term, far
// below anything that reaches a double context), -inf gives 0, NaN stays NaN.
inline __m256d exp_pd(__m256d x) {
  const __m256d lo = _mm256_set1_pd(-708.0);
  const __m256d under = _mm256_cmp_pd(x, lo, _CMP_LT_OQ);
  x = _mm256_max_pd(lo, x);  // NaN (second operand) passes through
  x = _mm256_min_pd(_mm256_set1_pd(709.0), x);
  const __m256d magic = _mm256_set1_pd(6755399441055744.0);  // 1.5 * 2^52: x * log2e + magic rounds to an integer
  const __m256d nm = _mm256_fmadd_pd(x, _mm256_set1_pd(1.4426950408889634074), magic);
  const __m256d n = _mm256_sub_pd(nm, magic);
  __m256d r = _mm256_fnmadd_pd(n, _mm256_set1_pd(6.93147180369123816490e-01), x);  // ln2 high part (exact n * hi)
  r = _mm256_fnmadd_pd(n, _mm256_set1_pd(1.90821492927058770002e-10), r);          // ln2 low part
  __m256d y = _mm256_set1_pd(1.0 / 6227020800.0);  // 1/13!
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 479001600.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 39916800.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 3628800.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 362880.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 40320.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 5040.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 720.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 120.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 24.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(1.0 / 6.0));
  y = _mm256_fmadd_pd(y, r, _mm256_set1_pd(0.5));
  y = _mm256_fmadd_pd(y, _mm256_mul_pd(r, r), r);  // exp(r) - 1
  y = _mm256_add_pd(y, _mm256_set1_pd(1.0));
  // 2^n: n sits in the low bits of nm; (n + 1023) << 52 is its exponent field (n in [-1022, 1023]).
  const __m256i e = _mm256_slli_epi64(_mm256_add_epi64(_mm256_castpd_si256(nm), _mm256_set1_epi64x(1023)), 52);
  y = _mm256_mul_pd(y, _mm256_castsi256_pd(e));
  return _mm256_andnot_pd(under, y);
}
#endif

// s[0, len) = exp(s * scale - max), s[len, total) = 0 (total a multiple of 8); returns the sum (double).
double softmax_row_d(double* s, int64_t len, int64_t total, double scale, bool simd) {
  double mx = -INFINITY;
  int64_t i = 0;
#if defined(INF_AVX2)
  if (simd) {
    const __m256d vs = _mm256_set1_pd(scale);
    __m256d vm = _mm256_set1_pd(-INFINITY), vm1 = vm, vm2 = vm, vm3 = vm;
    for (; i + 16 <= len; i += 16) {
      const __m256d x0 = _mm256_mul_pd(_mm256_loadu_pd(s + i), vs), x1 = _mm256_mul_pd(_mm256_loadu_pd(s + i + 4), vs);
      const __m256d x2 = _mm256_mul_pd(_mm256_loadu_pd(s + i + 8), vs), x3 = _mm256_mul_pd(_mm256_loadu_pd(s + i + 12), vs);
      _mm256_storeu_pd(s + i, x0);
      _mm256_storeu_pd(s + i + 4, x1);
      _mm256_storeu_pd(s + i + 8, x2);
      _mm256_storeu_pd(s + i + 12, x3);
      vm = _mm256_max_pd(vm, x0);
      vm1 = _mm256_max_pd(vm1, x1);
      vm2 = _mm256_max_pd(vm2, x2);
      vm3 = _mm256_max_pd(vm3, x3);
    }
    for (; i + 4 <= len; i += 4) {
      const __m256d x = _mm256_mul_pd(_mm256_loadu_pd(s + i), vs);
      _mm256_storeu_pd(s + i, x);
      vm = _mm256_max_pd(vm, x);
    }
    vm = _mm256_max_pd(_mm256_max_pd(vm, vm1), _mm256_max_pd(vm2, vm3));
    alignas(32) double m4[4];
    _mm256_store_pd(m4, vm);
    mx = std::max(std::max(m4[0], m4[1]), std::max(m4[2], m4[3]));
    for (; i < len; i++) {
      s[i] *= scale;
      mx = std::max(mx, s[i]);
    }
    for (int64_t j = len; j < total; j++) s[j] = -INFINITY;
    const __m256d vmx = _mm256_set1_pd(mx);
    __m256d acc = _mm256_setzero_pd();
    for (i = 0; i < total; i += 4) {
      const __m256d e = exp_pd(_mm256_sub_pd(_mm256_loadu_pd(s + i), vmx));
      _mm256_storeu_pd(s + i, e);
      acc = _mm256_add_pd(acc, e);
    }
    return hsumd(acc);
  }
#else
  (void)simd;
#endif
  for (i = 0; i < len; i++) {
    s[i] *= scale;
    mx = std::max(mx, s[i]);
  }
  double sum = 0;
  for (i = 0; i < len; i++) {
    s[i] = std::exp(s[i] - mx);
    sum += s[i];
  }
  for (; i < total; i++) s[i] = 0;
  return sum;
}

#if defined(INF_AVX512)
// The exact path's kernels with 512-bit vectors (8 doubles), for a CPU with AVX-512F, chosen at run time
// (the binary itself only needs AVX2): the float64 work is twice the float32 one per vector, and AVX-512
// gives that back where it has two FMA ports. Same arithmetic as the AVX2 kernels, another summation order.
INF_T512 inline __m512d ld8(const double* p) { return _mm512_loadu_pd(p); }
INF_T512 inline __m512d ld8(const float* p) { return _mm512_cvtps_pd(_mm256_loadu_ps(p)); }
INF_T512 inline __m256d half_sum(__m512d v) { return _mm256_add_pd(_mm512_castpd512_pd256(v), _mm512_extractf64x4_pd(v, 1)); }

// [sum(v0), sum(v1), sum(v2), sum(v3)]
INF_T512 inline __m256d hsum4z(__m512d v0, __m512d v1, __m512d v2, __m512d v3) {
  return hsum4d(half_sum(v0), half_sum(v1), half_sum(v2), half_sum(v3));
}

INF_T512 void to_double_512(const float* X, int64_t ldx, int nb, int D, double* Y) {
  for (int n = 0; n < nb; n++) {
    const float* x = X + n * ldx;
    double* y = Y + (int64_t)n * D;
    for (int d = 0; d < D; d += 8) _mm512_storeu_pd(y + d, _mm512_cvtps_pd(_mm256_loadu_ps(x + d)));
  }
}

// D % 8 == 0. Tiles of 4 queries x 4 keys (16 accumulators along D), 1 x 4 for the last queries.
template <class T>
INF_T512 void qk_d_512(const double* Q, int M, int D, const T* K, int64_t ldk, int nb, double* S, int64_t ldS) {
  int m = 0;
  for (; m + 4 <= M; m += 4) {
    const double* q0 = Q + (int64_t)m * D;
    const double* q1 = q0 + D;
    const double* q2 = q1 + D;
    const double* q3 = q2 + D;
    double* s0 = S + m * ldS;
    int n = 0;
    for (; n + 4 <= nb; n += 4) {
      const T* k0 = K + n * ldk;
      const T* k1 = k0 + ldk;
      const T* k2 = k1 + ldk;
      const T* k3 = k2 + ldk;
      __m512d a00 = _mm512_setzero_pd(), a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00, a12 = a00, a13 = a00;
      __m512d a20 = a00, a21 = a00, a22 = a00, a23 = a00, a30 = a00, a31 = a00, a32 = a00, a33 = a00;
      for (int d = 0; d < D; d += 8) {
        const __m512d y0 = ld8(k0 + d), y1 = ld8(k1 + d), y2 = ld8(k2 + d), y3 = ld8(k3 + d);
        __m512d x = _mm512_loadu_pd(q0 + d);
        a00 = _mm512_fmadd_pd(x, y0, a00);
        a01 = _mm512_fmadd_pd(x, y1, a01);
        a02 = _mm512_fmadd_pd(x, y2, a02);
        a03 = _mm512_fmadd_pd(x, y3, a03);
        x = _mm512_loadu_pd(q1 + d);
        a10 = _mm512_fmadd_pd(x, y0, a10);
        a11 = _mm512_fmadd_pd(x, y1, a11);
        a12 = _mm512_fmadd_pd(x, y2, a12);
        a13 = _mm512_fmadd_pd(x, y3, a13);
        x = _mm512_loadu_pd(q2 + d);
        a20 = _mm512_fmadd_pd(x, y0, a20);
        a21 = _mm512_fmadd_pd(x, y1, a21);
        a22 = _mm512_fmadd_pd(x, y2, a22);
        a23 = _mm512_fmadd_pd(x, y3, a23);
        x = _mm512_loadu_pd(q3 + d);
        a30 = _mm512_fmadd_pd(x, y0, a30);
        a31 = _mm512_fmadd_pd(x, y1, a31);
        a32 = _mm512_fmadd_pd(x, y2, a32);
        a33 = _mm512_fmadd_pd(x, y3, a33);
      }
      _mm256_storeu_pd(s0 + n, hsum4z(a00, a01, a02, a03));
      _mm256_storeu_pd(s0 + ldS + n, hsum4z(a10, a11, a12, a13));
      _mm256_storeu_pd(s0 + 2 * ldS + n, hsum4z(a20, a21, a22, a23));
      _mm256_storeu_pd(s0 + 3 * ldS + n, hsum4z(a30, a31, a32, a33));
    }
    for (; n < nb; n++) {
      const T* k = K + n * ldk;
      __m512d a0 = _mm512_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
      for (int d = 0; d < D; d += 8) {
        const __m512d y = ld8(k + d);
        a0 = _mm512_fmadd_pd(_mm512_loadu_pd(q0 + d), y, a0);
        a1 = _mm512_fmadd_pd(_mm512_loadu_pd(q1 + d), y, a1);
        a2 = _mm512_fmadd_pd(_mm512_loadu_pd(q2 + d), y, a2);
        a3 = _mm512_fmadd_pd(_mm512_loadu_pd(q3 + d), y, a3);
      }
      alignas(32) double tmp[4];
      _mm256_store_pd(tmp, hsum4z(a0, a1, a2, a3));
      for (int j = 0; j < 4; j++) s0[j * ldS + n] = tmp[j];
    }
  }
  for (; m < M; m++) {
    const double* q = Q + (int64_t)m * D;
    double* s = S + m * ldS;
    int n = 0;
    for (; n + 4 <= nb; n += 4) {
      const T* k = K + n * ldk;
      __m512d a0 = _mm512_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
      for (int d = 0; d < D; d += 8) {
        const __m512d x = _mm512_loadu_pd(q + d);
        a0 = _mm512_fmadd_pd(x, ld8(k + d), a0);
        a1 = _mm512_fmadd_pd(x, ld8(k + ldk + d), a1);
        a2 = _mm512_fmadd_pd(x, ld8(k + 2 * ldk + d), a2);
        a3 = _mm512_fmadd_pd(x, ld8(k + 3 * ldk + d), a3);
      }
      _mm256_storeu_pd(s + n, hsum4z(a0, a1, a2, a3));
    }
    for (; n < nb; n++) {
      const T* k = K + n * ldk;
      __m512d a = _mm512_setzero_pd();
      for (int d = 0; d < D; d += 8) a = _mm512_fmadd_pd(_mm512_loadu_pd(q + d), ld8(k + d), a);
      s[n] = hsumd(half_sum(a));
    }
  }
}

// D % 8 == 0. O[m] += sum_n P[m, n] V[n]: tiles of 4 queries x 32 channels (16 accumulators), then 4 x 8,
// 1 x 8 for the last queries.
template <class T>
INF_T512 void pv_d_512(const double* P, int64_t ldP, int M, const T* V, int64_t ldv, int nb, double* O, int D) {
  int m = 0;
  for (; m + 4 <= M; m += 4) {
    const double* p0 = P + m * ldP;
    const double* p1 = p0 + ldP;
    const double* p2 = p1 + ldP;
    const double* p3 = p2 + ldP;
    int d = 0;
    for (; d + 32 <= D; d += 32) {
      double* o0 = O + (int64_t)m * D + d;
      double* o1 = o0 + D;
      double* o2 = o1 + D;
      double* o3 = o2 + D;
      __m512d a00 = _mm512_loadu_pd(o0), a01 = _mm512_loadu_pd(o0 + 8), a02 = _mm512_loadu_pd(o0 + 16), a03 = _mm512_loadu_pd(o0 + 24);
      __m512d a10 = _mm512_loadu_pd(o1), a11 = _mm512_loadu_pd(o1 + 8), a12 = _mm512_loadu_pd(o1 + 16), a13 = _mm512_loadu_pd(o1 + 24);
      __m512d a20 = _mm512_loadu_pd(o2), a21 = _mm512_loadu_pd(o2 + 8), a22 = _mm512_loadu_pd(o2 + 16), a23 = _mm512_loadu_pd(o2 + 24);
      __m512d a30 = _mm512_loadu_pd(o3), a31 = _mm512_loadu_pd(o3 + 8), a32 = _mm512_loadu_pd(o3 + 16), a33 = _mm512_loadu_pd(o3 + 24);
      const T* v = V + d;
      for (int n = 0; n < nb; n++, v += ldv) {
        const __m512d v0 = ld8(v), v1 = ld8(v + 8), v2 = ld8(v + 16), v3 = ld8(v + 24);
        __m512d b = _mm512_set1_pd(p0[n]);
        a00 = _mm512_fmadd_pd(b, v0, a00);
        a01 = _mm512_fmadd_pd(b, v1, a01);
        a02 = _mm512_fmadd_pd(b, v2, a02);
        a03 = _mm512_fmadd_pd(b, v3, a03);
        b = _mm512_set1_pd(p1[n]);
        a10 = _mm512_fmadd_pd(b, v0, a10);
        a11 = _mm512_fmadd_pd(b, v1, a11);
        a12 = _mm512_fmadd_pd(b, v2, a12);
        a13 = _mm512_fmadd_pd(b, v3, a13);
        b = _mm512_set1_pd(p2[n]);
        a20 = _mm512_fmadd_pd(b, v0, a20);
        a21 = _mm512_fmadd_pd(b, v1, a21);
        a22 = _mm512_fmadd_pd(b, v2, a22);
        a23 = _mm512_fmadd_pd(b, v3, a23);
        b = _mm512_set1_pd(p3[n]);
        a30 = _mm512_fmadd_pd(b, v0, a30);
        a31 = _mm512_fmadd_pd(b, v1, a31);
        a32 = _mm512_fmadd_pd(b, v2, a32);
        a33 = _mm512_fmadd_pd(b, v3, a33);
      }
      _mm512_storeu_pd(o0, a00);
      _mm512_storeu_pd(o0 + 8, a01);
      _mm512_storeu_pd(o0 + 16, a02);
      _mm512_storeu_pd(o0 + 24, a03);
      _mm512_storeu_pd(o1, a10);
      _mm512_storeu_pd(o1 + 8, a11);
      _mm512_storeu_pd(o1 + 16, a12);
      _mm512_storeu_pd(o1 + 24, a13);
      _mm512_storeu_pd(o2, a20);
      _mm512_storeu_pd(o2 + 8, a21);
      _mm512_storeu_pd(o2 + 16, a22);
      _mm512_storeu_pd(o2 + 24, a23);
      _mm512_storeu_pd(o3, a30);
      _mm512_storeu_pd(o3 + 8, a31);
      _mm512_storeu_pd(o3 + 16, a32);
      _mm512_storeu_pd(o3 + 24, a33);
    }
    for (; d < D; d += 8) {
      double* o0 = O + (int64_t)m * D + d;
      __m512d a0 = _mm512_loadu_pd(o0), a1 = _mm512_loadu_pd(o0 + D), a2 = _mm512_loadu_pd(o0 + 2 * D), a3 = _mm512_loadu_pd(o0 + 3 * D);
      const T* v = V + d;
      for (int n = 0; n < nb; n++, v += ldv) {
        const __m512d x = ld8(v);
        a0 = _mm512_fmadd_pd(_mm512_set1_pd(p0[n]), x, a0);
        a1 = _mm512_fmadd_pd(_mm512_set1_pd(p1[n]), x, a1);
        a2 = _mm512_fmadd_pd(_mm512_set1_pd(p2[n]), x, a2);
        a3 = _mm512_fmadd_pd(_mm512_set1_pd(p3[n]), x, a3);
      }
      _mm512_storeu_pd(o0, a0);
      _mm512_storeu_pd(o0 + D, a1);
      _mm512_storeu_pd(o0 + 2 * D, a2);
      _mm512_storeu_pd(o0 + 3 * D, a3);
    }
  }
  for (; m < M; m++) {
    const double* p = P + m * ldP;
    for (int d = 0; d < D; d += 8) {
      double* o = O + (int64_t)m * D + d;
      __m512d a = _mm512_loadu_pd(o);
      const T* v = V + d;
      for (int n = 0; n < nb; n++, v += ldv) a = _mm512_fmadd_pd(_mm512_set1_pd(p[n]), ld8(v), a);
      _mm512_storeu_pd(o, a);
    }
  }
}

// exp_pd with 8 lanes (the same reduction and polynomial).
INF_T512 inline __m512d exp_pd512(__m512d x) {
  const __m512d lo = _mm512_set1_pd(-708.0);
  const __mmask8 under = _mm512_cmp_pd_mask(x, lo, _CMP_LT_OQ);
  x = _mm512_max_pd(lo, x);  // NaN (second operand) passes through
  x = _mm512_min_pd(_mm512_set1_pd(709.0), x);
  const __m512d magic = _mm512_set1_pd(6755399441055744.0);
  const __m512d nm = _mm512_fmadd_pd(x, _mm512_set1_pd(1.4426950408889634074), magic);
  const __m512d n = _mm512_sub_pd(nm, magic);
  __m512d r = _mm512_fnmadd_pd(n, _mm512_set1_pd(6.93147180369123816490e-01), x);
  r = _mm512_fnmadd_pd(n, _mm512_set1_pd(1.90821492927058770002e-10), r);
  __m512d y = _mm512_set1_pd(1.0 / 6227020800.0);
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 479001600.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 39916800.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 3628800.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 362880.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 40320.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 5040.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 720.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 120.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 24.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(1.0 / 6.0));
  y = _mm512_fmadd_pd(y, r, _mm512_set1_pd(0.5));
  y = _mm512_fmadd_pd(y, _mm512_mul_pd(r, r), r);
  y = _mm512_add_pd(y, _mm512_set1_pd(1.0));
  const __m512i e = _mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(nm), _mm512_set1_epi64(1023)), 52);
  y = _mm512_mul_pd(y, _mm512_castsi512_pd(e));
  return _mm512_maskz_mov_pd((__mmask8)~under, y);
}

// softmax_row_d with 8 lanes; total a multiple of 8.
INF_T512 inline __attribute__((always_inline)) double softmax_row_d512(double* s, int64_t len, int64_t total, double scale) {
  const __m512d vs = _mm512_set1_pd(scale);
  __m512d vm = _mm512_set1_pd(-INFINITY), vm1 = vm;
  int64_t i = 0;
  for (; i + 16 <= len; i += 16) {
    const __m512d x0 = _mm512_mul_pd(_mm512_loadu_pd(s + i), vs), x1 = _mm512_mul_pd(_mm512_loadu_pd(s + i + 8), vs);
    _mm512_storeu_pd(s + i, x0);
    _mm512_storeu_pd(s + i + 8, x1);
    vm = _mm512_max_pd(vm, x0);
    vm1 = _mm512_max_pd(vm1, x1);
  }
  for (; i + 8 <= len; i += 8) {
    const __m512d x = _mm512_mul_pd(_mm512_loadu_pd(s + i), vs);
    _mm512_storeu_pd(s + i, x);
    vm = _mm512_max_pd(vm, x);
  }
  double mx = _mm512_reduce_max_pd(_mm512_max_pd(vm, vm1));
  for (; i < len; i++) {
    s[i] *= scale;
    mx = std::max(mx, s[i]);
  }
  for (int64_t j = len; j < total; j++) s[j] = -INFINITY;
  const __m512d vmx = _mm512_set1_pd(mx);
  __m512d acc = _mm512_setzero_pd();
  for (i = 0; i < total; i += 8) {
    const __m512d e = exp_pd512(_mm512_sub_pd(_mm512_loadu_pd(s + i), vmx));
    _mm512_storeu_pd(s + i, e);
    acc = _mm512_add_pd(acc, e);
  }
  return hsumd(half_sum(acc));
}

// Rows m = 0..M-1 of S (len0 + m / rep keys each): l[m] = their sums (one call, the constants loaded once).
INF_T512 void softmax_rows_d512(double* S, int M, int64_t ldS, int64_t len0, int rep, double scale, double* l) {
  for (int m = 0; m < M; m++) l[m] = softmax_row_d512(S + m * ldS, len0 + m / rep, ldS, scale);
}
#endif

// ------------------------------------------------------------------------------------------ a call
struct Hot {
  const float* k32 = nullptr;
  const float* v32 = nullptr;
  const uint16_t* k16 = nullptr;
  const uint16_t* v16 = nullptr;
  int64_t cap = 0, n = 0;
};
struct Quant {
  const uint8_t *k = nullptr, *kz = nullptr, *v = nullptr, *vz = nullptr;
  const uint16_t *ks = nullptr, *vs = nullptr;
  int64_t P = 0, G = 1;
  int bits = 8;
};
struct Row {
  Hot f32, f16;
  Quant q[2];  // int8, int4
  int64_t fed = 0, massOff = 0;
  bool exact = false;  // only the f32 tier holds tokens (or none): the float64 path (run_task_exact)
};
struct Task {
  int row, kvh, i0, i1;
};

struct Scratch {
  std::vector<float> Q, S, O, K, V, ks, kz, invl, qs;
  std::vector<double> Qd, Sd, Od, Kd, Vd, ld;  // the exact path's
};

template <class T>
T* grow(std::vector<T>& v, size_t n) {
  if (v.size() < n) v.resize(n);
  return v.data();
}

struct Call {
  int rows = 0, t = 0, H = 0, KV = 0, D = 0, rep = 1;
  float scale = 1;
  double scaleD = 1;  // the exact path's (the JS number as given)
  bool simd = false;
  bool avx512 = false;  // the AVX-512 kernels (exact path; quantized tiers for few queries)
  const float *q = nullptr, *k = nullptr, *v = nullptr;
  float* out = nullptr;
  float* mass = nullptr;
  int64_t massLen = 0;
  uint64_t id = 0;
  std::vector<Row> R;
  std::vector<Task> tasks;
  std::vector<int64_t> partialOff;  // per task: its partial mass (fed + i1 values) in `partial`, or in
                                    // `partialD` (doubles) for a row on the exact path
  std::vector<int> rowFirst;        // per row: its first task (a row's tasks are contiguous), and one past the last
  std::unique_ptr<std::atomic<int>[]> rowLeft;  // per row: tasks not finished
  float* partial = nullptr;
  double* partialD = nullptr;
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
};

struct Seg {
  int d0, len, byte0, shift, g;
};

// Value channel runs of kv head h: channels of one group and one nibble, contiguous in bytes.
int value_segments(const Quant& t, int h, int D, int64_t C, Seg* out) {
  int n = 0;
  const int G = (int)t.G;
  const int half = G / 2;
  for (int d = 0; d < D;) {
    const int64_t c = (int64_t)h * D + d;
    const int g = (int)(c / G);
    const int j = (int)(c % G);
    Seg s{};
    s.d0 = d;
    s.g = g;
    if (t.bits == 8) {
      s.len = G - j;
      s.byte0 = (int)c;
      s.shift = 0;
    } else if (j < half) {
      s.len = half - j;
      s.byte0 = g * half + j;
      s.shift = 0;
    } else {
      s.len = G - j;
      s.byte0 = g * half + (j - half);
      s.shift = 4;
    }
    s.len = std::min(s.len, D - d);
    out[n++] = s;
    d += s.len;
  }
  (void)C;
  return n;
}

#if defined(INF_AVX512)
// ------------------------------------------------------ quantized tiers for few queries (AVX-512F)
// A decode step gives a task M = rep * t queries (4 for 32 / 8 heads at t = 1): too few to pay for
// dequantizing every code into a scratch and reading it back (run_task's general path), which made an int4
// tier cost ~2.5x an f32 tier of the same length. These kernels compute from the codes: each code is
// loaded, widened and converted once, and used by every query from registers.
//   keys   (a scale s and zero z per channel and block of G tokens): q . k = (q * s) . code - (q * s) . z,
//          q * s and its dot with z computed once per block;
//   values (a scale and zero per token and group of channels): O[m] += p[m] * ((code - z) * s).
// Used by tasks of at most QF queries, for head sizes that are a multiple of 64 and value groups whose
// channel runs (value_segments) are whole vectors of 16 (quant_fused_ok).
constexpr int QF = 8;

// The 16 codes of the channels at b as floats: int8 codes as they are, int4 the nibble at `shift` (0 low, 4 high).
INF_T512 inline __m512 codes16(const uint8_t* b, bool int4, int shift) {
  __m512i w = _mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i*)b));
  if (int4) w = shift ? _mm512_srli_epi32(w, 4) : _mm512_and_si512(w, _mm512_set1_epi32(0x0f));
  return _mm512_cvtepi32_ps(w);
}

// [sum(x0), sum(x1), sum(x2), sum(x3)]
INF_T512 inline __m128 hsum4x16(__m512 x0, __m512 x1, __m512 x2, __m512 x3) {
  const __m512 a = _mm512_add_ps(_mm512_unpacklo_ps(x0, x1), _mm512_unpackhi_ps(x0, x1));  // per lane: x0 x1 x0 x1
  const __m512 b = _mm512_add_ps(_mm512_unpacklo_ps(x2, x3), _mm512_unpackhi_ps(x2, x3));
  const __m512 c = _mm512_add_ps(_mm512_shuffle_ps(a, b, _MM_SHUFFLE(1, 0, 1, 0)), _mm512_shuffle_ps(a, b, _MM_SHUFFLE(3, 2, 3, 2)));
  const __m256 h = _mm256_add_ps(_mm512_castps512_ps256(c), _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(c), 1)));
  return _mm_add_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
}

// Scores of MQ queries (qs: scaled by the block's key scales) against the nb tokens of one key block (codes
// of its token r at row(r) + the kv head's offset; int4: the nibble of row r), minus each query's bias:
// dst[m * ldS + r]. Tokens go 4 at a time (16 accumulators at most, in registers); with G a multiple of 8
// a group of 4 never straddles the two halves of an int4 block, so its tokens share a nibble and lie in
// consecutive byte rows.
template <int MQ, bool INT4>
INF_T512 void qk_block_512(const uint8_t* codes, int64_t C, int64_t half, int64_t nb, const float* qs, int D, const float* bias,
                           float* dst, int64_t ldS) {
  for (int64_t r0 = 0; r0 < nb; r0 += 4) {
    const int nt = (int)std::min<int64_t>(4, nb - r0);
    const bool hi = INT4 && r0 >= half;
    const int shift = hi ? 4 : 0;
    const uint8_t* k0 = codes + (INT4 ? (hi ? r0 - half : r0) : r0) * C;
    const uint8_t* k1 = k0 + std::min(1, nt - 1) * C;  // a short last group repeats its last token
    const uint8_t* k2 = k0 + std::min(2, nt - 1) * C;
    const uint8_t* k3 = k0 + std::min(3, nt - 1) * C;
    __m512 a0[MQ], a1[MQ], a2[MQ], a3[MQ];
    for (int m = 0; m < MQ; m++) a0[m] = a1[m] = a2[m] = a3[m] = _mm512_setzero_ps();
    for (int d = 0; d < D; d += 16) {
      const __m512 c0 = codes16(k0 + d, INT4, shift), c1 = codes16(k1 + d, INT4, shift);
      const __m512 c2 = codes16(k2 + d, INT4, shift), c3 = codes16(k3 + d, INT4, shift);
      for (int m = 0; m < MQ; m++) {
        const __m512 q = _mm512_loadu_ps(qs + (int64_t)m * D + d);
        a0[m] = _mm512_fmadd_ps(c0, q, a0[m]);
        a1[m] = _mm512_fmadd_ps(c1, q, a1[m]);
        a2[m] = _mm512_fmadd_ps(c2, q, a2[m]);
        a3[m] = _mm512_fmadd_ps(c3, q, a3[m]);
      }
    }
    for (int m = 0; m < MQ; m++) {
      const __m128 r = _mm_sub_ps(hsum4x16(a0[m], a1[m], a2[m], a3[m]), _mm_set1_ps(bias[m]));
      float* o = dst + (int64_t)m * ldS + r0;
      if (nt == 4) {
        _mm_storeu_ps(o, r);
      } else {
        float x[4];
        _mm_storeu_ps(x, r);
        for (int j = 0; j < nt; j++) o[j] = x[j];
      }
    }
  }
}

template <bool INT4>
INF_T512 void qk_blocks_512(const uint8_t* codes, int64_t C, int64_t half, int64_t nb, const float* qs, int M, int D, const float* bias,
                            float* dst, int64_t ldS) {
  for (int m0 = 0; m0 < M; m0 += 4) {
    const float* q = qs + (int64_t)m0 * D;
    float* o = dst + (int64_t)m0 * ldS;
    switch (std::min(4, M - m0)) {
      case 4: qk_block_512<4, INT4>(codes, C, half, nb, q, D, bias + m0, o, ldS); break;
      case 3: qk_block_512<3, INT4>(codes, C, half, nb, q, D, bias + m0, o, ldS); break;
      case 2: qk_block_512<2, INT4>(codes, C, half, nb, q, D, bias + m0, o, ldS); break;
      default: qk_block_512<1, INT4>(codes, C, half, nb, q, D, bias + m0, o, ldS); break;
    }
  }
}

// S[m, n] = Q[m] . key n of kv head h in tier t (n < t.P), M <= QF queries (Q scaled, M x D). qs: M * D
// floats of scratch, ksf: D.
INF_T512 void qk_quant_512(const Quant& t, int h, int D, int64_t C, const float* Q, int M, float* S, int64_t ldS,
                           float* qs, float* ksf) {
  const bool int4 = t.bits == 4;
  const int64_t G = t.G, half = G / 2;
  const int nv = D / 16;
  float bias[QF];
  for (int64_t b0 = 0; b0 < t.P; b0 += G) {
    const int64_t blk = b0 / G;
    const int64_t at = blk * C + (int64_t)h * D;
    h2f_n(t.ks + at, ksf, D);
    for (int m = 0; m < M; m++) {
      __m512 acc = _mm512_setzero_ps();
      for (int v = 0; v < nv; v++) {
        const __m512 q = _mm512_mul_ps(_mm512_loadu_ps(Q + (int64_t)m * D + 16 * v), _mm512_loadu_ps(ksf + 16 * v));
        _mm512_storeu_ps(qs + (int64_t)m * D + 16 * v, q);
        const __m512 z = _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i*)(t.kz + at + 16 * v))));
        acc = _mm512_fmadd_ps(q, z, acc);
      }
      bias[m] = _mm512_reduce_add_ps(acc);
    }
    const int64_t nb = std::min<int64_t>(G, t.P - b0);
    const uint8_t* codes = t.k + (int4 ? blk * half : b0) * C + (int64_t)h * D;
    if (int4) qk_blocks_512<true>(codes, C, half, nb, qs, M, D, bias, S + b0, ldS);
    else qk_blocks_512<false>(codes, C, half, nb, qs, M, D, bias, S + b0, ldS);
  }
}

// Whether the fused kernels can read tier t for kv head h: head size a multiple of 64, int4 key blocks of a
// multiple of 8 tokens, and the value channel runs made of whole vectors of 16.
bool quant_fused_ok(const Quant& t, int h, int D, int64_t C) {
  if (D % 64 != 0 || D > 256 || (t.bits == 4 && t.G % 8 != 0)) return false;
  Seg segs[256];
  const int n = value_segments(t, h, D, C, segs);
  for (int k = 0; k < n; k++)
    if (segs[k].d0 % 16 != 0 || segs[k].len % 16 != 0) return false;
  return true;
}

// Where the 4 vectors of 16 channels of a pass lie in a token's value codes: byte offset, nibble, group.
struct VecRuns {
  int byte[4], shift[4], group[4];
};

// o[m, 0..64) += sum_n p[m * ldP + n] * value n's 64 channels described by runs, for MQ queries: 16
// accumulators at most, in registers. ONE_GROUP: the 4 vectors share a group (one scale and zero a token).
template <int MQ, bool INT4, bool ONE_GROUP>
INF_T512 inline void pv_tile_512(const Quant& t, const VecRuns& runs, int64_t rowBytes, int64_t ng, const float* p, int64_t ldP,
                                 float* o, int D) {
  __m512 acc[MQ][4];
  for (int m = 0; m < MQ; m++)
    for (int v = 0; v < 4; v++) acc[m][v] = _mm512_loadu_ps(o + (int64_t)m * D + 16 * v);
  const VecRuns r = runs;
  for (int64_t n = 0; n < t.P; n++) {
    const uint8_t* codes = t.v + n * rowBytes;
    const uint16_t* sc = t.vs + n * ng;
    const uint8_t* zp = t.vz + n * ng;
    __m512 pm[MQ];
    for (int m = 0; m < MQ; m++) pm[m] = _mm512_set1_ps(p[(int64_t)m * ldP + n]);
    // value = code * s - z * s
    float s0 = 0, zs0 = 0;
    if (ONE_GROUP) {
      s0 = h2f(sc[r.group[0]]);
      zs0 = -(float)zp[r.group[0]] * s0;
    }
    for (int v = 0; v < 4; v++) {
      float sv = s0, zsv = zs0;
      if (!ONE_GROUP) {
        sv = h2f(sc[r.group[v]]);
        zsv = -(float)zp[r.group[v]] * sv;
      }
      const __m512 x = _mm512_fmadd_ps(codes16(codes + r.byte[v], INT4, r.shift[v]), _mm512_set1_ps(sv), _mm512_set1_ps(zsv));
      for (int m = 0; m < MQ; m++) acc[m][v] = _mm512_fmadd_ps(pm[m], x, acc[m][v]);
    }
  }
  for (int m = 0; m < MQ; m++)
    for (int v = 0; v < 4; v++) _mm512_storeu_ps(o + (int64_t)m * D + 16 * v, acc[m][v]);
}

template <bool INT4, bool ONE_GROUP>
INF_T512 void pv_tiles_512(const Quant& t, const VecRuns& runs, int64_t rowBytes, int64_t ng, const float* P, int64_t ldP, int M, float* O, int D) {
  for (int m0 = 0; m0 < M; m0 += 4) {
    const float* p = P + (int64_t)m0 * ldP;
    float* o = O + (int64_t)m0 * D;
    switch (std::min(4, M - m0)) {
      case 4: pv_tile_512<4, INT4, ONE_GROUP>(t, runs, rowBytes, ng, p, ldP, o, D); break;
      case 3: pv_tile_512<3, INT4, ONE_GROUP>(t, runs, rowBytes, ng, p, ldP, o, D); break;
      case 2: pv_tile_512<2, INT4, ONE_GROUP>(t, runs, rowBytes, ng, p, ldP, o, D); break;
      default: pv_tile_512<1, INT4, ONE_GROUP>(t, runs, rowBytes, ng, p, ldP, o, D); break;
    }
  }
}

// O[m] += sum_n P[m, n] * value n of kv head h in tier t (n < t.P), M <= QF queries; quant_fused_ok(t, h).
INF_T512 void pv_quant_512(const Quant& t, int h, int D, int64_t C, const float* P, int64_t ldP, int M, float* O) {
  const bool int4 = t.bits == 4;
  Seg segs[256];
  const int nseg = value_segments(t, h, D, C, segs);
  int vbyte[16], vshift[16], vgroup[16];  // per vector of 16 channels (D <= 256)
  for (int k = 0; k < nseg; k++)
    for (int d = segs[k].d0; d < segs[k].d0 + segs[k].len; d += 16) {
      vbyte[d / 16] = segs[k].byte0 + (d - segs[k].d0);
      vshift[d / 16] = segs[k].shift;
      vgroup[d / 16] = segs[k].g;
    }
  const int64_t rowBytes = int4 ? C / 2 : C;
  const int64_t ng = C / t.G;
  for (int d0 = 0; d0 < D; d0 += 64) {
    const int v0 = d0 / 16;
    const VecRuns runs{{vbyte[v0], vbyte[v0 + 1], vbyte[v0 + 2], vbyte[v0 + 3]}, {vshift[v0], vshift[v0 + 1], vshift[v0 + 2], vshift[v0 + 3]},
                       {vgroup[v0], vgroup[v0 + 1], vgroup[v0 + 2], vgroup[v0 + 3]}};
    const bool one = runs.group[1] == runs.group[0] && runs.group[2] == runs.group[0] && runs.group[3] == runs.group[0];
    float* o = O + d0;
    if (int4) one ? pv_tiles_512<true, true>(t, runs, rowBytes, ng, P, ldP, M, o, D) : pv_tiles_512<true, false>(t, runs, rowBytes, ng, P, ldP, M, o, D);
    else one ? pv_tiles_512<false, true>(t, runs, rowBytes, ng, P, ldP, M, o, D) : pv_tiles_512<false, false>(t, runs, rowBytes, ng, P, ldP, M, o, D);
  }
}
#endif

// Visit every key (VALUES=false) or value (VALUES=true) of kv head h, in tier order, then the first nNew new
// tokens, as fp32 chunks: f(ptr, ld, nb, col). Quantized tiers whose bit (1 << tier: 1 int8, 2 int4) is set
// in `skip` are left to the caller (their columns are passed over).
template <bool VALUES, class F>
void for_chunks(const Call& c, const Row& r, int row, int h, int nNew, Scratch& s, int skip, F&& f) {
  const int D = c.D;
  const int64_t C = (int64_t)c.KV * D;
  const bool simd = c.simd;
  int64_t col = 0;
  if (r.f32.n > 0) {
    const float* base = (VALUES ? r.f32.v32 : r.f32.k32) + (int64_t)h * r.f32.cap * D;
    for (int64_t p = 0; p < r.f32.n; p += CH) {
      const int nb = (int)std::min<int64_t>(CH, r.f32.n - p);
      f(base + p * D, (int64_t)D, nb, col);
      col += nb;
    }
  }
  if (r.f16.n > 0) {
    const uint16_t* base = (VALUES ? r.f16.v16 : r.f16.k16) + (int64_t)h * r.f16.cap * D;
    float* buf = grow(VALUES ? s.V : s.K, (size_t)CH * D);
    for (int64_t p = 0; p < r.f16.n; p += CH) {
      const int nb = (int)std::min<int64_t>(CH, r.f16.n - p);
      h2f_n(base + p * D, buf, (int64_t)nb * D);
      f((const float*)buf, (int64_t)D, nb, col);
      col += nb;
    }
  }
  for (int tier = 0; tier < 2; tier++) {
    const Quant& t = r.q[tier];
    if (t.P <= 0) continue;
    if (skip & (1 << tier)) {
      col += t.P;
      continue;
    }
    float* buf = grow(VALUES ? s.V : s.K, (size_t)CH * D);
    const int mask = t.bits == 8 ? 0xff : 0x0f;
    const int64_t G = t.G;
    if (VALUES) {
      Seg segs[256];
      const int nseg = value_segments(t, h, D, C, segs);
      const int64_t rowBytes = t.bits == 8 ? C : C / 2;
      const int64_t ng = C / G;
      for (int64_t p = 0; p < t.P; p += CH) {
        const int nb = (int)std::min<int64_t>(CH, t.P - p);
        for (int i = 0; i < nb; i++) {
          const int64_t tok = p + i;
          const uint8_t* codes = t.v + tok * rowBytes;
          const uint16_t* sc = t.vs + tok * ng;
          const uint8_t* zp = t.vz + tok * ng;
          float* o = buf + (int64_t)i * D;
          for (int k = 0; k < nseg; k++) {
            const Seg& sg = segs[k];
            dq_val_seg(codes + sg.byte0, sg.shift, mask, h2f(sc[sg.g]), (float)zp[sg.g], o + sg.d0, sg.len, simd);
          }
        }
        f((const float*)buf, (int64_t)D, nb, col);
        col += nb;
      }
    } else {
      float* ks = grow(s.ks, (size_t)D);
      float* kz = grow(s.kz, (size_t)D);
      int64_t curBlock = -1;
      const int64_t half = G / 2;
      for (int64_t p = 0; p < t.P; p += CH) {
        const int nb = (int)std::min<int64_t>(CH, t.P - p);
        for (int i = 0; i < nb; i++) {
          const int64_t tok = p + i;
          const int64_t b = tok / G;
          const int64_t rr = tok - b * G;
          if (b != curBlock) {
            curBlock = b;
            const int64_t at = b * C + (int64_t)h * D;
            h2f_n(t.ks + at, ks, D);
            for (int d = 0; d < D; d++) kz[d] = (float)t.kz[at + d];
          }
          const uint8_t* codes;
          int shift = 0;
          if (t.bits == 8) {
            codes = t.k + tok * C + (int64_t)h * D;
          } else {
            const int64_t r2 = rr < half ? rr : rr - half;
            shift = rr < half ? 0 : 4;
            codes = t.k + (b * half + r2) * C + (int64_t)h * D;
          }
          dq_key_row(codes, shift, mask, ks, kz, buf + (int64_t)i * D, D, simd);
        }
        f((const float*)buf, (int64_t)D, nb, col);
        col += nb;
      }
    }
  }
  if (nNew > 0) {
    const int64_t ld = C;
    const float* base = (VALUES ? c.v : c.k) + (int64_t)row * c.t * C + (int64_t)h * D;
    for (int p = 0; p < nNew; p += CH) {
      const int nb = std::min(CH, nNew - p);
      f(base + (int64_t)p * ld, ld, nb, col);
      col += nb;
    }
  }
}

void run_task(Call& c, int ti, Scratch& s) {
  const Task& tk = c.tasks[(size_t)ti];
  const int D = c.D, rep = c.rep, H = c.H;
  const Row& r = c.R[tk.row];
  const int tq = tk.i1 - tk.i0;
  const int M = rep * tq;
  const int64_t Nt = r.fed + tk.i1;
  const int64_t ldS = (Nt + 7) & ~(int64_t)7;
  float* Q = grow(s.Q, (size_t)M * D);
  float* S = grow(s.S, (size_t)M * ldS);
  float* O = grow(s.O, (size_t)M * D);
  float* invl = grow(s.invl, (size_t)M);
  std::memset(O, 0, sizeof(float) * (size_t)M * D);
  // m = (i - i0) * rep + j: query head h * rep + j, token i.
  for (int i = tk.i0; i < tk.i1; i++) {
    for (int j = 0; j < rep; j++) {
      const float* src = c.q + (((int64_t)tk.row * c.t + i) * H + (int64_t)tk.kvh * rep + j) * D;
      float* dst = Q + (int64_t)((i - tk.i0) * rep + j) * D;
      for (int d = 0; d < D; d++) dst[d] = src[d] * c.scale;
    }
  }
  const bool simd = c.simd;
  // Quantized tiers the fused kernels read (bit 1 << tier), and where their columns start.
  int fused = 0;
  int64_t tierCol[2] = {r.f32.n + r.f16.n, r.f32.n + r.f16.n + std::max<int64_t>(r.q[0].P, 0)};
#if defined(INF_AVX512)
  const int64_t C = (int64_t)c.KV * D;
  if (c.avx512 && M <= QF)
    for (int tier = 0; tier < 2; tier++)
      if (r.q[tier].P > 0 && quant_fused_ok(r.q[tier], tk.kvh, D, C)) fused |= 1 << tier;
#endif
  for_chunks<false>(c, r, tk.row, tk.kvh, tk.i1, s, fused, [&](const float* K, int64_t ldk, int nb, int64_t col) {
#if defined(INF_AVX2)
    if (simd) return qk_avx(Q, M, D, K, ldk, nb, S + col, ldS);
#endif
    qk_soft(Q, M, D, K, ldk, nb, S + col, ldS);
  });
#if defined(INF_AVX512)
  for (int tier = 0; tier < 2; tier++)
    if (fused & (1 << tier)) qk_quant_512(r.q[tier], tk.kvh, D, C, Q, M, S + tierCol[tier], ldS, grow(s.qs, (size_t)M * D), grow(s.ks, (size_t)D));
#endif
  for (int m = 0; m < M; m++) {
    const int i = tk.i0 + m / rep;
    const float l = softmax_row(S + m * ldS, r.fed + i + 1, ldS, simd);
    invl[m] = 1.f / l;
  }
  for_chunks<true>(c, r, tk.row, tk.kvh, tk.i1, s, fused, [&](const float* V, int64_t ldv, int nb, int64_t col) {
#if defined(INF_AVX2)
    if (simd) return pv_avx(S + col, ldS, M, V, ldv, nb, O, D);
#endif
    pv_soft(S + col, ldS, M, V, ldv, nb, O, D);
  });
#if defined(INF_AVX512)
  for (int tier = 0; tier < 2; tier++)
    if (fused & (1 << tier)) pv_quant_512(r.q[tier], tk.kvh, D, C, S + tierCol[tier], ldS, M, O);
#endif
  for (int m = 0; m < M; m++) {
    const int i = tk.i0 + m / rep;
    const int j = m % rep;
    float* dst = c.out + (((int64_t)tk.row * c.t + i) * H + (int64_t)tk.kvh * rep + j) * D;
    const float* o = O + (int64_t)m * D;
    const float w = invl[m];
    for (int d = 0; d < D; d++) dst[d] = o[d] * w;
  }
  if (c.mass) {
    float* mb = c.partial + c.partialOff[(size_t)ti];
    std::memset(mb, 0, sizeof(float) * (size_t)Nt);
    for (int m = 0; m < M; m++) {
      const int i = tk.i0 + m / rep;
      const int64_t len = r.fed + i + 1;
      const float* p = S + m * ldS;
      const float w = invl[m];
      for (int64_t n = 0; n < len; n++) mb[n] += p[n] * w;
    }
    if (c.rowLeft[tk.row].fetch_sub(1, std::memory_order_acq_rel) == 1) {
      // The row's last task: sum its tasks' partials, in task order.
      float* dst = c.mass + r.massOff;
      std::memset(dst, 0, sizeof(float) * (size_t)(r.fed + c.t));
      for (int j = c.rowFirst[(size_t)tk.row]; j < c.rowFirst[(size_t)tk.row + 1]; j++) {
        const float* src = c.partial + c.partialOff[(size_t)j];
        const int64_t n = r.fed + c.tasks[(size_t)j].i1;
        for (int64_t x = 0; x < n; x++) dst[x] += src[x];
      }
    }
  }
}

// The exact path's chunks: the keys (VALUES=false) or values of kv head h in the f32 tier, then the first nNew
// new tokens, in chunks of CH tokens read where they are: f(ptr, ld, nb, col).
template <bool VALUES, class F>
void exact_chunks(const Call& c, const Row& r, int row, int h, int nNew, F&& f) {
  const int D = c.D;
  const int64_t C = (int64_t)c.KV * D;
  int64_t col = 0;
  if (r.f32.n > 0) {
    const float* base = (VALUES ? r.f32.v32 : r.f32.k32) + (int64_t)h * r.f32.cap * D;
    for (int64_t p = 0; p < r.f32.n; p += CH) {
      const int nb = (int)std::min<int64_t>(CH, r.f32.n - p);
      f(base + p * D, (int64_t)D, nb, col);
      col += nb;
    }
  }
  if (nNew > 0) {
    const float* base = (VALUES ? c.v : c.k) + (int64_t)row * c.t * C + (int64_t)h * D;
    for (int p = 0; p < nNew; p += CH) {
      const int nb = std::min(CH, nNew - p);
      f(base + (int64_t)p * C, C, nb, col);
      col += nb;
    }
  }
}

// A task of a row whose only cached tier is f32 (no f16, int8 or int4 tokens): everything in double, so
// that a float64 reference (tools/inferos_tools/export.py, LayersReference.attend) rounds to the same
// float32 context. Scores are q . k of the float32 values converted to double, times the scale as a double;
// the softmax subtracts the max and takes a double exp (exp_pd: ~1 ulp); the context is accumulated in
// double and multiplied by 1 / the row's sum, then rounded to float32 when written. The mass is summed in
// double, written as float. Rows with any other tier keep the float32 kernels (run_task).
void run_task_exact(Call& c, int ti, Scratch& s) {
  const Task& tk = c.tasks[(size_t)ti];
  const int D = c.D, rep = c.rep, H = c.H;
  const Row& r = c.R[tk.row];
  const int tq = tk.i1 - tk.i0;
  const int M = rep * tq;
  const int64_t Nt = r.fed + tk.i1;
  const int64_t ldS = (Nt + 7) & ~(int64_t)7;
  double* Q = grow(s.Qd, (size_t)M * D);
  double* S = grow(s.Sd, (size_t)M * ldS);
  double* O = grow(s.Od, (size_t)M * D);
  double* l = grow(s.ld, (size_t)M);
  std::memset(O, 0, sizeof(double) * (size_t)M * D);
  // m = (i - i0) * rep + j: query head h * rep + j, token i.
  for (int i = tk.i0; i < tk.i1; i++) {
    for (int j = 0; j < rep; j++) {
      const float* src = c.q + (((int64_t)tk.row * c.t + i) * H + (int64_t)tk.kvh * rep + j) * D;
      double* dst = Q + (int64_t)((i - tk.i0) * rep + j) * D;
      for (int d = 0; d < D; d++) dst[d] = (double)src[d];
    }
  }
  const bool simd = c.simd;
  // With more than 4 queries, each key and value is read by several register tiles: a chunk is converted
  // to double once (scratch), else the values are converted as they are loaded.
  const bool convert = simd && M > 4;
  double* buf = convert ? grow(s.Kd, (size_t)CH * D) : nullptr;
#if defined(INF_AVX512)
  if (c.avx512) {
    exact_chunks<false>(c, r, tk.row, tk.kvh, tk.i1, [&](const float* K, int64_t ldk, int nb, int64_t col) {
      if (!convert) return qk_d_512(Q, M, D, K, ldk, nb, S + col, ldS);
      to_double_512(K, ldk, nb, D, buf);
      qk_d_512(Q, M, D, (const double*)buf, (int64_t)D, nb, S + col, ldS);
    });
    softmax_rows_d512(S, M, ldS, r.fed + tk.i0 + 1, rep, c.scaleD, l);
    exact_chunks<true>(c, r, tk.row, tk.kvh, tk.i1, [&](const float* V, int64_t ldv, int nb, int64_t col) {
      if (!convert) return pv_d_512(S + col, ldS, M, V, ldv, nb, O, D);
      to_double_512(V, ldv, nb, D, buf);
      pv_d_512(S + col, ldS, M, (const double*)buf, (int64_t)D, nb, O, D);
    });
  } else
#endif
  {
    auto toDouble = [&](const float* X, int64_t ldx, int nb) {
      for (int n = 0; n < nb; n++) {
        const float* x = X + n * ldx;
        double* y = buf + (int64_t)n * D;
        for (int d = 0; d < D; d++) y[d] = (double)x[d];
      }
    };
    exact_chunks<false>(c, r, tk.row, tk.kvh, tk.i1, [&](const float* K, int64_t ldk, int nb, int64_t col) {
#if defined(INF_AVX2)
      if (convert) {
        toDouble(K, ldk, nb);
        return qk_d_avx(Q, M, D, (const double*)buf, (int64_t)D, nb, S + col, ldS);
      }
      if (simd) return qk_d_avx(Q, M, D, K, ldk, nb, S + col, ldS);
#endif
      qk_d_soft(Q, M, D, K, ldk, nb, S + col, ldS);
    });
    for (int m = 0; m < M; m++) l[m] = softmax_row_d(S + m * ldS, r.fed + tk.i0 + m / rep + 1, ldS, c.scaleD, simd);
    exact_chunks<true>(c, r, tk.row, tk.kvh, tk.i1, [&](const float* V, int64_t ldv, int nb, int64_t col) {
#if defined(INF_AVX2)
      if (convert) {
        toDouble(V, ldv, nb);
        return pv_d_avx(S + col, ldS, M, (const double*)buf, (int64_t)D, nb, O, D);
      }
      if (simd) return pv_d_avx(S + col, ldS, M, V, ldv, nb, O, D);
#endif
      pv_d_soft(S + col, ldS, M, V, ldv, nb, O, D);
    });
  }
  for (int m = 0; m < M; m++) {
    const int i = tk.i0 + m / rep;
    const int j = m % rep;
    float* dst = c.out + (((int64_t)tk.row * c.t + i) * H + (int64_t)tk.kvh * rep + j) * D;
    const double* o = O + (int64_t)m * D;
    const double w = 1.0 / l[m];
    for (int d = 0; d < D; d++) dst[d] = (float)(o[d] * w);
  }
  if (c.mass) {
    double* mb = c.partialD + c.partialOff[(size_t)ti];
    std::memset(mb, 0, sizeof(double) * (size_t)Nt);
    for (int m = 0; m < M; m++) {
      const int i = tk.i0 + m / rep;
      const int64_t len = r.fed + i + 1;
      const double* p = S + m * ldS;
      const double w = 1.0 / l[m];
      for (int64_t n = 0; n < len; n++) mb[n] += p[n] * w;
    }
    if (c.rowLeft[tk.row].fetch_sub(1, std::memory_order_acq_rel) == 1) {
      // The row's last task: sum its tasks' partials in task order (in double, blocks of 256 tokens).
      float* dst = c.mass + r.massOff;
      const int64_t total = r.fed + c.t;
      double acc[256];
      for (int64_t x0 = 0; x0 < total; x0 += 256) {
        const int64_t x1 = std::min<int64_t>(total, x0 + 256);
        std::fill(acc, acc + (x1 - x0), 0.0);
        for (int j = c.rowFirst[(size_t)tk.row]; j < c.rowFirst[(size_t)tk.row + 1]; j++) {
          const double* src = c.partialD + c.partialOff[(size_t)j];
          const int64_t n = std::min<int64_t>(x1, r.fed + c.tasks[(size_t)j].i1);
          for (int64_t x = x0; x < n; x++) acc[x - x0] += src[x];
        }
        for (int64_t x = x0; x < x1; x++) dst[x] = (float)acc[x - x0];
      }
    }
  }
}

void run_tasks(Call& c) {
  thread_local Scratch s;
  const int n = (int)c.tasks.size();
  for (;;) {
    const int i = c.next.fetch_add(1, std::memory_order_relaxed);
    if (i >= n) break;
    if (c.failed.load(std::memory_order_relaxed)) continue;
    try {
      if (c.R[(size_t)c.tasks[(size_t)i].row].exact)
        run_task_exact(c, i, s);
      else
        run_task(c, i, s);
    } catch (...) {
      c.failed.store(true);
    }
  }
}

// ------------------------------------------------------------------------------------------- pool
inline void cpu_relax() {
#if defined(INF_X86)
  _mm_pause();
#else
  std::this_thread::yield();
#endif
}

constexpr int CLOSED = 1 << 30;

struct Pool {
  int threads = 1;  // the caller included
  int spinUs = 50;
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<uint64_t> gen{0};
  std::atomic<int> sleepers{0};
  std::atomic<int> state{CLOSED};  // CLOSED bit | workers inside the current call
  std::atomic<Call*> call{nullptr};
  std::mutex busy;  // one call on the pool at a time (worker_threads may call too: they run inline)
  uint64_t calls = 0;
};

Pool* g_pool = nullptr;
std::once_flag g_pool_once;

void worker(Pool* p) {
  uint64_t seen = 0;
  for (;;) {
    uint64_t g = p->gen.load(std::memory_order_acquire);
    if (g == seen) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto spin = std::chrono::microseconds(p->spinUs);
      for (unsigned it = 1; (g = p->gen.load(std::memory_order_acquire)) == seen; it++) {
        cpu_relax();
        if ((it & 63) == 0 && std::chrono::steady_clock::now() - t0 > spin) break;
      }
      if (g == seen) {
        std::unique_lock<std::mutex> lk(p->mu);
        p->sleepers.fetch_add(1);
        p->cv.wait(lk, [&] { return (g = p->gen.load()) != seen; });
        p->sleepers.fetch_sub(1);
      }
    }
    seen = g;
    const int st = p->state.fetch_add(1);
    if (!(st & CLOSED)) {
      Call* c = p->call.load();
      run_tasks(*c);
    }
    p->state.fetch_sub(1);
  }
}

int env_int(const char* name, int dflt) {
  const char* v = std::getenv(name);
  if (!v || !*v) return dflt;
  char* end = nullptr;
  const long x = std::strtol(v, &end, 10);
  if (end == v || *end != 0 || x < 0) return dflt;
  return (int)std::min<long>(x, 1 << 20);
}

void init_pool() {
  std::call_once(g_pool_once, [] {
    Pool* p = new Pool();  // never freed: the workers live as long as the process
    unsigned hc = std::thread::hardware_concurrency();
    int n = env_int("INFEROS_ATTENTION_THREADS", hc == 0 ? 1 : (int)std::min(hc, 8u));
    p->threads = std::max(1, std::min(n, MAX_SLOTS));
    p->spinUs = env_int("INFEROS_ATTENTION_SPIN_US", 50);
    for (int i = 1; i < p->threads; i++) {
      try {
        std::thread(worker, p).detach();
      } catch (...) {
        p->threads = i;
        break;
      }
    }
    g_pool = p;
  });
}

void run_call(Call& c, int64_t work) {
  init_pool();
  Pool* p = g_pool;
  const bool parallel = p->threads > 1 && c.tasks.size() > 1 && work >= INLINE_WORK;
  std::unique_lock<std::mutex> lk(p->busy, std::defer_lock);
  if (!parallel || !lk.try_lock()) {
    run_tasks(c);
    return;
  }
  c.id = ++p->calls;
  p->call.store(&c);
  p->state.fetch_and(~CLOSED);
  p->gen.fetch_add(1);
  if (p->sleepers.load() > 0) {
    std::lock_guard<std::mutex> g(p->mu);
    p->cv.notify_all();
  }
  run_tasks(c);
  p->state.fetch_or(CLOSED);
  while ((p->state.load(std::memory_order_acquire) & ~CLOSED) != 0) cpu_relax();
}

// ---------------------------------------------------------------------------------------- binding
#define NAPI_OK(call)                                                            \
  do {                                                                           \
    if ((call) != napi_ok) {                                                     \
      napi_throw_error(env, nullptr, "attention: N-API call failed: " #call);    \
      return nullptr;                                                            \
    }                                                                            \
  } while (0)

struct Arr {
  void* data = nullptr;
  size_t length = 0;
};

bool typed(napi_env env, napi_value v, napi_typedarray_type want, const char* name, Arr& a) {
  bool is = false;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) {
    char msg[160];
    std::snprintf(msg, sizeof msg, "attention: %s must be a typed array", name);
    napi_throw_range_error(env, nullptr, msg);
    return false;
  }
  napi_typedarray_type type;
  napi_value ab;
  size_t off;
  if (napi_get_typedarray_info(env, v, &type, &a.length, &a.data, &ab, &off) != napi_ok || type != want) {
    char msg[160];
    std::snprintf(msg, sizeof msg, "attention: %s has the wrong element type", name);
    napi_throw_range_error(env, nullptr, msg);
    return false;
  }
  if (a.data == nullptr && a.length != 0) {
    napi_throw_error(env, nullptr, "attention: a typed array has no data");
    return false;
  }
  return true;
}

bool range_error(napi_env env, const char* fmt, long long a, long long b, int row) {
  char msg[256];
  std::snprintf(msg, sizeof msg, fmt, row, a, b);
  napi_throw_range_error(env, nullptr, msg);
  return false;
}

// attend(meta: Int32Array, scale: number, q, k, v, out, mass | null, arrays: TypedArray[])
// meta = [rows, t, heads, kvHeads, headDim, then per row: f32 tokens, f32 capacity, f16 tokens, f16 capacity,
//         int8 tokens, int8 group, int4 tokens, int4 group]; arrays: per row, for each tier holding tokens,
//         (keys, values) for a hot tier, (keys, keyScale, keyZero, values, valueScale, valueZero) for a
//         quantized one.
napi_value AttendImpl(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  NAPI_OK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  if (argc != 8) {
    napi_throw_type_error(env, nullptr, "attention.attend: expected 8 arguments");
    return nullptr;
  }
  Arr meta;
  if (!typed(env, argv[0], napi_int32_array, "meta", meta)) return nullptr;
  const int32_t* mt = (const int32_t*)meta.data;
  if (meta.length < 5) {
    napi_throw_range_error(env, nullptr, "attention: meta is too short");
    return nullptr;
  }
  Call c;
  c.rows = mt[0];
  c.t = mt[1];
  c.H = mt[2];
  c.KV = mt[3];
  c.D = mt[4];
  if (c.rows < 0 || c.t < 1 || c.H < 1 || c.KV < 1 || c.D < 1 || c.H % c.KV != 0 || c.D > 4096 ||
      meta.length < 5 + 8 * (size_t)c.rows) {
    napi_throw_range_error(env, nullptr, "attention: bad shape in meta");
    return nullptr;
  }
  c.rep = c.H / c.KV;
  double scale;
  NAPI_OK(napi_get_value_double(env, argv[1], &scale));
  c.scale = (float)scale;
  c.scaleD = scale;
  Arr q, k, v, out, mass;
  if (!typed(env, argv[2], napi_float32_array, "q", q) || !typed(env, argv[3], napi_float32_array, "k", k) ||
      !typed(env, argv[4], napi_float32_array, "v", v) || !typed(env, argv[5], napi_float32_array, "out", out))
    return nullptr;
  napi_valuetype mtype;
  NAPI_OK(napi_typeof(env, argv[6], &mtype));
  const bool hasMass = mtype != napi_null && mtype != napi_undefined;
  if (hasMass && !typed(env, argv[6], napi_float32_array, "mass", mass)) return nullptr;
  const int64_t D = c.D, C = (int64_t)c.KV * D;
  const int64_t qLen = (int64_t)c.rows * c.t * c.H * D, kLen = (int64_t)c.rows * c.t * C;
  if ((int64_t)q.length != qLen || (int64_t)out.length != qLen || (int64_t)k.length != kLen || (int64_t)v.length != kLen) {
    napi_throw_range_error(env, nullptr, "attention: q / k / v / out lengths do not match the shape");
    return nullptr;
  }
  c.q = (const float*)q.data;
  c.k = (const float*)k.data;
  c.v = (const float*)v.data;
  c.out = (float*)out.data;
  bool isArr = false;
  NAPI_OK(napi_is_array(env, argv[7], &isArr));
  if (!isArr) {
    napi_throw_type_error(env, nullptr, "attention: arrays must be an Array");
    return nullptr;
  }
  uint32_t nArr = 0;
  NAPI_OK(napi_get_array_length(env, argv[7], &nArr));
  uint32_t ai = 0;
  auto next = [&](napi_typedarray_type type, const char* name, Arr& a) -> bool {
    if (ai >= nArr) {
      napi_throw_range_error(env, nullptr, "attention: too few tier arrays");
      return false;
    }
    napi_value e;
    if (napi_get_element(env, argv[7], ai++, &e) != napi_ok) {
      napi_throw_error(env, nullptr, "attention: cannot read a tier array");
      return false;
    }
    return typed(env, e, type, name, a);
  };
  c.R.resize((size_t)c.rows);
  int64_t massLen = 0;
  for (int r = 0; r < c.rows; r++) {
    const int32_t* m = mt + 5 + 8 * r;
    Row& row = c.R[(size_t)r];
    for (int i = 0; i < 8; i++) {
      if (m[i] < 0) return (void)range_error(env, "attention: row %d: negative size in meta (%lld, %lld)", m[i], 0, r), nullptr;
    }
    // hot tiers
    for (int tier = 0; tier < 2; tier++) {
      Hot& h = tier == 0 ? row.f32 : row.f16;
      h.n = m[2 * tier];
      h.cap = m[2 * tier + 1];
      if (h.n > h.cap) return (void)range_error(env, "attention: row %d: hot tier holds %lld tokens > capacity %lld", h.n, h.cap, r), nullptr;
      if (h.n == 0) continue;
      Arr a, b;
      const napi_typedarray_type type = tier == 0 ? napi_float32_array : napi_uint16_array;
      if (!next(type, "hot keys", a) || !next(type, "hot values", b)) return nullptr;
      const int64_t want = h.cap * C;
      if ((int64_t)a.length != want || (int64_t)b.length != want)
        return (void)range_error(env, "attention: row %d: hot tier arrays must hold %lld values, got %lld", want, (long long)std::min(a.length, b.length), r), nullptr;
      if (tier == 0) {
        h.k32 = (const float*)a.data;
        h.v32 = (const float*)b.data;
      } else {
        h.k16 = (const uint16_t*)a.data;
        h.v16 = (const uint16_t*)b.data;
      }
    }
    for (int tier = 0; tier < 2; tier++) {
      Quant& t = row.q[tier];
      t.bits = tier == 0 ? 8 : 4;
      t.P = m[4 + 2 * tier];
      t.G = m[5 + 2 * tier];
      if (t.P == 0) continue;
      if (t.G < 1 || (t.bits == 4 && t.G % 2 != 0) || C % t.G != 0 || t.P % t.G != 0 || C / t.G > 256 * 1024)
        return (void)range_error(env, "attention: row %d: bad quantized tier (tokens %lld, group %lld)", t.P, t.G, r), nullptr;
      if (D / std::max<int64_t>(1, t.bits == 8 ? t.G : t.G / 2) + 2 > 256)
        return (void)range_error(env, "attention: row %d: group %lld too small for head size %lld", t.G, D, r), nullptr;
      Arr kq, ks, kz, vq, vs, vz;
      if (!next(napi_uint8_array, "keys", kq) || !next(napi_uint16_array, "keyScale", ks) || !next(napi_uint8_array, "keyZero", kz) ||
          !next(napi_uint8_array, "values", vq) || !next(napi_uint16_array, "valueScale", vs) || !next(napi_uint8_array, "valueZero", vz))
        return nullptr;
      const int64_t codes = t.bits == 8 ? t.P * C : t.P * C / 2;
      const int64_t kscales = t.P / t.G * C;
      const int64_t vscales = t.P * (C / t.G);
      if ((int64_t)kq.length != codes || (int64_t)vq.length != codes || (int64_t)ks.length != kscales || (int64_t)kz.length != kscales ||
          (int64_t)vs.length != vscales || (int64_t)vz.length != vscales)
        return (void)range_error(env, "attention: row %d: quantized tier arrays do not match %lld tokens of group %lld", t.P, t.G, r), nullptr;
      t.k = (const uint8_t*)kq.data;
      t.ks = (const uint16_t*)ks.data;
      t.kz = (const uint8_t*)kz.data;
      t.v = (const uint8_t*)vq.data;
      t.vs = (const uint16_t*)vs.data;
      t.vz = (const uint8_t*)vz.data;
    }
    row.fed = row.f32.n + row.f16.n + row.q[0].P + row.q[1].P;
    row.exact = row.f16.n == 0 && row.q[0].P == 0 && row.q[1].P == 0;
    row.massOff = massLen;
    massLen += row.fed + c.t;
  }
  if (ai != nArr) {
    napi_throw_range_error(env, nullptr, "attention: too many tier arrays");
    return nullptr;
  }
  if (hasMass) {
    if ((int64_t)mass.length != massLen) {
      napi_throw_range_error(env, nullptr, "attention: mass length does not match the rows' tokens + t");
      return nullptr;
    }
    c.mass = (float*)mass.data;
    c.massLen = massLen;
  }
#if defined(INF_AVX2)
  c.simd = !g_portable && D % 8 == 0;
  c.avx512 = c.simd && g_avx512;
#endif
  // Tasks: (row, kv head, tile of new tokens).
  int64_t work = 0;
  c.rowFirst.resize((size_t)c.rows + 1);
  for (int r = 0; r < c.rows; r++) {
    c.rowFirst[(size_t)r] = (int)c.tasks.size();
    const int64_t fed = c.R[(size_t)r].fed;
    int tq = c.t == 1 ? 1 : std::max(1, TARGET_M / c.rep);
    // keep a task's score scratch near 4 MiB for very long sequences
    while (tq > 1 && (int64_t)tq * c.rep * (fed + c.t) > (1 << 20)) tq /= 2;
    for (int h = 0; h < c.KV; h++) {
      for (int i0 = 0; i0 < c.t; i0 += tq) {
        const int i1 = std::min(c.t, i0 + tq);
        c.tasks.push_back(Task{r, h, i0, i1});
        work += (int64_t)c.rep * (i1 - i0) * (fed + i1) * D;
      }
    }
  }
  c.rowFirst[(size_t)c.rows] = (int)c.tasks.size();
  if (c.tasks.empty()) return nullptr;
  thread_local std::vector<float> partial;  // the caller's, grown as needed, kept between calls
  thread_local std::vector<double> partialD;  // the same for the rows on the exact path
  if (c.mass) {
    c.partialOff.resize(c.tasks.size());
    int64_t at = 0, atD = 0;
    for (size_t i = 0; i < c.tasks.size(); i++) {
      const Row& row = c.R[(size_t)c.tasks[i].row];
      int64_t& x = row.exact ? atD : at;
      c.partialOff[i] = x;
      x += row.fed + c.tasks[i].i1;
    }
    try {
      c.partial = grow(partial, (size_t)at);
      c.partialD = grow(partialD, (size_t)atD);
    } catch (...) {
      napi_throw_error(env, nullptr, "attention: out of memory for the attention mass");
      return nullptr;
    }
    c.rowLeft.reset(new std::atomic<int>[(size_t)c.rows]);
    for (int r = 0; r < c.rows; r++) c.rowLeft[r].store(c.rowFirst[(size_t)r + 1] - c.rowFirst[(size_t)r]);
  }
  try {
    run_call(c, work);
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, e.what());
    return nullptr;
  }
  if (c.failed.load()) {
    napi_throw_error(env, nullptr, "attention: a task failed (out of memory?)");
    return nullptr;
  }
  return nullptr;
}

// No C++ exception may cross into N-API (std::terminate): an allocation that fails becomes a JS error.
napi_value Attend(napi_env env, napi_callback_info info) {
  try {
    return AttendImpl(env, info);
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string("attention.attend: ") + e.what()).c_str());
  } catch (...) {
    napi_throw_error(env, nullptr, "attention.attend: unknown C++ exception");
  }
  return nullptr;
}

napi_value SetPortable(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_OK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  bool on = false;
  if (argc >= 1) NAPI_OK(napi_get_value_bool(env, argv[0], &on));
  g_portable = on;
  return nullptr;
}

bool cpu_avx512() {
#if defined(INF_AVX512)
  return __builtin_cpu_supports("avx512f") && env_int("INFEROS_ATTENTION_AVX512", 1) != 0;
#else
  return false;
#endif
}

// setAvx512(on): let the exact path use its AVX-512 kernels (when the CPU has them) or not (tests).
napi_value SetAvx512(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_OK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  bool on = false;
  if (argc >= 1) NAPI_OK(napi_get_value_bool(env, argv[0], &on));
  g_avx512 = on && cpu_avx512();
  return nullptr;
}

napi_value Info(napi_env env, napi_callback_info) {
  init_pool();
  napi_value o, threads, simd, f16c, exact;
  NAPI_OK(napi_create_object(env, &o));
  NAPI_OK(napi_create_int32(env, g_pool->threads, &threads));
#if defined(INF_AVX2)
  NAPI_OK(napi_create_string_utf8(env, g_portable ? "portable" : "avx2+fma", NAPI_AUTO_LENGTH, &simd));
#else
  NAPI_OK(napi_create_string_utf8(env, "portable", NAPI_AUTO_LENGTH, &simd));
#endif
#if defined(INF_F16C)
  NAPI_OK(napi_get_boolean(env, true, &f16c));
#else
  NAPI_OK(napi_get_boolean(env, false, &f16c));
#endif
  NAPI_OK(napi_set_named_property(env, o, "threads", threads));
  NAPI_OK(napi_set_named_property(env, o, "simd", simd));
  NAPI_OK(napi_set_named_property(env, o, "f16c", f16c));
  // The kernels of the exact path (rows whose only cached tier is f32).
  const char* ex = "portable";
#if defined(INF_AVX2)
  if (!g_portable) ex = g_avx512 ? "avx512f" : "avx2+fma";
#endif
  NAPI_OK(napi_create_string_utf8(env, ex, NAPI_AUTO_LENGTH, &exact));
  NAPI_OK(napi_set_named_property(env, o, "exact", exact));
  // The kernels that read the int8 / int4 tiers for tasks of few queries (decode steps): the fused AVX-512
  // ones exactly when the exact path has AVX-512, else dequantization into a scratch and the `simd` kernels.
  napi_value quant;
  NAPI_OK(napi_create_string_utf8(env, ex, NAPI_AUTO_LENGTH, &quant));
  NAPI_OK(napi_set_named_property(env, o, "quant", quant));
  return o;
}

napi_value Init(napi_env env, napi_value exports) {
#if defined(INF_AVX2) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma") || !__builtin_cpu_supports("f16c")) {
    napi_throw_error(env, nullptr, "@inferos/attention: this build needs an x86-64 CPU with AVX2, FMA and F16C");
    return nullptr;
  }
#endif
  std::call_once(g_cpu_once, [] { g_avx512 = cpu_avx512(); });
  napi_property_descriptor props[] = {
      {"attend", nullptr, Attend, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setPortable", nullptr, SetPortable, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setAvx512", nullptr, SetAvx512, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"info", nullptr, Info, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return nullptr;
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
