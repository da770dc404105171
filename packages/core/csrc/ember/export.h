// Symbol visibility for libember. The library is built with hidden visibility by
// default; only what is marked EMBER_API forms the ABI that _C and out-of-tree
// extensions (find_package(Ember)) link against.
#pragma once

#if defined(_WIN32)
#if defined(EMBER_BUILDING_LIBRARY)
#define EMBER_API __declspec(dllexport)
#else
#define EMBER_API __declspec(dllimport)
#endif
#else
#define EMBER_API __attribute__((visibility("default")))
#endif
