// Windows: the same addon as shm.c over Win32 file mappings backed by the paging file (libs/shm/README.md).
// A mapping is a kernel object that lives while any handle or view refers to it: the view handed to
// JavaScript (an external ArrayBuffer whose finalizer unmaps it) keeps it alive, so the handle is closed
// at once and there is nothing to unlink or sweep: a crashed process's views die with it.
// Built by node-gyp on Windows (binding.gyp); compile-checked on Linux with mingw-w64 (shm.test.ts).
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <node_api.h>
#include <stdint.h>
#include <stdio.h>

#define CHECK(call)                                                              \
  do {                                                                           \
    if ((call) != napi_ok) {                                                     \
      napi_throw_error(env, NULL, "shm: N-API call failed: " #call);             \
      return NULL;                                                               \
    }                                                                            \
  } while (0)

static napi_value throw_win(napi_env env, const char* what, const char* name, DWORD code) {
  char sys[256] = "";
  FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code, 0, sys, sizeof sys, NULL);
  char msg[1400];
  snprintf(msg, sizeof msg, "shm: %s %s: error %lu: %s", what, name, (unsigned long)code, sys);
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static void unmap(napi_env env, void* data, void* hint) {
  (void)env;
  (void)hint;
  UnmapViewOfFile(data);
}

// The object name (e.g. "Local\inferos-kv-123-0") from argv as UTF-16; false after throwing.
static bool wide_name(napi_env env, napi_value v, char* utf8, size_t utf8_size, wchar_t* wide, int wide_size) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, utf8, utf8_size, &len) != napi_ok || len == 0 || len >= utf8_size - 1) {
    napi_throw_type_error(env, NULL, "shm: the segment name must be a non-empty string shorter than 511 bytes");
    return false;
  }
  if (MultiByteToWideChar(CP_UTF8, 0, utf8, -1, wide, wide_size) == 0) {
    throw_win(env, "name", utf8, GetLastError());
    return false;
  }
  return true;
}

// map(name: string, bytes: number, create: boolean): ArrayBuffer
static napi_value map(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != 3) {
    napi_throw_type_error(env, NULL, "shm.map(name, bytes, create): expected 3 arguments");
    return NULL;
  }
  char name[512];
  wchar_t wname[512];
  if (!wide_name(env, argv[0], name, sizeof name, wname, 512)) return NULL;
  int64_t bytes = 0;
  if (napi_get_value_int64(env, argv[1], &bytes) != napi_ok || bytes <= 0) {
    napi_throw_range_error(env, NULL, "shm.map: bytes must be a positive integer");
    return NULL;
  }
  bool create = false;
  CHECK(napi_get_value_bool(env, argv[2], &create));
  HANDLE h;
  if (create) {
    h = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, (DWORD)((uint64_t)bytes >> 32), (DWORD)((uint64_t)bytes & 0xffffffffu), wname);
    if (h == NULL) return throw_win(env, "create", name, GetLastError());
    if (GetLastError() == ERROR_ALREADY_EXISTS) {
      CloseHandle(h);
      return throw_win(env, "create", name, ERROR_ALREADY_EXISTS);
    }
  } else {
    h = OpenFileMappingW(FILE_MAP_ALL_ACCESS, FALSE, wname);
    if (h == NULL) return throw_win(env, "open", name, GetLastError());
  }
  // A view larger than the mapping fails here: the size check shm.c does with fstat.
  void* p = MapViewOfFile(h, FILE_MAP_ALL_ACCESS, 0, 0, (SIZE_T)bytes);
  DWORD e = GetLastError();
  CloseHandle(h);
  if (p == NULL) return throw_win(env, "map", name, e);
  napi_value ab;
  if (napi_create_external_arraybuffer(env, p, (size_t)bytes, unmap, NULL, &ab) != napi_ok) {
    UnmapViewOfFile(p);
    napi_throw_error(env, NULL, "shm.map: this Node.js build refuses external ArrayBuffers");
    return NULL;
  }
  return ab;
}

// exists(name: string): boolean (a mapping of that name is alive)
static napi_value exists(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char name[512];
  wchar_t wname[512];
  if (argc != 1 || !wide_name(env, argv[0], name, sizeof name, wname, 512)) return NULL;
  HANDLE h = OpenFileMappingW(FILE_MAP_READ, FALSE, wname);
  if (h != NULL) CloseHandle(h);
  napi_value out;
  CHECK(napi_get_boolean(env, h != NULL, &out));
  return out;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "map", NAPI_AUTO_LENGTH, map, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "map", fn) != napi_ok) return NULL;
  if (napi_create_function(env, "exists", NAPI_AUTO_LENGTH, exists, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "exists", fn) != napi_ok) return NULL;
  return exports;
}
