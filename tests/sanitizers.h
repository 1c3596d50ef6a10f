#pragma once
// Sanitizer builds replace malloc (quarantine, shadow memory): RSS and heap
// budgets measured there say nothing about the product, so tests that assert
// them skip those checks — the leak and race findings are the sanitizers' job.

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MORT_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define MORT_UNDER_SANITIZER 1
#endif
#endif

namespace mort::test {
#ifdef MORT_UNDER_SANITIZER
inline constexpr bool kUnderSanitizer = true;
#else
inline constexpr bool kUnderSanitizer = false;
#endif
} // namespace mort::test
